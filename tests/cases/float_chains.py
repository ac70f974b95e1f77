"""Loops whose math calls and divisions take a float that moves steadily with the loop's
variable (x = a + i * h): kiln checks the values at both ends before the loop and runs a copy
without those checks when they hold (kiln/bounds.py, float chains); so does a value the loop
tested to lie between two bounds (`if x >= lo and x < hi:`, a histogram's bin). Where a check
would fire on some trip, the loop as written raises there, after the trips before it have had
their effects."""

import math

import numpy as np

from kiln.bench.array_kernels import histogram


def grid_sqrt(a, h, n):
    out = np.zeros(n)
    for i in range(n):
        x = a + i * h
        out[i] = math.sqrt(x)
    return out
# run: grid_sqrt(0.0, 0.5, 5)
# run: grid_sqrt(-1.0, 0.5, 5)
# run: grid_sqrt(1.0, -0.5, 5)
# run: grid_sqrt(1.0, -0.25, 5)
# run: grid_sqrt(-0.0, 0.0, 3)
# run: grid_sqrt(1.0, math.inf, 3)
# run: grid_sqrt(1.0, math.nan, 3)
# run: grid_sqrt(-math.inf, 1.0, 3)
# run: grid_sqrt(0.0, 1e308, 4)
# run: grid_sqrt(0.0, 1.0, 0)


def integrate(a, b, steps):
    h = (b - a) / steps
    total = 0.0
    for i in range(steps):
        x = a + (i + 0.5) * h
        total += math.sin(x) * math.exp(-0.1 * x) + math.sqrt(x) / (1.0 + x * x)
    return total * h
# run: integrate(0.0, 20.0, 100)
# run: integrate(-1.0, 20.0, 100)
# run: integrate(0.0, 8000.0, 10)
# run: integrate(-8000.0, 0.0, 10)
# run: integrate(0.0, math.inf, 3)
# run: integrate(0.0, 1e308, 3)
# run: integrate(5.0, 5.0, 4)


def logs_and_steps(a, h, start, stop):
    total = 0.0
    count = 0
    for k in range(start, stop):
        t = (k - 0.5) * h + a
        total += math.log(t) + math.log1p(-t) + 1.0 / t
        count += 1
    return total, count
# run: logs_and_steps(0.0, 0.1, 1, 10)
# run: logs_and_steps(0.0, 0.1, 0, 10)
# run: logs_and_steps(0.05, 0.1, 0, 10)
# run: logs_and_steps(0.05, 0.1, -3, 2)
# run: logs_and_steps(0.5, 0.0, 0, 4)


def reciprocals(n, shift):
    out = np.zeros(n)
    for i in range(n):
        out[i] = 1.0 / (i - shift)
    return out
# run: reciprocals(5, 2.5)
# run: reciprocals(5, 3.0)
# run: reciprocals(5, -0.5)
# run: reciprocals(5, 4.0)
# run: reciprocals(5, 5.0)


def inverse_trig(n, scale):
    s = 0.0
    for i in range(-n, n + 1):
        y = i / n * scale
        s += math.asin(y) + math.acos(y) + math.atanh(y * 0.5)
    return s
# run: inverse_trig(4, 1.0)
# run: inverse_trig(4, 1.0000000000000002)
# run: inverse_trig(4, -1.0)
# run: inverse_trig(4, 2.0)


def exp_until(a, h, n, stop_at):
    total = 0.0
    for i in range(n):
        if i == stop_at:
            break
        total += math.exp(a + h * i)
    return total
# run: exp_until(700.0, 5.0, 10, 2)
# run: exp_until(700.0, 5.0, 10, 3)
# run: exp_until(700.0, 5.0, 10, 20)
# run: exp_until(-800.0, 100.0, 10, 20)


def divided_step(a, d, n):
    total = 0.0
    for i in range(n):
        total += math.sqrt((a + i) / d)
    return total
