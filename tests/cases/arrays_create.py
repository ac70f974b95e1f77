"""Creating arrays in compiled code and returning them: np.empty, np.zeros, np.ones, np.full
with an int or a tuple shape and a `dtype=` keyword; np.arange with one, two or three int or
float arguments; np.empty_like, np.zeros_like, np.ones_like. The array returned to Python is an
ordinary ndarray of the right dtype, shape and contents. np.empty's contents are never looked at.
np.full infers its dtype from the fill value (int -> int64, float -> float64, bool -> bool, a
NumPy scalar -> its dtype); a negative dimension raises ValueError, a zero step
ZeroDivisionError, a fill value out of the dtype's range OverflowError. np.array of numbers in
list or tuple displays, nested for more dimensions, with NumPy's dtype for such values, each
element converted as an assignment would."""

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


def zeros(n):
    return np.zeros(n)
# run: zeros(3)
# run: zeros(-1)


def zeros_dtypes(n):
    return (
        np.zeros(n, dtype=np.float64),
        np.zeros(n, dtype=np.float32),
        np.zeros(n, dtype=np.int64),
        np.zeros(n, dtype=np.int32),
        np.zeros(n, dtype=np.int16),
        np.zeros(n, dtype=np.int8),
        np.zeros(n, dtype=np.uint64),
        np.zeros(n, dtype=np.uint32),
        np.zeros(n, dtype=np.uint16),
        np.zeros(n, dtype=np.uint8),
        np.zeros(n, dtype=np.bool_),
    )
# run: zeros_dtypes(2)


def ones_dtypes(n):
    return (
        np.ones(n),
        np.ones(n, dtype=np.float32),
        np.ones(n, dtype=np.int64),
        np.ones(n, dtype=np.int32),
        np.ones(n, dtype=np.uint8),
        np.ones(n, dtype=np.uint64),
        np.ones(n, dtype=np.bool_),
    )
# run: ones_dtypes(3)


def zeros2(n, m):
    return np.zeros((n, m))
# run: zeros2(2, 3)
# run: zeros2(3, -2)


def ones3(n, m, p):
    return np.ones((n, m, p), dtype=np.int32)
# run: ones3(2, 3, 4)


def zeros_one_tuple(n):
    return np.zeros((n,), dtype=np.uint16)
# run: zeros_one_tuple(4)


def empty_shape(n, m):
    a = np.empty((n, m), dtype=np.float32)
    b = np.empty(n)
    c = np.empty(m, dtype=np.uint8)
    return a.shape, a.ndim, a.size, b.shape, len(c)
# run: empty_shape(3, 4)
# run: empty_shape(2, -1)


def empty_filled(n):
    a = np.empty(n, dtype=np.int16)
    for i in range(n):
        a[i] = i - 2
    return a
# run: empty_filled(5)


def empty_filled2(n, m):
    a = np.empty((n, m), dtype=np.bool_)
    for i in range(n):
        for j in range(m):
            a[i, j] = (i + j) % 2 == 0
    return a
# run: empty_filled2(3, 4)


def full_int(n, v):
    return np.full(n, v)
# run: full_int(3, 7)
# run: full_int(3, 2.5)
# run: full_int(3, True)


def full_dtypes(n, v):
    return (
        np.full(n, v, dtype=np.float64),
        np.full(n, v, dtype=np.float32),
        np.full(n, v, dtype=np.int64),
        np.full(n, v, dtype=np.int8),
        np.full(n, v, dtype=np.uint8),
        np.full(n, v, dtype=np.uint32),
        np.full(n, v, dtype=np.bool_),
    )
# run: full_dtypes(2, 5)
# run: full_dtypes(2, 2.75)
# run: full_dtypes(2, 300)
# run: full_dtypes(2, -0.0)
# run: full_dtypes(2, True)
# run: full_dtypes(2, -1.5)
# run: full_dtypes(2, float("nan"))
# run: full_dtypes(2, 1e30)
# run: full_dtypes(2, -float("inf"))
# run: full_dtypes(2, np.int64(300))
# run: full_dtypes(2, np.int16(-200))
# run: full_dtypes(2, np.float32(-2.5))
# run: full_dtypes(2, np.uint64(2**64 - 1))


def full2(n, m, v):
    return np.full((n, m), v)
# run: full2(2, 3, 1.5)


def full_from_element(a, n):
    return np.full(n, a[0]), np.full((n, 2), a[0] + 1)
# run: full_from_element(np.array([1.5], dtype=np.float32), 3)
# run: full_from_element(np.array([255], dtype=np.uint8), 2)
# run: full_from_element(np.array([True]), 2)


def arange1(n):
    return np.arange(n)
# run: arange1(5)
# run: arange1(-3)


def arange2(start, stop):
    return np.arange(start, stop)
# run: arange2(2, 7)
# run: arange2(7, 2)
# run: arange2(0.5, 4)


def arange3(start, stop, step):
    return np.arange(start, stop, step)
# run: arange3(0, 10, 3)
# run: arange3(10, 0, -3)
# run: arange3(0, 10, 0)
# run: arange3(0.0, 1.0, 0.25)
# run: arange3(1.0, 0.0, -0.3)
# run: arange3(0, 1, 0.1)
# run: arange3(0.0, 1.0, 0.0)


def arange_float(x):
    return np.arange(x)
# run: arange_float(2.5)


