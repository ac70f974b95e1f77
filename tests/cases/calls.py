"""Calls between module functions (no decorator on callees): transitive calls, recursion, mutual
recursion, keyword arguments, defaults, one callee used at several argument types."""

import math


def square(x):
    return x * x


def sum_of_squares(a, b):
    return square(a) + square(b)


def hypotenuse(a, b):
    return math.sqrt(sum_of_squares(a, b))
# run: hypotenuse(3, 4)
# run: hypotenuse(1.5, 2)
# run: sum_of_squares(2**31 - 1, 2**31)
# run: sum_of_squares(2**31, 2**31)  # kiln: OverflowError


def mixed_specializations(n):
    return square(n) + square(n / 2) + square(True)
# run: mixed_specializations(4)
# run: mixed_specializations(-3)


def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
# run: fact(0)
# run: fact(20)
# run: fact(21)  # kiln: OverflowError


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
# run: fib(1)
# run: fib(15)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
# run: ackermann(2, 3)
# run: ackermann(3, 3)


def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
# run: gcd(1071, 462)
# run: gcd(-12, 18)


def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
# run: depth(500)


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)
# run: is_even(10)
# run: is_odd(7)


def hofstadter_f(n):
    return 1 if n == 0 else n - hofstadter_m(hofstadter_f(n - 1))


def hofstadter_m(n):
    return 0 if n == 0 else n - hofstadter_f(hofstadter_m(n - 1))
# run: hofstadter_f(20)
# run: hofstadter_m(20)


def harmonic(n):
    if n == 0:
        return 0.0
    return 1 / n + harmonic(n - 1)
# run: harmonic(0)
# run: harmonic(10)


def halve_below_one(x):
    if x < 1:
        return x
    return halve_below_one(x / 2)
# run: halve_below_one(0)
# run: halve_below_one(5)
# run: halve_below_one(0.75)


def affine(x, a=2, b=1):
    return a * x + b
# run: affine(5)
# run: affine(5, 3, 4)
# run: affine(5, b=10)
# run: affine(x=5, b=10, a=0)
# run: affine(0.5)


def uses_keywords(x):
    return affine(x, b=-1), affine(b=0, x=x), affine(x, 1.5), affine(x, a=x, b=x)
# run: uses_keywords(3)
# run: uses_keywords(0.25)


def scale(x, factor=0.5, clip=False):
    y = x * factor
    if clip and y > 1.0:
        y = 1.0
    return y


def uses_defaults(x):
    return scale(x), scale(x, 4.0), scale(x, 4.0, True), scale(x, clip=True)
# run: uses_defaults(1)


def shifted(p, offset=(1, -1)):
    x, y = p
    dx, dy = offset
    return x + dx, y + dy
# run: shifted((0, 0))
# run: shifted((1.5, 2), (10, 20))


def uses_shifted(x):
    return shifted((x, x)), shifted((x, 0), offset=(0.5, 0.5))
# run: uses_shifted(3)


def divide(a, b):
    return a // b


def divide_outer(a, b):
    return divide(a, b) + 1
# run: divide_outer(7, 0)
# run: divide_outer(-2**63, -1)  # kiln: OverflowError


def checked(x):
    assert x >= 0


def caller_of_none(x):
    checked(x)
    checked(x + 1)
    return x * 2
# run: caller_of_none(5)
# run: caller_of_none(-1)
# run: checked(3)


def pair(n):
    return n, -n


def use_pair(n):
    a, b = pair(n)
    c, d = pair(float(n))
    return a + b, c - d, pair(pair(n)[1])
# run: use_pair(7)


def compose(x):
    return square(affine(square(x), b=affine(1)))
# run: compose(-1.5)


def countdown_sum(n, acc=0):
    if n == 0:
        return acc
    return countdown_sum(n - 1, acc + n)
# run: countdown_sum(100)
# run: countdown_sum(3, 0.5)
