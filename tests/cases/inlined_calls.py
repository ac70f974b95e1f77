"""Calls to small helpers, which kiln compiles into their callers (kiln/inline.py): results,
raises inside the helper, overflow inside it, early returns, int-or-float and tuple results,
helpers of helpers, and the helpers called in loops whose checks kiln proves moot when the
loop's inputs are small."""

import numpy as np


def pair_index(i, j):
    return (i + j) * (i + j + 1) // 2 + i + 1


def row_of_inverses(v, i):
    s = 0.0
    for j in range(v.shape[0]):
        s += 1.0 / pair_index(i, j) * v[j]
    return s
# run: row_of_inverses(np.arange(7.0), 3)
# run: row_of_inverses(np.arange(0.0), 3)
# run: row_of_inverses(np.arange(5.0), -2)
# run: row_of_inverses(np.arange(5.0), 2**31)
# run: row_of_inverses(np.arange(3.0), 2**62)  # kiln: OverflowError
# run: row_of_inverses(np.arange(3.0), -1)


def sign_or_raise(x):
    if x == 0:
        raise ValueError("zero has no sign here")
    if x < 0:
        return -1
    return 1


def signs(start, stop):
    total = 0
    for j in range(start, stop):
        total += sign_or_raise(j)
    return total
# run: signs(1, 10)
# run: signs(-5, -1)
# run: signs(-5, 5)


def half_or_int(x):
    if x % 2 == 0:
        return x // 2
    return x / 2


def halves(n):
    s = 0
    for j in range(n):
        s += half_or_int(j)
    return s
# run: halves(0)
# run: halves(1)
# run: halves(9)


def divmod_pair(a, b):
    return a // b, a % b


def digit_sums(n, base):
    total = 0
    for j in range(n):
        q, r = divmod_pair(j, base)
        total += q + r
    return total
# run: digit_sums(50, 7)
# run: digit_sums(5, 0)
# run: digit_sums(5, -3)


def square(x):
    return x * x


def sum_of_squares(a, b):
    return square(a) + square(b)


def nested_helpers(n, shift):
    best = 0
    for j in range(n):
        best = max(best, sum_of_squares(j + shift, j - shift))
    return best
# run: nested_helpers(10, 3)
# run: nested_helpers(3, 2**30)
# run: nested_helpers(3, 2**31)  # kiln: OverflowError
# run: nested_helpers(3, 3037000500)  # kiln: OverflowError
# run: nested_helpers(3, -(2**62))  # kiln: OverflowError


def scaled(x, factor=3):
    return x * factor


def defaults_and_keywords(n):
    total = 0
    for j in range(n):
        total += scaled(j) + scaled(j, factor=-2) + scaled(factor=5, x=j)
    return total
# run: defaults_and_keywords(12)


def wrap_index(j, n):
    if j >= n:
        return j - n
    return j


def ring_sums(a):
    n = a.shape[0]
    out = np.zeros(n)
    for j in range(n):
        out[j] = a[j] + a[wrap_index(j + 1, n)]
    return out
# run: ring_sums(np.arange(6.0))
# run: ring_sums(np.arange(1.0))
