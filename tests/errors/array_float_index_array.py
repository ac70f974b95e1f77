import numpy as np


def gather(a, idx):
    return a[idx]  # error: arrays used as indices must be of integer or boolean type, not float64


# call: gather(np.ones(3), np.array([0.0, 1.0]))
