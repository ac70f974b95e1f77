"""Reductions along one axis: a.sum(axis=k), np.sum(a, axis=k), and the same for prod, mean,
min, max, argmin, argmax, with the axis a constant (negative counts from the end; positional or
keyword; axis=None is the whole array). The result has that axis removed (a 1-d array gives a
NumPy scalar) and NumPy's dtype: sums and products of small integers and bools widen to int64 /
uint64, means of integers are float64. Float sums and means match NumPy to the bit: pairwise
along the axis NumPy's iterator runs innermost (the last axis of a C array, the first of a
Fortran one, the smallest stride of a view), left to right along any other. min/max/argmin/
argmax of an empty axis raise ValueError (even when the result would be empty), a NaN wins
min and max, and argmin/argmax give the first NaN or the first extreme.

Left out on purpose: ties between 0.0 and -0.0 in min and max (NumPy's SIMD loops keep either
one, depending on the length and the lane an element falls in)."""

import numpy as np


def _noise(shape, seed, dtype=np.float64):
    return np.random.default_rng(seed).standard_normal(shape).astype(dtype)


def _grid(n, m, dtype):
    """n x m elements -5, -2, 1, 4, ... (floats hold halves; unsigned dtypes wrap round)."""
    k = np.arange(n * m).reshape(n, m)
    if np.dtype(dtype).kind == "f":
        return ((k * 3 - 5) * 0.5).astype(dtype)
    return (k * 3 - 5).astype(dtype)


def _fortran(a):
    return np.asfortranarray(a)


def _readonly(a):
    a.setflags(write=False)
    return a


def sums(a):
    return a.sum(axis=0), a.sum(axis=1), np.sum(a, axis=-1), np.sum(a, -2), a.sum(1)
# run: sums(_grid(3, 4, np.float64))
# run: sums(_grid(3, 4, np.int64))
# run: sums(_grid(3, 4, np.int8))
# run: sums(_grid(3, 4, np.uint8))
# run: sums(_grid(3, 4, np.uint64))
# run: sums(_grid(3, 4, np.int32))
# run: sums(_grid(3, 4, np.float32))
# run: sums(_grid(3, 4, np.float64) > 0)
# run: sums(_noise((30, 40), 1))
# run: sums(_noise((30, 40), 2, np.float32))
# run: sums(_fortran(_noise((30, 40), 3)))
# run: sums(_noise((40, 30), 4).T)
# run: sums(_noise((60, 80), 5)[::2, ::-3])
# run: sums(_noise((60, 80), 6)[1:50, 3:])
# run: sums(_readonly(_noise((20, 9), 7)))
# run: sums(np.broadcast_to(_noise((1, 30), 8), (25, 30)))
# run: sums(np.broadcast_to(_noise((25, 1), 9), (25, 30)))
# run: sums(_noise((3, 300), 10))
# run: sums(_noise((300, 3), 11))
# run: sums(_noise((1, 50), 12))
# run: sums(_noise((50, 1), 13))
# run: sums(np.zeros((0, 3)))
# run: sums(np.zeros((3, 0), dtype=np.int16))


def sums3(a):
    return a.sum(axis=0), a.sum(axis=1), a.sum(axis=2), np.sum(a, axis=-1)
# run: sums3(_noise((4, 15, 20), 20))
# run: sums3(_fortran(_noise((4, 15, 20), 21)))
# run: sums3(_noise((15, 4, 20), 22).transpose(1, 2, 0))
# run: sums3(_noise((8, 30, 40), 23)[::3, 2:, ::-2])
# run: sums3(_noise((9, 1, 12), 24))
# run: sums3(np.arange(60, dtype=np.uint16).reshape(3, 4, 5))


def vector_sum(a):
    return a.sum(axis=0), np.sum(a, axis=-1), a.sum(axis=None), np.mean(a, 0), a.max(axis=-1)
# run: vector_sum(_noise(1001, 30))
# run: vector_sum(np.arange(7, dtype=np.int8))
# run: vector_sum(_noise(300, 31)[::-2])


def means(a):
    return a.mean(axis=0), np.mean(a, axis=1), a.mean(-1)
# run: means(_noise((30, 40), 40))
# run: means(_noise((30, 40), 41, np.float32))
# run: means(_fortran(_noise((30, 40), 42)))
# run: means(_noise((60, 80), 43)[::-2, 1::3])
# run: means(_grid(5, 7, np.int64))
# run: means(_grid(5, 7, np.uint8))
# run: means(_grid(5, 7, np.float64) > 0)
# run: means(np.zeros((0, 4)))
# run: means(np.zeros((4, 0), dtype=np.float32))


def products(a):
    return a.prod(axis=0), np.prod(a, axis=1), a.prod(-1)
# run: products(_grid(3, 4, np.float64))
# run: products(_grid(3, 4, np.int64))
# run: products(_grid(3, 4, np.int8))
# run: products(_grid(3, 4, np.uint32))
# run: products(_grid(3, 4, np.float64) > -3)
# run: products(1.0 + 0.001 * _noise((20, 300), 50))
# run: products(1.0 + 0.001 * _noise((20, 300), 51, np.float32))
# run: products(_fortran(1.0 + 0.01 * _noise((30, 40), 52)))
# run: products(np.zeros((0, 3)))


