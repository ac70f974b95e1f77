"""Exceptions: raise of builtin exception classes (with a constant message, bare, or called with no
argument), assert, errors of arithmetic, and their propagation through calls and loops."""

import math


def check_positive(x):
    if x <= 0:
        raise ValueError("x must be positive")
    return x
# run: check_positive(5)
# run: check_positive(0)
# run: check_positive(math.nan)


def raise_kind(k):
    if k == 0:
        raise ValueError("value")
    elif k == 1:
        raise TypeError("type")
    elif k == 2:
        raise ZeroDivisionError("zero")
    elif k == 3:
        raise OverflowError("overflow")
    elif k == 4:
        raise IndexError("index")
    elif k == 5:
        raise KeyError("key")
    elif k == 6:
        raise RuntimeError("runtime")
    elif k == 7:
        raise NotImplementedError("todo")
    elif k == 8:
        raise ArithmeticError("arithmetic")
    elif k == 9:
        raise LookupError("lookup")
    elif k == 10:
        raise AssertionError("assertion")
    elif k == 11:
        raise Exception("plain")
    elif k == 12:
        raise ValueError
    elif k == 13:
        raise RuntimeError()
    return k
# run: raise_kind(0)
# run: raise_kind(1)
# run: raise_kind(2)
# run: raise_kind(3)
# run: raise_kind(4)
# run: raise_kind(5)
# run: raise_kind(6)
# run: raise_kind(7)
# run: raise_kind(8)
# run: raise_kind(10)
# run: raise_kind(11)
# run: raise_kind(12)
# run: raise_kind(14)


def asserts(x):
    assert x > 0
    assert x < 100
    return x
# run: asserts(50)
# run: asserts(0)
# run: asserts(math.nan)
# run: asserts(99.5)


def assert_truthiness(x):
    assert x
    return 1
# run: assert_truthiness(1)
# run: assert_truthiness(0.0)
# run: assert_truthiness(math.nan)


def raise_in_loop(n, bad):
    s = 0
    for i in range(n):
        if i == bad:
            raise IndexError("bad index")
        s += i
    return s
# run: raise_in_loop(10, 20)
# run: raise_in_loop(10, 5)


def inner(x):
    if x < 0:
        raise ValueError("negative")
    return 10 // x


def middle(x):
    return inner(x) + 1


def outer(x):
    total = 0
    for i in range(3):
        total += middle(x - i)
    return total
# run: outer(10)
# run: outer(2)
# run: outer(0)


def raise_after_work(x):
    y = x * 2
    z = y + 1
    if z > 10:
        raise OverflowError("too big")
    return z
# run: raise_after_work(3)
# run: raise_after_work(5)


def while_raise(n):
    while True:
        n -= 1
        if n < 0:
            raise RuntimeError("ran out")
        if n == 3:
            return n
# run: while_raise(2)


def arithmetic_errors(k, x):
    if k == 0:
        return 1 // x
    if k == 1:
        return 1 % x
    if k == 2:
        return 1 / x
    if k == 3:
        return divmod(1, x)[0]
    if k == 4:
        return x ** -1
    return math.sqrt(x - 1) + math.log(x)
# run: arithmetic_errors(0, 0)
# run: arithmetic_errors(2, 0)
# run: arithmetic_errors(3, 0)
# run: arithmetic_errors(4, 0)
# run: arithmetic_errors(5, 0)
# run: arithmetic_errors(0, 0.0)
# run: arithmetic_errors(3, 0.0)
# run: arithmetic_errors(4, 0.0)
# run: arithmetic_errors(5, 0.5)


def never_returns(x):
    raise NotImplementedError("never")
# run: never_returns(1)


def guard_then_value(x):
    if x is None:
        raise ValueError("missing")
    return 0
# run: guard_then_value(None)
# run: guard_then_value(3)


def first_error_wins(a, b):
    x = a // b
    assert x > 0
    return x
# run: first_error_wins(1, 0)
# run: first_error_wins(-1, 2)


def overflow_then_raise(a):
    b = a * a
    if b > 0:
        raise ValueError("positive")
    return b
# run: overflow_then_raise(2)
# run: overflow_then_raise(2**32)  # kiln: OverflowError


def overflow_then_failing_check(a, z, x):
    b = a * a
    return b // z + int(x)
# run: overflow_then_failing_check(3, 2, 1.5)
# run: overflow_then_failing_check(3, 0, 1.5)
# run: overflow_then_failing_check(3, 2, math.nan)
# run: overflow_then_failing_check(2**32, 0, 1.5)  # kiln: OverflowError
# run: overflow_then_failing_check(2**32, 2, math.nan)  # kiln: OverflowError
