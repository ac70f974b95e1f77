"""The math module: functions on ints and floats, special values, domain and range errors."""

import math


def sqrt(x):
    return math.sqrt(x)
# run: sqrt(4)
# run: sqrt(-0.0)
# run: sqrt(-1)
# run: sqrt(math.inf)
# run: sqrt(math.nan)
# run: sqrt(True)
# run: sqrt(2**63 - 1)


def trig(x):
    return math.sin(x), math.cos(x), math.tan(x)
# run: trig(1.0)
# run: trig(-0.0)
# run: trig(math.pi)
# run: trig(1e22)
# run: trig(math.nan)
# run: trig(math.inf)


def inverse_trig(x):
    return math.asin(x), math.acos(x), math.atan(x)
# run: inverse_trig(0.5)
# run: inverse_trig(-1)
# run: inverse_trig(-0.0)
# run: inverse_trig(1.0000001)
# run: inverse_trig(math.nan)


def atan(x):
    return math.atan(x)
# run: atan(math.inf)


def atan2(y, x):
    return math.atan2(y, x)
# run: atan2(0.0, -0.0)
# run: atan2(-0.0, -0.0)
# run: atan2(0, 0)
# run: atan2(-0.0, 0.0)
# run: atan2(-math.inf, -math.inf)
# run: atan2(1.0, math.nan)
# run: atan2(-1, -1)


def exps(x):
    return math.exp(x), math.expm1(x)
# run: exps(1)
# run: exps(-0.0)
# run: exps(1e-10)
# run: exps(-745.5)
# run: exps(-math.inf)
# run: exps(709.0)
# run: exps(710.0)
# run: exps(math.nan)


def logs(x):
    return math.log(x), math.log2(x), math.log10(x), math.log1p(x)
# run: logs(1)
# run: logs(10)
# run: logs(2.0**-1074)
# run: logs(math.inf)
# run: logs(0)
# run: logs(-1.0)
# run: logs(math.nan)
# run: logs(2**63 - 1)


def log_base(x, base):
    return math.log(x, base)
# run: log_base(8, 2)
# run: log_base(1000, 10)
# run: log_base(2.0, 0.5)
# run: log_base(1, 1)
# run: log_base(0, 2)
# run: log_base(2, 0)
# run: log_base(math.inf, 2)


def log1p(x):
    return math.log1p(x)
# run: log1p(-1)
# run: log1p(-0.5)
# run: log1p(-2.0)
# run: log1p(-0.0)


def mpow(x, y):
    return math.pow(x, y)
# run: mpow(2, 10)
# run: mpow(-8, 1 / 3)
# run: mpow(0, -1)
# run: mpow(-0.0, 3)
# run: mpow(1, math.nan)
# run: mpow(math.nan, 0)
# run: mpow(-1, math.inf)
# run: mpow(2, 1024)
# run: mpow(10.0, -400)


def rounding(x):
    return math.floor(x), math.ceil(x), math.trunc(x)
# run: rounding(2.5)
# run: rounding(-2.5)
# run: rounding(-0.0)
# run: rounding(0.9999999999999999)
# run: rounding(-1e-300)
# run: rounding(True)
# run: rounding(9.2e18)
# run: rounding(-9.223372036854775808e18)
# run: rounding(9.223372036854775807e18)  # kiln: OverflowError
# run: rounding(-1e19)  # kiln: OverflowError
# run: rounding(math.inf)
# run: rounding(-math.inf)
# run: rounding(math.nan)
# run: rounding(2**63 - 1)


def floor_ceil_types(x):
    return math.floor(x) + 1, math.ceil(x) * 0.5
# run: floor_ceil_types(2.7)
# run: floor_ceil_types(-3)


def fabs(x):
    return math.fabs(x)
# run: fabs(-3)
# run: fabs(math.nan)
# run: fabs(-2**63)


def fmod(x, y):
    return math.fmod(x, y)
# run: fmod(7, 3)
# run: fmod(-7, 3)
# run: fmod(-7.5, 2)
# run: fmod(-0.0, 1)
# run: fmod(-6.0, 3.0)
# run: fmod(7, 0)
# run: fmod(math.inf, 2)
# run: fmod(2, math.inf)
# run: fmod(math.nan, 1)


