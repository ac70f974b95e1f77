"""for loops over enumerate(...) and zip(...): of arrays, rows of 2-D arrays, ranges and
each other, with break, else and the loop variables after the loop."""

import numpy as np


def weighted(a):
    s = 0.0
    for i, x in enumerate(a):
        s += i * x
    return s
# run: weighted(np.array([1.5, -2.0, 3.25]))
# run: weighted(np.array([], dtype=np.float64))
# run: weighted(np.arange(5, dtype=np.int8))


def enumerate_from(a, start):
    total = 0
    last = -1
    for i, x in enumerate(a, start):
        total += i * x
        last = i
    return total, last
# run: enumerate_from(np.arange(4), 10)
# run: enumerate_from(np.arange(4), -3)
# run: enumerate_from(np.arange(0), 5)
# run: enumerate_from(np.arange(3), 2**63 - 2)


def enumerate_keyword_start(a):
    out = np.zeros(a.shape[0] + 1)
    for k, x in enumerate(a, start=1):
        out[k] = x
    return out
# run: enumerate_keyword_start(np.array([0.5, 1.5]))


def enumerate_zero_start(a):
    out = np.empty_like(a)
    for i, x in enumerate(a, 0):
        out[i] = 2 * x
    return out, i
# run: enumerate_zero_start(np.arange(6.0))


def index_after_loop(a):
    for i, x in enumerate(a):
        if x > 2:
            break
    else:
        return -1, x
    return i, x
# run: index_after_loop(np.array([1, 5, 2]))
# run: index_after_loop(np.array([1, 2]))


def empty_leaves_names_unbound(a):
    i = 7
    for i, x in enumerate(a):
        pass
    return i
# run: empty_leaves_names_unbound(np.zeros(0))
# run: empty_leaves_names_unbound(np.zeros(3))


def reassign_the_index(a):
    seen = 0
    for i, x in enumerate(a):
        seen += i
        i = 100
    return seen, i
# run: reassign_the_index(np.arange(4.0))


def rows(m):
    best, where = -1.0, -1
    for r, row in enumerate(m):
        s = row.sum()
        if s > best:
            best, where = s, r
    return best, where
# run: rows(np.array([[1.0, 2.0], [5.0, -1.0], [0.5, 4.0]]))
# run: rows(np.arange(12).reshape(4, 3)[::-1])


def pairs_as_tuples(a):
    total = 0.0
    for pair in enumerate(a):
        total += pair[0] + pair[1]
    return total
# run: pairs_as_tuples(np.array([0.25, 0.5]))


def dot(a, b):
    s = 0.0
    for x, y in zip(a, b):
        s += x * y
    return s
# run: dot(np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0]))
# run: dot(np.array([1.0, 2.0, 3.0]), np.array([4.0]))
# run: dot(np.array([1.0]), np.array([4.0, 5.0, 6.0]))
# run: dot(np.zeros(0), np.ones(3))
# run: dot(np.arange(4), np.arange(4)[::-1])


def zip_three(a, b, c):
    out = 0
    for x, y, z in zip(a, b, c):
        out = out * 10 + (x + y) * z
    return out
# run: zip_three(np.array([1, 2, 3]), np.array([0, 1, 0]), np.array([2, 2]))


def zip_one(a):
    n = 0.0
    for t in zip(a):
        n += t[0]
    return n
# run: zip_one(np.array([1.5, 2.5]))


def zip_with_range(a, start):
    total = 0
    for k, x in zip(range(start, 100, 3), a):
        total += k * x
    return total, k
# run: zip_with_range(np.array([1, 2, 3, 4]), 90)
# run: zip_with_range(np.array([1, 2, 3, 4]), -5)


def zip_negative_step(a):
    out = np.zeros(a.shape[0], dtype=np.int64)
    for j, x in zip(range(a.shape[0] - 1, -1, -1), a):
        out[j] = x
    return out
# run: zip_negative_step(np.array([4, 5, 6]))


def enumerate_zip(a, b):
    out = np.zeros(a.shape[0])
    for i, (x, y) in enumerate(zip(a, b)):
        out[i] = x - y
    return out
# run: enumerate_zip(np.array([3.0, 4.0, 5.0]), np.array([1.0, 1.0]))


def zip_enumerate(a, b):
    s = 0
    for (i, x), y in zip(enumerate(a, 1), b):
        s += i * x * y
    return s
# run: zip_enumerate(np.array([1, 2, 3]), np.array([1, 10, 100]))


def zip_rows(m, v):
    out = np.zeros(m.shape[0])
    for i, (row, w) in enumerate(zip(m, v)):
        out[i] = (row * w).sum()
    return out
# run: zip_rows(np.arange(6.0).reshape(3, 2), np.array([1.0, -1.0, 2.0]))


def nested(a, b):
    count = 0
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if x == y and i != j:
                count += 1
    return count
# run: nested(np.array([1, 2, 2, 3]), np.array([2, 3, 2]))


def enumerate_range(n):
    s = 0
    for i, v in enumerate(range(n, 0, -2)):
        s += i * v
    return s
# run: enumerate_range(7)
# run: enumerate_range(0)


def zip_continue(a, b):
    kept = 0
    for x, y in zip(a, b):
        if x < y:
            continue
        kept += 1
    else:
        kept += 100
    return kept
# run: zip_continue(np.array([1, 5, 3]), np.array([2, 2, 2]))
