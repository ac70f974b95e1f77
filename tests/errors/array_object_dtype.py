"""An array of Python objects as an argument: no specialization can exist for it."""

import numpy as np


def first(a):
    return a[0]
# call: first(np.array([1, "x"], dtype=object))  # error: dtype | object
# raises: TypeError
