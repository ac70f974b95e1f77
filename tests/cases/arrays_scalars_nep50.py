"""Arithmetic on NumPy scalars read from arrays, under NumPy 2's promotion rules (NEP 50).

Two NumPy scalars promote like np.result_type (int8 with uint8 gives int16, int64 with uint64
gives float64, int32 with float32 gives float64, int16 with float32 gives float32). A Python int
or float is "weak": it takes the NumPy operand's dtype (uint8 + 10 wraps round, float32 + 0.1
stays float32) unless a Python float meets an integer (float64), and a Python int that does not
fit the dtype raises OverflowError. Integer results wrap round; integer division or modulo by
zero gives 0, float division by zero gives inf or nan (NumPy only warns). Comparisons give
numpy.bool. int(), float(), bool() and the math module give Python values."""

import math

import numpy as np


def _one(value, dtype):
    """A one-element array."""
    return np.array([value], dtype=dtype)


def arith(a, b):
    x = a[0]
    y = b[0]
    return x + y, x - y, x * y, x / y, x // y, x % y
# run: arith(_one(7.5, np.float64), _one(-2.0, np.float64))
# run: arith(_one(0.1, np.float32), _one(0.1, np.float64))
# run: arith(_one(7, np.int64), _one(-2, np.int64))
# run: arith(_one(2**53 + 1, np.int64), _one(1.0, np.float64))
# run: arith(_one(7, np.int32), _one(2, np.float32))
# run: arith(_one(200, np.uint8), _one(2, np.float32))
# run: arith(_one(7, np.int8), _one(200, np.uint8))
# run: arith(_one(-7, np.int64), _one(7, np.uint64))
# run: arith(_one(3, np.uint64), _one(7, np.uint64))
# run: arith(_one(200, np.uint8), _one(100, np.uint8))
# run: arith(_one(100, np.int8), _one(100, np.int8))
# run: arith(_one(-128, np.int8), _one(-1, np.int8))
# run: arith(_one(-2**63, np.int64), _one(-1, np.int64))
# run: arith(_one(7, np.int64), _one(0, np.int64))
# run: arith(_one(7.5, np.float64), _one(0.0, np.float64))
# run: arith(_one(-7.5, np.float32), _one(0.0, np.float32))
# run: arith(_one(3.4e38, np.float32), _one(10, np.float32))
# run: arith(_one(7, np.uint8), _one(True, np.bool_))
# run: arith(_one(True, np.bool_), _one(-3, np.int8))


def bool_arith(a, b):
    x = a[0]
    y = b[0]
    return x + y, x * y, x / y, x // y, x % y, x & y, x | y, x ^ y
# run: bool_arith(_one(True, np.bool_), _one(True, np.bool_))
# run: bool_arith(_one(True, np.bool_), _one(False, np.bool_))


def unary(a):
    x = a[0]
    return -x, +x, abs(x)
# run: unary(_one(-2**63, np.int64))
# run: unary(_one(-128, np.int8))
# run: unary(_one(1, np.uint8))


def with_int(a, k):
    x = a[0]
    return x + k, x - k, x * k, x // k, x % k, k - x, x / k, x < k, x == k
# run: with_int(_one(250, np.uint8), 10)
# run: with_int(_one(3, np.uint8), 256)
# run: with_int(_one(3, np.uint8), -1)
# run: with_int(_one(100, np.int8), 100)
# run: with_int(_one(-100, np.int8), 128)
# run: with_int(_one(2**63 - 1, np.int64), 1)
# run: with_int(_one(2**64 - 1, np.uint64), 1)
# run: with_int(_one(2.5, np.float32), 3)
# run: with_int(_one(-2.5, np.float64), 0)
# run: with_int(_one(True, np.bool_), 2)


def int_first(a, k):
    x = a[0]
    return k + x, k * x, k // x, k % x, k / x
