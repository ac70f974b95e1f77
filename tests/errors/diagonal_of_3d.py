"""np.trace and np.diagonal of more than two dimensions (and with an offset) are not compiled:
the error says what is."""

import numpy as np


def trace_of(a):
    return np.trace(a)  # error: trace() of a 2-d array is what compiled code supports
# call: trace_of(np.zeros((2, 2, 2)))
