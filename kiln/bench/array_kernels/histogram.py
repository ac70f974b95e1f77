"""Histogram: float64 samples counted into int64 bins; a float-to-int bin index, a range test,
a read-modify-write of a data-dependent element."""

import numpy as np

from kiln.bench.array_kernels import _data


def kernel(data, bins, lo, hi):
    """Counts of the samples in each of `bins` equal bins over [lo, hi); others are dropped."""
    counts = np.zeros(bins, dtype=np.int64)
    scale = bins / (hi - lo)
    for i in range(data.shape[0]):
        x = data[i]
        if x >= lo and x < hi:
            k = int((x - lo) * scale)
            if k >= bins:  # rounding at the top edge
                k = bins - 1
            counts[k] += 1
    return counts


def _inputs(samples, bins):
    """Samples spread over [-0.1, 1.1), so some fall outside [0, 1)."""
    data = 1.2 * _data.uniform(samples, seed=5) - 0.1
    return data, bins, 0.0, 1.0


SIZES = {"small": (5_000, 16), "bench": (2_500_000, 64)}
