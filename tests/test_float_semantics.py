"""Property tests: kiln's float semantics against CPython's, bit for bit.

Arguments mix hypothesis' floats (NaN, infinities, subnormals, huge and tiny values) with signed
zeros, exact halves and short decimals. Results must match CPython exactly: -0.0 is not 0.0,
and any NaN matches any NaN. Run without the compiler as
`KILN_ORACLE_SELF=1 pytest tests/test_float_semantics.py`.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import properties_funcs as f
from properties_funcs import INT64_MAX, INT64_MIN, any_floats, expect, int64s, jit, name_of
from support import assert_same_result, outcome

JIT = {fn: jit(fn) for fn in f.FUNCTIONS}

SETTINGS = settings(max_examples=200, deadline=None)

#: Pairs that are often equal or sign-flipped, so == and the signed zeros get exercised.
float_pairs = st.one_of(
    st.tuples(any_floats, any_floats),
    any_floats.map(lambda x: (x, x)),
    any_floats.map(lambda x: (x, -x)),
)


def real_exponent(x: float, y: float) -> float:
    """y, or y truncated where CPython's x ** y would be complex (a finite negative base and a
    finite non-integer exponent); kiln's float ** has a float type and does not go there."""
    if x < 0 and math.isfinite(x) and math.isfinite(y) and not float(y).is_integer():
        return float(math.trunc(y))
    return y


# --- + - * / ------------------------------------------------------------------------------------


@pytest.mark.parametrize("fn", [f.add, f.sub, f.mul, f.truediv], ids=name_of)
@SETTINGS
@given(xy=float_pairs)
@example(xy=(1.0, 0.0))  # ZeroDivisionError, not inf
@example(xy=(1.0, -0.0))
@example(xy=(0.0, 0.0))
@example(xy=(-0.0, 0.0))
@example(xy=(-0.0, -0.0))
@example(xy=(math.inf, math.inf))
@example(xy=(math.inf, -math.inf))
@example(xy=(1e308, 10.0))  # overflows to inf silently
@example(xy=(5e-324, 0.5))  # underflows to 0.0 silently
def test_float_arithmetic(fn, xy):
    expect(fn, JIT[fn], *xy)


@pytest.mark.parametrize("fn", f.ARITHMETIC, ids=name_of)
@SETTINGS
@given(a=int64s, x=any_floats)
@example(a=2**53 + 1, x=0.0)
@example(a=INT64_MAX, x=1.0)
@example(a=INT64_MIN, x=-1.0)
@example(a=0, x=-0.0)  # 0 + -0.0 == 0.0; 0 * -0.0 == -0.0
@example(a=-1, x=math.inf)
def test_mixed_int_float_arithmetic_converts_the_int(fn, a, x):
    expect(fn, JIT[fn], a, real_exponent(a, x) if fn is f.power else x)
    expect(fn, JIT[fn], x, a)  # an int exponent is never complex


# --- // % divmod --------------------------------------------------------------------------------


@pytest.mark.parametrize("fn", [f.floordiv, f.mod, f.divmod_of], ids=name_of)
@SETTINGS
@given(xy=float_pairs)
@example(xy=(5.0, 0.0))  # ZeroDivisionError
@example(xy=(5.0, -0.0))
@example(xy=(7.5, 2.0))
@example(xy=(-7.5, 2.0))
@example(xy=(7.5, -2.0))
@example(xy=(-7.5, -2.0))
@example(xy=(-0.0, 1.0))  # remainder 0.0, quotient -0.0
@example(xy=(0.0, -1.0))  # remainder -0.0 takes the divisor's sign
@example(xy=(-1.0, math.inf))  # remainder inf, quotient -1.0
@example(xy=(1.0, math.inf))
@example(xy=(math.inf, 1.0))  # nan
@example(xy=(1e308, 1e-308))
@example(xy=(0.1, 0.01))
def test_float_floor_division_and_modulo_follow_the_divisor_sign(fn, xy):
    expect(fn, JIT[fn], *xy)


