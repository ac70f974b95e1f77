"""Writing array elements: a[i] = v, a[i, j] = v, a[i, j, k] = v and a[i] op= v, with NumPy's
casts. A Python int must fit the dtype (else OverflowError, NumPy 2); a Python float stored into
an integer array is truncated toward zero and must then fit too; anything stored into a bool
array is its truth value; float32 rounds. The arrays passed in are compared after every call,
also when the call raised half-way (the writes before the error stay)."""

import math

import numpy as np


def _values(count, dtype):
    """`count` elements: -5, -2, 1, 4, ... (unsigned dtypes wrap the negatives round; floats
    hold halves -2.5, -1.0, 0.5, ...; bools are True, False, False, True, ...)."""
    k = np.arange(count)
    if dtype is np.bool_:
        return k % 3 == 0
    if np.dtype(dtype).kind == "f":
        return ((k * 3 - 5) * 0.5).astype(dtype)
    return (k * 3 - 5).astype(dtype)


def _grid(n, m, dtype):
    return _values(n * m, dtype).reshape(n, m)


def _cube(n, m, p, dtype):
    return _values(n * m * p, dtype).reshape(n, m, p)


def put(a, i, v):
    a[i] = v
# run: put(np.zeros(3), 0, 2.5)
# run: put(np.zeros(3), 2, 2**62 + 1)
# run: put(np.zeros(3), 3, 1.0)
# run: put(np.zeros(3, dtype=np.float32), 0, 0.1)
# run: put(np.zeros(3, dtype=np.float32), 0, 1e39)
# run: put(np.zeros(3, dtype=np.int64), 0, 2.99)
# run: put(np.zeros(3, dtype=np.int32), 1, 2**31)
# run: put(np.zeros(3, dtype=np.int8), 0, 128)
# run: put(np.zeros(3, dtype=np.int8), 0, -7.9)
# run: put(np.zeros(3, dtype=np.uint64), 0, 2**64 - 1)  # kiln: OverflowError
# run: put(np.zeros(3, dtype=np.uint64), 0, -1)
# run: put(np.zeros(3, dtype=np.uint8), 0, 256)
# run: put(np.zeros(3, dtype=np.uint8), 0, -0.5)
# run: put(np.zeros(3, dtype=np.uint8), 0, -2.5)
# run: put(np.zeros(3, dtype=np.uint8), 0, 256.0)
# run: put(np.zeros(3, dtype=np.int64), 0, 1e19)
# run: put(np.zeros(3, dtype=np.int64), 0, float("nan"))
# run: put(np.zeros(3, dtype=np.int64), 0, float("inf"))
# run: put(np.zeros(3, dtype=np.bool_), 0, 2)
# run: put(np.zeros(3, dtype=np.bool_), 2, 0.5)
# run: put(np.zeros(3, dtype=np.bool_), 2, float("nan"))


def put_get(a, i, v):
    a[i] = v
    return a[i]
# run: put_get(np.zeros(2, dtype=np.float32), 1, 1.1)
# run: put_get(np.zeros(2, dtype=np.int8), 1, 3.7)
# run: put_get(np.zeros(2, dtype=np.uint8), 1, 200)


def put2(a, i, j, v):
    a[i, j] = v
# run: put2(np.zeros((2, 3)), -1, -3, 1.5)
# run: put2(np.zeros((2, 3), dtype=np.int32), 0, 1, -9.5)
# run: put2(np.zeros((2, 3), dtype=np.uint8), 1, 1, 300)
# run: put2(np.zeros(3), 0, 0, 1.0)


def put3(a, i, j, k, v):
    a[i, j, k] = v
# run: put3(np.zeros((2, 3, 4), dtype=np.int16), 0, 1, 2, 1000)
# run: put3(np.zeros((2, 3, 4), dtype=np.uint32), 1, 0, 4, 1)


def fill_squares(a):
    for i in range(len(a)):
        a[i] = i * i
# run: fill_squares(np.zeros(5))
# run: fill_squares(np.zeros(5, dtype=np.bool_))
# run: fill_squares(np.zeros(17, dtype=np.uint8))
# run: fill_squares(np.zeros(13, dtype=np.int8))


def fill_upto(a, n):
    for i in range(n):
        a[i] = i + 1
# run: fill_upto(np.zeros(4, dtype=np.int64), 6)


def fill_grid(a):
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            a[i, j] = 10 * i + j
# run: fill_grid(np.zeros((3, 4)))
# run: fill_grid(np.zeros((3, 4), dtype=np.int8))
# run: fill_grid(np.zeros((13, 2), dtype=np.int8))


def fill_cube(a):
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                a[i, j, k] = i - j * k
# run: fill_cube(np.zeros((2, 3, 4), dtype=np.uint8))


def copy_into(dst, src):
    for i in range(len(src)):
        dst[i] = src[i]
