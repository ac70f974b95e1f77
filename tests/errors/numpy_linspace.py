import numpy as np


def grid(n):
    return np.linspace(0.0, 1.0, n)  # error: np.linspace | not supported


# call: grid(5)
