"""Property tests: arithmetic, comparisons and parts of NumPy complex128 values, against NumPy's
own scalar and array arithmetic, bit for bit in each part (NaN matches NaN, -0.0 is not 0.0).

Parts are drawn from hypothesis' floats (NaN, infinities, subnormals, huge and tiny values)
and signed zeros, so the special paths of complex division (a zero divisor, a NaN or infinite
part, either part of the divisor the larger) are all exercised.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import complex_funcs as f
from properties_funcs import any_floats, name_of
from support import ORACLE_SELF, assert_same_result, jit_decorator, outcome
from test_array_properties import comparable

JIT = {name: jit_decorator()(getattr(f, name)) for name in dir(f) if not name.startswith("_")
       and callable(getattr(f, name))}
SETTINGS = settings(max_examples=150, deadline=None)

parts = st.one_of(any_floats, st.sampled_from([0.0, -0.0, 1.0, -1.0, math.inf, -math.inf,
                                               math.nan]))
complexes = st.builds(complex, parts, parts)


def one(z, dtype=np.complex128) -> np.ndarray:
    return np.array([z], dtype=dtype)


def expect(fn, *args) -> None:
    """kiln's fn(*args) as NumPy computes it, and the array arguments as NumPy leaves them
    (each side gets its own copies; NumPy's warnings are silenced: they are not results)."""
    def copy(a):
        if not isinstance(a, np.ndarray):
            return a
        if a.flags.c_contiguous or a.flags.f_contiguous:
            return a.copy(order="K")                   # a Fortran argument stays Fortran
        view = np.empty((*a.shape[:-1], 2 * a.shape[-1]), a.dtype)[..., ::2]   # and strided
        view[...] = a                                                          # strided
        return view

    def copies():
        return [copy(a) for a in args]
    py_args, jit_args = copies(), copies()
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        want = outcome(lambda: fn(*py_args))
        got = outcome(lambda: JIT[fn.__name__](*jit_args))
    try:
        assert_same_result(comparable(want), comparable(got))
        assert_same_result(comparable(tuple(py_args)), comparable(tuple(jit_args)))
    except AssertionError as failure:
        raise AssertionError(f"{fn.__name__}{args!r}: {failure}") from None


@pytest.mark.parametrize("fn", [f.add, f.sub, f.mul, f.truediv, f.compare], ids=name_of)
@SETTINGS
@given(x=complexes, y=complexes)
@example(x=complex(1, 2), y=complex(0.0, 0.0))       # division by zero: inf and nan parts
@example(x=complex(1, 2), y=complex(-0.0, 0.0))
@example(x=complex(0, 0), y=complex(0.0, -0.0))
@example(x=complex(1, 2), y=complex(3, 1e-300))       # the real part of the divisor larger
@example(x=complex(1, 2), y=complex(1e-300, 3))       # the imaginary part larger
@example(x=complex(1e308, 1e308), y=complex(1e-308, 1e-308))
@example(x=complex(math.nan, 1), y=complex(1, 2))
@example(x=complex(1, math.nan), y=complex(2, 1))     # a NaN imaginary part: not ordered
@example(x=complex(1, 2), y=complex(1, 3))            # equal real parts: the imaginary decides
def test_complex_pairs(fn, x, y):
    expect(fn, one(x), one(y))


@SETTINGS
@given(z=complexes, x=parts)
@example(z=complex(1, 2), x=0.0)
@example(z=complex(0, 0), x=2.0)
@example(z=complex(math.inf, 0), x=2.0)               # inf * (2 + 0j): NumPy's nan part
def test_complex_with_python_float(z, x):
    expect(f.with_float, one(z), x)


@SETTINGS
@given(z=complexes, k=st.integers(-(2**63), 2**63 - 1))
@example(z=complex(1, 2), k=0)
def test_complex_with_python_int(z, k):
    expect(f.with_int, one(z), k)


@SETTINGS
@given(z=complexes, y=parts)
def test_complex_with_float32(z, y):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expect(f.with_float32, one(z), one(y, np.float32))


@SETTINGS
@given(z=complexes)
@example(z=complex(0.0, -0.0))                       # false
@example(z=complex(math.nan, 0.0))                   # true: NaN is not zero
@example(z=complex(3e200, 4e200))                    # abs without overflow (hypot)
def test_complex_unary(z):
    expect(f.unary, one(z))


@SETTINGS
@given(pairs=st.lists(st.tuples(complexes, complexes), min_size=1, max_size=12))
def test_complex_arrays(pairs):
    a = np.array([x for x, _ in pairs], dtype=np.complex128)
    b = np.array([y for _, y in pairs], dtype=np.complex128)
    expect(f.elementwise, a, b)
    expect(f.running_sum, a)
    expect(f.accumulate, a)


@SETTINGS
@given(y=parts, x=parts, k=st.integers(-(2**63), 2**63 - 1))
def test_parts_of_real_numbers(y, x, k):
    for dtype in (np.float64, np.float32, np.int16):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            a = one(y, dtype) if dtype != np.int16 else np.array([int(k) % 2**15], dtype)
        expect(f.real_parts, a, x, k)


@SETTINGS
@given(values=st.lists(complexes, min_size=0, max_size=150), layout=st.sampled_from(
    ["1-d", "strided", "2-d C", "2-d F", "2-d strided"]))
@example(values=[1, complex(math.nan, 0), complex(math.nan, math.inf), 2], layout="2-d F")
def test_complex_reductions(values, layout):
    """sum and mean pairwise over the parts as NumPy adds them (8 running sums of alternating
    real and imaginary parts, blocks of 128 parts), mean dividing Smith's way, prod in order;
    2-d arrays whole. min and max (NumPy's order: real part first, a NaN part wins) visit
    the elements in NumPy's order too, argmin and argmax count in C order."""
    a = np.array(values, dtype=np.complex128)
    if layout == "strided":
        a = a[::2]
    elif layout.startswith("2-d") and len(values) % 2 == 0 and values:
        a = a.reshape(2, -1)
        a = np.asfortranarray(a) if layout == "2-d F" else a[:, ::2] if "strided" in layout \
            else a
    expect(f.reductions, a)
    expect(f.spread, a)
    if a.size:
        expect(f.extremes, a)


@SETTINGS
@given(values=st.lists(complexes, min_size=2, max_size=8), strided=st.booleans())
def test_complex_array_parts(values, strided):
    """a.real and a.imag are float64 views that write through; np.conj negates the imaginary
    part; np.real and np.imag of a scalar are its parts."""
    a = np.array(values, dtype=np.complex128)
    a = a[::2] if strided and len(a) > 2 else a
    expect(f.array_parts, a)
    expect(f.write_parts, a.copy())
    expect(f.scalar_parts, a)


@SETTINGS
@given(values=st.lists(st.builds(complex, st.floats(-3e4, 3e4), parts), min_size=1, max_size=6))
def test_complex_to_real_dtypes(values):
    """astype to a real dtype keeps the real part (NumPy warns); real parts that fit int16."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expect(f.to_real, np.array(values, dtype=np.complex128))


@SETTINGS
@given(values=st.lists(complexes, min_size=0, max_size=6), small=st.sampled_from(
    [np.bool_, np.int8, np.uint64, np.float32]))
def test_complex_joins(values, small):
    """np.concatenate, np.stack, np.hstack and np.vstack of complex128 arrays with real ones
    give complex128 arrays, the real values with a zero imaginary part."""
    a = np.array(values, dtype=np.complex128)
    b = np.arange(len(values), dtype=np.float32) - 1.5
    expect(f.joined, a, b, (np.arange(len(values)) % 3).astype(small))


@SETTINGS
@given(pairs=st.lists(st.tuples(st.booleans(), complexes, complexes), min_size=1, max_size=6))
def test_complex_where(pairs):
    c = np.array([p[0] for p in pairs])
    a = np.array([p[1] for p in pairs], dtype=np.complex128)
    b = np.array([p[2] for p in pairs], dtype=np.complex128)
    expect(f.choose, c, a, b)


@SETTINGS
@given(pairs=st.lists(st.tuples(complexes, complexes), min_size=1, max_size=6))
def test_complex_minimum_and_maximum(pairs):
    """np.minimum/np.maximum(x, y): x when it has a NaN part or is <= (>=) y in NumPy's
    order, else y."""
    a = np.array([p[0] for p in pairs], dtype=np.complex128)
    b = np.array([p[1] for p in pairs], dtype=np.complex128)
    expect(f.elementwise_extremes, a, b)


@SETTINGS
@given(values=st.lists(complexes, min_size=1, max_size=6))
def test_complex_math_functions(values):
    """np.sqrt, exp, log, sin, cos and tan of complex arrays and scalars: the C library's
    csqrt, cexp, ..., which NumPy calls too (special values and signed zeros included)."""
    expect(f.math_functions, np.array(values, dtype=np.complex128))


@pytest.mark.parametrize("values", [[1 + 2j, 3 - 4j], [0j], [complex(math.inf, 1), 2j],
                                    [complex(1, math.nan)], [-0.5 + 0.25j] * 3])
def test_complex_norm(values):
    """sqrt(dot(a.real, a.real) + dot(a.imag, a.imag)); values whose sums are exact, as BLAS
    adds in its own order (np.dot's rule)."""
    expect(f.norm_of, np.array(values, dtype=np.complex128))


@SETTINGS
@given(values=st.lists(complexes, min_size=1, max_size=6))
def test_complex_round(values):
    """NumPy's round of each part: rint(x * 10**d) / 10**d."""
    expect(f.rounded, np.array(values, dtype=np.complex128))


@SETTINGS
@given(values=st.lists(complexes, min_size=1, max_size=6))
def test_complex_classes_and_truths(values):
    """np.isnan and np.isinf of either part, np.isfinite of both; any and all of nonzero."""
    expect(f.classes_and_truths, np.array(values, dtype=np.complex128))


@SETTINGS
@given(values=st.lists(complexes, max_size=6))
def test_complex_nonzero(values):
    """np.nonzero, flatnonzero, argwhere and np.where(a): non-zero when either part is (NaN
    is, -0.0 is not)."""
    expect(f.nonzero_indices, np.array(values, dtype=np.complex128))


COMPLEX = np.array([1 + 2j])


@pytest.mark.skipif(ORACLE_SELF, reason="compile errors are kiln's")
@pytest.mark.parametrize("source, argument", [
    *((source, COMPLEX) for source in (
        "np.floor(a)", "a[0] ** 2",
        "a[0] // a[0]", "int(a[0])", "a ** 2", "a // a", "~a[0]")),
    ("np.sqrt(a)", np.array([1], np.int8)),         # NumPy's result: float16
    ("np.sin(a[0])", np.array([True])),              # float16 too
    ("~a[0]", np.array([1.5])),
    ("~a[0]", np.array([1.5], np.float32)),
], ids=lambda value: value if isinstance(value, str) else str(value.dtype))
def test_unsupported_operations_are_compile_errors(source, argument, tmp_path, monkeypatch):
    """What kiln does not compute is a CompileError, never a wrong value or an internal
    error: complex math it lacks, NumPy results of a dtype it lacks (float16), ~ of a float."""
    import importlib
    import sys

    import kiln

    module = tmp_path / "unsupported_operation.py"
    module.write_text(f"import numpy as np\n\n\ndef fn(a):\n    return {source}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    fn = importlib.import_module("unsupported_operation").fn
    try:
        with pytest.raises(kiln.CompileError):
            kiln.jit(cache=False)(fn)(argument)
    finally:
        sys.modules.pop("unsupported_operation", None)
