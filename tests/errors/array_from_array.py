"""np.array(a) of an array (a copy in NumPy, keeping a's memory order) is not compiled; the
error names the methods that are."""

import numpy as np


def copied(a):
    return np.array(a)  # error: a.copy(), or a.astype(dtype)
# call: copied(np.zeros(3))
