"""Functions imported by name (`from math import sqrt`, `from numpy import zeros`,
`from numpy.linalg import norm`) compile as the qualified ones do, and so does the submodule
spelling np.linalg.norm."""

from math import floor, pi, sqrt

import numpy as np
from numpy import cumsum, float32, int8, zeros
from numpy.linalg import norm


def hypotenuse(a, b):
    return sqrt(a * a + b * b), floor(pi * a)
# run: hypotenuse(3.0, 4.0)
# run: hypotenuse(3, 4)
# run: hypotenuse(-1.0, 0.0)


def made(n):
    a = zeros(n, dtype=float32)
    b = zeros((2, n), int8)
    return a, b, cumsum(b + 1), float32(n) / 3
# run: made(3)
# run: made(0)


def norms(a):
    return norm(a), np.linalg.norm(a), np.linalg.norm(a.reshape(2, -1))
# run: norms(np.array([3.0, 4.0, 0.0, 12.0]))
# run: norms(np.arange(6))
# run: norms(np.array([3, 4], dtype=np.int8))
# run: norms(np.array([0.5, 1.5], dtype=np.float32))
# run: norms(np.array([np.inf, 1.0]))
# run: norms(np.array([np.nan, np.inf]))
# run: norms(np.zeros(0))
# run: norms(np.array([True, True, False, True]))
