"""Builtins abs, min, max, int, float, bool, round, divmod and pow (2 arguments): result types,
ties, NaN, -0.0, rounding half to even, conversions at the int64 edges."""

import math

import numpy as np


def absolute(x):
    return abs(x)
# run: absolute(-5)
# run: absolute(-2.5)
# run: absolute(-0.0)
# run: absolute(-math.inf)
# run: absolute(math.nan)
# run: absolute(-2**63 + 1)
# run: absolute(-2**63)  # kiln: OverflowError


def min_max(a, b):
    return min(a, b), max(a, b)
# run: min_max(1, 2)
# run: min_max(1.5, -2.5)
# run: min_max(1, 1.0)
# run: min_max(1.0, 1)
# run: min_max(2, 1.5)
# run: min_max(1, 2.5)
# run: min_max(0.0, -0.0)
# run: min_max(-0.0, 0.0)
# run: min_max(math.nan, 1.0)
# run: min_max(1.0, math.nan)
# run: min_max(-2**63, 2**63 - 1)


def min_max_many(a, b, c, d):
    return min(a, b, c), max(a, b, c, d), min(d, c, b, a)
# run: min_max_many(3, 1, 2, 0)
# run: min_max_many(1.5, -2, 7, 0.5)
# run: min_max_many(math.nan, 1.0, 2.0, 3.0)
# run: min_max_many(1.0, math.nan, 2.0, 0.5)
# run: min_max_many(np.int64(3), 2, np.int64(2), 5)
# run: min_max_many(np.int32(-1), True, 0.5, np.uint8(7))


def to_int(x):
    return int(x)
# run: to_int(2.9)
# run: to_int(-2.9)
# run: to_int(-0.5)
# run: to_int(-0.0)
# run: to_int(-9.223372036854775808e18)
# run: to_int(9.223372036854775807e18)  # kiln: OverflowError
# run: to_int(1e19)  # kiln: OverflowError
# run: to_int(math.inf)
# run: to_int(math.nan)


def to_float(x):
    return float(x)
# run: to_float(-0.0)
# run: to_float(2**53 + 1)
# run: to_float(2**63 - 1)
# run: to_float(-2**63)


def to_bool(x):
    return bool(x)
# run: to_bool(0)
# run: to_bool(0.0)
# run: to_bool(-0.0)
# run: to_bool(math.nan)
# run: to_bool(None)
# run: to_bool(())
# run: to_bool((0,))


def round1(x):
    return round(x)
# run: round1(0.5)
# run: round1(1.5)
# run: round1(2.5)
# run: round1(-0.5)
# run: round1(-2.5)
# run: round1(2.4999999999999996)
# run: round1(0.49999999999999994)
# run: round1(-0.0)
# run: round1(4503599627370497.0)
# run: round1(9.2e18)
# run: round1(9.3e18)  # kiln: OverflowError
# run: round1(math.inf)
# run: round1(math.nan)


def round2(x, n):
    return round(x, n)
# run: round2(2.675, 2)
# run: round2(0.125, 2)
# run: round2(0.375, 2)
# run: round2(1.005, 2)
# run: round2(2.5, 0)
# run: round2(-0.5, 0)
# run: round2(-0.4, 0)
# run: round2(1250.0, -2)
# run: round2(-1350.0, -2)
# run: round2(1e300, -300)
# run: round2(5e-324, 323)
# run: round2(5e-324, 400)
# run: round2(123.456, -400)
# run: round2(-123.456, -400)
# run: round2(0.1, 20)
# run: round2(math.inf, 2)
# run: round2(math.nan, 2)
# run: round2(1250, -2)
# run: round2(-1250, -2)
# run: round2(-1251, -2)
# run: round2(25, -1)
# run: round2(1234, 2)
# run: round2(1234, -30)
# run: round2(2**63 - 1, -1)  # kiln: OverflowError
# run: round2(2**63 - 1, -2)


def round_dynamic(x, n):
    y = round(x, n)
    return y + 1
# run: round_dynamic(2.5, 0)
# run: round_dynamic(25, -1)


def divmods(a, b):
    return divmod(a, b)
# run: divmods(7, 2)
# run: divmods(-7, 2)
# run: divmods(7, -2)
# run: divmods(7, 0)
# run: divmods(7.5, -2)
# run: divmods(-0.0, 1.0)
# run: divmods(0.0, -1.0)
# run: divmods(1, 0.1)
# run: divmods(1.0, 0.0)
# run: divmods(-5, math.inf)
# run: divmods(-2**63, 7)
# run: divmods(-2**63, -1)  # kiln: OverflowError


def pow2(a, b):
    return pow(a, b)
# run: pow2(2, -2)
# run: pow2(4, 0.5)
# run: pow2(0, -1)
# run: pow2(0.0, -2.0)
# run: pow2(2, 63)  # kiln: OverflowError
# run: pow2(-2, 63)


def nested_builtins(x, y):
    return abs(min(x, y) - max(x, y)), int(round(x / y, 1) * 10), float(int(x) // 3)
# run: nested_builtins(7, 2)
# run: nested_builtins(-7.5, 2.5)


def over_an_array(a):
    """min, max and sum of a 1-d array iterate its elements as Python does: NumPy scalar
    comparisons (the first NaN stays; a later NaN never wins), and additions one at a time
    from the int 0 (int8 wraps in int8, bools count in int64, an empty array sums to 0)."""
    return sum(a), min(a), max(a)
# run: over_an_array(np.array([3.0, math.nan, 1.0]))
# run: over_an_array(np.array([math.nan, 3.0]))
# run: over_an_array(np.array([0.0, -0.0]))
# run: over_an_array(np.array([100, 100, -3], dtype=np.int8))
# run: over_an_array(np.array([True, True, False]))
# run: over_an_array(np.arange(10, dtype=np.float32)[::-3] / 3)
# run: over_an_array(np.array([1e16, 1.0, -1e16]))
# run: over_an_array(np.zeros(0))


def sum_of_nothing(a):
    return sum(a[:0]), sum(a)
# run: sum_of_nothing(np.arange(4, dtype=np.uint16))


def numpy_numbers(x):
    """round, divmod and .item() of NumPy numbers, as their own methods make them: round(x) an
    int, round(x, n) NumPy's round, divmod NumPy's // and %, item() the Python number."""
    return round(x), round(x, 1), divmod(x, 2.0), divmod(x, 3), x.item()
# run: numpy_numbers(np.float64(2.675))
# run: numpy_numbers(np.float32(2.5))
# run: numpy_numbers(np.float32(-0.5))
# run: numpy_numbers(np.int8(-7))
# run: numpy_numbers(np.uint16(17))
# run: numpy_numbers(np.float64(math.nan))
# run: numpy_numbers(np.float64(math.inf))
# run: numpy_numbers(np.uint64(2**64 - 1))  # kiln: OverflowError


def items(a):
    return a[0].item(), a.item(1), a.item(-1), a[1:2].item()
# run: items(np.array([1.5, 2.5, 3.5]))
# run: items(np.array([3, -4, 5], dtype=np.int8))
# run: items(np.array([True, False]))
# run: items(np.array([0.1, 0.2], dtype=np.float32))
# run: items(np.arange(6.0).reshape(2, 3))
# run: items(np.arange(1.0))
# run: items(np.arange(12, dtype=np.int16).reshape(3, 4)[:, ::-2])
