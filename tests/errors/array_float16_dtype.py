"""An array of float16 as an argument: half floats are not in the subset."""

import numpy as np


def first(a):
    return a[0]
# call: first(np.zeros(2, dtype=np.float16))  # error: dtype | float16
# raises: TypeError
