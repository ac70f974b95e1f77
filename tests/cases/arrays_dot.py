"""Products of vectors and matrices: np.dot(a, b) and a @ b for 1-d . 1-d (a NumPy scalar),
2-d . 1-d, 1-d . 2-d and 2-d . 2-d, in every layout, with NumPy's result dtype (mixed dtypes
promote; bools give bool). Inner dimensions that differ raise ValueError; an empty inner
dimension gives zeros. Integers wrap round as in NumPy.

NumPy hands float products to BLAS, which adds in its own order (with fused multiply-adds), so
the float inputs here are small integers and halves: every product and partial sum is exact,
the order cannot show, and results must match to the bit. (With arbitrary floats the two agree
to rounding: see test_array_properties.py.) NaN and infinity still propagate exactly."""

import numpy as np


def _ints(shape, seed, dtype=np.float64):
    """Integers in [-5, 5] (as `dtype`)."""
    return np.random.default_rng(seed).integers(-5, 6, shape).astype(dtype)


def _fortran(a):
    return np.asfortranarray(a)


def dot(a, b):
    return np.dot(a, b)
# run: dot(_ints(5, 1), _ints(5, 2))
# run: dot(_ints(5, 1, np.float32), _ints(5, 2, np.float32))
# run: dot(_ints(5, 1, np.int64), _ints(5, 2, np.int64))
# run: dot(_ints(5, 1, np.int32), _ints(5, 2, np.int8))
# run: dot(_ints(5, 1, np.uint8), _ints(5, 2, np.int16))
# run: dot(_ints(5, 1, np.float32), _ints(5, 2, np.int64))
# run: dot(_ints(5, 1) > 0, _ints(5, 2) > 0)
# run: dot(_ints(5, 1) > 3, _ints(5, 2) > 3)
# run: dot(np.array([100, 100], dtype=np.int8), np.array([2, 2], dtype=np.int8))
# run: dot(np.zeros(0), np.zeros(0))
# run: dot(_ints(5, 1), _ints(4, 2))
# run: dot(_ints(9, 1)[::-2], _ints(10, 2)[1::2])
# run: dot(_ints((3, 4), 3), _ints(4, 4))
# run: dot(_ints(3, 3), _ints((3, 4), 4))
# run: dot(_ints((3, 4), 3), _ints((4, 2), 5))
# run: dot(_ints((3, 4), 3, np.int16), _ints((4, 2), 5, np.uint8))
# run: dot(_ints((3, 4), 3), _ints((3, 2), 5))
# run: dot(_ints((3, 4), 3), _ints(3, 5))
# run: dot(_ints(3, 3), _ints((4, 2), 5))
# run: dot(np.zeros((3, 0)), np.zeros((0, 2)))
# run: dot(np.zeros((0, 4)), _ints((4, 2), 6))
# run: dot(_ints((3, 4), 7), np.zeros((4, 0)))
# run: dot(np.array([1.0, np.nan]), np.array([0.0, 1.0]))
# run: dot(np.array([np.inf, 1.0]), np.array([0.0, 1.0]))
# run: dot(np.array([[np.inf, 1.0], [2.0, 3.0]]), np.array([[1.0], [-np.inf]]))


def matmul(a, b):
    return a @ b
# run: matmul(_ints(5, 1), _ints(5, 2))
# run: matmul(_ints(5, 1, np.int64), _ints(5, 2, np.uint32))
# run: matmul(_ints((3, 4), 3), _ints(4, 4))
# run: matmul(_ints(3, 3, np.float32), _ints((3, 4), 4, np.float32))
# run: matmul(_ints((3, 4), 3), _ints((4, 2), 5))
# run: matmul(_ints((3, 4), 3) > 0, _ints((4, 2), 5) > 0)
# run: matmul(_ints((3, 4), 3), _ints((3, 2), 5))
# run: matmul(_ints((3, 4), 3), _ints(5, 5))
# run: matmul(_ints(3, 3), _ints((4, 2), 5))
# run: matmul(np.zeros((3, 0), dtype=np.int32), np.zeros((0, 2), dtype=np.int32))


def layouts(a, b):
    return a @ b, np.dot(b.T, a.T)
# run: layouts(_ints((6, 5), 10), _ints((5, 7), 11))
# run: layouts(_fortran(_ints((6, 5), 10)), _ints((5, 7), 11))
# run: layouts(_ints((6, 5), 10), _fortran(_ints((5, 7), 11)))
# run: layouts(_ints((5, 6), 12).T, _ints((7, 5), 13).T)
# run: layouts(_ints((12, 15), 14)[::2, ::-3], _ints((10, 9), 15)[1::2, 2:])
# run: layouts(_ints((6, 5), 16, np.float32), _ints((5, 7), 17, np.float32).T.copy().T)
# run: layouts(np.broadcast_to(_ints((1, 5), 18), (6, 5)), _ints((5, 7), 19))
# run: layouts(_ints((6, 5), 20, np.int8), _fortran(_ints((5, 7), 21, np.int64)))


def large(a, b):
    """Past the blocks (512 columns, depth 128) and row tiles (8) of the loop, with remainders."""
    return a @ b
# run: large(_ints((19, 300), 30), _ints((300, 530), 31))
# run: large(_ints((19, 300), 32, np.float32), _fortran(_ints((300, 530), 33, np.float32)))
# run: large(_ints((19, 300), 34, np.int64), _ints((300, 530), 35, np.int64))
# run: large(_ints((300, 19), 36).T, _ints(300, 37))


def chain(a, v):
    """Products of products, new arrays released along the way."""
    total = 0.0
    for i in range(3):
        total += (a @ (a @ v))[i] + np.dot(v, a @ v)
    return total, a @ a @ a
# run: chain(_ints((4, 4), 40), _ints(4, 41))


def crossed(a, b):
    """np.cross of 3-vectors and of n x 3 stacks (a stack of one repeats), NumPy's formula in
    the common dtype (int8 wraps); other lengths raise ValueError."""
    return np.cross(a, b)
# run: crossed(np.array([0.5, -2.0, 3.25]), np.array([1.5, 0.25, -1.0]))
# run: crossed(np.array([1, 2, 3], dtype=np.int8) * 40, np.array([4, 5, 6], dtype=np.int8) * 30)
# run: crossed(np.arange(15.0).reshape(5, 3) / 7, np.arange(15.0)[::-1].reshape(5, 3) / 3)
# run: crossed(np.array([[1.0, 0.0, 0.0]]), np.arange(12.0).reshape(4, 3))
# run: crossed(np.arange(18.0).reshape(6, 3)[::2], np.asfortranarray(np.eye(3)))
# run: crossed(np.array([1.0, 2.0, 3.0], dtype=np.float32), np.array([0.1, 0.2, 0.3]))
# run: crossed(np.arange(4.0), np.arange(3.0))
# run: crossed(np.ones((2, 3)), np.ones((3, 3)))
