import numpy as np


def scaled(a):
    return a @ np.float64(2.0)  # error: unsupported operand | @ | 1-d and 2-d arrays


# call: scaled(np.zeros((2, 2)))
