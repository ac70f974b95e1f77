import numpy as np


def product(a):
    return np.dot(a, a)  # error: np.dot | not supported


# call: product(np.zeros(4))
