"""bool values in arithmetic and builtins: which results stay bool and which become int."""


def arith(a, b):
    return a + b, a - b, a * b, a // 1, a % 2, -a, +a, a ** 2
# run: arith(True, True)
# run: arith(True, False)
# run: arith(False, False)


def bool_and_int(a, n):
    return a + n, a * n, n - a, n // (a + 1), a << n, n >> a
# run: bool_and_int(True, 5)
# run: bool_and_int(False, -5)


def bool_and_float(a, x):
    return a + x, a * x, x / (a + 1), a / 2
# run: bool_and_float(True, 1.5)
# run: bool_and_float(False, -0.0)


def comparisons(a, b):
    return a == b, a < b, a >= b, a == 1, a > 0.5
# run: comparisons(True, False)
# run: comparisons(False, False)
# run: comparisons(True, True)


def logic(a, b):
    return a and b, a or b, not a, a & b, a | b, a ^ b
# run: logic(True, False)
# run: logic(False, True)
# run: logic(True, True)
# run: logic(False, False)


def count_true(a, b, c):
    n = 0
    n += a
    n += b
    n += c
    return n
# run: count_true(True, False, True)
# run: count_true(False, False, False)


def count_positive(x, y, z):
    return (x > 0) + (y > 0) + (z > 0)
# run: count_positive(1, -1, 2)
# run: count_positive(-1.5, -1, 0)


def flag_loop(n):
    found = False
    for i in range(n):
        if i * i == n:
            found = True
            break
    return found
# run: flag_loop(16)
# run: flag_loop(15)
# run: flag_loop(0)


def builtins_on_bools(a, b):
    return abs(a), int(a), float(b), bool(a), min(a, b), max(a, b), round(a), divmod(a, True)
# run: builtins_on_bools(True, False)
# run: builtins_on_bools(False, True)


def bool_select(flag, x, y):
    return x if flag else y
# run: bool_select(True, 1, 2)
# run: bool_select(False, 1.5, -1.5)


def parity(n):
    return n % 2 == 1
# run: parity(3)
# run: parity(-3)
# run: parity(4)
