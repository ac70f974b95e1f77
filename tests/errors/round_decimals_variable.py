"""NumPy's round takes its decimals as a constant in compiled code (the code depends on it)."""

import numpy as np


def rounded(a, d):
    return np.round(a, d)  # error: round's decimals must be an int constant
# call: rounded(np.zeros(2), 2)
