"""enumerate takes a sequence and an optional start, as in Python."""

import numpy as np


def indexed(a):
    s = 0
    for i, x in enumerate(a, 1, 2):  # error: enumerate() takes a sequence and an optional start
        s += i
    return s
# call: indexed(np.zeros(2))
