"""Jammed loop nests with bounds checks on (kiln/loops.py, jam_nests): the jammed copy runs
only while a guard proves every index that moves with the loops in bounds for the trips left,
so an index out of bounds raises IndexError where CPython does, with the same elements written
before it. An index the nest does not change fails alike in every lane: the first lane meets
it first, as the loop as written does."""

import math

import numpy as np


def _grid(n, m):
    return ((np.arange(n * m) * 7.3) % 5.0 - 2.0).reshape(n, m)


def matmul_into(a, b, c, rows, cols, depth):
    """The counts are arguments: any of them too large raises IndexError part way through."""
    for i in range(rows):
        for j in range(cols):
            s = 0.0
            for k in range(depth):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return c
# run: matmul_into(_grid(3, 4), _grid(4, 9), np.zeros((3, 9)), 3, 9, 4)
# run: matmul_into(_grid(3, 4), _grid(4, 9), np.zeros((3, 9)), 3, 8, 4)
# run: matmul_into(_grid(3, 4), _grid(4, 7), np.zeros((3, 9)), 3, 9, 4)
# run: matmul_into(_grid(3, 4), _grid(4, 9), np.zeros((3, 6)), 3, 9, 4)
# run: matmul_into(_grid(3, 4), _grid(4, 9), np.zeros((3, 9)), 3, 9, 5)
# run: matmul_into(_grid(3, 5), _grid(4, 9), np.zeros((3, 9)), 3, 9, 5)
# run: matmul_into(_grid(3, 4), _grid(4, 9), np.zeros((3, 9)), 4, 9, 4)
# run: matmul_into(_grid(3, 4), _grid(4, 9), np.zeros((2, 9)), 3, 9, 4)
# run: matmul_into(_grid(3, 4), _grid(4, 9), np.zeros((3, 9)), 3, 9, 0)
# run: matmul_into(_grid(3, 4), _grid(4, 9), np.zeros((3, 9)), 3, 0, 4)
# run: matmul_into(_grid(3, 4), _grid(4, 9)[:, ::-1], np.zeros((3, 9)), 3, 9, 4)
# run: matmul_into(_grid(3, 4), _grid(9, 4).T, np.zeros((3, 12)), 3, 12, 4)


def shifted(a, w, out, lo, hi):
    """Indices j - 1 and j + 1 from a range that may start below 1 or end past the last
    column: negative indices wrap in CPython, so the guard leaves such trips to the loop as
    written."""
    for i in range(out.shape[0]):
        for j in range(lo, hi):
            s = 0.0
            for k in range(w.shape[0]):
                s += w[k] * (a[k, j - 1] - a[k, j + 1])
            out[i, j] = s
    return out
# run: shifted(_grid(3, 12), np.array([1.0, 2.0, -1.0]), np.zeros((2, 12)), 1, 11)
# run: shifted(_grid(3, 12), np.array([1.0, 2.0, -1.0]), np.zeros((2, 12)), 0, 11)
# run: shifted(_grid(3, 12), np.array([1.0, 2.0, -1.0]), np.zeros((2, 12)), 1, 12)
# run: shifted(_grid(3, 12), np.array([1.0, 2.0, -1.0]), np.zeros((2, 12)), -5, 3)
# run: shifted(_grid(3, 12), np.array([1.0, 2.0, -1.0, 4.0]), np.zeros((2, 12)), 1, 11)


def fixed_row(a, b, c, r):
    """a[r, k] with r an argument: out of bounds, or negative (wrapping), in every lane alike."""
    for j in range(c.shape[0]):
        s = 0.0
        for k in range(b.shape[0]):
            s += a[r, k] * b[k, j]
        c[j] = s
    return c
# run: fixed_row(_grid(3, 4), _grid(4, 9), np.zeros(9), 2)
# run: fixed_row(_grid(3, 4), _grid(4, 9), np.zeros(9), -1)
# run: fixed_row(_grid(3, 4), _grid(4, 9), np.zeros(9), 3)
# run: fixed_row(_grid(3, 4), _grid(4, 9), np.zeros(9), -4)
# run: fixed_row(_grid(3, 4), _grid(4, 9), np.zeros(0), 7)


def norms(x, out):
    """math.sqrt of a sum of squares, and rows of x picked by the parent."""
    for j in range(out.shape[0]):
        s = 0.0
        for k in range(x.shape[1]):
            t = x[j, k]
            s += t * t
        out[j] = math.sqrt(s)
    return out
# run: norms(_grid(9, 5), np.zeros(9))
# run: norms(_grid(9, 5), np.zeros(11))
# run: norms(_grid(9, 5), np.zeros(3))