# --- ** -----------------------------------------------------------------------------------------


@SETTINGS
@given(xy=float_pairs)
@example(xy=(0.0, -1.0))  # ZeroDivisionError
@example(xy=(-0.0, -3.0))
@example(xy=(0.0, -math.inf))  # inf, no error
@example(xy=(10.0, 400.0))  # OverflowError
@example(xy=(-10.0, 401.0))
@example(xy=(2.0, -1100.0))  # underflows to 0.0 silently
@example(xy=(math.nan, 0.0))  # 1.0
@example(xy=(1.0, math.nan))  # 1.0
@example(xy=(-1.0, math.inf))  # 1.0
@example(xy=(math.inf, -1.0))
@example(xy=(-math.inf, 3.0))
@example(xy=(-math.inf, 0.5))
@example(xy=(-2.0, 3.0))
@example(xy=(-8.0, 1 / 3))  # complex in CPython: tested as (-8.0) ** 0.0
def test_float_power(xy):
    x, y = xy
    expect(f.power, JIT[f.power], x, real_exponent(x, y))


@SETTINGS
@given(x=st.floats(-1e3, 1e3))
@example(x=79.60858274301654)  # pow(x, 2.0) != x * x
@example(x=8.473)              # 8.0 ** x != exp2(3.0 * x)
def test_constant_powers_call_pow(x):
    expect(f.constant_powers, JIT[f.constant_powers], x)


# --- round, floor, ceil, trunc ------------------------------------------------------------------


@pytest.mark.parametrize("fn", [f.round_default, f.round_none], ids=name_of)
@SETTINGS
@given(x=any_floats)
@example(x=0.5)  # 0
@example(x=1.5)  # 2
@example(x=2.5)  # 2
@example(x=-2.5)
@example(x=-0.5)  # 0 (an int, so no -0)
@example(x=0.49999999999999994)  # 0; floor(x + 0.5) gives 1
@example(x=4503599627370497.0)
@example(x=math.nan)  # ValueError
@example(x=math.inf)  # OverflowError
@example(x=2.0**63)  # leaves int64
@example(x=-(2.0**63))
def test_round_to_int_is_half_even(fn, x):
    expect(fn, JIT[fn], x)


@SETTINGS
@given(x=any_floats, n=st.integers(0, 10))
@example(x=2.675, n=2)  # 2.67: the double is below the decimal halfway point
@example(x=0.125, n=2)  # 0.12: an exact tie goes to even
@example(x=0.375, n=2)  # 0.38
@example(x=1.0000000000000002, n=10)
@example(x=-0.4, n=0)  # -0.0
@example(x=-0.0, n=1)
@example(x=math.nan, n=2)  # nan, no error
@example(x=math.inf, n=0)  # inf, no error
@example(x=1e300, n=5)
@example(x=5e-324, n=10)
@example(x=0.5, n=0)
def test_round_to_digits_matches_cpython_exactly(x, n):
    expect(f.round_digits, JIT[f.round_digits], x, n)


@pytest.mark.parametrize("fn", [f.floor, f.ceil, f.trunc], ids=name_of)
@SETTINGS
@given(x=any_floats | int64s)
@example(x=math.nan)  # ValueError
@example(x=math.inf)  # OverflowError
@example(x=-math.inf)
@example(x=-0.5)  # ceil gives the int 0
@example(x=-0.0)
@example(x=2.0**63)  # leaves int64
@example(x=-(2.0**63))
@example(x=1e300)
@example(x=INT64_MIN)  # ints pass through unchanged
def test_floor_ceil_trunc_return_ints(fn, x):
    expect(fn, JIT[fn], x)


# --- math ---------------------------------------------------------------------------------------


# the last arguments with finite results (kiln tests these, not the result): exp, exp2, sinh
LIMITS = (709.782712893384, 1023.9999999999999, 710.4758600739439)


