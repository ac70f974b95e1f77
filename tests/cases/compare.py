"""Comparisons: all six operators on ints, floats, bools and mixes, NaN, -0.0, exact int/float
comparison beyond 2**53, and chained comparisons."""

import math


def all_six(a, b):
    return a < b, a <= b, a == b, a != b, a > b, a >= b
# run: all_six(1, 2)
# run: all_six(-3, -7)
# run: all_six(1.5, 2.5)
# run: all_six(0.0, -0.0)
# run: all_six(math.nan, math.nan)
# run: all_six(math.nan, 1.0)
# run: all_six(1, math.nan)
# run: all_six(-math.inf, 1e308)
# run: all_six(1, 1.0)
# run: all_six(2.5, 2)
# run: all_six(True, 1)
# run: all_six(False, True)
# run: all_six(True, 1.0)
# run: all_six(-2**63, 2**63 - 1)
# run: all_six(2**53 + 1, 2.0**53)
# run: all_six(2**53 + 1, 2.0**53 + 2)
# run: all_six(2**63 - 1, 2.0**63)
# run: all_six(2.0**63, 2**63 - 1)
# run: all_six(-2**63, -2.0**63)
# run: all_six(-2**63 + 1, -2.0**63)
# run: all_six(2**63 - 1, math.inf)
# run: all_six(-2**63, -math.inf)
# run: all_six(0, -0.0)
# run: all_six(5, math.nan)


def in_range(lo, x, hi):
    return lo <= x < hi
# run: in_range(0, 5, 10)
# run: in_range(0, 10, 10)
# run: in_range(0.5, 1, 1.5)
# run: in_range(0, math.nan, 1)
# run: in_range(1, 0, -1)


def chain(a, b, c, d):
    return a < b < c < d, a == b == c, a != b != c, a < b > c, a <= b >= c == d
# run: chain(1, 2, 3, 4)
# run: chain(1, 1, 1, 1)
# run: chain(1, 3, 2, 2)
# run: chain(1, 2, 1, 1)
# run: chain(1.0, 1, True, 1.0)
# run: chain(0.0, -0.0, 0, False)
# run: chain(math.nan, 1.0, 2.0, 3.0)


def sign(x):
    return (x > 0) - (x < 0)
# run: sign(5)
# run: sign(0)
# run: sign(-0.0)
# run: sign(math.nan)
# run: sign(-math.inf)


def compare_sums(a, b, c):
    return a + b == c, a + b < c, c - a >= b
# run: compare_sums(0.1, 0.2, 0.3)
# run: compare_sums(1, 2, 3)
# run: compare_sums(1, 2, 3.0)
