"""Loops over arrays: `for i in range(a.shape[0])`, `for x in a` over a 1-D array (x is a NumPy
scalar), nested loops over 2-D and 3-D arrays, while loops, break and early return.

Accumulating into a Python local follows Python's operators on NumPy scalars: `s = 0.0` plus
float64 elements is a numpy.float64, plus float32 elements a numpy.float32 (the Python float is
weak); `s = 0` plus int64 elements is a numpy.int64, plus int8 or uint8 elements an int8 or
uint8 that wraps round; plus bools a numpy.int64. A loop that runs zero times leaves the Python
value as it was."""

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


def sum_float(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s
# run: sum_float(_values(5, np.float64))
# run: sum_float(_values(0, np.float64))
# run: sum_float(_values(5, np.float32))
# run: sum_float(_values(5, np.uint8))
# run: sum_float(_values(5, np.bool_))
# run: sum_float(np.array([0.1] * 10, dtype=np.float32))
# run: sum_float(np.array([-0.0, -0.0]))


def sum_int(a):
    s = 0
    for i in range(len(a)):
        s += a[i]
    return s
# run: sum_int(_values(5, np.int64))
# run: sum_int(_values(0, np.int64))
# run: sum_int(np.array([100, 27, 1], dtype=np.int8))
# run: sum_int(np.array([200, 100], dtype=np.uint8))
# run: sum_int(np.array([2**63 - 1, 1], dtype=np.int64))
# run: sum_int(np.array([2**64 - 1, 2], dtype=np.uint64))
# run: sum_int(_values(5, np.bool_))
# run: sum_int(_values(5, np.float64))


def iterate(a):
    s = 0.0
    count = 0
    last = 0.0
    for x in a:
        s = s + x * x
        count += 1
        last = x
    return s, count, last
# run: iterate(_values(4, np.float64))
# run: iterate(_values(0, np.float64))
# run: iterate(_values(4, np.uint8))
# run: iterate(_values(8, np.float64)[::-3])
# run: iterate(_grid(3, 4, np.float64)[:, 1])


def iterate_elements(a):
    first = a[0]
    for x in a:
        if x > first:
            first = x
    return first
# run: iterate_elements(np.array([3, 200, 7], dtype=np.uint8))
# run: iterate_elements(np.array([np.nan, 1.0]))
# run: iterate_elements(np.array([1.0, np.nan, 3.0], dtype=np.float32))
# run: iterate_elements(np.zeros(0))


def count_positive(a):
    n = 0
    for x in a:
        if x > 0:
            n += 1
    return n
# run: count_positive(_values(7, np.uint8))
# run: count_positive(np.array([np.nan, -0.0, 0.0, 1e-300]))


def argmax(a):
    best = 0
    for i in range(1, len(a)):
        if a[i] > a[best]:
            best = i
    return best
# run: argmax(np.array([2**64 - 1, 0, 2**63], dtype=np.uint64))
# run: argmax(np.array([-1.0, np.nan, 2.0]))
# run: argmax(np.zeros(0))


def find(a, v):
    for i in range(len(a)):
        if a[i] == v:
            return i
    return -1
# run: find(_values(6, np.int64), 4)
# run: find(_values(6, np.uint8), 251)
# run: find(_values(6, np.uint8), -5)


def first_negative(a):
    i = 0
    while i < len(a) and a[i] >= 0:
        i += 1
    return i
# run: first_negative(np.array([1, 2, -3], dtype=np.int8))
# run: first_negative(np.array([1, 2, 3], dtype=np.uint32))


def break_at_zero(a):
    s = 0
    for x in a:
        if x == 0:
            break
        s += x
    return s
# run: break_at_zero(np.array([3, 4, 0, 5], dtype=np.int64))
# run: break_at_zero(np.array([120, 10, 0], dtype=np.int8))


def dot(a, b):
    s = 0.0
    for i in range(len(a)):
        s += a[i] * b[i]
    return s
# run: dot(np.array([1.0, 2.0, 3.0]), np.array([4, -5, 6]))
# run: dot(np.array([1, 2, 3], dtype=np.int8), np.array([4, 5, 6], dtype=np.uint8))
# run: dot(np.array([100, 100], dtype=np.int8), np.array([2, 3], dtype=np.int8))
# run: dot(np.array([1.0, 2.0, 3.0]), np.array([1.0, 2.0]))
# run: dot(np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.float32))


def prefix_sum(a):
    for i in range(1, len(a)):
        a[i] += a[i - 1]
# run: prefix_sum(_values(6, np.float64))
# run: prefix_sum(np.array([100, 100, 100], dtype=np.uint8))
# run: prefix_sum(np.array([100, 100, 100], dtype=np.int8))
# run: prefix_sum(np.array([True, False, True]))


def row_sums(a, out):
    for i in range(a.shape[0]):
        s = 0.0
        for j in range(a.shape[1]):
            s += a[i, j]
        out[i] = s
# run: row_sums(_grid(3, 4, np.float64), np.zeros(3))
# run: row_sums(_grid(3, 4, np.float32).T, np.zeros(4, dtype=np.float32))
# run: row_sums(_grid(3, 4, np.float64), np.zeros(2))


def matmul_into(a, b, out):
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            s = 0.0
            for k in range(a.shape[1]):
                s += a[i, k] * b[k, j]
            out[i, j] = s
# run: matmul_into(_grid(2, 3, np.float64), _grid(3, 4, np.float64), np.zeros((2, 4)))
# run: matmul_into(_grid(2, 3, np.float32), _grid(3, 2, np.float64), np.zeros((2, 2), np.float32))


def trace(a):
    t = 0
    for i in range(min(a.shape[0], a.shape[1])):
        t += a[i, i]
    return t
# run: trace(_grid(3, 3, np.int64))
# run: trace(_grid(4, 2, np.uint8))
# run: trace(_grid(0, 2, np.uint8))


def total3(a):
    s = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                s += a[i, j, k]
    return s
# run: total3(_values(24, np.int64).reshape(2, 3, 4))
# run: total3(_values(24, np.int16).reshape(4, 3, 2).T)
# run: total3(_values(24, np.bool_).reshape(2, 3, 4))


def count_changes(a):
    changes = 0
    prev = a[0]
    for i in range(1, a.size):
        if a[i] != prev:
            changes += 1
        prev = a[i]
    return changes
# run: count_changes(np.array([1, 1, 2, 2, 1], dtype=np.int8))
# run: count_changes(np.array([0.0, -0.0, np.nan, np.nan]))


def tests_on_a_mixed_sum(a, limit):
    """`s = 0.0; s += a[k]` holds a float or an np.float64; comparing it gives a bool or an
    np.bool_, as in CPython, and an `if` or `while` takes its truth (a branch on the tagged
    result was malformed code before)."""
    found = 0
    for i in range(a.shape[0]):
        s = 0.0
        s += a[i]
        if s > limit:
            break
        found += 1
    t = 0.0
    k = 0
    while t < limit and k < a.shape[0]:
        t += a[k]
        k += 1
    above = t > limit
    return found, k, above, (t if t > 2 * limit else -t)
# run: tests_on_a_mixed_sum(np.arange(5.0), 2.5)
# run: tests_on_a_mixed_sum(np.arange(5.0), 100.0)
# run: tests_on_a_mixed_sum(np.arange(0.0), 1.0)
# run: tests_on_a_mixed_sum(np.arange(5, dtype=np.float32), 2.5)
