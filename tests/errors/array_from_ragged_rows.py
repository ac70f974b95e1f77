"""np.array of rows of different lengths is NumPy's ValueError (an inhomogeneous shape); the
lengths are known when kiln compiles, so it says so then."""

import numpy as np


def table(x):
    return np.array([[x, 1.0], [2.0]])  # error: inhomogeneous shape
# call: table(0.5)
