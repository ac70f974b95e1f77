"""np.searchsorted with sorter=: kiln searches the array itself (a[sorter] is the sorted copy)."""

import numpy as np


def position(a, v, order):
    return np.searchsorted(a, v, sorter=order)  # error: sorter= is not supported | a[sorter]


# call: position(np.array([3.0, 1.0, 2.0]), 2.0, np.array([1, 2, 0]))
