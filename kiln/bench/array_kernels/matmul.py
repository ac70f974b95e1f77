"""Naive matrix multiply: the (n, p) result allocated with np.zeros inside the kernel, three
nested loops, a float accumulator over the inner dimension."""

import numpy as np

from kiln.bench.array_kernels import _data


def kernel(a, b):
    """a @ b for float64 matrices, one dot product per result element."""
    n = a.shape[0]
    m = a.shape[1]
    p = b.shape[1]
    c = np.zeros((n, p), dtype=np.float64)
    for i in range(n):
        for j in range(p):
            s = 0.0
            for k in range(m):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return c


def _inputs(n):
    """Two n x n matrices of values in [-1, 1)."""
    a = 2.0 * _data.uniform(n * n, seed=2).reshape(n, n) - 1.0
    b = 2.0 * _data.uniform(n * n, seed=3).reshape(n, n) - 1.0
    return a, b


SIZES = {"small": (12,), "bench": (150,)}
