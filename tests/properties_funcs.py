"""Small functions the semantic property tests compile, and the oracle and strategies they share.

The oracle is CPython: `expect(fn, jit(fn), *args)` runs both and requires the same outcome as
`support.assert_same_result` defines it: the same type (recursively through tuples), the same value
(floats bit for bit, any NaN matching any NaN) or the same exception type. kiln's ints are 64-bit,
so wherever CPython's exact int result or an int intermediate leaves [-2**63, 2**63 - 1], kiln must
raise OverflowError instead. Intermediates are seen by running CPython on a copy of this module
whose functions are instrumented by `support.load_probed_module`:

    CPython: add_then_sub(2**63 - 1, 1) == 2**63 - 1      kiln: raises OverflowError (a + b)

With KILN_ORACLE_SELF=1 the jit is the identity and the int64 rule is off, so the suites compare
CPython with itself; that validates the tests without the compiler.

kiln reads source with `inspect`, so the compiled functions live in this real file.
"""

from __future__ import annotations

import math
import types
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis import strategies as st

from support import (
    INT64_MAX,
    INT64_MIN,
    ORACLE_SELF,
    Int64Probe,
    Raised,
    assert_same_result,
    jit_decorator,
    load_probed_module,
    outcome,
)

jit = jit_decorator()


# ---------------------------------------------------------------------------------------------
# The oracle
# ---------------------------------------------------------------------------------------------


@cache
def probed_copy() -> tuple[types.ModuleType, Int64Probe]:
    """This module again, its functions recording every int they produce outside int64."""
    return load_probed_module(Path(__file__), "properties")


def expect(py_func: Callable[..., Any], jit_func: Callable[..., Any], *args: Any) -> Any:
    """Assert jit_func(*args) behaves as CPython's py_func(*args) under kiln's int64 rule, and
    return kiln's outcome (a value or a `Raised`) so a test can assert more about it."""
    module, probe = probed_copy()
    probe.excursions.clear()
    want = outcome(lambda: getattr(module, py_func.__name__)(*args))
    if probe.excursions and not ORACLE_SELF:
        line, value = probe.excursions[0]
        want = Raised(OverflowError, f"CPython leaves int64 at line {line}: {value}")
    got = outcome(lambda: jit_func(*args))
    try:
        assert_same_result(want, got)
    except AssertionError as failure:
        raise AssertionError(f"{py_func.__name__}{args!r}: {failure}") from None
    return got


def name_of(fn: Callable[..., Any]) -> str:
    """Test id for a parametrized function."""
    return fn.__name__


# ---------------------------------------------------------------------------------------------
# Strategies
# ---------------------------------------------------------------------------------------------

#: Magnitudes where 64-bit code goes wrong: 32-bit limits, the largest square root that fits
#: (isqrt(2**63) == 3037000499), the last exact float integer, and the int64 limits.
EDGE_BASES = (2**31, 2**32, 3037000499, 2**53, 2**62, 2**63)
EDGE_INTS = sorted(
    {
        sign * base + delta
        for base in EDGE_BASES
        for sign in (1, -1)
        for delta in range(-3, 4)
        if INT64_MIN <= sign * base + delta <= INT64_MAX
    }
)

int64s = st.one_of(
    st.integers(INT64_MIN, INT64_MAX),
    st.integers(-300, 300),
    st.sampled_from(EDGE_INTS),
)

MIN_NORMAL = 2.2250738585072014e-308
MIN_SUBNORMAL = 5e-324
SPECIAL_FLOATS = (
    0.0, -0.0, math.inf, -math.inf, math.nan, -math.nan,
    MIN_SUBNORMAL, -MIN_SUBNORMAL, MIN_NORMAL, -MIN_NORMAL, 1.7976931348623157e308,
    -1.7976931348623157e308, 1e-300, 1e300, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5,
    0.49999999999999994, 0.1, 2.675, 0.125, 3.0, -3.0, 2.0**52 + 1, 2.0**53, 2.0**63, -(2.0**63),
    2.0**64,
)  # fmt: skip

any_floats = st.one_of(
    st.floats(),  # includes NaN, infinities, subnormals and huge values
    st.sampled_from(SPECIAL_FLOATS),
    st.integers(-(2**55), 2**55).map(lambda k: k / 2),  # halfway cases for round()
    st.builds(lambda k, d: k / 10**d, st.integers(-(10**15), 10**15), st.integers(0, 10)),
)


