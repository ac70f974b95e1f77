"""np.where with only a condition gives the indices where it holds (np.nonzero): not compiled,
and said so (it used to fail inside kiln with a ValueError)."""

import numpy as np


def positive_indices(a):
    return np.where(a > 0)  # error: np.where(condition) alone | np.where(condition, x, y) is


# call: positive_indices(np.arange(5))
