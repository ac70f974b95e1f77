import numpy as np


def stacked(a):
    return a @ np.ones(2)  # error: @ | 3-d | vectors and matrices


# call: stacked(np.zeros((2, 2, 2)))
