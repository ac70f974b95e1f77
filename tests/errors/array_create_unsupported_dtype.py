"""Creating an array of a dtype outside the subset."""

import numpy as np


def make(n):
    return np.zeros(n, dtype=np.float16)  # error: float16
# call: make(3)
