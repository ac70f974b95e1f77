"""NumPy raises AxisError when the line runs; kiln knows the axis and the rank when compiling."""
import numpy as np


def sums(a):
    return np.sum(a, axis=2)  # error: axis 2 | out of bounds | dimension 2


# call: sums(np.zeros((2, 3)))
