"""Tuples: build, return, constant index (also negative), unpack, swap, nested, as arguments."""

import math

import numpy as np


def make_pair(a, b):
    return a, b
# run: make_pair(1.5, True)
# run: make_pair(None, -0.0)
# run: make_pair((1, 2), 3)


def single(x):
    return (x,)
# run: single(5)


def empty():
    return ()
# run: empty()


def first_last(t):
    return t[0], t[-1], t[1], t[-2]
# run: first_last((1, 2, 3))
# run: first_last((1.5, 2, True, None))
# run: first_last((0, -0.0))


def unpack3(t):
    a, b, c = t
    return c, b, a
# run: unpack3((1, 2.5, False))
# run: unpack3((None, (1, 2), 3))


def swap(a, b):
    a, b = b, a
    return a, b
# run: swap(1, 2)
# run: swap(1.5, -3)


def rotate3(a, b, c):
    a, b, c = b, c, a
    return a, b, c
# run: rotate3(1, 2, 3)


def fib_pair(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
# run: fib_pair(10)
# run: fib_pair(91)
# run: fib_pair(92)  # kiln: OverflowError


def nested_unpack(t):
    (a, b), c = t
    return a * c + b
# run: nested_unpack(((2, 3), 4))
# run: nested_unpack(((2.5, 1), -1))


def nested_index(t):
    return t[0][1] + t[1][0][0]
# run: nested_index(((1, 2), ((3,), 4)))
# run: nested_index(((1, 2.5), ((-3,), None)))


def point_ops(p, q):
    x1, y1 = p
    x2, y2 = q
    dx = x2 - x1
    dy = y2 - y1
    return (dx, dy), dx * dx + dy * dy
# run: point_ops((0, 0), (3, 4))
# run: point_ops((0.5, 1), (2, -1.5))


def divmod_tuple(a, b):
    q, r = divmod(a, b)
    return q * b + r == a, (q, r)
# run: divmod_tuple(17, 5)
# run: divmod_tuple(17.5, -5)
# run: divmod_tuple(1, 0)


def minmax(a, b, c):
    lo = a
    hi = a
    if b < lo:
        lo = b
    if b > hi:
        hi = b
    if c < lo:
        lo = c
    if c > hi:
        hi = c
    return lo, hi
# run: minmax(3, 1, 2)


def stats(t):
    a, b, c, d = t
    total = a + b + c + d
    return total, total / 4, (a, d)
# run: stats((1, 2, 3, 4))
# run: stats((1, 2.5, True, -4))


def tuple_in_loop(n):
    acc = (0, 0.0)
    for i in range(n):
        s, f = acc
        acc = (s + i, f + i / 2)
    return acc
# run: tuple_in_loop(0)
# run: tuple_in_loop(5)


def tuple_passthrough(t):
    return t
# run: tuple_passthrough((1, (2.0, (True, None)), ()))


def unpack_from_call(n):
    q, r = split(n)
    return r, q
# run: unpack_from_call(17)


def split(n):
    return n // 10, n % 10


def truthy_tuple(t):
    return 1 if t else 0
# run: truthy_tuple(())
# run: truthy_tuple((0,))


PRIMES = (2, 3, 5, 7)


def membership(x):
    return x in (1, 2, 3), x not in (4, 5), x in PRIMES, x in (), x not in ()
# run: membership(2)
# run: membership(4)
# run: membership(7)
# run: membership(2.0)
# run: membership(2.5)
# run: membership(True)
# run: membership(math.nan)
# run: membership(-0.0)


def membership_mixed(x, t):
    return x in t, x in (0.5, 1, True), x in (x + 1, x - 1)
# run: membership_mixed(1, (0.5, 3))
# run: membership_mixed(0.5, (0.5, 3))
# run: membership_mixed(3, (0.5, 3))
# run: membership_mixed(math.inf, (math.inf,))
# run: membership_mixed(2**53 + 1, (float(2**53), 7))


def count_members(n):
    count = 0
    for i in range(n):
        if i % 10 in (0, 3, 7) and i not in (30, 70):
            count += 1
    return count
# run: count_members(100)
# run: count_members(0)


def membership_numpy(a, i):
    return a[i] in (1, 2), a[i] in (np.int8(-1), 2.5), 3 in (a[i], a[0])
# run: membership_numpy(np.array([1, -1, 3], dtype=np.int8), 0)
# run: membership_numpy(np.array([1, -1, 3], dtype=np.int8), 1)
# run: membership_numpy(np.array([0.5, 2.5, 3.0]), 2)
