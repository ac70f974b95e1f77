"""a.nonzero() of a 0-d array: NumPy 2 raises ValueError; the types already tell, so kiln says
so at compile time (np.flatnonzero and np.argwhere take 0-d arrays)."""

import numpy as np


def nonzero_of_scalar_array(a):
    return a.nonzero()  # error: a.nonzero() of a 0-d array | atleast_1d


# call: nonzero_of_scalar_array(np.array(5))