# run: copy_into(np.zeros(4, dtype=np.int64), np.array([0.5, -0.5, 1e18, -7.75]))
# run: copy_into(np.zeros(4, dtype=np.float32), np.array([2**53 + 1, -3, 0, 7]))
# run: copy_into(np.zeros(4), _values(4, np.uint64))
# run: copy_into(np.zeros(4, dtype=np.bool_), np.array([0, 1, -1, 256], dtype=np.int32))
# run: copy_into(np.zeros(4, dtype=np.int8), np.array([1, -2, 127, -128], dtype=np.int64))
# run: copy_into(np.zeros(4, dtype=np.uint8), np.array([0, 7, 255, 128], dtype=np.uint32))
# run: copy_into(np.zeros(4, dtype=np.int64), np.array([0, 1, 2**63 - 1, 5], dtype=np.uint64))
# run: copy_into(np.zeros(4), np.array([0.5, -0.0, np.inf, np.nan], dtype=np.float32))
# run: copy_into(np.zeros(2, dtype=np.uint8), np.array([1.9, 254.5]))
# run: copy_into(np.zeros(3, dtype=np.int8), np.zeros(4, dtype=np.int8))


def bump(a, i, v):
    a[i] += v
    return a[i]
# run: bump(np.array([1.5, 2.5]), 0, 1)
# run: bump(np.array([1.5, 2.5], dtype=np.float32), 1, 0.1)
# run: bump(np.array([250, 3], dtype=np.uint8), 0, 10)
# run: bump(np.array([250, 3], dtype=np.uint8), 1, 1.5)
# run: bump(np.array([250, 3], dtype=np.uint8), 1, -1)
# run: bump(np.array([250, 3], dtype=np.uint8), 1, 300)
# run: bump(np.array([127, -128], dtype=np.int8), 0, 1)
# run: bump(np.array([127, -128], dtype=np.int8), 1, 200)
# run: bump(np.array([5, -5], dtype=np.int64), 1, 1.5)
# run: bump(np.array([2**63 - 1], dtype=np.int64), 0, 1)
# run: bump(np.array([2**64 - 1], dtype=np.uint64), 0, 1)
# run: bump(np.array([True, False]), 1, 2)


def update_ops(a, i, v):
    a[i] -= v
    a[i] *= v
    a[i] //= v
    a[i] %= 7
    return a[i]
# run: update_ops(np.array([10, 20], dtype=np.int64), 1, 0)
# run: update_ops(np.array([1, 20], dtype=np.uint8), 0, 3)
# run: update_ops(np.array([10, 20], dtype=np.int16), 0, 200)
# run: update_ops(np.array([10.5, 20]), 0, 0)


def divide_in_place(a, i, v):
    a[i] /= v
    return a[i]
# run: divide_in_place(np.array([7.0, -7.0]), 1, 0)
# run: divide_in_place(np.array([7, -7], dtype=np.int64), 1, 2)
# run: divide_in_place(np.array([7, -7], dtype=np.int32), 1, 0.5)


def bump2(a, i, j, v):
    a[i, j] += v
# run: bump2(_grid(2, 3, np.int8), 1, -1, 120)
# run: bump2(_grid(2, 3, np.int8), 2, 0, 1)


def bump3(a, i, j, k):
    a[i, j, k] += 1
    a[i, j, k] *= 2
# run: bump3(_cube(2, 2, 2, np.uint16), 0, 0, 0)


def swap_ends(a):
    t = a[0]
    a[0] = a[len(a) - 1]
    a[len(a) - 1] = t
# run: swap_ends(_values(5, np.int8))
# run: swap_ends(_values(0, np.int16))


def store_compare(out, a, b):
    for i in range(len(out)):
        out[i] = a[i] < b[i]
# run: store_compare(np.zeros(3, dtype=np.bool_), np.array([1, 5, 3]), np.array([2, 5, 1]))
# run: store_compare(np.zeros(3), np.array([1.5, 5, np.nan]), np.array([2, 5, 1.0]))


def store_after_overflow(a, x):
    """A statement that fails leaves the array as it was, and so do the ones after it."""
    a[0] = x * x
    a[1] = 1
    return a
# run: store_after_overflow(np.full(2, 7.0), 2**40 + 1)  # kiln: OverflowError
# run: store_after_overflow(np.full(2, 7), 2**20 + 1)


def update_after_overflow(a, x):
    y = x * x
    a += 1
    a.fill(3)
    return y
# run: update_after_overflow(np.full(2, 7), 2**40 + 1)  # kiln: OverflowError
# run: update_after_overflow(np.full(2, 7), 5)


def store_after_math_error(a, x):
    a[0] = math.sqrt(x)
    a[1] = 1.0
    return a
# run: store_after_math_error(np.full(2, 7.0), -1.0)
# run: store_after_math_error(np.full(2, 7.0), 4.0)


def update_views(a, v, idx):
    """a[...] op= v is Python's __iadd__ on what a[...] gives: a view is updated in place (with
    NumPy's same_kind cast), an element or a fancy-indexed copy is computed and stored back."""
    a[1:] += v
    a[::2] *= 2
    a[idx] -= 1
    a[0] += v
    return a
# run: update_views(np.arange(6, dtype=np.int8) * 20, 100, np.array([0, 0, 3]))
# run: update_views(np.arange(6.0), 0.5, np.array([5, -1]))
# run: update_views(np.arange(6, dtype=np.uint8), np.uint8(250), np.array([1]))
# run: update_views(np.arange(6, dtype=np.float32), 0.1, np.array([], dtype=np.int64))
