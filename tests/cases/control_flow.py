"""if / elif / else, nested ifs, early and multiple returns, pass, conditional expressions."""

import math


def grade(score):
    if score >= 90:
        return 4
    elif score >= 80:
        return 3
    elif score >= 70:
        return 2
    elif score >= 60:
        return 1
    else:
        return 0
# run: grade(95)
# run: grade(90)
# run: grade(89.999)
# run: grade(12)
# run: grade(math.nan)
# run: grade(math.inf)


def clamp(x, lo, hi):
    if x < lo:
        x = lo
    if x > hi:
        x = hi
    return x
# run: clamp(5, 0, 10)
# run: clamp(-5, 0, 10)
# run: clamp(50, 0, 10)
# run: clamp(2.5, 0.0, 1.0)
# run: clamp(math.nan, 0.0, 1.0)


def nested(a, b):
    if a > 0:
        if b > 0:
            r = 1
        else:
            if b == 0:
                r = 2
            else:
                r = 3
    else:
        r = 4
        if b > a:
            r += 10
    return r
# run: nested(1, 1)
# run: nested(1, 0)
# run: nested(1, -1)
# run: nested(-1, 5)
# run: nested(-1, -5)
# run: nested(0, 0)


def only_if(x):
    y = 0
    if x:
        y = 1
    return y
# run: only_if(7)
# run: only_if(0.0)
# run: only_if(math.nan)
# run: only_if(False)
# run: only_if(None)
# run: only_if(())
# run: only_if((0,))


def with_pass(x):
    if x > 0:
        pass
    elif x < 0:
        x = -x
    else:
        pass
    return x
# run: with_pass(-3)
# run: with_pass(0)
# run: with_pass(-0.0)


def ternary(x):
    return 1 if x > 0 else -1 if x < 0 else 0
# run: ternary(10)
# run: ternary(-10)
# run: ternary(0)
# run: ternary(math.nan)


def ternary_mixed(x):
    return x / 2 if x % 2 else x // 2
# run: ternary_mixed(6)
# run: ternary_mixed(7)


def ternary_lazy(a, b):
    return a // b if b != 0 else 0
# run: ternary_lazy(7, 2)
# run: ternary_lazy(7, 0)


def abs_diff(a, b):
    if a > b:
        return a - b
    return b - a
# run: abs_diff(3, 10)
# run: abs_diff(2.5, -2.5)
# run: abs_diff(-2**62, 2**62)  # kiln: OverflowError


def many_returns(n):
    if n == 0:
        return 100
    if n == 1:
        return 200
    for i in range(n):
        if i * i > n:
            return i
    return -1
# run: many_returns(0)
# run: many_returns(2)
# run: many_returns(17)


def quadrant(x, y):
    if x >= 0:
        q = 1 if y >= 0 else 4
    else:
        q = 2 if y >= 0 else 3
    return q
# run: quadrant(-1, 1)
# run: quadrant(-1.5, -0.5)
# run: quadrant(-0.0, -0.0)


def condition_kinds(i, f, b):
    n = 0
    if i:
        n += 1
    if f:
        n += 10
    if b:
        n += 100
    if not i and not f:
        n += 1000
    return n
# run: condition_kinds(0, 0.0, False)
# run: condition_kinds(3, -0.0, True)
# run: condition_kinds(-1, math.nan, False)
