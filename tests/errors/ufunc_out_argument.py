"""A second argument to np.sqrt is NumPy's `out`, which kiln does not write: refused, not
ignored (it used to return a new array and leave `out` as it was)."""

import numpy as np


def roots_into(a, out):
    return np.sqrt(a, out)  # error: np.sqrt() takes 1 operand | not 2 | `out` argument


# call: roots_into(np.ones(3), np.zeros(3))
