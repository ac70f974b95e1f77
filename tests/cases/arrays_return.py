"""Array attributes (a.shape as a tuple of Python ints, a.size, a.ndim, len(a), a.shape[k]),
arrays and NumPy scalars returned to Python (alone, in tuples, the argument itself), in-place
mutation that returns None, and compiled functions that call each other with arrays."""

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


def _readonly(a):
    a.setflags(write=False)
    return a


def shape_of(a):
    return a.shape
# run: shape_of(np.zeros(4))
# run: shape_of(np.zeros((2, 3, 4), dtype=np.bool_))
# run: shape_of(np.zeros((5, 6))[::2, 1:4])
# run: shape_of(np.zeros((2, 3, 4)).T)


def attributes(a):
    return a.size, a.ndim, len(a), a.shape[0], a.shape[-1]
# run: attributes(np.zeros((2, 3), dtype=np.int16))
# run: attributes(np.zeros((3, 0), dtype=np.float32))
# run: attributes(np.zeros((2, 3, 4), dtype=np.uint8))
# run: attributes(_readonly(np.zeros((7, 2))[::3]))


def unpack_shape(a):
    n, m = a.shape
    return n * 10 + m
# run: unpack_shape(np.zeros((2, 3)))
# run: unpack_shape(np.zeros((3, 2)).T)


def unpack_shape3(a):
    n, m, p = a.shape
    return n, m, p, n * m * p == a.size
# run: unpack_shape3(np.zeros((2, 3, 4)))
# run: unpack_shape3(np.zeros((2, 3, 4), dtype=np.int32)[:, ::2, 1:])


def identity(a):
    return a
# run: identity(_values(6, np.bool_).reshape(2, 3))
# run: identity(np.asfortranarray(_values(6, np.int8).reshape(3, 2)))
# run: identity(_readonly(_values(4, np.int32)))


def swap_pair(a, b):
    return b, a
# run: swap_pair(_values(2, np.float64), _values(3, np.int64))


def element_and_array(a):
    a[0] = 9
    return a[0], a, a.shape
# run: element_and_array(_values(3, np.float64))
# run: element_and_array(_values(3, np.int8))
# run: element_and_array(_values(3, np.bool_))


def doubled(a):
    out = np.zeros_like(a)
    for i in range(len(a)):
        out[i] = a[i] * 2
        a[i] = -1
    return out, a
# run: doubled(_values(4, np.float64))
# run: doubled(_values(4, np.uint8))


def pick(a, first):
    if first:
        return a[0]
    return a[len(a) - 1]
# run: pick(_values(3, np.float32), True)
# run: pick(_values(0, np.int16), True)


def first_or_zero(a):
    if len(a) == 0:
        return 0.0
    return a[0]
# run: first_or_zero(_values(2, np.float64))
# run: first_or_zero(_values(0, np.float64))


def as_python(a):
    return float(a[0]), int(a[1]), bool(a[2]), a[0] + a[1]
# run: as_python(np.array([1.5, -2.5, 0.0]))
# run: as_python(np.array([7, 255, 1], dtype=np.uint8))
# run: as_python(np.array([True, False, True]))


def clear(a):
    for i in range(a.size):
        a[i] = 0
    return None
# run: clear(_values(4, np.float64))
# run: clear(_values(4, np.uint32)[::-1])


def total(a):
    s = 0.0
    for i in range(len(a)):
        s += a[i]
    return s


def mean(a):
    return total(a) / len(a)
# run: mean(_values(4, np.float64))
# run: mean(_values(4, np.int64))
# run: mean(_values(0, np.float64))


def center(a):
    m = mean(a)
    for i in range(len(a)):
        a[i] = a[i] - m
    return m
# run: center(_values(5, np.float64))
# run: center(_values(5, np.int64))
# run: center(_values(4, np.int8))


def make_grid(n, m):
    g = np.zeros((n, m), dtype=np.int64)
    for i in range(n):
        for j in range(m):
            g[i, j] = i * m + j
    return g


def grid_and_total(n, m):
    g = make_grid(n, m)
    s = 0
    for i in range(n):
        for j in range(m):
            s += g[i, j]
    return g, s
# run: grid_and_total(2, 3)


def stats(a):
    lo = a[0]
    hi = a[0]
    for x in a:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi, hi - lo, np.full(2, hi)
# run: stats(np.array([3.5, -1.0, 2.0]))
# run: stats(np.array([3, 250, 7], dtype=np.uint8))
# run: stats(np.array([-128, 127], dtype=np.int8))
