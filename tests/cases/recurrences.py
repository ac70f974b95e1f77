"""Dynamic programming over int tables: min() and max() of three or more ints in a loop, where
one argument is the value the loop stored one iteration before (kiln combines that one last;
the result must not change), and the mixes of types that keep Python's order."""

import numpy as np


def _seq(count, seed, letters):
    return (np.arange(count, dtype=np.int64) * (2 * seed + 1) + seed * seed) % letters


def edit_distance(a, b):
    n = a.shape[0]
    m = b.shape[0]
    d = np.zeros((n + 1, m + 1), dtype=np.int64)
    for i in range(n + 1):
        d[i, 0] = i
    for j in range(m + 1):
        d[0, j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i, j] = min(d[i - 1, j] + 1, d[i, j - 1] + 1, d[i - 1, j - 1] + cost)
    return d[n, m], d
# run: edit_distance(_seq(9, 1, 4), _seq(7, 2, 4))
# run: edit_distance(_seq(0, 1, 4), _seq(5, 2, 4))
# run: edit_distance(_seq(6, 3, 2), _seq(6, 3, 2))


def table_rows(a, b, d):
    """The same recurrence into a table the caller made: its size is unrelated to the loops'
    ranges, so every access is checked (once per loop while the table is large enough, see
    kiln/bounds.py); a table too small raises where CPython does, the rows before written."""
    for i in range(1, a.shape[0] + 1):
        for j in range(1, b.shape[0] + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i, j] = min(d[i - 1, j] + 1, d[i, j - 1] + 1, d[i - 1, j - 1] + cost)
    return d[-1, -1]
# run: table_rows(_seq(9, 1, 4), _seq(7, 2, 4), np.add.outer(np.arange(10), np.arange(8)))
# run: table_rows(_seq(9, 1, 4), _seq(7, 2, 4), np.add.outer(np.arange(12), np.arange(9)))
# run: table_rows(_seq(9, 1, 4), _seq(7, 2, 4), np.add.outer(np.arange(10), np.arange(7)))
# run: table_rows(_seq(9, 1, 4), _seq(7, 2, 4), np.add.outer(np.arange(6), np.arange(8)))
# run: table_rows(_seq(9, 1, 4), _seq(7, 2, 4), np.add.outer(np.arange(10), np.arange(8))[::-1])


def edit_distance_columns(a, b):
    """The same table filled column by column: the carried read is d[i - 1, j]."""
    n = a.shape[0]
    m = b.shape[0]
    d = np.zeros((n + 1, m + 1), dtype=np.int32)
    for i in range(n + 1):
        d[i, 0] = i
    for j in range(m + 1):
        d[0, j] = j
    for j in range(1, m + 1):
        for i in range(1, n + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i, j] = min(d[i - 1, j] + 1, d[i, j - 1] + 1, d[i - 1, j - 1] + cost)
    return d
# run: edit_distance_columns(_seq(8, 1, 4), _seq(11, 2, 4))


def common_subsequence(a, b):
    n = a.shape[0]
    m = b.shape[0]
    t = np.zeros((n + 1, m + 1), dtype=np.int64)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            same = 1 if a[i - 1] == b[j - 1] else 0
            t[i, j] = max(t[i - 1, j], t[i, j - 1], t[i - 1, j - 1] + same)
    return t[n, m]
# run: common_subsequence(_seq(12, 1, 3), _seq(10, 2, 3))


def backwards(a):
    """A loop running down: the carried read is r[j + 1]."""
    n = a.shape[0]
    r = np.zeros(n + 1, dtype=np.int64)
    for j in range(n - 1, -1, -1):
        r[j] = max(a[j], r[j + 1] - 1, 0)
    return r
# run: backwards(_seq(10, 3, 7) - 3)


def running_minimum(a, b):
    """A carried local, read before the loop assigns it again."""
    best = 1000
    for i in range(a.shape[0]):
        best = min(best + 1, a[i] * 2, b[i])
    return best
# run: running_minimum(_seq(9, 1, 50), _seq(9, 2, 40))
# run: running_minimum(_seq(0, 1, 50), _seq(0, 2, 40))


def python_ints(n):
    best = 0
    previous = 5
    for i in range(n):
        current = max(previous - 3, i % 7, 2 * i - 40, 1)
        best = max(best, current, previous)
        previous = current
    return best, previous
# run: python_ints(30)
# run: python_ints(0)


def small_ints(a):
    """uint8 elements: min of one NumPy type, which wraps in `+ 1` as NumPy does."""
    out = np.zeros(a.shape[0], dtype=np.uint8)
    for i in range(1, a.shape[0]):
        out[i] = min(out[i - 1] + 1, a[i], a[i - 1])
    return out
# run: small_ints(np.array([255, 3, 250, 255, 255, 0, 9], dtype=np.uint8))


def mixed_types(n):
    """int and float together keep Python's order: max(2, 2.0) is 2, max(2.0, 2) is 2.0."""
    x = 0.0
    k = 0
    for i in range(n):
        x = max(k, 2.0, x)
        k = min(i, 2, k + 1)
    return x, k
# run: mixed_types(5)
# run: mixed_types(0)
