"""zip's strict= keyword (Python 3.10) is not supported: a compile error at the call."""

import numpy as np


def pairs(a, b):
    s = 0.0
    for x, y in zip(a, b, strict=True):  # error: zip() takes one or more sequences
        s += x * y
    return s
# call: pairs(np.zeros(2), np.zeros(2))
