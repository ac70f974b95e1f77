"""Property tests: kiln's int (and bool) semantics against CPython's, at the int64 edges.

Each test draws arguments, runs a function from properties_funcs under CPython and under kiln,
and requires the same outcome; an int that leaves int64 must be OverflowError in kiln, never a
wrapped value. Run without the compiler as `KILN_ORACLE_SELF=1 pytest tests/test_int_semantics.py`.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import properties_funcs as f
from properties_funcs import (
    INT64_MAX,
    INT64_MIN,
    Raised,
    any_floats,
    expect,
    int64s,
    int_and_nearby_float,
    jit,
    name_of,
)

JIT = {fn: jit(fn) for fn in f.FUNCTIONS}

SETTINGS = settings(max_examples=200, deadline=None)

bools_or_small_ints = st.one_of(st.booleans(), st.integers(-3, 3))


# --- + - * -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fn", [f.add, f.sub, f.mul], ids=name_of)
@SETTINGS
@given(a=int64s, b=int64s)
@example(a=INT64_MAX, b=1)
@example(a=INT64_MIN, b=-1)
@example(a=INT64_MIN, b=1)
@example(a=-1, b=INT64_MIN)
@example(a=3037000499, b=3037000499)  # the largest square that fits
@example(a=3037000500, b=-3037000500)
@example(a=2**32, b=2**31 - 1)
def test_add_sub_mul_raise_on_overflow(fn, a, b):
    expect(fn, JIT[fn], a, b)


@pytest.mark.parametrize("fn", [f.collatz_step, f.affine_chain, f.affine_chains_from_one_value],
                         ids=name_of)
@SETTINGS
@given(x=st.one_of(int64s, st.integers(-2**62, 2**62)))
@example(x=(INT64_MAX - 1) // 3)                     # 3x + 1 just fits
@example(x=(INT64_MAX - 1) // 3 + 1)
@example(x=-(2**63 // 3))                            # 3x just fits
@example(x=-(2**63 // 3) - 1)
@example(x=INT64_MIN + 9)                            # x - 9 just fits
@example(x=INT64_MIN + 8)
@example(x=INT64_MIN // 2)                           # x * -2 overflows, -(...) would not
def test_chains_of_constant_operations_raise_exactly_when_a_step_overflows(fn, x):
    expect(fn, JIT[fn], x)


@SETTINGS
@given(n=int64s, steps=st.integers(0, 3))
@example(n=INT64_MAX, steps=1)
@example(n=INT64_MAX - 2, steps=2)
def test_a_counter_that_starts_from_an_argument_keeps_its_overflow_check(n, steps):
    expect(f.counter_from_argument, JIT[f.counter_from_argument], n, steps)


@SETTINGS
@given(a=int64s, b=int64s)
@example(a=INT64_MAX, b=1)  # a + b overflows although a + b - b == a
def test_overflow_in_an_intermediate_sum_is_not_folded_away(a, b):
    expect(f.add_then_sub, JIT[f.add_then_sub], a, b)


@SETTINGS
@given(a=int64s, b=int64s.filter(bool))
@example(a=2**62, b=2)  # a * b overflows although a * b // b == a
def test_overflow_in_an_intermediate_product_is_not_folded_away(a, b):
    expect(f.mul_then_floordiv, JIT[f.mul_then_floordiv], a, b)


# --- // % divmod --------------------------------------------------------------------------------


@pytest.mark.parametrize("fn", [f.floordiv, f.mod, f.divmod_of], ids=name_of)
@SETTINGS
@given(a=int64s, b=int64s)
@example(a=INT64_MIN, b=-1)  # quotient 2**63 overflows; the remainder is 0 (x86 idiv traps)
@example(a=INT64_MIN, b=1)
@example(a=INT64_MIN, b=INT64_MIN)
@example(a=INT64_MAX, b=INT64_MIN)
@example(a=7, b=2)
@example(a=-7, b=2)
@example(a=7, b=-2)
@example(a=-7, b=-2)
@example(a=0, b=0)
@example(a=5, b=0)
def test_floor_division_and_modulo_follow_the_divisor_sign(fn, a, b):
    expect(fn, JIT[fn], a, b)


@SETTINGS
@given(a=int64s, b=int64s)
@example(a=INT64_MAX, b=-(2**62))  # q * b == 2**63 overflows on the way back to a
@example(a=INT64_MIN, b=-1)
def test_quotient_and_remainder_rebuild_the_dividend(a, b):
    got = expect(f.divmod_parts, JIT[f.divmod_parts], a, b)
    if not isinstance(got, Raised):
        q, r, total = got
        assert total == a
        assert abs(r) < abs(b) and (r == 0 or (r < 0) == (b < 0))


# --- / ------------------------------------------------------------------------------------------

big_ints = st.integers(2**53, INT64_MAX) | st.integers(INT64_MIN, -(2**53))


@SETTINGS
@given(a=int64s | big_ints, b=int64s | big_ints)
@example(a=5588807445230423406, b=2977260761699349370)  # float(a) / float(b) rounds twice
@example(a=2**53 + 1, b=1)
@example(a=INT64_MAX, b=3)
@example(a=INT64_MIN, b=-1)
@example(a=1, b=0)
@example(a=0, b=-5)  # 0.0, not -0.0
def test_true_division_is_correctly_rounded(a, b):
    expect(f.truediv, JIT[f.truediv], a, b)


# --- ** -----------------------------------------------------------------------------------------


@SETTINGS
@given(a=int64s, n=st.integers(0, 130))
@example(a=2, n=62)  # fits; a careless square-and-multiply overflows on an unused square
@example(a=2, n=63)
@example(a=-2, n=63)  # -2**63 fits
@example(a=-2, n=64)
@example(a=3, n=39)
@example(a=3, n=40)
@example(a=3037000499, n=2)
@example(a=3037000500, n=2)
@example(a=INT64_MIN, n=1)
@example(a=0, n=0)
def test_power_with_small_exponents_raises_on_overflow(a, n):
    expect(f.power, JIT[f.power], a, n)


@SETTINGS
@given(a=int64s, n=st.integers(-1100, -1))
@example(a=0, n=-1)  # ZeroDivisionError
@example(a=2, n=-1)
@example(a=2, n=-1075)  # underflows to 0.0 without an error
@example(a=-3, n=-3)
@example(a=INT64_MIN, n=-1)
def test_power_with_negative_exponents_is_float_power(a, n):
    expect(f.power, JIT[f.power], a, n)


@SETTINGS
@given(a=st.sampled_from([-1, 0, 1, True, False]), n=int64s)
@example(a=-1, n=INT64_MAX)
@example(a=-1, n=-INT64_MAX)  # float(n) is even, so CPython gives 1.0
@example(a=0, n=INT64_MIN)
@example(a=1, n=INT64_MIN)
def test_power_of_unit_bases_with_any_exponent(a, n):
    expect(f.power, JIT[f.power], a, n)


# --- << >> & | ^ ~ ------------------------------------------------------------------------------


@pytest.mark.parametrize("fn", [f.lshift, f.rshift], ids=name_of)
@SETTINGS
@given(a=int64s, n=st.integers(-2, 130))
@example(a=1, n=62)
@example(a=1, n=63)  # 2**63 overflows
@example(a=-1, n=63)  # -2**63 fits
@example(a=-1, n=64)
@example(a=0, n=130)
@example(a=INT64_MIN, n=64)
@example(a=INT64_MAX, n=130)
@example(a=5, n=-1)  # ValueError: negative shift count
@example(a=0, n=-1)
def test_shifts_by_counts_past_the_word_size(fn, a, n):
    expect(fn, JIT[fn], a, n)


@SETTINGS
@given(a=int64s, n=st.integers(64, INT64_MAX))
@example(a=-1, n=INT64_MAX)
def test_right_shift_by_huge_counts_and_left_shift_of_zero(a, n):
    expect(f.rshift, JIT[f.rshift], a, n)
    expect(f.lshift, JIT[f.lshift], 0, n)


@pytest.mark.parametrize("fn", [f.bit_and, f.bit_or, f.bit_xor], ids=name_of)
@SETTINGS
@given(a=int64s, b=int64s)
@example(a=INT64_MIN, b=-1)
def test_bitwise_operators(fn, a, b):
    expect(fn, JIT[fn], a, b)


@pytest.mark.parametrize("fn", [f.neg, f.pos, f.invert, f.absolute], ids=name_of)
@SETTINGS
@given(a=int64s)
@example(a=INT64_MIN)  # -a and abs(a) overflow; ~a == INT64_MAX
@example(a=INT64_MAX)
@example(a=0)
def test_unary_operators(fn, a):
    expect(fn, JIT[fn], a)


# --- comparisons --------------------------------------------------------------------------------


@pytest.mark.parametrize("fn", f.COMPARISONS, ids=name_of)
@SETTINGS
@given(a=int64s, b=int64s)
@example(a=INT64_MIN, b=INT64_MAX)
def test_int_comparisons(fn, a, b):
    expect(fn, JIT[fn], a, b)
    expect(fn, JIT[fn], b, a)


@pytest.mark.parametrize("fn", f.COMPARISONS, ids=name_of)
@SETTINGS
@given(pair=int_and_nearby_float())
@example(pair=(2**53 + 1, 2.0**53))  # float(2**53 + 1) == 2.0**53, but the int is larger
@example(pair=(INT64_MAX, 2.0**63))  # float(INT64_MAX) == 2.0**63, but the int is smaller
@example(pair=(INT64_MIN, -(2.0**63)))
@example(pair=(INT64_MIN, math.nextafter(-(2.0**63), 0.0)))
@example(pair=(0, -0.0))
@example(pair=(1, math.nan))
@example(pair=(INT64_MAX, math.inf))
@example(pair=(INT64_MIN, -math.inf))
def test_int_float_comparisons_are_exact(fn, pair):
    a, x = pair
    expect(fn, JIT[fn], a, x)
    expect(fn, JIT[fn], x, a)


# --- conversions --------------------------------------------------------------------------------


# --- ranges: checks proven moot in a loop's guarded copy (kiln/bounds.py) -------------------

loop_starts = st.one_of(int64s, st.integers(-(2**31), 2**31),
                        st.sampled_from([2**30 - 5, 2**30 + 1, -(2**30) - 3, 2**62, 2**20 - 2]))


@SETTINGS
@given(start=loop_starts, stop=loop_starts, i=loop_starts)
@example(start=0, stop=40, i=0)
@example(start=2**30 - 20, stop=2**30 + 20, i=2**30 - 20)   # across the guard's limit
@example(start=-(2**62), stop=10, i=2**62)             # the start alone is far out
@example(start=-40, stop=0, i=0)                       # reaches (0 + 0) * 1 // 2 + 0 + 1
@example(start=-3, stop=3, i=-1)                       # a zero divisor: ZeroDivisionError
@example(start=3037000490, stop=3037000510, i=0)       # the product leaves int64
@example(start=INT64_MAX - 30, stop=INT64_MAX, i=0)
def test_a_loop_of_an_inlined_helper_raises_where_cpython_leaves_int64(start, stop, i):
    expect(f.inverse_pair_indices, JIT[f.inverse_pair_indices], start, stop, i)


@SETTINGS
@given(start=loop_starts, stop=loop_starts, m=loop_starts, c=loop_starts)
@example(start=2**30 - 20, stop=2**30 + 20, m=2**30, c=-(2**30))
@example(start=-(2**31), stop=-(2**31) + 5, m=2**31, c=2**31)
@example(start=-(2**62), stop=5, m=2**20, c=0)          # the start alone is far out
@example(start=INT64_MIN, stop=INT64_MIN + 3, m=1, c=0)   # -j leaves int64
def test_int_arithmetic_of_a_loop_variable_raises_where_cpython_leaves_int64(start, stop, m, c):
    expect(f.shifted_products, JIT[f.shifted_products], start, stop, m, c)


@SETTINGS
@given(a=int64s, n=st.integers(0, 20), flag=st.booleans())
@example(a=2**20, n=3, flag=False)                     # x * x leaves int64
@example(a=2**20, n=3, flag=True)
@example(a=2**32, n=3, flag=False)                     # a * a leaves int64
def test_a_value_merged_from_two_paths_has_both_ranges(a, n, flag):
    expect(f.squares_of_merged_paths, JIT[f.squares_of_merged_paths], a, n, flag)


@SETTINGS
@given(n=st.integers(-5, 60), k=int64s)
@example(n=10, k=3)                                    # j - k reaches 0
@example(n=5, k=INT64_MIN)                             # j - k leaves int64
def test_offsets_of_a_loop_variable(n, k):
    expect(f.offsets_of_loop_variables, JIT[f.offsets_of_loop_variables], n, k)


@SETTINGS
@given(x=any_floats)
@example(x=math.nan)  # ValueError
@example(x=math.inf)  # OverflowError
@example(x=-math.inf)
@example(x=2.0**63)  # 2**63 leaves int64
@example(x=-(2.0**63))  # -2**63 fits
@example(x=-9.223372036854777856e18)  # the next float below -2**63 does not
@example(x=9.223372036854775e18)  # 2**63 - 1024 fits
@example(x=-0.0)
@example(x=0.9999999999999999)
@example(x=-0.9999999999999999)
def test_int_of_float_truncates_toward_zero(x):
    expect(f.to_int, JIT[f.to_int], x)


@SETTINGS
@given(a=int64s)
@example(a=2**53 + 1)  # rounds to even
@example(a=2**53 + 3)
@example(a=INT64_MAX)
def test_float_of_int_rounds_to_nearest_even(a):
    expect(f.to_float, JIT[f.to_float], a)
    expect(f.to_int, JIT[f.to_int], a)


@SETTINGS
@given(a=int64s, n=st.integers(0, 10))
def test_round_of_int_is_the_int(a, n):
    expect(f.round_default, JIT[f.round_default], a)
    expect(f.round_digits, JIT[f.round_digits], a, n)


# --- bools --------------------------------------------------------------------------------------

BOOL_BINARY = (*f.ARITHMETIC, *f.BITWISE, *f.COMPARISONS, f.min2, f.max2)


@pytest.mark.parametrize("fn", BOOL_BINARY, ids=name_of)
@SETTINGS
@given(a=st.booleans(), b=bools_or_small_ints)
@example(a=True, b=True)  # True + True == 2 (int); True & True is True (bool)
@example(a=True, b=False)  # True // False raises ZeroDivisionError
@example(a=False, b=-1)  # False ** -1 raises ZeroDivisionError
def test_bools_are_ints_and_bitwise_ops_keep_bool(fn, a, b):
    expect(fn, JIT[fn], a, b)
    expect(fn, JIT[fn], b, a)


@pytest.mark.parametrize(
    "fn", [f.neg, f.pos, f.absolute, f.to_int, f.to_float, f.logical_not], ids=name_of
)
@SETTINGS
@given(a=st.booleans())
def test_unary_operators_on_bools_give_ints(fn, a):
    expect(fn, JIT[fn], a)


@pytest.mark.parametrize("fn", [f.logical_and, f.logical_or], ids=name_of)
@SETTINGS
@given(
    ab=st.tuples(int64s, int64s) | st.tuples(st.booleans(), st.booleans()),
)
@example(ab=(0, 5))
@example(ab=(5, 0))
@example(ab=(False, True))
def test_and_or_return_an_operand(fn, ab):
    expect(fn, JIT[fn], *ab)


@SETTINGS
@given(a=int64s)
def test_not_of_int(a):
    expect(f.logical_not, JIT[f.logical_not], a)
    expect(f.to_bool, JIT[f.to_bool], a)


# --- min / max ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fn", [f.min2, f.max2], ids=name_of)
@SETTINGS
@given(pair=int_and_nearby_float())
@example(pair=(1, 1.0))  # ties keep the first operand and its type
@example(pair=(2**53 + 1, 2.0**53))
@example(pair=(0, -0.0))
@example(pair=(3, math.nan))  # NaN wins only in first position
def test_min_max_of_int_and_float_return_the_winning_operand(fn, pair):
    a, x = pair
    expect(fn, JIT[fn], a, x)
    expect(fn, JIT[fn], x, a)


@pytest.mark.parametrize("fn", [f.min3, f.max3], ids=name_of)
@SETTINGS
@given(a=int64s, x=any_floats, y=any_floats)
@example(a=1, x=math.nan, y=0.0)
@example(a=0, x=0.0, y=-0.0)
def test_min_max_of_three_compare_left_to_right(fn, a, x, y):
    expect(fn, JIT[fn], a, x, y)
    expect(fn, JIT[fn], x, a, y)
    expect(fn, JIT[fn], x, y, a)