def hypot(x, y):
    return math.hypot(x, y)
# run: hypot(3, 4)
# run: hypot(-0.0, -0.0)
# run: hypot(1e300, 1e300)
# run: hypot(1e-320, 1e-320)
# run: hypot(math.nan, -math.inf)
# run: hypot(math.nan, 1)


def copysign(x, y):
    return math.copysign(x, y)
# run: copysign(3, -0.0)
# run: copysign(0.0, -1)
# run: copysign(math.inf, -1.0)
# run: copysign(True, -1)


def classify(x):
    return math.isnan(x), math.isinf(x), math.isfinite(x)
# run: classify(1)
# run: classify(math.nan)
# run: classify(-math.inf)
# run: classify(True)


def constants():
    return math.pi, math.e, math.tau, math.inf, -math.inf, math.nan
# run: constants()


def circle(r):
    return math.pi * r * r, math.tau * r
# run: circle(1)


def softplus(x):
    if x > 30:
        return x
    return math.log1p(math.exp(x))
# run: softplus(0.0)
# run: softplus(10)
# run: softplus(100)


def nan_inf_arith(x):
    return x - x, x * 0, x / math.inf
# run: nan_inf_arith(math.inf)
# run: nan_inf_arith(-2)


def fmod_truth_in_loop(x):
    """LLVM, knowing libm's fmod and atan2 as builtins, compiled this loop never to run for a
    NaN x (fmod(nan, nan) is a NaN, which is true); libm calls are now `nobuiltin`."""
    w = 0
    while w < 6 and math.fmod(x, x):
        w += 1
        v = math.atan2(w, 7)
    return w
# run: fmod_truth_in_loop(math.nan)
# run: fmod_truth_in_loop(2.0)
# run: fmod_truth_in_loop(math.inf)


def divisors(a, b):
    return (math.gcd(a, b), math.gcd(), math.gcd(a), math.gcd(a, b, 12), math.lcm(a, b),
            math.lcm(), math.lcm(a), math.lcm(a, b, 7))
# run: divisors(12, 18)
# run: divisors(0, 0)
# run: divisors(-12, 18)
# run: divisors(7, 0)
# run: divisors(-9, -6)
# run: divisors(True, 4)
# run: divisors(2**40, 2**40 - 1)  # kiln: OverflowError
# run: divisors(-2**63, 6)  # kiln: OverflowError
# run: divisors(-2**63, 0)  # kiln: OverflowError
# run: divisors(2**62, 2**61)  # kiln: OverflowError


def gcd_loop(n):
    coprime = 0
    for i in range(1, n):
        for j in range(1, n):
            if math.gcd(i, j) == 1:
                coprime += 1
    return coprime
# run: gcd_loop(30)


def close(a, b):
    return (math.isclose(a, b), math.isclose(a, b, rel_tol=0.1), math.isclose(a, b, abs_tol=1e-3),
            math.isclose(a, b, rel_tol=0.0, abs_tol=0.0))
# run: close(1.0, 1.0 + 1e-10)
# run: close(1.0, 1.1)
# run: close(0.0, 1e-4)
# run: close(math.inf, math.inf)
# run: close(math.inf, -math.inf)
# run: close(math.nan, math.nan)
# run: close(1, 1)
# run: close(0.0, -0.0)
# run: close(1e308, math.inf)
# run: close(3, 3.0000000001)


def close_tolerance(a, b, t):
    return math.isclose(a, b, rel_tol=t)
# run: close_tolerance(1.0, 1.05, -0.1)
# run: close_tolerance(1.0, 1.05, 0.1)
# run: close_tolerance(1, 2, 1)


def gcd_extremes(a, b):
    return math.gcd(a, b), math.lcm(b, 1)
# run: gcd_extremes(-2**63, 6)
# run: gcd_extremes(2**63 - 1, -(2**63 - 1))
# run: gcd_extremes(-2**63 + 1, 0)
