"""Writing into a read-only array. NumPy raises ValueError ("assignment destination is
read-only") at run time; kiln specializes on writeability, so it refuses to compile the store."""

import numpy as np


def _readonly(n):
    a = np.zeros(n)
    a.setflags(write=False)
    return a


def store(a):
    a[0] = 1.0  # error: read-only
# call: store(_readonly(3))
