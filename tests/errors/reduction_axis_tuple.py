import numpy as np


def total(a):
    return np.max(a, axis=(0, 1))  # error: constant int axis | tuple of axes


# call: total(np.zeros((2, 3)))
