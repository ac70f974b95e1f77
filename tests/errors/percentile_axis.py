"""np.percentile along an axis is not supported: a compile error that says what is."""

import numpy as np


def quartiles(m):
    return np.percentile(m, 25.0, axis=0)  # error: no axis=, out=, overwrite_input=, keepdims=
# call: quartiles(np.zeros((2, 2)))
