"""Indexing an array with a float (NumPy: IndexError at run time; kiln knows the type)."""

import numpy as np


def at(a, x):
    return a[x]  # error: index | float
# call: at(np.zeros(3), 1.5)
