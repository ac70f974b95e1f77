import numpy as np


def flatten_grid(a):
    return a.reshape(4)  # error: reshape | not supported


# call: flatten_grid(np.zeros((2, 2)))
