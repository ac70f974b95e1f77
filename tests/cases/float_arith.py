"""Float arithmetic: + - * / // % ** and unary - +, with -0.0, inf, nan and zero divisors."""

import math


def arith(a, b):
    return a + b, a - b, a * b, a / b, -a, +a
# run: arith(0.1, 0.2)
# run: arith(1.5, -2.0)
# run: arith(-0.0, -0.0)
# run: arith(-0.0, 0.0)
# run: arith(0.0, -5.0)
# run: arith(1e308, 1e308)
# run: arith(5e-324, 5e-324)
# run: arith(math.inf, math.inf)
# run: arith(math.inf, -2.0)
# run: arith(-1.0, math.inf)
# run: arith(math.nan, 1.0)


def truediv(a, b):
    return a / b
# run: truediv(1.0, 0.0)
# run: truediv(0.0, 0.0)
# run: truediv(-1.0, -0.0)
# run: truediv(math.nan, 0.0)


def floor_mod(a, b):
    return a // b, a % b
# run: floor_mod(7.5, 2.0)
# run: floor_mod(-7.5, 2.0)
# run: floor_mod(7.5, -2.0)
# run: floor_mod(1.0, 0.1)
# run: floor_mod(-6.0, 3.0)
# run: floor_mod(6.0, -3.0)
# run: floor_mod(-0.0, 1.0)
# run: floor_mod(0.0, -1.0)
# run: floor_mod(-0.5, 1.0)
# run: floor_mod(5.0, 0.0)
# run: floor_mod(5.0, -0.0)
# run: floor_mod(5.0, math.inf)
# run: floor_mod(-5.0, math.inf)
# run: floor_mod(5.0, -math.inf)
# run: floor_mod(math.inf, 2.0)
# run: floor_mod(math.nan, 2.0)
# run: floor_mod(1e300, 1e-300)
# run: floor_mod(-1e-300, 1e300)


def fpow(a, b):
    return a ** b
# run: fpow(2.0, 0.5)
# run: fpow(-2.0, 3.0)
# run: fpow(-0.0, 3.0)
# run: fpow(0.0, 0.0)
# run: fpow(0.0, -1.0)
# run: fpow(-0.0, -1.0)
# run: fpow(math.nan, 0.0)
# run: fpow(1.0, math.nan)
# run: fpow(-1.0, math.inf)
# run: fpow(0.5, math.inf)
# run: fpow(2.0, -math.inf)
# run: fpow(math.inf, -1.0)
# run: fpow(-math.inf, 3.0)
# run: fpow(2.0, 1024.0)
# run: fpow(10.0, -400.0)


def horner(x):
    return ((2.5 * x - 1.25) * x + 0.125) * x - 3.0
# run: horner(1.1)
# run: horner(1e300)


def augmented(a, b):
    x = a
    x += b
    x *= 1.5
    x -= a
    x /= b
    x //= 0.25
    x %= 7.0
    x **= 0.5
    return x
# run: augmented(10.5, -3.25)
# run: augmented(3.0, 0.0)
