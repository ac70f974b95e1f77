"""np.concatenate of one array (NumPy would join its rows) is refused: a tuple of arrays."""
import numpy as np


def join(a):
    return np.concatenate(a)  # error: tuple of arrays | array[float64, 2, C]


# call: join(np.zeros((2, 3)))
