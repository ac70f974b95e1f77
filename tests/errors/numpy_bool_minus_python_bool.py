"""NumPy refuses to subtract a Python bool from a numpy.bool (a TypeError), so kiln does not
retry them as ints."""

import numpy as np


def difference(flags, other):
    return flags[0] - other  # error: unsupported - np.bool bool
# call: difference(np.array([True]), True)  # raises: TypeError
