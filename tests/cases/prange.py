"""prange loops compiled with parallel=True: iterations on the thread pool, array writes to
distinct elements, loop-private locals, reductions, nested loops, the loop variable afterwards.

Float reductions add values whose sums are exact (integers, halves), so the chunked order of the
parallel sum gives CPython's value bit for bit.
"""

import math

import numpy as np

from kiln import prange

JIT_OPTIONS = ("parallel",)        # kiln.jit(parallel=True) for every function here


def _ints(n, dtype=np.int64):
    return (np.arange(n, dtype=np.int64) * 7919 % 101 - 50).astype(dtype)


def _halves(n):
    return (np.arange(n) % 17) * 0.5 - 3.0


def int_sum(a):
    s = 0
    for i in prange(a.shape[0]):
        s += a[i]
    return s
# run: int_sum(_ints(0))
# run: int_sum(_ints(1))
# run: int_sum(_ints(1000))
# run: int_sum(_ints(100000, np.int32))


def float_sum(a):
    s = 0.0
    for i in prange(len(a)):
        s += a[i] * 2.0
    return s
# run: float_sum(_halves(0))
# run: float_sum(_halves(7))
# run: float_sum(_halves(100001))


def python_number_sum(n):
    s = 0
    for i in prange(n):
        s += i * 0.5
    return s
# run: python_number_sum(0)
# run: python_number_sum(5)
# run: python_number_sum(3000)


def plus_and_minus(a):
    balance = 100
    for i in prange(a.shape[0]):
        if a[i] > 0:
            balance += int(a[i])
        else:
            balance -= 1
    return balance
# run: plus_and_minus(_ints(1000))


def product_and_bits(n):
    p = 1
    ored = 0
    anded = -1
    xored = 0
    for i in prange(1, n + 1):
        if i % 10 == 0:
            p *= 2
        ored |= 1 << (i % 60)
        anded &= ~(1 << (i % 7))
        xored ^= i
    return p, ored, anded, xored
# run: product_and_bits(0)
# run: product_and_bits(9)
# run: product_and_bits(500)
# run: product_and_bits(700)  # kiln: OverflowError


def extremes(a):
    lo = a[0]
    hi = a[0]
    for i in prange(1, a.shape[0]):
        lo = min(lo, a[i])
        hi = max(a[i], hi)
    return lo, hi
# run: extremes(_ints(1))
# run: extremes(_ints(5000))
# run: extremes(_halves(999))


def squares(a, out):
    for i in prange(a.shape[0]):
        x = a[i]
        out[i] = x * x
# run: squares(_halves(1000), np.zeros(1000))
# run: squares(_ints(10), np.zeros(10, dtype=np.int64))


def row_sums(m):
    out = np.zeros(m.shape[0])
    for r in prange(m.shape[0]):
        acc = 0.0
        for c in range(m.shape[1]):
            acc += m[r, c]
        out[r] = acc
    return out
# run: row_sums(_halves(600).reshape(20, 30))
# run: row_sums(_halves(600).reshape(30, 20).T)
# run: row_sums(_halves(0).reshape(0, 3))


def escape_counts(h, w, limit):
    """Uneven work per row: the schedule hands out chunks one by one."""
    out = np.zeros((h, w), dtype=np.int64)
    for y in prange(h):
        for x in range(w):
            cr = -2.0 + 3.0 * x / w
            ci = -1.5 + 3.0 * y / h
            zr = 0.0
            zi = 0.0
            k = 0
            while k < limit and zr * zr + zi * zi < 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                k += 1
            out[y, x] = k
    return out
# run: escape_counts(40, 50, 100)


def stepped(a, start, stop, step):
    total = 0
    for i in prange(start, stop, step):
        a[i] = i
        total += i
    return total
# run: stepped(np.zeros(100, dtype=np.int64), 3, 97, 7)
# run: stepped(np.zeros(100, dtype=np.int64), 99, -1, -3)
# run: stepped(np.zeros(100, dtype=np.int64), 5, 5, 1)
# run: stepped(np.zeros(10, dtype=np.int64), 0, 10, 0)


