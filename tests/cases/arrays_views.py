"""Views of an array in another shape, and functions made from them: np.flip (np.flipud,
np.fliplr), np.expand_dims, np.atleast_1d/2d/3d, np.swapaxes, np.diagonal and np.diag (read-only
views of a matrix's diagonal; np.diag of a vector makes a matrix), np.trace, and
np.ascontiguousarray / np.asarray, which return the array itself where NumPy does (writes
through the result reach it) and a copy otherwise. Also np.ptp and np.array_equal."""

import numpy as np


def _grid(rows, columns, dtype=np.float64):
    return (np.arange(rows * columns) % 7 - 2).astype(dtype).reshape(rows, columns)


def flips(a):
    b = np.flip(a, 0)
    b[0] = 9
    return np.flip(a), np.flipud(a), np.flip(a, -1), b, a
# run: flips(np.arange(6.0))
# run: flips(_grid(3, 4))
# run: flips(_grid(3, 4)[:, ::2])
# run: flips(np.asfortranarray(_grid(3, 4, np.int16)))
# run: flips(np.zeros((0, 3)))


def flip_columns(m):
    return np.fliplr(m), np.flip(m, axis=1).sum(axis=1)
# run: flip_columns(_grid(3, 4))
# run: flip_columns(_grid(2, 5, np.uint8)[::-1])


def unit_axes(a):
    return np.expand_dims(a, 0), np.expand_dims(a, -1), np.atleast_1d(a), np.atleast_2d(a), \
        np.atleast_3d(a)
# run: unit_axes(np.arange(5))
# run: unit_axes(_grid(3, 4))
# run: unit_axes(np.asfortranarray(_grid(3, 4)))
# run: unit_axes(_grid(4, 6)[::2, 1::2])
# run: unit_axes(np.arange(24.0).reshape(2, 3, 4))


def swapped(m):
    s = np.swapaxes(m, 0, 1)
    s[0, 0] = -1
    return s, m.swapaxes(1, 0).copy(), m
# run: swapped(_grid(3, 4))
# run: swapped(np.asfortranarray(_grid(3, 4, np.int32)))
# run: swapped(np.arange(24.0).reshape(2, 3, 4)[:, 1])


def diagonals(m):
    return np.trace(m), m.trace(), np.diagonal(m), m.diagonal().copy(), np.diag(m)
# run: diagonals(_grid(3, 4))
# run: diagonals(_grid(4, 3, np.int8) * 40)
# run: diagonals(np.asfortranarray(_grid(3, 3, np.float32)) / 3)
# run: diagonals(_grid(6, 4)[::2, ::-1])
# run: diagonals(np.zeros((0, 2)))
# run: diagonals(np.array([[True, False], [True, True]]))


def diagonal_matrix(v):
    return np.diag(v), np.diag(v[::-1])
# run: diagonal_matrix(np.arange(4.0))
# run: diagonal_matrix(np.arange(3, dtype=np.uint16))
# run: diagonal_matrix(np.zeros(0))


def contiguous(m):
    c = np.ascontiguousarray(m)
    c[0, 0] = 100
    return c, m
# run: contiguous(_grid(3, 4))
# run: contiguous(np.asfortranarray(_grid(3, 4)))
# run: contiguous(_grid(6, 4)[::2])
# run: contiguous(_grid(6, 4)[2:])
# run: contiguous(np.asfortranarray(_grid(1, 4)))


def as_arrays(a):
    b = np.asarray(a)
    b[0] = 7
    return b, np.asarray(a, dtype=np.int64), np.asarray(a, dtype=a.dtype), np.asarray((1, 2.5)), a
# run: as_arrays(np.arange(4.0))
# run: as_arrays(np.arange(4, dtype=np.int64))
# run: as_arrays(np.arange(8, dtype=np.uint8)[::2])


def spans(a):
    return np.ptp(a), np.ptp(a, 0), np.ptp(a, axis=-1)
# run: spans(np.array([[127, -128, 3], [0, 5, -7]], dtype=np.int8))
# run: spans(_grid(3, 4) / 3)
# run: spans(np.array([[np.nan, 1.0], [2.0, 3.0]]))
# run: spans(np.zeros((0, 3)))


def equal_arrays(a, b):
    return np.array_equal(a, b), np.array_equal(a, a), np.array_equal(a, b[:1]), \
        np.array_equal(a, b[0])
# run: equal_arrays(_grid(2, 3), _grid(2, 3))
# run: equal_arrays(_grid(2, 3), _grid(2, 3, np.int8))
# run: equal_arrays(_grid(2, 3), _grid(2, 3)[::-1].copy())
# run: equal_arrays(np.full((2, 2), np.nan), np.full((2, 2), np.nan))
# run: equal_arrays(np.zeros((0, 3)), np.zeros((0, 3)))


def squeezed(m):
    s = np.squeeze(m, axis=0)
    s[0] = 5
    return s, m.squeeze(-1) if m.shape[-1] == 1 else m[0], m
# run: squeezed(_grid(1, 4))
# run: squeezed(np.asfortranarray(_grid(1, 3, np.int8)))
# run: squeezed(_grid(1, 1))
# run: squeezed(_grid(2, 3))
# run: squeezed(np.arange(12.0).reshape(1, 3, 4)[:, ::2])


def reciprocals(a):
    return np.reciprocal(a), np.reciprocal(a[0])
# run: reciprocals(np.array([2.0, 0.0, -0.0, np.inf, 3.0]))
# run: reciprocals(np.array([3.0, 7.0], dtype=np.float32))
