"""Row-wise reduction: each iteration sums one row of a 2-D array in order, and the row sums
reduce into a float total with `+=`, which a parallel loop adds in another order than CPython
(results agree to the runner's relative 1e-9)."""

from kiln.bench.array_kernels import _data

prange = range  # rebound to the implementation's prange (kiln.bench.impls.load)


def kernel(a):
    """The sum of the elements of `a`, one row per iteration."""
    total = 0.0
    for i in prange(a.shape[0]):
        s = 0.0
        for j in range(a.shape[1]):
            s += a[i, j]
        total += s
    return total


def _inputs(rows, columns):
    """rows x columns values in [0, 1): a positive total, so relative error stays small."""
    return (_data.uniform(rows * columns, seed=10).reshape(rows, columns),)


SIZES = {"small": (50, 100), "bench": (2_000, 4_000)}
