"""Sieve of Eratosthenes: a uint8 flag array from np.ones, stepped ranges crossing out
multiples, a count of what is left."""

import numpy as np


def kernel(n):
    """How many primes are below `n`."""
    flags = np.ones(n, dtype=np.uint8)
    flags[0] = 0
    flags[1] = 0
    i = 2
    while i * i < n:
        if flags[i] != 0:
            for j in range(i * i, n, i):
                flags[j] = 0
        i += 1
    count = 0
    for k in range(n):
        if flags[k] != 0:
            count += 1
    return count


def _inputs(n):
    return (n,)


SIZES = {"small": (10_000,), "bench": (5_000_000,)}
