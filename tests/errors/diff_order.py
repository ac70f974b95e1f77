"""np.diff of a higher order is spelled as repeated np.diff in compiled code."""

import numpy as np


def second(a):
    return np.diff(a, 2)  # error: np.diff takes n=1
# call: second(np.zeros(4))
