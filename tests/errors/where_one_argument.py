"""np.where(condition) alone is np.nonzero(condition), which takes an array: the condition of
a number is a compile error that says so."""

import numpy as np


def positive_indices(x):
    return np.where(x > 0)  # error: np.where(condition) takes one array | np.nonzero(a)


# call: positive_indices(2.5)
