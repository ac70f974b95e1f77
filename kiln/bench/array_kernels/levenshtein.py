"""Levenshtein edit distance between two int64 sequences: a 2-D dynamic-programming table from
np.zeros, each cell the min of three neighbours."""

import numpy as np

from kiln.bench.array_kernels import _data


def kernel(a, b):
    """The fewest insertions, deletions and substitutions turning `a` into `b`."""
    n = a.shape[0]
    m = b.shape[0]
    d = np.zeros((n + 1, m + 1), dtype=np.int64)
    for i in range(n + 1):
        d[i, 0] = i
    for j in range(m + 1):
        d[0, j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i, j] = min(d[i - 1, j] + 1, d[i, j - 1] + 1, d[i - 1, j - 1] + cost)
    return int(d[n, m])


def _inputs(n):
    """A random sequence over a 4-letter alphabet and a copy with about a fifth of its letters
    replaced."""
    a = _data.integers(n, 0, 4, seed=7)
    b = a.copy()
    changed = _data.uniform(n, seed=8) < 0.2
    b[changed] = _data.integers(n, 0, 4, seed=9)[changed]
    return a, b


SIZES = {"small": (60,), "bench": (1_000,)}