def last_index(n):
    i = -1
    for i in prange(n):
        pass
    return i
# run: last_index(0)
# run: last_index(1)
# run: last_index(1000)


def nested(m):
    total = 0.0
    for r in prange(m.shape[0]):
        for c in prange(m.shape[1]):
            m[r, c] = r * 10 + c
            total += m[r, c]
    return total
# run: nested(np.zeros((30, 40)))


def _helper(x):
    return x * x + 1


def calls_a_function(n):
    s = 0
    for i in prange(n):
        s += _helper(i) % 10
    return s
# run: calls_a_function(10000)


def fails_in_one_iteration(a, bad):
    for i in prange(a.shape[0]):
        if i == bad:
            raise ValueError("bad iteration")
        a[i] = 1.0
# run: fails_in_one_iteration(np.zeros(8), 100)
# run: fails_in_one_iteration(np.zeros(8), 3)


def out_of_bounds(a):
    s = 0.0
    for i in prange(a.shape[0]):
        s += a[i + 1]
    return s
# run: out_of_bounds(_halves(50))


def divides(a):
    s = 0
    for i in prange(len(a)):
        s += 1000 // int(a[i])
    return s
# run: divides(_ints(100) + 60)
# run: divides(_ints(100))


def run_in_range_without_prange(n):
    s = 0
    for i in range(n):
        s += i
    return s
# run: run_in_range_without_prange(10)


def interior_means(a):
    """n and m are computed again inside the loop body from a (kiln/parallel.py), and the
    range is clipped to [1, n - 1): the same iterations."""
    n = a.shape[0]
    m = a.shape[1]
    out = np.zeros(n)
    for i in prange(1, n - 1):
        s = 0.0
        for j in range(m):
            s += a[i - 1, j] + a[i + 1, j]
        out[i] = s / (2 * m)
    return out
# run: interior_means(_halves(60).reshape(12, 5))
# run: interior_means(_halves(4).reshape(2, 2))
# run: interior_means(_halves(0).reshape(0, 3))


def rebound_parameter(a, k):
    n = a.shape[0] - k
    a = a[::2]
    total = 0.0
    for i in prange(n // 2):
        total += a[i] + n
    return total
# run: rebound_parameter(_halves(20), 2)
# run: rebound_parameter(_halves(20), -4)


def distances(x, k0):
    """The result is made from sizes the body computes again, so its shape is checked once
    per chunk and its bounds checks can go. The loop over j is emitted again for 2 and 3
    columns (kiln/loops.py); x[i, k0] raises in every chunk when k0 is out of bounds."""
    n = x.shape[0]
    d = x.shape[1]
    out = np.zeros((n, n))
    for i in prange(n):
        for j in range(n):
            s = 0.0
            for k in range(d):
                t = x[i, k] - x[j, k]
                s += t * t
            out[i, j] = math.sqrt(s) + x[i, k0]
    return out
# run: distances(_halves(30).reshape(10, 3), 0)
# run: distances(_halves(0).reshape(0, 3), 0)
# run: distances(_halves(40).reshape(20, 2), -1)
# run: distances(_halves(80).reshape(20, 4), 3)
# run: distances(_halves(20).reshape(20, 1), 0)
# run: distances(_halves(60).reshape(20, 3), 3)


def size_reused_privately(x):
    """`n` sized the result and is also a private of the body: no shape check is made from it."""
    n = x.shape[0]
    out = np.empty(n)
    for i in prange(n):
        n = i * 0.5
        out[i] = x[i] + n
    return out
# run: size_reused_privately(_halves(20))


def one_dimensional_result(x):
    n = x.shape[0]
    out = np.full(n, 2.0)
    for i in prange(n):
        out[i] *= x[i]
    return out
# run: one_dimensional_result(_halves(50))