@pytest.mark.parametrize("fn", f.MATH_1, ids=name_of)
@SETTINGS
@given(x=any_floats | int64s | st.sampled_from(LIMITS).flatmap(
    lambda limit: st.sampled_from([limit, math.nextafter(limit, math.inf), -limit,
                                   -math.nextafter(limit, math.inf)])))
@example(x=-1.0)  # sqrt, log: ValueError
@example(x=0.0)  # log: ValueError
@example(x=-0.0)  # sqrt: -0.0
@example(x=0)
@example(x=math.inf)  # sin: ValueError; exp, log, sqrt: inf
@example(x=-math.inf)  # exp: 0.0
@example(x=709.0)
@example(x=710.0)  # exp: OverflowError
@example(x=-746.0)  # exp: 0.0, no error
@example(x=1.0)  # atanh: ValueError
@example(x=-1.0000000000000002)  # asin, acos: ValueError
@example(x=709.7827128933841)  # exp: the first argument that overflows
@example(x=math.nan)
@example(x=5e-324)
@example(x=INT64_MAX)
def test_math_functions_of_one_argument(fn, x):
    expect(fn, JIT[fn], x)


@pytest.mark.parametrize("fn", [f.atan2, f.hypot, f.fmod, f.copysign], ids=name_of)
@SETTINGS
@given(xy=float_pairs)
@example(xy=(1.0, 0.0))  # fmod: ValueError
@example(xy=(math.inf, 1.0))  # fmod: ValueError
@example(xy=(1.0, math.inf))  # fmod: 1.0
@example(xy=(-0.0, -0.0))  # atan2: -pi
@example(xy=(0.0, -0.0))  # atan2: pi
@example(xy=(math.inf, math.nan))  # hypot: inf
@example(xy=(math.nan, -math.inf))  # hypot: inf
@example(xy=(66973.0, 141921.0))  # hypot: CPython's result differs from glibc's in the last bit
@example(xy=(1.7976931348623157e308, 1.7976931348623157e308))  # hypot: OverflowError
@example(xy=(1.0, -math.nan))  # copysign reads the NaN's sign bit
@example(xy=(-5.5, 2.0))
def test_math_functions_of_two_arguments(fn, xy):
    expect(fn, JIT[fn], *xy)


@pytest.mark.parametrize("fn", [f.atan2, f.hypot, f.fmod, f.copysign], ids=name_of)
@SETTINGS
@given(a=int64s, b=int64s)
@example(a=1, b=0)
def test_math_functions_of_two_int_arguments(fn, a, b):
    expect(fn, JIT[fn], a, b)


# --- comparisons, sign, truth -------------------------------------------------------------------


@pytest.mark.parametrize("fn", f.COMPARISONS, ids=name_of)
@SETTINGS
@given(xy=float_pairs)
@example(xy=(math.nan, math.nan))  # only != is True
@example(xy=(math.nan, 1.0))
@example(xy=(-0.0, 0.0))  # equal
@example(xy=(math.inf, math.inf))
@example(xy=(5e-324, 0.0))
def test_float_comparisons(fn, xy):
    expect(fn, JIT[fn], *xy)


@pytest.mark.parametrize("fn", [f.absolute, f.neg, f.pos], ids=name_of)
@SETTINGS
@given(x=any_floats)
@example(x=-0.0)  # abs gives 0.0
@example(x=0.0)  # -x gives -0.0
@example(x=-math.nan)
@example(x=-math.inf)
def test_float_sign_operators(fn, x):
    expect(fn, JIT[fn], x)


@pytest.mark.parametrize("fn", [f.to_bool, f.logical_not, f.to_float], ids=name_of)
@SETTINGS
@given(x=any_floats)
@example(x=-0.0)  # falsy
@example(x=math.nan)  # truthy
def test_float_truth_and_conversion(fn, x):
    expect(fn, JIT[fn], x)


