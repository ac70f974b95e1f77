"""Augmented assignment to an array variable updates that array in place, as NumPy does: every
name bound to it (and the caller's array) sees the change. The result is cast back with the
'same_kind' rule; an operand may broadcast up to the array's shape, never beyond it; an
operand that overlaps the array (a reversed view of it) reads its old values."""

import numpy as np


def _values(count, dtype):
    k = np.arange(count)
    if np.dtype(dtype).kind == "f":
        return ((k * 3 - 5) * 0.5).astype(dtype)
    return (k * 3 - 5).astype(dtype)


def add_number(a, x):
    b = a
    b += x
    return a
# run: add_number(_values(5, np.float64), 1.5)
# run: add_number(_values(5, np.int32), 7)
# run: add_number(_values(5, np.uint8), 250)
# run: add_number(_values(5, np.int8), np.int64(100))
# run: add_number(_values(5, np.float32), 0.1)
# run: add_number(_values(6, np.float64).reshape(2, 3).T, 1.0)
# run: add_number(_values(5, np.uint8), 300)


def every_operator(a):
    a -= 1
    a *= 3
    a //= 2
    a %= 7
    a **= 2
    a |= 8
    a &= 27
    a ^= 5
    a <<= 1
    a >>= 2
    return a
# run: every_operator(_values(9, np.int64))
# run: every_operator(_values(9, np.uint16))


def float_division(a, x):
    a /= x
    return a
# run: float_division(_values(5, np.float64), 4.0)
# run: float_division(_values(5, np.float64), 0.0)


def add_array(a, b):
    a += b
    return a
# run: add_array(_values(4, np.float64), _values(4, np.float64))
# run: add_array(_values(6, np.float64).reshape(2, 3), _values(3, np.int16))
# run: add_array(_values(6, np.int64).reshape(2, 3), _values(2, np.int64).reshape(2, 1))
# run: add_array(_values(3, np.float64), _values(6, np.float64).reshape(2, 3))
# run: add_array(_values(3, np.float64), _values(4, np.float64))


def add_reversed_self(a):
    a += a[::-1]
    return a
# run: add_reversed_self(_values(5, np.float64))


def accumulate_rows(m):
    total = np.zeros(m.shape[1])
    for i in range(m.shape[0]):
        total += m[i]
    return total
# run: accumulate_rows(_values(12, np.float64).reshape(4, 3))
# run: accumulate_rows(_values(0, np.float64).reshape(0, 3))


def scale_view(a):
    v = a[1:4]
    v *= 10
    return a
# run: scale_view(_values(6, np.int64))
