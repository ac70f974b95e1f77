"""np.nansum of a strided n-d view: NumPy sums a copy in an order of its own, which kiln does
not reproduce; a compile error says to copy first."""

import numpy as np


def total(m):
    return np.nansum(m[:, ::2])  # error: np.nansum of a strided n-d view
# call: total(np.zeros((3, 4)))
