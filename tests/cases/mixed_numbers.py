"""int, float and bool operands mixed in one operation: the result type follows Python's rules."""

import math


def arith(a, b):
    return a + b, a - b, a * b, a / b
# run: arith(1, 0.5)
# run: arith(0.5, 1)
# run: arith(-3, 0.0)
# run: arith(0, -1.5)
# run: arith(True, -2.5)
# run: arith(2**53 + 1, 1.0)
# run: arith(2**63 - 1, 0.5)
# run: arith(-2**63, -0.5)
# run: arith(0, math.inf)
# run: arith(3, math.nan)
# run: arith(1, -0.0)


def floor_mod(a, b):
    return a // b, a % b
# run: floor_mod(7, 2.5)
# run: floor_mod(-7, 2.5)
# run: floor_mod(7.5, -2)
# run: floor_mod(-7.5, -2)
# run: floor_mod(0, -2.5)
# run: floor_mod(5, 0.0)
# run: floor_mod(0.0, 0)


def power(a, b):
    return a ** b
# run: power(2, 0.5)
# run: power(4.0, 2)
# run: power(-8, 3.0)
# run: power(0, -1.0)
# run: power(0.0, -1)
# run: power(10, 308.5)


def mean3(a, b, c):
    return (a + b + c) / 3
# run: mean3(1, 2, 3)
# run: mean3(1, 2.5, 3)


def lerp(a, b, t):
    return a + (b - a) * t
# run: lerp(0, 10, 0.25)
# run: lerp(1.5, -1.5, 2)
# run: lerp(0, 10, 1)


def int_float_int(n):
    half = n / 2
    back = n // 2
    return half, back, half - back
# run: int_float_int(7)
# run: int_float_int(-7)
# run: int_float_int(0)


def add_to_float(n):
    x = 0.5
    x += n
    x *= n
    return x
# run: add_to_float(3)
# run: add_to_float(2**62)
