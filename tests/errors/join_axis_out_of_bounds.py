"""NumPy raises AxisError when the line runs; kiln knows the axis and the rank when compiling."""
import numpy as np


def join(a, b):
    return np.concatenate((a, b), axis=-3)  # error: axis -3 | out of bounds | dimension 2


# call: join(np.zeros((2, 3)), np.zeros((1, 3)))
