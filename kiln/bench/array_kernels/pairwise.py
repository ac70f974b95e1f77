"""Pairwise Euclidean distances: (N, D) points to an (N, N) matrix allocated inside the kernel,
an inner loop over the coordinates, math.sqrt per pair."""

import math

import numpy as np

from kiln.bench.array_kernels import _data


def kernel(x):
    """out[i, j] = the distance between points x[i] and x[j]."""
    n = x.shape[0]
    d = x.shape[1]
    out = np.empty((n, n), dtype=np.float64)
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(d):
                t = x[i, k] - x[j, k]
                s += t * t
            out[i, j] = math.sqrt(s)
    return out


def _inputs(points, dims):
    """`points` points in the unit cube of `dims` dimensions."""
    return (_data.uniform(points * dims, seed=4).reshape(points, dims),)


SIZES = {"small": (30, 3), "bench": (800, 3)}
