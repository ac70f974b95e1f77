"""Variables and results that are an int on one path and a float on another: each value keeps
its exact Python type (a loop that runs zero times leaves an int)."""

import math


def weighted_sum(n, w):
    s = 0
    for i in range(n):
        s += i * w
    return s
# run: weighted_sum(0, 0.5)
# run: weighted_sum(4, 0.5)
# run: weighted_sum(1, 0.5)


def half_sum(n):
    s = 0
    for i in range(n):
        s += i * 0.5
    return s
# run: half_sum(0)
# run: half_sum(1)


def maybe_float(flag, x):
    y = x
    if flag:
        y = x / 2
    return y
# run: maybe_float(False, 7)
# run: maybe_float(True, 7)


def either(flag):
    if flag:
        return 1
    return 1.0
# run: either(True)
# run: either(False)


def ternary_types(x):
    return x if x > 0 else 0.0
# run: ternary_types(5)
# run: ternary_types(-5)


def ops_on_union(flag, x):
    v = x if flag else x * 1.0
    return v + 1, v * 2, v // 2, v % 3, -v, v ** 2, v / 4, v == x, v > 1
# run: ops_on_union(True, 7)
# run: ops_on_union(False, 7)
# run: ops_on_union(False, -7)


def builtins_on_union(flag, x):
    v = x if flag else x + 0.5
    return abs(v), int(v), float(v), round(v), round(v, 1), min(v, 3), max(v, 3), bool(v)
# run: builtins_on_union(True, -4)
# run: builtins_on_union(False, -4)
# run: builtins_on_union(False, 2)


def math_on_union(flag, x):
    v = x if flag else x * 0.5
    return math.floor(v), math.sqrt(v), math.isfinite(v), math.fabs(v)
# run: math_on_union(True, 9)
# run: math_on_union(False, 9)


def union_in_tuple(flag, x):
    v = x if flag else x / 2
    t = (v, x)
    a, b = t
    return t, a + b
# run: union_in_tuple(True, 3)
# run: union_in_tuple(False, 3)


def union_argument(flag, x):
    v = x if flag else x / 4
    return twice(v), twice(x)


def twice(y):
    return y + y
# run: union_argument(True, 3)
# run: union_argument(False, 3)


def int_pow_by_sign(b, e):
    r = b ** e
    return r, r * 2
# run: int_pow_by_sign(2, 5)
# run: int_pow_by_sign(2, -5)


def grow_until(limit, x):
    while x < limit:
        x = x * 1.5
    return x
# run: grow_until(10, 20)
# run: grow_until(10, 1)
# run: grow_until(10.0, 20)


def mixed_accumulate(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            total += i
        else:
            total += 0.25
    return total
# run: mixed_accumulate(0)
# run: mixed_accumulate(2)
# run: mixed_accumulate(10)


def min_mixed(a, b):
    m = min(a, b)
    return m, m + 0
# run: min_mixed(1, 2.5)
# run: min_mixed(3, 2.5)
# run: min_mixed(2, 2.0)


def or_mixed(a, b):
    v = a or b
    return v * 3
# run: or_mixed(0, 1.5)
# run: or_mixed(2, 1.5)


def union_return_through_call(n):
    r = either(n > 0)
    return r, r + 1
# run: union_return_through_call(1)
# run: union_return_through_call(-1)


def union_loop_carried(n):
    x = 1
    for i in range(n):
        x = x / 2 if i % 2 else x * 3
    return x
# run: union_loop_carried(0)
# run: union_loop_carried(2)
# run: union_loop_carried(5)


def union_compare_exact(flag):
    v = 2**53 + 1 if flag else 2.0**53
    return v == 2**53 + 1, v > 2.0**53
# run: union_compare_exact(True)
# run: union_compare_exact(False)


def union_range_guard(flag, n):
    v = n if flag else n + 0.5
    count = 0
    if v > 2:
        count = int(v)
    return count
# run: union_range_guard(True, 5)
# run: union_range_guard(False, 5)
