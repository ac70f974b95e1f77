"""Deterministic benchmark inputs: splitmix64, whose k-th output is a hash of seed + k * constant,
so NumPy computes a whole sequence at once and every run, machine and NumPy version sees the same
numbers (no global random state, no libm).

    uniform(4, seed=1)  -> four float64 values in [0, 1)
    integers(4, 0, 4)   -> four int64 values in [0, 4)
"""

from __future__ import annotations

import numpy as np

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)  # splitmix64's increment and its two multipliers
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)


def _bits(count: int, seed: int) -> np.ndarray:
    """The first `count` outputs of splitmix64 seeded with `seed` (uint64 arithmetic wraps)."""
    z = np.uint64(seed) + (np.arange(count, dtype=np.uint64) + np.uint64(1)) * _GOLDEN
    z = (z ^ (z >> np.uint64(30))) * _MIX1
    z = (z ^ (z >> np.uint64(27))) * _MIX2
    return z ^ (z >> np.uint64(31))


def uniform(count: int, seed: int = 0) -> np.ndarray:
    """float64 values in [0, 1): the top 53 bits of each output over 2**53."""
    return (_bits(count, seed) >> np.uint64(11)).astype(np.float64) / float(2**53)


def integers(count: int, low: int, high: int, seed: int = 0) -> np.ndarray:
    """int64 values in [low, high)."""
    span = np.uint64(high - low)
    return (_bits(count, seed) % span).astype(np.int64) + low
