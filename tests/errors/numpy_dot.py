import numpy as np


def product(a):
    return np.dot(a, a)  # error: np.dot | 3-d | not supported


# call: product(np.zeros((2, 2, 2)))
