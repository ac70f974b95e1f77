"""Property tests: NumPy's rounding-dependent elementwise functions (exp, log, the trigonometric
and hyperbolic functions, power, arctan2, hypot, ...) give NumPy's bits, for float64, float32
and complex128 arrays and NumPy scalars, special values included.

NumPy computes many of them with SIMD code of its own on CPUs that have it (AVX-512 here),
which differs from the C library's in the last bit for a few percent of arguments; kiln calls
NumPy's inner loops themselves (lib/ufuncs.py), over whole lines of an array as NumPy does, so
the results are NumPy's on any CPU.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

import numpy_function_funcs as f
from properties_funcs import any_floats
from support import assert_same_result, jit_decorator, outcome
from test_array_properties import comparable

JIT = {name: jit_decorator()(getattr(f, name)) for name in dir(f) if not name.startswith("_")
       and callable(getattr(f, name))}
SETTINGS = settings(max_examples=100, deadline=None)

values = st.one_of(any_floats, st.sampled_from([0.0, -0.0, 0.5, 1.0, -1.0, 2.0, math.inf,
                                                -math.inf, math.nan]))
arrays = st.lists(values, min_size=1, max_size=12)


def expect(fn, *args) -> None:
    """fn and its jit version give the same outcome, each on copies of the array arguments."""
    def copies():
        return (a.copy() if isinstance(a, np.ndarray) else a for a in args)
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        want = outcome(lambda: fn(*copies()))
        got = outcome(lambda: JIT[fn.__name__](*copies()))
    assert_same_result(comparable(want), comparable(got))


@SETTINGS
@given(items=arrays, dtype=st.sampled_from([np.float64, np.float32]), strided=st.booleans())
@example(items=[0.5, -0.0, 700.0, -745.2, 1e-310, math.nan, math.inf], dtype=np.float64,
         strided=False)
def test_real_functions(items, dtype, strided):
    with np.errstate(all="ignore"):
        a = np.array(items, dtype=dtype)
    a = np.repeat(a, 2)[::2] if strided else a
    expect(f.real_functions, a)
    expect(f.real_functions_of_one, a)


@SETTINGS
@given(items=st.lists(st.builds(complex, values, values), min_size=1, max_size=8))
def test_complex_functions(items):
    expect(f.complex_functions, np.array(items, dtype=np.complex128))


@SETTINGS
@given(pairs=st.lists(st.tuples(values, values), min_size=1, max_size=8),
       dtype=st.sampled_from([np.float64, np.float32]))
@example(pairs=[(-0.0, 0.5), (-math.inf, 0.5), (2.0, -1.0), (0.0, -1.0)], dtype=np.float64)
@example(pairs=[(345456.5, 0.0)], dtype=np.float32)       # float32 1/x, not 1.0/x in double
@example(pairs=[(-0.0, 0.5)], dtype=np.float64)    # a ** b of one element each: b's step is 8
@example(pairs=[(345456.5, -1.0), (3.0, 2.0)], dtype=np.float32)
@example(pairs=[(0.0, -0.0), (-0.0, 0.0), (math.nan, 1.0)], dtype=np.float64)   # fmax's ties
def test_powers_and_two_argument_functions(pairs, dtype):
    with np.errstate(all="ignore"):
        a = np.array([p[0] for p in pairs], dtype=dtype)
        b = np.array([p[1] for p in pairs], dtype=dtype)
    expect(f.powers, a, b)
    expect(f.grids, a, b)


@SETTINGS
@given(items=st.lists(st.integers(-(2**40), 2**40), min_size=1, max_size=8),
       dtype=st.sampled_from([np.int64, np.int32, np.int16, np.uint32]))
def test_functions_of_integers_are_taken_in_floats(items, dtype):
    """An integer array is cast to NumPy's loop dtype first (float64; float32 for int16).
    (int8, uint8 and bool would give float16, which kiln refuses.)"""
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        k = np.array(items).astype(dtype)
    expect(f.from_integers, k)


@SETTINGS
@given(items=arrays, q=st.one_of(st.floats(0.0, 100.0), st.sampled_from([0.0, 50.0, 100.0])),
       dtype=st.sampled_from([np.float64, np.float32]))
@example(items=[0.0, 1.0, math.inf], q=50.0, dtype=np.float64)     # inf - 1.0 times 0.0
def test_percentiles(items, q, dtype):
    """np.percentile and np.quantile between two sorted neighbours, to the bit. Where a holds
    both 0.0 and -0.0, which of them NumPy's partition leaves at an index is its own (kiln
    sorts), so the zeros of such an array are all made 0.0."""
    with np.errstate(all="ignore"):
        a = np.array(items, dtype=dtype)
    zeros = a[a == 0]
    if np.signbit(zeros).any() and not np.signbit(zeros).all():
        a = np.where(a == 0, 0.0, a).astype(dtype)
    expect(f.percentiles, a, q)