def extremes(a):
    return a.min(axis=0), a.max(axis=0), a.min(axis=1), np.max(a, axis=-1)
# run: extremes(_noise((30, 40), 60))
# run: extremes(_fortran(_noise((30, 40), 61, np.float32)))
# run: extremes(_noise((60, 80), 62)[::-2, 1::3])
# run: extremes(_grid(4, 5, np.int8))
# run: extremes(_grid(4, 5, np.uint16))
# run: extremes(_grid(4, 5, np.uint64))
# run: extremes(_grid(4, 5, np.float64) > 0)
# run: extremes(np.array([[1.0, np.nan, 3.0], [np.nan, 2.0, -np.inf], [4.0, 5.0, np.inf]]))
# run: extremes(np.zeros((0, 3)))
# run: extremes(np.zeros((3, 0)))
# run: extremes(np.zeros((0, 0)))


def extremes_of_empty_rows(a):
    return a.min(axis=0), a.argmax(axis=0)
# run: extremes_of_empty_rows(np.zeros((3, 0)))
# run: extremes_of_empty_rows(np.zeros((0, 3)))


def positions(a):
    return a.argmin(axis=0), a.argmax(axis=0), np.argmin(a, axis=1), np.argmax(a, -1)
# run: positions(_noise((30, 40), 70))
# run: positions(_noise((30, 40), 71).T)
# run: positions(_grid(4, 5, np.int32) % 3)
# run: positions(_grid(4, 5, np.uint8))
# run: positions(_grid(4, 5, np.float64) > 1)
# run: positions(np.array([[1.0, np.nan, 3.0], [np.nan, 2.0, np.nan], [4.0, 5.0, 0.5]]))
# run: positions(np.array([[2, 2, 1], [1, 2, 1]]))
# run: positions(np.zeros((3, 0)))
# run: positions(np.zeros((0, 2)))


def positions3(a):
    return a.argmin(axis=1), a.argmax(axis=2), a.min(axis=0), a.max(axis=-2)
# run: positions3(_noise((3, 4, 5), 80))
# run: positions3(_fortran(_noise((3, 4, 5), 81, np.float32)))
# run: positions3(np.arange(60, dtype=np.int16).reshape(3, 4, 5) % 7)


def whole_by_keyword(a):
    return a.sum(axis=None), np.max(a, axis=None), a.argmin(axis=None)
# run: whole_by_keyword(_grid(3, 4, np.float64))
# run: whole_by_keyword(_grid(3, 4, np.int8))


AXIS = 1


def axis_constant(a):
    return a.sum(axis=AXIS), a.argmax(AXIS)
# run: axis_constant(_grid(3, 4, np.float64))


def column_means(a):
    """A reduction inside a loop: each call's result is a new array."""
    total = 0.0
    for i in range(a.shape[0]):
        total += a[i].mean(axis=0) + a.sum(axis=0)[i % a.shape[1]]
    return total
# run: column_means(_grid(5, 4, np.float64))


def kept(m):
    return (m.sum(axis=1, keepdims=True), m.mean(0, keepdims=True),
            np.max(m, axis=-1, keepdims=True), m.argmin(axis=0, keepdims=True),
            m.sum(keepdims=True), np.any(m > 3, keepdims=True), m.min(keepdims=False),
            np.count_nonzero(m, axis=1, keepdims=True), m.prod(axis=None, keepdims=True))
# run: kept(np.arange(12.0).reshape(3, 4))
# run: kept(np.arange(12).reshape(3, 4).T)
# run: kept(np.arange(24.0).reshape(2, 3, 4)[:, ::2])
# run: kept(np.arange(8, dtype=np.int8).reshape(2, 4))


def centred(m):
    return m - m.mean(axis=1, keepdims=True), m / m.max(axis=0, keepdims=True)
# run: centred(np.arange(6.0).reshape(2, 3) + 1)
# run: centred(np.zeros((2, 0)))


def kept_vector(a):
    return a.sum(keepdims=True), a.max(axis=0, keepdims=True), np.all(a, keepdims=True)
# run: kept_vector(np.arange(5))
# run: kept_vector(np.array([True, False]))
# run: kept_vector(np.array([0.5, -0.0, np.nan]))


def averages(a, w):
    """np.average: the mean without weights; with a vector's weights, the pairwise sum of the
    products over the pairwise sum of the weights (float64 for integers)."""
    return np.average(a), np.average(a, weights=w)
# run: averages(np.arange(7) / 3, np.arange(7) % 3 + 0.5)
# run: averages(np.arange(5), np.arange(5))
# run: averages(np.arange(5, dtype=np.float32) / 3, np.ones(5, dtype=np.float32))
# run: averages(np.arange(5, dtype=np.int8), np.arange(5, dtype=np.float32) / 7)
# run: averages(np.arange(3.0), np.zeros(3))
# run: averages(np.arange(3.0), np.ones(4))
# run: averages(np.arange(4.0)[::-1], np.array([1, -1, 2, -2]))


def average_along(m):
    return np.average(m, axis=0), np.average(m, 1), np.average(m)
# run: average_along(np.arange(12).reshape(3, 4) / 7)
