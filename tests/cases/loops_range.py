"""for ... in range(...) with 1, 2 and 3 arguments, negative and zero steps, int64 bounds,
nested loops, break / continue / else, and the loop variable after the loop."""


def total(n):
    s = 0
    for i in range(n):
        s += i
    return s
# run: total(0)
# run: total(10)
# run: total(-5)


def total2(a, b):
    s = 0
    for i in range(a, b):
        s += i
    return s
# run: total2(3, 7)
# run: total2(7, 3)
# run: total2(-5, 5)


def total3(a, b, step):
    s = 0
    count = 0
    for i in range(a, b, step):
        s += i
        count += 1
    return s, count
# run: total3(0, 10, 3)
# run: total3(10, 0, -3)
# run: total3(0, 10, -1)
# run: total3(-10, 10, 7)
# run: total3(5, -5, -2)
# run: total3(0, 10, 100)
# run: total3(0, 1, 2**63 - 1)
# run: total3(0, 10, 0)


def count(a, b, step):
    n = 0
    for _ in range(a, b, step):
        n += 1
    return n
# run: count(2**63 - 10, 2**63 - 1, 3)
# run: count(2**63 - 3, 2**63 - 1, 1)
# run: count(2**63 - 2, 2**63 - 1, 5)
# run: count(-2**63 + 10, -2**63, -3)
# run: count(-2**63 + 1, -2**63, -2**62)
# run: count(-2**63, 2**63 - 1, 2**62)
# run: count(2**63 - 1, -2**63, -2**62)
# run: count(-2**63, 2**63 - 1, 2**63 - 1)
# run: count(0, 2**63 - 1, 2**61)


def last_index(n):
    i = -1
    for i in range(n):
        pass
    return i
# run: last_index(0)
# run: last_index(5)


def first_multiple(n, k):
    for i in range(1, n):
        if i % k == 0:
            break
    else:
        return -1
    return i
# run: first_multiple(10, 3)
# run: first_multiple(10, 11)
# run: first_multiple(0, 3)


def skip_odds(n):
    s = 0
    for i in range(n):
        if i % 2:
            continue
        s += i
    return s
# run: skip_odds(10)


def for_else_no_break(n):
    s = 0
    for i in range(n):
        s += i
    else:
        s += 1000
    return s
# run: for_else_no_break(0)
# run: for_else_no_break(4)


def continue_then_else(n):
    hits = 0
    for i in range(n):
        if i < 3:
            continue
        hits += 1
    else:
        hits *= 10
    return hits
# run: continue_then_else(2)
# run: continue_then_else(7)


def nested_loops(n, m):
    s = 0
    for i in range(n):
        for j in range(m):
            if j > i:
                break
            s += i * j
        else:
            s += 1
    return s
# run: nested_loops(4, 4)
# run: nested_loops(0, 3)
# run: nested_loops(3, 0)


def find_pair(n, target):
    for i in range(n):
        for j in range(i, n):
            if i * j == target:
                return i, j
    return -1, -1
# run: find_pair(10, 12)
# run: find_pair(100, 97)


def range_bounds_evaluated_once(n):
    s = 0
    for i in range(n):
        n -= 1
        s += i
    return s, n
# run: range_bounds_evaluated_once(5)


def loop_var_reassigned(n):
    s = 0
    for i in range(n):
        s += i
        i = 100
        s += i
    return s
# run: loop_var_reassigned(3)


def float_accumulate(n):
    x = 0.0
    for i in range(1, n + 1):
        x += 1.0 / i
    return x
# run: float_accumulate(1000)


def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
# run: factorial(0)
# run: factorial(20)
# run: factorial(21)  # kiln: OverflowError


def sum_overflows(n):
    s = 0
    for i in range(n):
        s += 2**62
    return s
# run: sum_overflows(2)  # kiln: OverflowError


def bool_range(flag):
    n = 0
    for i in range(flag):
        n += 1
    return n
# run: bool_range(True)
# run: bool_range(False)


def dead_arm_in_loop(n, flag):
    """An arm the types rule out, inside a loop that codegen emits twice (its int checks
    moot for small n): the dead block used to stay in the loop's copy, empty (an LLVM parse
    error)."""
    s = 0
    for i in range(n):
        if flag is None:
            s += i * 3
        else:
            s -= i * 5
    return s
# run: dead_arm_in_loop(10, None)
# run: dead_arm_in_loop(10, 1)
# run: dead_arm_in_loop(0, 2.5)


def dead_loop(n, flag):
    s = 0
    if flag is not None:
        for i in range(n):
            for j in range(i):
                s += i * j
    return s
# run: dead_loop(6, None)
# run: dead_loop(6, True)
