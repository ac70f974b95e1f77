"""Slicing inside compiled code: views with CPython's slice rules, and assignment through them."""
import numpy as np


def _vec(n):
    return np.arange(n, dtype=np.float64)


def _grid(n, m):
    return np.arange(n * m, dtype=np.int64).reshape(n, m)


def slice3(a, i, j, k):
    return a[i:j:k]
# run: slice3(_vec(10), 1, 8, 2)
# run: slice3(_vec(10), 8, 1, -3)
# run: slice3(_vec(10), -3, None, None)
# run: slice3(_vec(10), None, None, -1)
# run: slice3(_vec(10), 20, -20, -1)
# run: slice3(_vec(10), 1, 5, 0)
# run: slice3(_vec(0), None, None, 2)
# run: slice3(_vec(10), 5, 2, 1)
# run: slice3(_vec(10), -100, 100, 3)


def head_tail(a, n):
    return a[:n], a[n:], a[-n:]
# run: head_tail(_vec(6), 2)
# run: head_tail(_vec(6), 0)
# run: head_tail(_vec(6), 9)


def column(g, j):
    return g[:, j]
# run: column(_grid(3, 4), 0)
# run: column(_grid(3, 4), -1)
# run: column(_grid(3, 4), 4)


def corner(g):
    return g[1:, ::2], g[::-1, 1], g[1, 1:3]
# run: corner(_grid(4, 5))
# run: corner(_grid(2, 3))


def view_writes_through(a):
    v = a[2:5]
    v[0] = 100.0
    v[-1] = -1.0
    return a
# run: view_writes_through(_vec(8))


def fill_part(a, lo, hi, v):
    a[lo:hi] = v
    return a
# run: fill_part(_vec(10), 2, 5, 7.0)
# run: fill_part(_vec(10), -3, None, 1)
# run: fill_part(np.zeros(5, dtype=np.uint8), 1, 3, 300)
# run: fill_part(np.zeros(5, dtype=np.int32), 0, 5, 2.9)


def copy_in(a, b):
    a[1:] = b
    return a
# run: copy_in(_vec(5), np.ones(4))
# run: copy_in(_vec(5), np.ones(3))
# run: copy_in(np.zeros(4, dtype=np.int64), np.array([1.7, -2.2, 3.9]))


def shift_right(a):
    a[1:] = a[:-1]
    return a
# run: shift_right(np.arange(6))
# run: shift_right(np.arange(1))


def rows_and_columns(g, row):
    g[1] = row
    g[:, 0] = -1
    return g
# run: rows_and_columns(_grid(3, 4), np.array([9, 8, 7, 6]))
# run: rows_and_columns(_grid(3, 4), np.array([5]))


def broadcast_rows(g, row):
    g[:] = row
    return g
# run: broadcast_rows(np.zeros((3, 4)), np.arange(4.0))
# run: broadcast_rows(np.zeros((3, 4)), np.arange(3.0))


def sum_of_slice(a, lo, hi):
    total = 0.0
    for x in a[lo:hi]:
        total += x
    return total
# run: sum_of_slice(_vec(10), 2, 7)
# run: sum_of_slice(_vec(10), 7, 2)


def new_axes(m):
    """None (np.newaxis) in an index adds an axis of length 1; writes through the view reach
    the array."""
    v = m[None, 1:, None, ::2]
    v[0, 0, 0, 0] = -1
    return m[None], m[:, None, 1], m[1, None], v, m[0, 1, None], m[:, np.newaxis] * 2, m
# run: new_axes(np.arange(12.0).reshape(3, 4))
# run: new_axes(np.asfortranarray(np.arange(12, dtype=np.int16).reshape(3, 4)))
# run: new_axes(np.arange(24.0).reshape(4, 6)[::2, 1:])


def outer_by_broadcast(a, b):
    return a[:, None] * b[None, :], a[np.newaxis] + b[:, np.newaxis]
# run: outer_by_broadcast(np.arange(3.0), np.arange(4.0) / 3)
# run: outer_by_broadcast(np.arange(3, dtype=np.int8), np.arange(2, dtype=np.int8))
