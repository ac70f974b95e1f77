"""2-D Jacobi relaxation: each sweep writes the 4-neighbour average of one grid into the other,
then the two arrays swap; 2-D indexing at neighbouring offsets, a tuple swap of arrays."""

from kiln.bench.array_kernels import _data


def kernel(a, b, sweeps):
    """The grid after `sweeps` sweeps; `a` and `b` hold the same fixed boundary."""
    n = a.shape[0]
    m = a.shape[1]
    for _ in range(sweeps):
        for i in range(1, n - 1):
            for j in range(1, m - 1):
                b[i, j] = 0.25 * (a[i - 1, j] + a[i + 1, j] + a[i, j - 1] + a[i, j + 1])
        a, b = b, a
    return a


def _inputs(n, sweeps):
    """An n x n grid of values in [0, 1); both arrays start equal."""
    a = _data.uniform(n * n, seed=1).reshape(n, n)
    return a, a.copy(), sweeps


SIZES = {"small": (20, 10), "bench": (100, 150)}
