"""np.linalg.norm with an order or an axis is not supported yet: a compile error that says so."""

import numpy as np


def one_norm(a):
    return np.linalg.norm(a, 1)  # error: np.linalg.norm(x) of the whole array
# call: one_norm(np.zeros(2))
