"""Pairwise Euclidean distances with a parallel loop over the rows of the (N, N) result: the
array kernel of the same name with prange, on the same points."""

import math

import numpy as np

from kiln.bench.array_kernels.pairwise import _inputs  # noqa: F401  (the runner reads it)

prange = range  # rebound to the implementation's prange (kiln.bench.impls.load)


def kernel(x):
    """out[i, j] = the distance between points x[i] and x[j]; one row per iteration."""
    n = x.shape[0]
    d = x.shape[1]
    out = np.empty((n, n), dtype=np.float64)
    for i in prange(n):
        for j in range(n):
            s = 0.0
            for k in range(d):
                t = x[i, k] - x[j, k]
                s += t * t
            out[i, j] = math.sqrt(s)
    return out


SIZES = {"small": (30, 3), "bench": (1_000, 3)}
