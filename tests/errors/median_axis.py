"""np.median with out= is not supported: a compile error that says what is."""

import numpy as np


def middles(m, out):
    return np.median(m, axis=0, out=out)  # error: no out=, overwrite_input= or keepdims=
# call: middles(np.zeros((2, 2)), np.zeros(2))
