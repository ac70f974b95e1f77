"""numpy.bool - numpy.bool: NumPy raises TypeError ("numpy boolean subtract ... is not
supported"); kiln knows both types when it compiles."""

import numpy as np


def diff(a):
    return a[0] - a[1]  # error: bool
# call: diff(np.array([True, False]))