# run: int_first(_one(3, np.uint8), 10)
# run: int_first(_one(3, np.uint8), 254)
# run: int_first(_one(True, np.bool_), 7)


def with_float(a, f):
    x = a[0]
    return x + f, x - f, x * f, x / f, x // f, x % f, f - x, f / x, x < f, x == f
# run: with_float(_one(3, np.uint8), 0.5)
# run: with_float(_one(2**53 + 1, np.int64), 1.0)
# run: with_float(_one(0.1, np.float32), 0.1)
# run: with_float(_one(1.5, np.float32), 1e300)
# run: with_float(_one(True, np.bool_), 0.25)


def powers(a, k):
    x = a[0]
    return x ** 2, x ** k, x ** 0.5
# run: powers(_one(3, np.int64), 40)
# run: powers(_one(3, np.int64), -1)
# run: powers(_one(3, np.uint8), 5)
# run: powers(_one(3, np.uint8), -1)
# run: powers(_one(-2, np.int8), 7)
# run: powers(_one(2.5, np.float32), 3)


def compare(a, b):
    x = a[0]
    y = b[0]
    return x < y, x <= y, x == y, x != y, x > y, x >= y
# run: compare(_one(0.0, np.float64), _one(-0.0, np.float32))
# run: compare(_one(np.nan, np.float64), _one(np.nan, np.float64))
# run: compare(_one(0.1, np.float32), _one(0.1, np.float64))
# run: compare(_one(-1, np.int64), _one(2**64 - 1, np.uint64))
# run: compare(_one(2**53 + 1, np.int64), _one(2.0**53, np.float64))
# run: compare(_one(True, np.bool_), _one(1, np.int8))


def compare_python(a):
    x = a[0]
    return x < 300, x == -1, x > -1, x == 2.5, x <= 2**62, 1.5 < x, -0.0 == x
# run: compare_python(_one(255, np.uint8))
# run: compare_python(_one(2**64 - 1, np.uint64))


def truth(a):
    x = a[0]
    if x:
        return 1
    return 0
# run: truth(_one(0.0, np.float64))
# run: truth(_one(np.nan, np.float64))
# run: truth(_one(False, np.bool_))


def chained(a):
    x = a[0]
    return 0 < x < 10, not x, x > 0 and x < 10
# run: chained(_one(5, np.int8))
# run: chained(_one(0.0, np.float64))


def conversions(a):
    x = a[0]
    return int(x), float(x), bool(x)
# run: conversions(_one(-2.75, np.float64))
# run: conversions(_one(0.1, np.float32))
# run: conversions(_one(np.nan, np.float64))
# run: conversions(_one(np.inf, np.float32))
# run: conversions(_one(1e19, np.float64))  # kiln: OverflowError
# run: conversions(_one(2**63, np.uint64))  # kiln: OverflowError
# run: conversions(_one(True, np.bool_))


def math_of(a):
    x = a[0]
    return math.sqrt(x), math.floor(x), math.fabs(x), math.exp(x), math.isnan(x)
# run: math_of(_one(2.25, np.float64))
# run: math_of(_one(2.5, np.float32))
# run: math_of(_one(200, np.uint8))
# run: math_of(_one(-1.0, np.float64))
# run: math_of(_one(np.nan, np.float32))


def math_then_numpy(a):
    return math.sqrt(a[0]) + a[1], math.floor(a[0]) * a[1], a[1] - math.pi
# run: math_then_numpy(np.array([2.0, 1.0], dtype=np.float32))
# run: math_then_numpy(np.array([9, 250], dtype=np.uint8))


def mixed_expression(a, b, k):
    return (a[0] + k) * b[0] - a[1] / 2 + (b[1] > a[1])
# run: mixed_expression(np.array([250, 4], dtype=np.uint8), np.array([3, 5], dtype=np.uint8), 10)
# run: mixed_expression(np.array([1, 2], dtype=np.int16), np.array([1.5, 5], dtype=np.float32), 3)