@pytest.mark.parametrize("fn", [f.logical_and, f.logical_or], ids=name_of)
@SETTINGS
@given(xy=float_pairs)
@example(xy=(-0.0, 1.0))  # and gives -0.0 itself
@example(xy=(math.nan, 2.0))  # and gives 2.0
@example(xy=(0.0, -0.0))  # or gives -0.0
def test_float_and_or_return_an_operand(fn, xy):
    expect(fn, JIT[fn], *xy)


# --- min / max ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fn", [f.min2, f.max2], ids=name_of)
@SETTINGS
@given(xy=float_pairs)
@example(xy=(0.0, -0.0))  # ties keep the first: 0.0
@example(xy=(-0.0, 0.0))
@example(xy=(math.nan, 1.0))  # nan
@example(xy=(1.0, math.nan))  # 1.0
def test_float_min_max(fn, xy):
    expect(fn, JIT[fn], *xy)


@pytest.mark.parametrize("fn", [f.min3, f.max3], ids=name_of)
@SETTINGS
@given(x=any_floats, y=any_floats, z=any_floats)
@example(x=1.0, y=math.nan, z=0.0)
@example(x=math.nan, y=1.0, z=0.0)
def test_float_min_max_of_three(fn, x, y, z):
    expect(fn, JIT[fn], x, y, z)


# --- checks that the signs of floats make moot (kiln/bounds.py) ----------------------------------


@pytest.mark.parametrize("fn", [f.sign_proven, f.sign_unproven], ids=name_of)
@SETTINGS
@given(xy=float_pairs)
@example(xy=(0.0, 0.0))
@example(xy=(-0.0, -0.0))
@example(xy=(1e-200, 1e-200))  # squares underflow to 0.0
@example(xy=(math.nan, -1.0))
@example(xy=(-1.0, math.nan))
@example(xy=(math.inf, -math.inf))
@example(xy=(2.0, -3.0))
def test_checks_left_out_by_sign_never_fire(fn, xy):
    expect(fn, JIT[fn], *xy)


@SETTINGS
@given(x=any_floats)
@example(x=2.675)  # 2.67 or 2.68: NumPy's x * 100 then rint, not Python's correctly rounded
@example(x=0.125)
@example(x=-0.5)
@example(x=1e300)  # x * 1e12 overflows to inf
@example(x=5e-324)
def test_numpy_round_is_multiply_rint_divide(x):
    expect(f.numpy_round, JIT[f.numpy_round], x)


# --- loops checked at both ends (kiln/bounds.py, float chains) ----------------------------------


@SETTINGS
@given(a=st.one_of(any_floats, st.floats(0, 100)), h=st.one_of(any_floats, st.floats(-1, 10)),
       n=st.integers(0, 6))
@example(a=1.0, h=0.5, n=6)          # every check holds: the copy without them runs
@example(a=-1.0, h=0.5, n=6)         # sqrt(-1.0) on the first trip
@example(a=2.0, h=-0.5, n=6)         # 1.0 / 0.0 on the fifth
@example(a=700.0, h=-300.0, n=6)     # exp overflows on the fourth
@example(a=0.0, h=math.inf, n=3)
@example(a=math.nan, h=1.0, n=3)
@example(a=-0.0, h=0.0, n=2)
def test_loops_checked_at_both_ends_raise_where_python_does(a, h, n):
    out_python, out_kiln = np.zeros(n), np.zeros(n)
    want = outcome(lambda: f.float_chain_loop(a, h, n, out_python))
    got = outcome(lambda: JIT[f.float_chain_loop](a, h, n, out_kiln))
    assert_same_result(want, got)
    assert np.array_equal(out_python, out_kiln, equal_nan=True)


@SETTINGS
@given(xy=float_pairs)
@example(xy=(1.0, 1.00001))     # within rtol of b, not of a
@example(xy=(math.inf, math.inf))
@example(xy=(math.nan, math.nan))
@example(xy=(1e-9, 0.0))        # within atol
@example(xy=(3.4e38, 3.5e38))   # inf as a float32
def test_isclose_follows_numpys_steps(xy):
    expect(f.closeness, JIT[f.closeness], *xy)
