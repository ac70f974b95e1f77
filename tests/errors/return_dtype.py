"""A dtype exists only while compiling: returning one is a compile error (it came back as None)."""

import numpy as np


def kind(a):
    return a.dtype  # error: would return dtype[float64]: a dtype, a slice or a str exists only while compiling
# call: kind(np.zeros(2))
