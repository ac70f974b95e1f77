"""NumPy refuses to subtract bools (a TypeError), so kiln does not subtract them as ints."""

import numpy as np


def difference(flags, other):
    return flags[0] - other  # error: unsupported - np.bool bool
# call: difference(np.array([True]), True)  # raises: TypeError
