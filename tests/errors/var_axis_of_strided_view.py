"""var along an axis of a strided view: NumPy lays out `a - mean` by both operands' strides
there, which decides the sums' order; compiled code takes C arrays and 2-d Fortran ones."""

import numpy as np


def spread(a):
    return a.var(axis=0)  # error: np.ascontiguousarray(a).var(axis=...)
# call: spread(np.zeros((4, 6))[:, ::2])
