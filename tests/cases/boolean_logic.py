"""and / or / not: short-circuit evaluation, and `and`/`or` returning one of their operands."""

import math


def and_value(x, y):
    return x and y
# run: and_value(2, 3)
# run: and_value(0, 3)
# run: and_value(1.5, 2.5)
# run: and_value(0.0, 2.5)
# run: and_value(-0.0, 2.5)
# run: and_value(math.nan, 2.5)
# run: and_value(True, False)
# run: and_value(False, True)
# run: and_value(2, 3.5)
# run: and_value(0, 3.5)
# run: and_value(0.0, 3)
# run: and_value(None, None)


def or_value(x, y):
    return x or y
# run: or_value(2, 3)
# run: or_value(0, 3)
# run: or_value(0.0, -0.0)
# run: or_value(math.nan, 1.0)
# run: or_value(False, True)
# run: or_value(0, 2.5)
# run: or_value(7, 2.5)
# run: or_value(0.0, 5)
# run: or_value(None, None)


def not_value(x):
    return not x
# run: not_value(0)
# run: not_value(0.0)
# run: not_value(-0.0)
# run: not_value(math.nan)
# run: not_value(None)


def chain3(a, b, c):
    return a and b or c, a or b and c, (a or b) and c, not a or b > 1
# run: chain3(1, 2, 3)
# run: chain3(0, 2, 3)
# run: chain3(1, 0, 3)
# run: chain3(1.5, 0.0, 2.5)
# run: chain3(True, False, True)


def safe_ratio_is_big(a, b):
    return b != 0 and a // b > 2
# run: safe_ratio_is_big(10, 3)
# run: safe_ratio_is_big(10, 0)


def zero_or_ratio(a, b):
    return b == 0 or a / b < 1.0
# run: zero_or_ratio(1, 0)
# run: zero_or_ratio(1, 2)
# run: zero_or_ratio(3, 2)


def short_circuit_skips_overflow(a):
    return a > 10 and a * a > 2**62 or a < 0
# run: short_circuit_skips_overflow(3)
# run: short_circuit_skips_overflow(2**31)
# run: short_circuit_skips_overflow(2**32)  # kiln: OverflowError


def default_to(x, fallback):
    y = x or fallback
    return y * 2
# run: default_to(0, 21)
# run: default_to(0.0, 1.25)
# run: default_to(0, 1.25)


def classify(a, b):
    if a > 0 and b > 0:
        return 1
    if a > 0 or b > 0:
        return 2
    if not (a or b):
        return 3
    return 4
# run: classify(1, 1)
# run: classify(1, -1)
# run: classify(0, 0)
# run: classify(-1, -1)
# run: classify(0.0, -0.0)
# run: classify(math.nan, -1.0)
