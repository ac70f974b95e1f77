"""np.bincount counts integers (NumPy: a TypeError for floats, which cannot be cast safely)."""

import numpy as np


def counts(a):
    return np.bincount(a)  # error: np.bincount takes a 1-d array of integers
# call: counts(np.zeros(3))