# run: divided_step(0.0, 2.0, 4)
# run: divided_step(0.0, -2.0, 4)
# run: divided_step(-2.0, 2.0, 4)
# run: divided_step(0.0, 0.0, 4)
# run: divided_step(0.0, -0.0, 0)


def large_counter(start, n):
    total = 0.0
    for i in range(start, start + n):
        total += math.sqrt(i * 1.0 - 4.611686018427388e18)
    return total
# run: large_counter(2**62, 3)
# run: large_counter(2**62 - 2, 3)


def rebinds_in_branch(a, n):
    total = 0.0
    for i in range(n):
        x = a + i
        if i % 2 == 1:
            x = -x
        total += math.sqrt(abs(x)) + math.log(x + 10.0)
    return total
# run: rebinds_in_branch(1.0, 6)
# run: rebinds_in_branch(1.0, 12)


def negated(a, n):
    total = 0.0
    for i in range(n):
        total += math.sqrt(-(i - a))
    return total
# run: negated(3.0, 3)
# run: negated(3.0, 5)


binned = histogram.kernel   # kiln bench's histogram: x tested against lo and hi, then int()
# run: binned(np.array([0.1, 0.5, -1.0, 0.99, np.nan, 2.0]), 4, 0.0, 1.0)
# run: binned(np.array([0.1, 0.5, 0.25]), 4, 0.0, 1e-300)
# run: binned(np.array([1e-301, 0.5, 0.25]), 4, 0.0, 1e-300)
# run: binned(np.array([0.5, 0.75]), 4, 0.5, 0.5)
# run: binned(np.array([0.1, 0.5]), 4, 1.0, 0.0)
# run: binned(np.array([0.1, 0.5]), 4, -math.inf, 1.0)
# run: binned(np.array([0.1, 0.5, 1e300]), 4, 0.0, math.inf)
# run: binned(np.array([]), 4, 0.0, 1.0)


def retested(data, lo, hi):
    total = 0.0
    for i in range(data.shape[0]):
        x = data[i]
        if x > lo and x < hi:
            x = x * 100.0
            total += math.sqrt(x - lo) + math.log(hi - x + 1.0)
        else:
            total += math.asin(x / (hi + 1.0))
    return total
# run: retested(np.array([0.5, 0.01, 2.0]), 0.0, 1.0)
# run: retested(np.array([0.5, 0.001]), 0.0, 1.0)
# run: retested(np.array([0.5, 3.0]), 0.0, 1.0)


def unit_interval(data):
    total = 0.0
    for i in range(data.shape[0]):
        x = data[i]
        if 0.0 <= x and x <= 1.0:
            total += math.asin(x) + math.acos(x) + math.sqrt(1.0 - x) + math.log1p(x)
    return total
# run: unit_interval(np.array([0.0, 0.5, 1.0, -0.5, 1.5, np.nan, -0.0]))


def scaled_index_in_range(data, lo, hi, scale):
    total = 0
    for i in range(data.shape[0]):
        x = data[i]
        if lo <= x:
            if x <= hi:
                total = max(total, int((x - lo) * scale)) + int(-x * scale) % 7
    return total
# run: scaled_index_in_range(np.array([0.0, 1.0, 2.0, 3.0]), 1.0, 2.0, 10.0)
# run: scaled_index_in_range(np.array([0.0, 1.0, 2.0, 3.0]), 1.0, 2.0, 1e300)  # kiln: OverflowError
# run: scaled_index_in_range(np.array([0.0, 1.0, 2.0, 3.0]), 1.0, 2.0, math.inf)
# run: scaled_index_in_range(np.array([0.0, 1.0, 2.0, 3.0]), 1.0, 2.0, math.nan)
# run: scaled_index_in_range(np.array([0.0, 1.0, 2.0, 3.0]), -4e18, 4e18, 1.0)
# run: scaled_index_in_range(np.array([1.0, 2.0, 9.3e18]), -5e18, 1e19, 1.0)  # kiln: OverflowError
# run: scaled_index_in_range(np.array([1.0, -9.2e18]), -1e19, 1e19, 1.0)  # kiln: OverflowError
