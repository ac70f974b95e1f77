"""math.trunc of a NumPy scalar other than float64 raises TypeError in Python (the type has no
__trunc__; float64 is a float subclass): refused, not computed (it used to return the int)."""

import math

import numpy as np


def truncated(x):
    return math.trunc(x)  # error: math.trunc() of a numpy.float32 | no __trunc__


# call: truncated(np.float32(2.5))  # raises: TypeError
