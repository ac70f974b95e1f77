import numpy as np


def sorted_along(a, k):
    return np.sort(a, axis=k)  # error: sort | constant int axis


# call: sorted_along(np.zeros((2, 3)), 1)