@st.composite
def int_and_nearby_float(draw: st.DrawFn) -> tuple[int, float]:
    """An int64 and a float within a few ulps of it (where exact comparison matters)."""
    a = draw(int64s)
    x = float(a)
    for _ in range(draw(st.integers(0, 3))):
        x = math.nextafter(x, draw(st.sampled_from([math.inf, -math.inf])))
    return a, draw(st.one_of(st.just(x), any_floats))


# ---------------------------------------------------------------------------------------------
# Functions compiled by the tests
# ---------------------------------------------------------------------------------------------


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


def truediv(a, b):
    return a / b


def floordiv(a, b):
    return a // b


def mod(a, b):
    return a % b


def divmod_of(a, b):
    return divmod(a, b)


def power(a, b):
    return a**b


def constant_powers(a):
    """Constant exponents and bases, which LLVM rewrote when kiln called its pow intrinsic
    (x ** 2 as x * x, 8.0 ** y as exp2(3 * y)): CPython calls the C library's pow."""
    return a**2, a**2.0, a**3, 8.0**a, 2.0**a


def lshift(a, b):
    return a << b


def rshift(a, b):
    return a >> b


def bit_and(a, b):
    return a & b


def bit_or(a, b):
    return a | b


def bit_xor(a, b):
    return a ^ b


def neg(a):
    return -a


def pos(a):
    return +a


def invert(a):
    return ~a


def absolute(a):
    return abs(a)


def lt(a, b):
    return a < b


def le(a, b):
    return a <= b


def eq(a, b):
    return a == b


def ne(a, b):
    return a != b


def gt(a, b):
    return a > b


def ge(a, b):
    return a >= b


def to_int(x):
    return int(x)


def to_float(x):
    return float(x)


def to_bool(x):
    return bool(x)


def logical_and(a, b):
    return a and b


def logical_or(a, b):
    return a or b


def logical_not(a):
    return not a


def min2(a, b):
    return min(a, b)


def max2(a, b):
    return max(a, b)


def min3(a, b, c):
    return min(a, b, c)


def max3(a, b, c):
    return max(a, b, c)


def divmod_parts(a, b):
    q = a // b
    r = a % b
    return q, r, q * b + r


def add_then_sub(a, b):
    return a + b - b


def mul_then_floordiv(a, b):
    return a * b // b


def collatz_step(n):
    return 3 * n + 1


def affine_chain(x):
    """Constant operands on every step: kiln checks the chain as one range test on x."""
    return 7 - 3 * (2 * x + 5) * -4 + 9


def affine_chains_from_one_value(x):
    return (x - 9) * 5, -(x * -2) - 3, 1 - (1 - x)


def counter_from_argument(n, steps):
    count = n
    for _ in range(steps):
        count += 1
    return count


def pair_index(i, j):
    """Spectral norm's matrix index, which kiln inlines into its caller's loop."""
    return (i + j) * (i + j + 1) // 2 + i + 1


def inverse_pair_indices(start, stop, i):
    """A float sum over a loop whose checks kiln proves moot when its inputs are small (the
    loop's guarded copy, vectorised) and keeps when they are not. At most 41 trips, so that
    any start and stop can be drawn."""
    s = 0.0
    trips = 0
    for j in range(start, stop):
        s += 1.0 / pair_index(i, j)
        trips += 1
        if trips > 40:
            break
    return s


def shifted_products(start, stop, m, c):
    """Int arithmetic of a loop variable and ints the loop only reads (at most 41 trips)."""
    best = 0
    trips = 0
    for j in range(start, stop):
        best = max(best, (j - c) * m + (j >> 3) - (j % 7) - -j)
        trips += 1
        if trips > 40:
            break
    return best


def squares_of_merged_paths(a, n, flag):
    """x is the loop variable on one path and a square on the other: after they join, x * x
    has the wider range."""
    best = 0
    for j in range(n):
        if flag:
            x = j
        else:
            x = a * a
        best = max(best, x * x)
    return best


def offsets_of_loop_variables(n, k):
    """j + 1 and j - k inside range(n): the first fits in int64 whatever n is."""
    total = 0.0
    for j in range(n):
        total += (j + 1) / (j - k)
    return total


def round_default(x):
    return round(x)


def round_none(x):
    return round(x, None)


def round_digits(x, n):
    return round(x, n)


def floor(x):
    return math.floor(x)


def ceil(x):
    return math.ceil(x)


def trunc(x):
    return math.trunc(x)


