"""Loops around a short loop whose trip count is an int local (kiln/loops.py, short inner
loops): kiln emits the outer loop once more for each of the counts 2 and 3, with the inner
count a constant there, and the loop as written for any other count. Every count must give
CPython's result, mutated arrays and exceptions, the copies' included."""

import math

import numpy as np


def _points(n, d):
    return ((np.arange(n * d, dtype=np.float64) * 7.3) % 5.0 - 2.0).reshape(n, d)


def distances(x):
    n = x.shape[0]
    d = x.shape[1]
    out = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(d):
                t = x[i, k] - x[j, k]
                s += t * t
            out[i, j] = math.sqrt(s)
    return out
# run: distances(_points(9, 1))
# run: distances(_points(9, 2))
# run: distances(_points(9, 3))
# run: distances(_points(17, 3))
# run: distances(_points(9, 4))
# run: distances(_points(9, 5))
# run: distances(_points(9, 0))
# run: distances(_points(0, 3))
# run: distances(_points(12, 3)[::2])
# run: distances(np.asfortranarray(_points(8, 3)))


def dots_into(a, v, out, d):
    """The count is an argument, not a's width: a count too large raises IndexError in a copy,
    after the rows before it were written."""
    for i in range(a.shape[0]):
        s = 0
        for k in range(d):
            s += a[i, k] * v[k]
        out[i] = s
    return out
# run: dots_into(np.arange(12).reshape(4, 3), np.array([1, -2, 3]), np.zeros(4, np.int64), 3)
# run: dots_into(np.arange(12).reshape(4, 3), np.array([1, -2, 3]), np.zeros(4, np.int64), 2)
# run: dots_into(np.arange(12).reshape(4, 3), np.array([1, -2, 3]), np.zeros(4, np.int64), 4)
# run: dots_into(np.arange(12).reshape(4, 3), np.array([1, -2, 3]), np.zeros(4, np.int64), -1)
# run: dots_into(np.arange(16).reshape(4, 4), np.array([1, -2, 3, 5]), np.zeros(3, np.int64), 4)
# run: dots_into(np.arange(8, dtype=np.int8).reshape(4, 2) * 40, np.array([3, 3], np.int8), np.zeros(4, np.int8), 2)


def big_products(a, d):
    """Python ints: an overflow in a copy raises OverflowError where CPython leaves int64."""
    total = 0
    for i in range(a.shape[0]):
        p = 1
        for k in range(d):
            p *= int(a[i, k])
        total += p
    return total
# run: big_products(np.full((3, 3), 1000), 3)
# run: big_products(np.full((3, 4), 3000000), 4)  # kiln: OverflowError
# run: big_products(np.full((3, 4), -7), 4)


def early_exits(a, d, limit):
    """break and continue in both loops; the count is read after the loops."""
    found = 0
    for i in range(a.shape[0]):
        s = 0.0
        for k in range(d):
            if a[i, k] < 0:
                continue
            s += a[i, k]
            if s > limit:
                break
        if s > 2 * limit:
            break
        found += 1
    return found, d
# run: early_exits(_points(10, 3), 3, 1.0)
# run: early_exits(_points(10, 3), 3, 100.0)
# run: early_exits(_points(10, 2), 2, 0.5)
# run: early_exits(_points(10, 4), 4, 2.5)
# run: early_exits(_points(10, 4), 1, 2.5)


def count_changed_outside(a):
    """The count changes between the outer loop's runs: each run takes its own copy."""
    total = 0.0
    for d in range(a.shape[1] + 1):
        for i in range(a.shape[0]):
            s = 0.0
            for k in range(d):
                s += a[i, k] * (k + 1)
            total += s * (i + 1)
    return total
# run: count_changed_outside(_points(5, 5))


def count_changed_inside(a, d):
    """The count is stored in the outer loop: no copies, the loop as written."""
    total = 0.0
    for i in range(a.shape[0]):
        s = 0.0
        for k in range(d):
            s += a[i, k]
        total += s
        d = d - 1 if d > 1 else 3
    return total
# run: count_changed_inside(_points(6, 3), 3)


def sums_of_rows(a, d):
    """A float sum in order: each copy must add as the loop does, left to right."""
    out = np.zeros(a.shape[0], dtype=np.float32)
    for i in range(a.shape[0]):
        s = np.float32(0.0)
        for k in range(d):
            s += a[i, k]
        out[i] = s
    return out
# run: sums_of_rows((_points(7, 4) * 1e7).astype(np.float32), 4)
# run: sums_of_rows((_points(7, 3) * 1e7).astype(np.float32), 3)
# run: sums_of_rows((_points(7, 3) * 1e7).astype(np.float32), 2)
