"""Integer arithmetic: + - * / // % ** and unary - +, with signs, zero divisors and int64 edges."""


def arith(a, b):
    return a + b, a - b, a * b, -a, +b
# run: arith(7, 3)
# run: arith(-7, 3)
# run: arith(0, -5)
# run: arith(3037000499, 3037000499)
# run: arith(-2**32, 2**31)


def add(a, b):
    return a + b
# run: add(2**63 - 2, 1)
# run: add(2**63 - 1, 1)  # kiln: OverflowError
# run: add(-2**63, -1)  # kiln: OverflowError
# run: add(-2**63, 2**63 - 1)
# run: add(2**62, 2**62)  # kiln: OverflowError


def sub(a, b):
    return a - b
# run: sub(-1, 2**63 - 1)
# run: sub(-2, 2**63 - 1)  # kiln: OverflowError
# run: sub(2**63 - 1, -1)  # kiln: OverflowError
# run: sub(0, -2**63)  # kiln: OverflowError
# run: sub(-2**63, -2**63)


def mul(a, b):
    return a * b
# run: mul(2**32, 2**31 - 1)
# run: mul(2**32, 2**31)  # kiln: OverflowError
# run: mul(-2**63, 1)
# run: mul(-2**63, -1)  # kiln: OverflowError
# run: mul(3037000500, 3037000500)  # kiln: OverflowError
# run: mul(2**40, -2**40)  # kiln: OverflowError


def square(a):
    """x * x of one value: never negative, unless it overflows."""
    return a * a, -a * -a
# run: square(-3037000499)
# run: square(3037000499)
# run: square(0)
# run: square(3037000500)  # kiln: OverflowError
# run: square(-3037000500)  # kiln: OverflowError
# run: square(-2**63)  # kiln: OverflowError


def divisions(a, b):
    return a / b, a // b, a % b
# run: divisions(7, 2)
# run: divisions(-7, 2)
# run: divisions(7, -2)
# run: divisions(-7, -2)
# run: divisions(-6, 3)
# run: divisions(0, -3)
# run: divisions(1, 0)
# run: divisions(-1, 2**63 - 1)
# run: divisions(-2**63, 2)
# run: divisions(-2**63, 3)
# run: divisions(2**63 - 1, -2)


def truediv(a, b):
    return a / b
# run: truediv(-2**63, -1)
# run: truediv(2**53 + 1, 1)
# run: truediv(1152921504606886571, 5)
# run: truediv(2**63 - 1, 2**63 - 2)


def floordiv(a, b):
    return a // b
# run: floordiv(-2**63, 1)
# run: floordiv(-2**63, -1)  # kiln: OverflowError
# run: floordiv(2**63 - 1, -1)


def mod(a, b):
    return a % b
# run: mod(-2**63, -1)
# run: mod(2**63 - 1, -(2**63 - 1))


def ipow(a, b):
    return a ** b
# run: ipow(2, 10)
# run: ipow(-3, 3)
# run: ipow(0, 0)
# run: ipow(1, 10**18)
# run: ipow(-1, 10**18 + 1)
# run: ipow(2, 62)
# run: ipow(2, 63)  # kiln: OverflowError
# run: ipow(-2, 63)
# run: ipow(-2, 64)  # kiln: OverflowError
# run: ipow(3, 39)
# run: ipow(3, 40)  # kiln: OverflowError
# run: ipow(2, -1)
# run: ipow(10, -400)
# run: ipow(-1, -5)
# run: ipow(0, -1)


def negate(a):
    return -a
# run: negate(2**63 - 1)
# run: negate(-2**63)  # kiln: OverflowError


def polynomial(x):
    return 3 * x * x - 2 * x + 7
# run: polynomial(-4)
# run: polynomial(2**30)
# run: polynomial(2**31)  # kiln: OverflowError


def precedence(a, b, c):
    return a + b * c - a // b % c + -a ** 2
# run: precedence(3, 4, 5)


def intermediate_overflow(a, b):
    return a * b // b
# run: intermediate_overflow(2**40, 2**10)
# run: intermediate_overflow(2**40, 2**30)  # kiln: OverflowError


def augmented(a, b):
    x = a
    x += b
    x *= 3
    x -= a
    x //= 2
    x %= 1000
    x **= 2
    return x
# run: augmented(10, 20)
# run: augmented(-10, 3)
# run: augmented(2**62, 0)  # kiln: OverflowError
