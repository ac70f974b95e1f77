"""Checks that the signs of floats make moot (kiln/bounds.py, float signs): the division or
math call where it is left out, and its neighbours where it must stay, on the values where
CPython raises."""

import math

import numpy as np


def lorentzian(x):
    return 1.0 / (1 + x * x)
# run: lorentzian(0.0)
# run: lorentzian(-0.0)
# run: lorentzian(3)
# run: lorentzian(1e200)
# run: lorentzian(math.inf)
# run: lorentzian(math.nan)


def inverse_square(x):
    return 1.0 / (x * x)
# run: inverse_square(2.0)
# run: inverse_square(0.0)
# run: inverse_square(1e-200)
# run: inverse_square(math.nan)


def sigmoid(x):
    return 1.0 / (1.0 + math.exp(-x))
# run: sigmoid(0.0)
# run: sigmoid(-800.0)
# run: sigmoid(800.0)
# run: sigmoid(math.nan)


def distance(dx, dy, dz):
    return math.sqrt(dx * dx + dy * dy + dz * dz)
# run: distance(3.0, 4.0, 0.0)
# run: distance(-0.0, -0.0, -0.0)
# run: distance(1e200, 1e200, 0.0)
# run: distance(math.nan, 1.0, 1.0)
# run: distance(math.inf, -math.inf, 1.0)


def sqrt_of_product(x, y):
    return math.sqrt(x * y)
# run: sqrt_of_product(2.0, 8.0)
# run: sqrt_of_product(-2.0, 8.0)
# run: sqrt_of_product(-2.0, -8.0)


def sqrt_of_negated_square(x):
    return math.sqrt(-x * x)
# run: sqrt_of_negated_square(0.0)
# run: sqrt_of_negated_square(2.0)


def root_mean_square(n, scale):
    s = 0.0
    for i in range(n):
        t = (i - 3) * scale
        s += t * t
    return math.sqrt(s / n)
# run: root_mean_square(5, 0.5)
# run: root_mean_square(5, -1e300)
# run: root_mean_square(0, 1.0)


def sum_then_subtract(n, x):
    s = 0.0
    for i in range(n):
        s += x * x
    s -= 1.0
    return math.sqrt(s)
# run: sum_then_subtract(3, 1.0)
# run: sum_then_subtract(0, 1.0)


def log_of_softened(x, eps):
    return math.log(x * x + eps), math.log2(1 + abs(x)), math.log10(math.cosh(x))
# run: log_of_softened(0.0, 1e-12)
# run: log_of_softened(2.0, 0.0)
# run: log_of_softened(0.0, 0.0)
# run: log_of_softened(-0.0, -0.0)
# run: log_of_softened(3.0, -20.0)
# run: log_of_softened(math.nan, 1.0)


def log1p_of_square(x):
    return math.log1p(x ** 2), math.log1p(math.fabs(x)), math.log1p(math.sqrt(x))
# run: log1p_of_square(0.5)
# run: log1p_of_square(-0.0)
# run: log1p_of_square(-1.0)


def floor_by_clamped(x, y):
    return x // max(y, 1e-9), x % max(y, 0.5), x / max(1e-9, y)
# run: floor_by_clamped(7.0, 2.0)
# run: floor_by_clamped(7.0, -2.0)
# run: floor_by_clamped(7.0, math.nan)
# run: floor_by_clamped(-7.5, 0.0)


def divide_by_clamped_at_zero(x, y):
    return x / max(y, 0.0)
# run: divide_by_clamped_at_zero(1.0, 2.0)
# run: divide_by_clamped_at_zero(1.0, -2.0)
# run: divide_by_clamped_at_zero(1.0, math.nan)


def divide_by_max_of_unknowns(x, y, z):
    return x / max(y, z)
# run: divide_by_max_of_unknowns(1.0, -1.0, math.nan)
# run: divide_by_max_of_unknowns(1.0, math.nan, -1.0)
# run: divide_by_max_of_unknowns(1.0, 0.0, -1.0)


def divide_by_min(x, y):
    return x / min(1.0 + y * y, 2.0), x / min(y * y, 2.0)
# run: divide_by_min(1.0, 3.0)
# run: divide_by_min(1.0, 0.0)


def remainder_sign(x, y):
    r = x % (1.0 + y * y)
    return math.sqrt(r), 1.0 / r
# run: remainder_sign(-3.5, 1.0)
# run: remainder_sign(4.0, 1.0)
# run: remainder_sign(-0.0, 0.0)


def quotient_of_squares(x, y):
    return math.sqrt((x * x) / (y * y))
# run: quotient_of_squares(3.0, 4.0)
# run: quotient_of_squares(3.0, 0.0)
# run: quotient_of_squares(math.inf, math.inf)


def int_counts(n):
    total = 0.0
    for k in range(1, n + 1):
        total += 1.0 / k + math.sqrt(k) + math.log(k) / (k * k)
    return total
# run: int_counts(10)
# run: int_counts(0)


def square_then_rebound(x):
    y = x * x
    y = y - 2.0
    return math.sqrt(y)
# run: square_then_rebound(2.0)
# run: square_then_rebound(1.0)


def loads_across_a_store(x):
    a = x
    b = a * a
    a = -1.0
    return math.sqrt(b + a * 0.0), math.sqrt(a * x)
# run: loads_across_a_store(2.0)
# run: loads_across_a_store(-2.0)


def power_two(x, y):
    return math.sqrt(x ** 2 + y ** 2.0), math.sqrt(x ** 2.5 if x > 0 else x ** 3)
# run: power_two(3.0, 4.0)
# run: power_two(-3.0, 4.0)


def row_norms(a):
    out = np.empty(a.shape[0])
    for i in range(a.shape[0]):
        s = 0.0
        for k in range(a.shape[1]):
            s += a[i, k] * a[i, k]
        out[i] = math.sqrt(s) + math.log(1.0 + s)
    return out
# run: row_norms(np.array([[3.0, 4.0], [-0.0, 0.0], [np.nan, 1.0], [np.inf, -np.inf]]))
# run: row_norms(np.array([[3.0, 4.0], [1e-30, 0.0]], dtype=np.float32))
# run: row_norms(np.zeros((2, 0)))


def numpy_quotient(a, b):
    return math.sqrt(a[0] / math.sqrt(b[0])), math.sqrt(a[0] * a[0] / (1.0 + b[0] * b[0]))
# run: numpy_quotient(np.array([1.0]), np.array([4.0]))
# run: numpy_quotient(np.array([1.0]), np.array([-0.0]))
# run: numpy_quotient(np.array([-1.0]), np.array([0.0]))
# run: numpy_quotient(np.array([1.0], dtype=np.float32), np.array([-0.0], dtype=np.float32))


def float32_tiny(a):
    return math.log(a[0] * a[0] + 1e-300), math.log(a[0] * a[0] + 1e-30)
# run: float32_tiny(np.array([0.0], dtype=np.float32))
# run: float32_tiny(np.array([0.0]))
# run: float32_tiny(np.array([2.0], dtype=np.float32))