def sqrt(x):
    return math.sqrt(x)


def log(x):
    return math.log(x)


def exp(x):
    return math.exp(x)


def sin(x):
    return math.sin(x)


def cos(x):
    return math.cos(x)


def tan(x):
    return math.tan(x)


def asin(x):
    return math.asin(x)


def acos(x):
    return math.acos(x)


def atan(x):
    return math.atan(x)


def expm1(x):
    return math.expm1(x)


def exp2(x):
    return math.exp2(x)


def log2(x):
    return math.log2(x)


def log10(x):
    return math.log10(x)


def log1p(x):
    return math.log1p(x)


def fabs(x):
    return math.fabs(x)


def sinh(x):
    return math.sinh(x)


def cosh(x):
    return math.cosh(x)


def tanh(x):
    return math.tanh(x)


def asinh(x):
    return math.asinh(x)


def acosh(x):
    return math.acosh(x)


def atanh(x):
    return math.atanh(x)


def erf(x):
    return math.erf(x)


def erfc(x):
    return math.erfc(x)


def cbrt(x):
    return math.cbrt(x)


def atan2(y, x):
    return math.atan2(y, x)


def hypot(x, y):
    return math.hypot(x, y)


def fmod(x, y):
    return math.fmod(x, y)


def copysign(x, y):
    return math.copysign(x, y)


def sign_proven(x, y):
    """Checks left out by the signs of floats (kiln/bounds.py): none may fire here."""
    return (1.0 / (1.0 + x * x), math.sqrt(x * x + y * y), x / max(y, 1e-300),
            math.log(x ** 2 + 0.5), math.log1p(abs(y)), y % (2.0 + math.exp(x)))


def sign_unproven(x, y):
    """Their neighbours that may raise, beside them in one function."""
    return (1.0 / (x * x), math.sqrt(x * y), x / max(y, 0.0), math.log(x * x),
            math.sqrt(x * x - y))


def numpy_round(x):
    """NumPy's round of a float at several constant decimals (multiply, rint, divide)."""
    return np.round(x), np.round(x, 1), np.round(x, 3), np.round(x, -2), np.round(x, 12)


def float_chain_loop(a, h, n, out):
    """Math calls and a division on x = a + i * h, which kiln checks at both ends of the loop
    (kiln/bounds.py, float chains); `out` shows how many trips ran."""
    total = 0.0
    for i in range(n):
        x = a + i * h
        out[i] = x
        total += math.sqrt(x) + math.log1p(x) + 1.0 / x + math.exp(-x)
    return total


def closeness(a, b):
    """np.isclose and np.allclose, as NumPy's own steps in NumPy's dtypes."""
    x, y = np.full(3, a), np.full(3, b)
    x[1], y[1] = b, a
    return (np.isclose(a, b), np.isclose(x, y, rtol=1e-3), np.isclose(x.astype(np.float32), b),
            np.isclose(a, y.astype(np.float32), atol=0.5, equal_nan=True), np.allclose(x, y))


ARITHMETIC = (add, sub, mul, truediv, floordiv, mod, divmod_of, power)
BITWISE = (lshift, rshift, bit_and, bit_or, bit_xor)
COMPARISONS = (lt, le, eq, ne, gt, ge)

#: Every one-argument math function above (exp2 and cbrt: Python 3.11 on).
MATH_1 = tuple(f for f in (sqrt, log, exp, sin, cos, tan, asin, acos, atan, expm1, exp2, log2,
                           log10, log1p, fabs, sinh, cosh, tanh, asinh, acosh, atanh, erf, erfc,
                           cbrt)
               if hasattr(math, f.__name__))

#: Every function above, for the test modules to jit once at import.
FUNCTIONS = (
    *ARITHMETIC, *BITWISE, *COMPARISONS, neg, pos, invert, absolute, to_int, to_float, to_bool,
    logical_and, logical_or, logical_not, min2, max2, min3, max3, divmod_parts, add_then_sub,
    mul_then_floordiv, collatz_step, affine_chain, affine_chains_from_one_value,
    counter_from_argument, pair_index, inverse_pair_indices, shifted_products,
    offsets_of_loop_variables, squares_of_merged_paths, round_default, round_none, round_digits, floor, ceil, trunc,
    *MATH_1, atan2, hypot, fmod, copysign, constant_powers, sign_proven, sign_unproven,
    numpy_round, float_chain_loop, closeness,
)  # fmt: skip
