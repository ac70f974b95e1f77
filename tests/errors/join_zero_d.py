"""NumPy raises ValueError for 0-d arrays in np.concatenate (np.stack takes them)."""
import numpy as np


def join(a, b):
    return np.concatenate((a, b))  # error: zero-dimensional | np.stack


# call: join(np.array(1.0), np.array(2.0))
