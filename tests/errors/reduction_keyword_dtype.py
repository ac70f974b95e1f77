import numpy as np


def total(a):
    return a.sum(dtype=np.float32)  # error: unexpected | dtype | a, axis


# call: total(np.zeros(3))
