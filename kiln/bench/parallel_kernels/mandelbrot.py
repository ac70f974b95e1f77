"""Mandelbrot escape counts per row of the upper half-plane: a parallel row loop whose rows differ
a lot in work (rows near the real axis cross the set and run to max_iter, rows at the top escape
at once), so an even split of the rows gives one thread most of it."""

import numpy as np

prange = range  # rebound to the implementation's prange (kiln.bench.impls.load)


def kernel(width, height, max_iter):
    """counts[y] = the sum of the escape counts of row y of a width x height grid over
    [-2, 0.5] x [0, 1.25]."""
    counts = np.zeros(height, dtype=np.int64)
    for y in prange(height):
        ci = 1.25 * y / height
        row = 0
        for x in range(width):
            cr = -2.0 + 2.5 * x / width
            zr = 0.0
            zi = 0.0
            n = 0
            while n < max_iter:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                n += 1
            row += n
        counts[y] = row
    return counts


SIZES = {"small": (40, 20, 50), "bench": (400, 300, 300)}
