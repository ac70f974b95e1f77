"""A side other than "left" or "right" (NumPy: ValueError at run time; kiln reads the constant)."""

import numpy as np


def position(a, v):
    return np.searchsorted(a, v, "middle")  # error: side must be one of | 'middle'


# call: position(np.array([1.0, 2.0, 3.0]), 2.0)
