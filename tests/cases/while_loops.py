"""while loops: conditions of each type, break / continue / else, nested loops, classic kernels."""

import math


def countdown(n):
    steps = 0
    while n > 0:
        n -= 1
        steps += 1
    return steps
# run: countdown(10)
# run: countdown(0)


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
# run: gcd(48, 18)
# run: gcd(5, 0)
# run: gcd(-48, 18)
# run: gcd(2**62, 2**40)
# run: gcd(2**63 - 1, 2**62 - 1)


def collatz_steps(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps
# run: collatz_steps(27)
# run: collatz_steps(837799)
# run: collatz_steps(2**62)
# run: collatz_steps(3 * 2**61)
# run: collatz_steps(3074457345618258601)  # kiln: OverflowError


def collatz_expression(n, limit):
    """The same step as one conditional expression; an odd n beyond (2**63 - 2) / 3 overflows
    and an even one does not, however large."""
    steps = 0
    while n != 1 and steps < limit:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return n, steps
# run: collatz_expression(27, 1000)
# run: collatz_expression(2**62 + 2**61, 1000)
# run: collatz_expression(3074457345618258603, 5)  # kiln: OverflowError
# run: collatz_expression(3074457345618258599, 5)  # kiln: OverflowError
# run: collatz_expression(-3074457345618258605, 3)  # kiln: OverflowError
# run: collatz_expression(-3074457345618258601, 1)


def collatz_shifts(n, k):
    """Arms of bit operations: `n >> 1` (a constant count cannot fail) and `n >> k`."""
    steps = 0
    while n != 1 and steps < 200:
        if n & 1:
            n = 3 * n + 1
        else:
            n = n >> 1
        if steps == 50:
            n = n >> k if n > 4 else n
        steps += 1
    return n, steps
# run: collatz_shifts(27, 2)
# run: collatz_shifts(27, 70)
# run: collatz_shifts(27, -1)  # ValueError
# run: collatz_shifts(3074457345618258603, 1)  # kiln: OverflowError


def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
# run: isqrt(1)
# run: isqrt(100)
# run: isqrt(2**62)
# run: isqrt(2**63 - 1)  # kiln: OverflowError


def newton_sqrt(a):
    x = a
    while True:
        y = 0.5 * (x + a / x)
        if abs(y - x) < 1e-15 * y:
            return y
        x = y
# run: newton_sqrt(2.0)
# run: newton_sqrt(1e10)


def fast_pow(base, exp):
    result = 1
    while exp > 0:
        if exp & 1:
            result *= base
        base *= base
        exp >>= 1
    return result
# run: fast_pow(3, 13)
# run: fast_pow(2, 31)
# run: fast_pow(2, 32)  # kiln: OverflowError
# run: fast_pow(1.5, 10)


def while_else(n, stop):
    i = 0
    while i < n:
        if i == stop:
            break
        i += 1
    else:
        return -i
    return i
# run: while_else(10, 4)
# run: while_else(10, 20)
# run: while_else(0, 0)


def while_continue(n):
    i = 0
    odd = 0
    while i < n:
        i += 1
        if i % 2 == 0:
            continue
        odd += i
    return odd
# run: while_continue(10)


def nested_while(n):
    i = 0
    pairs = 0
    while i < n:
        j = 0
        while True:
            if j >= i:
                break
            pairs += 1
            j += 1
        i += 1
    return pairs
# run: nested_while(6)


def digits(n):
    if n < 0:
        n = -n
    count = 1
    while n >= 10:
        n //= 10
        count += 1
    return count
# run: digits(10)
# run: digits(-12345)
# run: digits(2**63 - 1)
# run: digits(-2**63)  # kiln: OverflowError


def halvings(x):
    n = 0
    while x > 1:
        x = x / 2
        n += 1
    return n, x
# run: halvings(1)
# run: halvings(8)
# run: halvings(0.5)
# run: halvings(1e308)


def bisect_root(lo, hi):
    while hi - lo > 1e-12:
        mid = (lo + hi) / 2
        if mid * mid * mid - 2 * mid - 5 > 0:
            hi = mid
        else:
            lo = mid
    return lo
# run: bisect_root(2.0, 3.0)
# run: bisect_root(2, 3)


def float_condition(x):
    n = 0
    while x:
        x = x / 2
        n += 1
    return n
# run: float_condition(1.0)
# run: float_condition(-1e-300)


def never_runs_then_else(flag):
    while flag:
        return 1
    else:
        return 2
# run: never_runs_then_else(True)
# run: never_runs_then_else(False)
# run: never_runs_then_else(math.nan)


def counters(n):
    """Small-start, small-step counters (kiln drops their overflow checks) beside one that is not."""
    up = 0
    down = 5
    mixed = 1 << 40
    big = 9223372036854775803  # 2**63 - 5
    i = 0
    while i < n:
        up += 1
        down -= 3
        mixed = mixed + 1024 if i % 3 else mixed - 1
        big += 1
        i = i + 1
        if i % 7 == 0:
            up = 0
    return up, down, mixed, big
# run: counters(0)
# run: counters(3)
# run: counters(20)  # kiln: OverflowError
