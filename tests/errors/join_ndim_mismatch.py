"""NumPy raises ValueError when the line runs; kiln knows the ranks when compiling."""
import numpy as np


def join(m, v):
    return np.concatenate((m, v))  # error: same number of dimensions | index 1 has 1 dimension


# call: join(np.zeros((2, 3)), np.zeros(3))
