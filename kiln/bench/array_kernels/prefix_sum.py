"""Prefix sum: the running total of a float64 array written into a new array from
np.empty_like; a loop-carried float dependence."""

import numpy as np

from kiln.bench.array_kernels import _data


def kernel(a):
    """out[i] = a[0] + ... + a[i], summed left to right."""
    out = np.empty_like(a)
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
        out[i] = s
    return out


def _inputs(n):
    """n values in [-0.5, 0.5)."""
    return (_data.uniform(n, seed=6) - 0.5,)


SIZES = {"small": (10_000,), "bench": (6_000_000,)}
