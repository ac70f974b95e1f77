"""np.square of bools is int8 in NumPy, unlike x * x (a bool): refused, not computed as x * x."""

import numpy as np


def squares(flags):
    return np.square(flags)  # error: np.square of array[bool, 1, C] | write x * x


# call: squares(np.array([True, False]))
