"""np.unique's extra results are not supported yet: a compile error that says what is."""

import numpy as np


def counted(a):
    return np.unique(a, return_counts=True)  # error: np.unique(a) of the values alone
# call: counted(np.zeros(3))