def arange_fill(n):
    a = np.arange(n)
    for i in range(len(a)):
        a[i] = a[i] * a[i]
    return a, a[n - 1]
# run: arange_fill(4)


def likes(a):
    e = np.empty_like(a)
    z = np.zeros_like(a)
    o = np.ones_like(a)
    return e.shape, e.size, z, o
# run: likes(_values(4, np.float64))
# run: likes(_values(4, np.bool_))
# run: likes(_values(6, np.int32).reshape(2, 3))
# run: likes(np.asfortranarray(_values(6, np.float64).reshape(2, 3)))
# run: likes(_values(6, np.uint16).reshape(2, 3).T)
# run: likes(_values(24, np.int8).reshape(2, 3, 4))


def copy_of(a):
    out = np.empty_like(a)
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            out[i, j] = a[i, j] * 2
    return out
# run: copy_of(_values(6, np.float64).reshape(2, 3))
# run: copy_of(np.asfortranarray(_values(6, np.int64).reshape(3, 2)))
# run: copy_of(_values(12, np.uint8).reshape(3, 4)[::2, ::-1])


def build_then_sum(n):
    a = np.zeros(n)
    for i in range(n):
        a[i] = i * 0.5
    s = 0.0
    for i in range(n):
        s += a[i]
    return s
# run: build_then_sum(5)


def histogram(a, bins):
    h = np.zeros(bins, dtype=np.int64)
    for x in a:
        h[int(x) % bins] += 1
    return h
# run: histogram(np.array([0.5, 1.5, 2.5, 1.25, 9.0]), 3)
# run: histogram(np.array([3, 4, 4, 250], dtype=np.uint8), 5)


# ---- np.array from numbers: list or tuple displays, nested for more dimensions; NumPy picks
# the dtype (Python ints int64, floats float64, NumPy scalars their own, mixes promote), and
# each element is stored as an assignment would store it


def array_of(x, y):
    return np.array([x, y, 3])
# run: array_of(1, 2)
# run: array_of(1, 2.5)
# run: array_of(True, False)
# run: array_of(np.int8(3), np.int8(-4))
# run: array_of(np.uint8(3), np.float32(0.5))
# run: array_of(np.uint64(3), 1)
# run: array_of(np.float32(0.1), np.float32(2.0))
# run: array_of(math.nan, -math.inf)


def array_pair(x, y):
    return np.array((x, y))
# run: array_pair(True, np.int8(1))
# run: array_pair(np.float32(0.5), np.int16(7))
# run: array_pair(np.int32(-1), np.uint32(1))


def array_of_element(z):
    return np.array([z[0], 3]), np.array([z[0], z[1]], dtype=np.int8)
# run: array_of_element(np.array([1.5, 2.5], dtype=np.float32))
# run: array_of_element(np.array([200, 7], dtype=np.uint8))


def array_rows(n):
    a = np.array([[1, 2, 3], [4, 5, n]], dtype=np.float32)
    a[0, 0] = a[1, 2] * 2
    return a
# run: array_rows(7)
# run: array_rows(2**40)


def array_cube(x):
    return np.array([[[x, 1], [2, 3]], [[4, 5], [6, 7]]])
# run: array_cube(0.5)
# run: array_cube(-9)


def array_as(x, y):
    return np.array([x, y], dtype=np.uint8), np.array((x, y), dtype=np.int64), \
        np.array([x, y], dtype=np.bool_)
# run: array_as(1, 2)
# run: array_as(300, 2)
# run: array_as(-1, 2)
# run: array_as(np.int64(300), np.int64(-1))
# run: array_as(1.9, -2.7)
# run: array_as(math.nan, 1.0)
# run: array_as(math.inf, 1.0)
# run: array_as(np.float64(math.nan), 1.0)
# run: array_as(np.float32(2.5), np.float32(-0.5))


def array_empty_and_scalar(x):
    return np.array(()), np.array([]), np.array(x), np.array(x, dtype=np.int16)
# run: array_empty_and_scalar(2.5)
# run: array_empty_and_scalar(40000)


def lists_as_arguments(a, b, n):
    return np.concatenate([a, b]), np.zeros([n, 2]), np.stack([a, a]), np.full([2, n], 1.5)
# run: lists_as_arguments(np.arange(3.0), np.ones(2), 3)
# run: lists_as_arguments(np.arange(3), np.ones(2, np.int8), 0)


def array_in_loop(n):
    s = 0.0
    for i in range(n):
        p = np.array([i, i + 0.5])
        s += p[0] * p[1]
    return s
# run: array_in_loop(100)


def array_of_array(a):
    """np.array(a) copies (C-ordered, as a.copy() makes it); with a dtype, it casts as astype
    does (unsafe: the int64 300 into uint8 is 44)."""
    b = np.array(a)
    b[0] = 7
    return b, np.array(a, dtype=np.int64), np.array(a, dtype=np.uint8), a
# run: array_of_array(np.array([1.5, -2.7, 250.0]) * np.array([1.0, -1.0, 1.0]))
# run: array_of_array(np.array([300, -1, 5]))
# run: array_of_array(np.arange(6, dtype=np.int16))
# run: array_of_array(np.array([[True, False], [False, True]]))
# run: array_of_array(np.asfortranarray(np.arange(6.0).reshape(2, 3)))
# run: array_of_array(np.arange(10.0)[::3])
