"""np.argsort's default quicksort orders equal elements its own way (SIMD code on some CPUs):
compiled code does kind='stable', and says so."""

import numpy as np


def order(a):
    return np.argsort(a)  # error: compiled code does kind='stable'
# call: order(np.zeros(3))
