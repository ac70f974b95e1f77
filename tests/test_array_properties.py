"""Property tests: kiln's array indexing, element assignment, index-loop sums, attributes,
reductions along an axis, sorting and matrix products against CPython + NumPy 2, over random
dtypes, shapes (1-3 dims, size-0 and size-1 axes included), memory layouts and indices.

Every example builds its arguments twice from one description (a `Layout`: C-order data, then
as drawn Fortran order, strided slices with any steps, a transpose, a zero-stride broadcast, a
read-only flag), runs a function of array_property_funcs under CPython on one copy and under
kiln on the other, and requires

    the same outcome       value and exact type (NumPy scalars by their class, arrays by dtype,
                           shape and contents, NaN-aware, -0.0 != 0.0), or the same exception
                           class; complex values compare their real and imaginary parts
    the same memory after  the argument array and the array that owns its memory, element by
                           element, also when the call raised
    views stay views       a returned view shares the argument's memory and is read-only
                           exactly when NumPy's is

Float matrix products are the exception to "the same value": they are compared with a bound
on rounding, since NumPy's BLAS adds in an order of its own (see test_products_agree_with_numpy).
kiln's one deliberate divergence here is its 64-bit int: a Python int argument outside int64 is
refused with OverflowError before the call (the corpus marks such lines `# kiln:
OverflowError`). Run without the compiler as `KILN_ORACLE_SELF=1 pytest
tests/test_array_properties.py`.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import array_property_funcs as f
from kiln.types import typeof
from support import (
    INT64_MAX,
    INT64_MIN,
    ORACLE_SELF,
    Raised,
    assert_same_result,
    describe,
    jit_decorator,
    outcome,
    quiet,
)

jit = jit_decorator()
JIT = {fn: jit(fn) for fn in f.FUNCTIONS}

SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

REAL_DTYPES = tuple(
    np.dtype(name)
    for name in (
        "float64", "float32", "int64", "int32", "int16", "int8",
        "uint64", "uint32", "uint16", "uint8", "bool",
    )
)
DTYPES = (*REAL_DTYPES, np.dtype("complex128"))
INT_DTYPES = tuple(d for d in REAL_DTYPES if d.kind in "iu")


# ---------------------------------------------------------------------------------------------
# Arrays in every layout
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """How to build one array argument: C-order `data`, copied (into Fortran order if
    `fortran`), then sliced by `slices`, then transposed by `axes`, then broadcast to the shape
    `broadcast` (zero strides, read-only), then made read-only if `readonly`. `make()` builds a
    fresh (owner, view) pair each time, so CPython and kiln get equal, independent arguments."""

    data: np.ndarray
    fortran: bool = False
    slices: tuple[slice, ...] | None = None
    axes: tuple[int, ...] | None = None
    broadcast: tuple[int, ...] | None = None
    readonly: bool = False

    def make(self) -> tuple[np.ndarray, np.ndarray]:
        owner = np.array(self.data, order="F" if self.fortran else "C", copy=True)
        view = owner[self.slices] if self.slices is not None else owner[...]
        if self.axes is not None:
            view = view.transpose(self.axes)
        if self.broadcast is not None:
            view = np.broadcast_to(view, self.broadcast)
        if self.readonly:
            view.setflags(write=False)
        return owner, view

    @property
    def ndim(self) -> int:
        return self.make()[1].ndim

    def __repr__(self) -> str:
        data = np.array2string(self.data, separator=", ", threshold=1000).replace("\n", "")
        parts = [f"np.array({data}, dtype=np.{self.data.dtype})"]
        parts += [f"{name}={getattr(self, name)!r}" for name in
                  ("fortran", "slices", "axes", "broadcast", "readonly") if getattr(self, name)]
        view = self.make()[1]
        return f"Layout({', '.join(parts)})  # view shape {view.shape}, strides {view.strides}"


LAYOUT_KINDS = ("C", "F", "strided", "transposed", "F strided transposed")


@st.composite
def layouts(
    draw: st.DrawFn,
    dims: tuple[int, int] = (1, 3),
    dtypes: tuple[np.dtype, ...] = DTYPES,
    readonly: bool = False,
) -> Layout:
    """An array of 1-3 dims with sides 0-6, in one of LAYOUT_KINDS (a strided view slices every
    axis with its own start, stop and step, negative steps included; a transpose permutes the
    axes). With `readonly`, it may be read-only, or a broadcast view (size-1 axes stretched to
    0-4 elements with stride 0, perhaps a new leading axis; NumPy makes those read-only)."""
    dtype = draw(st.sampled_from(dtypes))
    kind = draw(st.sampled_from(LAYOUT_KINDS + (("broadcast",) if readonly else ())))
    shape = draw(hnp.array_shapes(min_dims=dims[0], max_dims=dims[1], min_side=0, max_side=6))
    if kind == "broadcast":
        shape = tuple(1 if draw(st.booleans()) else n for n in shape)
    data = draw(hnp.arrays(dtype, shape))
    slices = axes = broadcast = None
    if "strided" in kind:
        slices = tuple(draw(st.slices(n)) for n in shape)
    if "transposed" in kind:
        axes = tuple(draw(st.permutations(range(len(shape)))))
    if kind == "broadcast":
        broadcast = tuple(draw(st.integers(0, 4)) if n == 1 else n for n in shape)
        if len(shape) < dims[1] and draw(st.booleans()):
            broadcast = (draw(st.integers(0, 3)), *broadcast)
    frozen = readonly and draw(st.sampled_from([False, False, False, True]))
    return Layout(data, "F" in kind, slices, axes, broadcast, frozen)


def indices(n: int) -> st.SearchStrategy[int]:
    """An index into an axis of size n: mostly in range (negative ones too), often just out of
    range, sometimes far out (still int64: a wider int is refused before the call)."""
    far = st.sampled_from([n, -n - 1, 2**31, -(2**31) - 1, 2**62, INT64_MAX, INT64_MIN])
    near = st.integers(-n - 2, n + 1)
    inside = st.integers(-n, n - 1) if n else near
    return st.one_of(inside, inside, near, far)


@st.composite
def index_tuples(draw: st.DrawFn, shape: tuple[int, ...], count: int) -> tuple[int, ...]:
    """`count` indices for an array of `shape` (axes past its ndim are given size 2)."""
    return tuple(draw(indices(shape[d] if d < len(shape) else 2)) for d in range(count))


# ---------------------------------------------------------------------------------------------
# Running both sides
# ---------------------------------------------------------------------------------------------


def comparable(value: Any) -> Any:
    """`value` with complex numbers split into parts, which `assert_same_result` compares
    NaN-aware and sign-of-zero-aware (it compares complex values with ==)."""
    if isinstance(value, tuple):
        return tuple(comparable(item) for item in value)
    if isinstance(value, np.ndarray) and value.dtype.kind == "c":
        return ("complex array", value.real.copy(), value.imag.copy())
    if isinstance(value, np.complexfloating):
        return (type(value), value.real, value.imag)
    return value


def describe_argument(value: Any) -> str:
    if isinstance(value, np.ndarray):
        flags = "C" if value.flags.c_contiguous else "F" if value.flags.f_contiguous else "A"
        flags += "" if value.flags.writeable else ", readonly"
        return f"{describe(value)} (strides {value.strides}, {flags})"
    return describe(value)


def kiln_refuses(args: tuple[Any, ...]) -> bool:
    """kiln's ints are int64: it refuses a wider Python int argument with OverflowError."""
    return not ORACLE_SELF and any(
        type(arg) is int and not INT64_MIN <= arg <= INT64_MAX for arg in args
    )


Build = Callable[[], tuple[tuple[Any, ...], tuple[np.ndarray, ...]]]


def run_both(fn: Callable[..., Any], build: Build, compiled: Callable[..., Any] | None = None
             ) -> tuple[Any, Any, tuple[Any, ...]]:
    """Run `fn` under CPython and under kiln (`compiled`, or `JIT[fn]`), each on fresh
    arguments from `build()` (which also names the arrays to compare afterwards: the argument
    and the array owning its memory). Assert the same outcome and the same arrays after;
    return (CPython's outcome, kiln's outcome, kiln's arguments)."""
    py_args, py_arrays = build()
    call = f"{fn.__name__}({', '.join(describe_argument(arg) for arg in py_args)})"
    with quiet():
        want = outcome(lambda: fn(*py_args))
    if kiln_refuses(py_args):
        want = Raised(OverflowError, "a Python int argument outside int64")
        py_args, py_arrays = build()
    jit_args, jit_arrays = build()
    with quiet():
        got = outcome(lambda: (compiled or JIT[fn])(*jit_args))
    try:
        assert_same_result(comparable(want), comparable(got))
    except AssertionError as failure:
        raise AssertionError(f"{call}: {failure}") from None
    for n, (expected, actual) in enumerate(zip(py_arrays, jit_arrays)):
        try:
            assert_same_result(comparable(expected), comparable(actual))
        except AssertionError as failure:
            role = "the argument" if n == 0 else "the array owning its memory"
            raise AssertionError(f"{call}: afterwards {role}: {failure}") from None
    return want, got, jit_args


def assert_same_view(want: Any, got: Any, array: np.ndarray) -> None:
    """A returned view (NumPy's result is one) must be a view of `array` too: same memory,
    and read-only exactly when NumPy's is."""
    if not isinstance(want, np.ndarray):
        return
    assert isinstance(got, np.ndarray)
    if want.size:
        assert np.shares_memory(got, array), "kiln returned a copy, NumPy a view"
    assert got.flags.writeable == want.flags.writeable, (
        f"writeable: NumPy {want.flags.writeable}, kiln {got.flags.writeable}"
    )


# ---------------------------------------------------------------------------------------------
# Reading a[i], a[i, j], a[i, j, k]
# ---------------------------------------------------------------------------------------------


@st.composite
def read_cases(draw: st.DrawFn) -> tuple[Layout, tuple[int, ...]]:
    """An array (possibly read-only) and 1-3 indices: as many as it has dimensions (a scalar),
    fewer (a view), or more (IndexError)."""
    layout = draw(layouts(readonly=True))
    ndim = layout.ndim
    count = draw(st.sampled_from([ndim, ndim, 1, 2, 3]))
    return layout, draw(index_tuples(layout.make()[1].shape, count))


@SETTINGS
@given(case=read_cases())
@example(case=(Layout(np.arange(3.0)), (-4,)))
@example(case=(Layout(np.zeros((0, 2), np.int8)), (0, 0)))
@example(case=(Layout(np.arange(3.0).reshape(1, 3), broadcast=(2, 4, 3)), (1, -1)))  # stride 0
@example(case=(Layout(np.arange(24, dtype=np.uint16).reshape(2, 3, 4), True, None, (2, 0, 1)),
               (3, -1, 1)))
def test_reading_gives_numpys_scalar_or_view_or_index_error(case):
    layout, index = case

    def build() -> Any:
        owner, view = layout.make()
        return (view, *index), (view, owner)

    want, got, args = run_both(f.GETS[len(index)], build)
    assert_same_view(want, got, args[0])


# NumPy integers as indices: NumPy converts them to intp, so a uint64 index >= 2**63 raises
# OverflowError ("Python int too large to convert to C long"), it is never wrapped round to a
# negative index.
NUMPY_INDEX_TYPES = tuple(d.type for d in INT_DTYPES)


@st.composite
def numpy_index_cases(draw: st.DrawFn) -> tuple[Layout, tuple[np.integer, ...]]:
    layout = draw(layouts(dims=(1, 2), dtypes=(np.dtype("float64"), np.dtype("uint8"))))
    shape = layout.make()[1].shape
    index = []
    for n in shape:
        kind = draw(st.sampled_from(NUMPY_INDEX_TYPES))
        info = np.iinfo(kind)
        value = draw(st.one_of(
            st.integers(max(-n - 2, info.min), min(n + 1, info.max)),
            st.sampled_from([info.min, info.max]),
        ))
        index.append(kind(value))
    return layout, tuple(index)


@SETTINGS
@given(case=numpy_index_cases())
@example(case=(Layout(np.arange(6.0).reshape(2, 3)), (np.uint64(2**64 - 1), np.int8(0))))
@example(case=(Layout(np.arange(3.0)), (np.uint64(2**63),)))
@example(case=(Layout(np.arange(3.0)), (np.int8(-3),)))
def test_numpy_integer_indices(case):
    layout, index = case

    def build() -> Any:
        owner, view = layout.make()
        return (view, *index), (view, owner)

    run_both(f.GETS[len(index)], build)


# ---------------------------------------------------------------------------------------------
# Writing a[i, ...] = v
# ---------------------------------------------------------------------------------------------


def int_range(dtype: np.dtype) -> tuple[int, int]:
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return int(info.min), int(info.max)
    return (0, 1) if dtype.kind == "b" else (-(2**64), 2**64)


def python_ints(dtype: np.dtype) -> st.SearchStrategy[int]:
    """Python ints that fit the dtype, that just miss, and past int64 (kiln refuses those)."""
    lo, hi = int_range(dtype)
    edges = [lo, hi, lo - 1, hi + 1, 0, -1, 2**53 + 1, INT64_MIN, INT64_MAX, 2**63, 2**64 - 1,
             -(2**63) - 1, 2**64]
    return st.one_of(
        st.integers(max(lo, INT64_MIN), min(hi, INT64_MAX)),
        st.integers(max(lo - 3, INT64_MIN), min(hi + 3, INT64_MAX)),
        st.sampled_from(edges),
        st.integers(INT64_MIN, INT64_MAX),
    )


def python_floats(dtype: np.dtype) -> st.SearchStrategy[float]:
    """Any float (NaN, infinities, -0.0, huge), and for an integer dtype floats near its bounds,
    whose int() just fits or just misses (NumPy 2 stores int(v), range-checked: NaN raises
    ValueError, the infinities and out-of-range values OverflowError)."""
    specials = [math.nan, math.inf, -math.inf, -0.0, 0.5, -0.5, -0.9, 1e19, -1e19, 2.0**63,
                -(2.0**63), 2.0**64, 1e300, 3.4028235e38, 3.4028236e38, 1.0000000000000002]
    near = st.nothing()
    if dtype.kind in "iu":
        lo, hi = int_range(dtype)
        specials += [hi + 0.5, hi + 1.0, lo - 0.5, lo - 1.0, float(hi), float(lo)]
        near = st.one_of(
            st.floats(hi / 2, hi + 2.0),  # for uint64: [2**63, 2**64) fits, leaves int64
            st.floats(lo - 2.0, lo / 2 if lo < 0 else 2.0),
        )
    return st.one_of(st.floats(), st.sampled_from(specials), near)


# A NumPy integer stored into an integer array goes through a Python int: NumPy 2 raises
# OverflowError when it is out of range for a signed array (np.int64(2**31) into int32) and wraps
# it round, modulo 2**bits, into an unsigned one (np.int64(300) into uint8 is 44, np.int8(-1)
# into uint64 is 2**64 - 1). Which path a pair of types takes depends on the width of C long, so
# out-of-range integers are drawn only where C long is 64 bits (Linux, macOS; not Windows).
NUMPY_INTS_WRAP_AS_ON_LP64 = np.dtype("long").itemsize == 8

# Left out as the project decided (platform-dependent), though NumPy 2.4 on x86-64 Linux does
# define them, also through a Python int:
#   a NumPy float whose truncation does not fit an integer array: NaN raises ValueError, inf and
#     np.float64(1e19) into int64 OverflowError; negative floats into unsigned arrays wrap
#     (np.float64(-2.5) into uint8 is 254, np.float64(300.5) into uint8 is 44);
#   a NumPy complex into a real array: ComplexWarning, and the imaginary part is dropped.


@st.composite
def numpy_scalars(draw: st.DrawFn, target: np.dtype) -> np.generic:
    """A NumPy scalar to store into a `target` array: any value into a float, complex or bool
    array (a float64 too large for float32 becomes inf, as IEEE says); into an integer array, an
    integer or bool (in its range, or anywhere on LP64 platforms), or a float whose truncation
    is in its range (and not negative for an unsigned array); complex only into a complex
    array."""
    sources = [d for d in DTYPES if d.kind != "c" or target.kind == "c"]
    source = draw(st.sampled_from(sources))
    if target.kind not in "iu":
        return source.type(draw(hnp.from_dtype(source)))
    lo, hi = int_range(target)
    if source.kind == "f":
        low = lo - 1.0 if lo < 0 else 0.0
        fits = st.floats(low, hi + 1.0).map(source.type)
        return draw(fits.filter(lambda x: lo <= math.trunc(float(x)) <= hi))
    src_lo, src_hi = int_range(source)
    edges = [max(lo, src_lo), min(hi, src_hi)]
    values = st.integers(*edges)
    if NUMPY_INTS_WRAP_AS_ON_LP64:
        edges += [src_lo, src_hi, lo - 1, hi + 1]
        values = st.one_of(values, st.integers(src_lo, src_hi))
    edges = [v for v in edges if src_lo <= v <= src_hi]
    return source.type(draw(st.one_of(values, st.sampled_from(edges))))


@st.composite
def write_cases(draw: st.DrawFn, values: Callable[[np.dtype], st.SearchStrategy[Any]]) -> Any:
    """A writeable array, one index per dimension (or one too many: IndexError), a value."""
    layout = draw(layouts())
    shape = layout.make()[1].shape
    count = len(shape) + draw(st.sampled_from([0, 0, 0, 1])) if len(shape) < 3 else 3
    return layout, draw(index_tuples(shape, count)), draw(values(layout.data.dtype))


def check_write(layout: Layout, index: tuple[int, ...], value: Any) -> None:
    def build() -> Any:
        owner, view = layout.make()
        return (view, *index, value), (view, owner)

    run_both(f.PUTS[len(index)], build)


@SETTINGS
@given(case=write_cases(python_ints))
@example(case=(Layout(np.zeros(3, np.int8)), (0,), 128))  # NumPy 2: OverflowError
@example(case=(Layout(np.zeros(3, np.uint8)), (-1,), -1))
@example(case=(Layout(np.zeros(3, np.float32)), (0,), 2**53 + 1))  # rounds via float64
@example(case=(Layout(np.zeros(3, np.uint64)), (0,), 2**63))  # kiln: OverflowError (int64)
@example(case=(Layout(np.zeros(2, np.complex128)), (1,), 3))
@example(case=(Layout(np.zeros(0, np.int32)), (0,), 2**31))  # IndexError: index before value
def test_writing_python_ints(case):
    check_write(*case)


@SETTINGS
@given(case=write_cases(python_floats))
@example(case=(Layout(np.zeros(3, np.int64)), (0,), math.nan))  # ValueError
@example(case=(Layout(np.zeros(3, np.int64)), (0,), math.inf))  # OverflowError
@example(case=(Layout(np.zeros(3, np.uint8)), (0,), -0.5))  # int(-0.5) == 0 fits
@example(case=(Layout(np.zeros(3, np.uint8)), (0,), -1.0))  # OverflowError
@example(case=(Layout(np.zeros(3, np.uint64)), (0,), 1e19))  # NumPy stores 10**19
@example(case=(Layout(np.zeros(2, np.complex128)), (1,), 1.5))
@example(case=(Layout(np.zeros(0, np.int64)), (0,), math.nan))  # IndexError, not ValueError
def test_writing_python_floats(case):
    check_write(*case)


def bools_and_numpy_scalars(dtype: np.dtype) -> st.SearchStrategy[Any]:
    return st.one_of(st.booleans(), numpy_scalars(dtype))


@SETTINGS
@given(case=write_cases(bools_and_numpy_scalars))
@example(case=(Layout(np.zeros(3, np.uint8)), (0,), np.int64(255)))
@example(case=(Layout(np.zeros(3, np.int32)), (0,), np.int64(2**31)))  # OverflowError
@example(case=(Layout(np.zeros(3, np.uint8)), (0,), np.int64(-1)))  # 255
@example(case=(Layout(np.zeros(3, np.int64)), (0,), np.uint64(2**63 - 1)))
@example(case=(Layout(np.zeros(3, np.uint16)), (0,), np.float32(65535.9)))
@example(case=(Layout(np.zeros(3, np.float32)), (0,), np.float64(1e300)))  # inf
@example(case=(Layout(np.zeros(3, np.int16)), (2,), True))
@example(case=(Layout(np.zeros(2, np.complex128)), (1,), np.complex128(complex(1, -0.0))))
def test_writing_bools_and_numpy_scalars(case):
    check_write(*case)


# ---------------------------------------------------------------------------------------------
# Row views made in compiled code
# ---------------------------------------------------------------------------------------------


@st.composite
def row_fill_cases(draw: st.DrawFn) -> Any:
    layout = draw(layouts(dims=(2, 3)))
    (i,) = draw(index_tuples(layout.make()[1].shape, 1))
    value = draw(st.sampled_from([0, 1, -1, 7, 0.5, -2.5, math.nan, True, False]))
    return layout, i, value


@SETTINGS
@given(case=row_fill_cases())
@example(case=(Layout(np.zeros((3, 2), np.uint8), True, None, (1, 0)), -1, 7))
@example(case=(Layout(np.zeros((2, 2, 2), np.int8)), 1, math.nan))  # ValueError, no write
def test_writing_through_a_row_view_changes_the_array(case):
    layout, i, value = case

    def build() -> Any:
        owner, view = layout.make()
        return (view, i, value), (view, owner)

    fn = f.fill_row2 if layout.ndim == 2 else f.fill_row3
    run_both(fn, build)


# ---------------------------------------------------------------------------------------------
# Sums by index loops
# ---------------------------------------------------------------------------------------------

# Complex arrays are left out: `s = 0; s += a[i]` makes s an int and then a numpy.complex128,
# and kiln lets only int/float and the real NumPy scalars share a variable (a CompileError).


@SETTINGS
@given(layout=layouts(dtypes=REAL_DTYPES, readonly=True))
@example(layout=Layout(np.full((3, 3), 100, np.int8)))  # NumPy scalar adds wrap round
@example(layout=Layout(np.zeros((0, 4), np.float32)))  # the loop never runs: the int 0
@example(layout=Layout(np.array([True, True])))  # 0 + numpy.bool is a numpy.int64
@example(layout=Layout(np.array([[0.1], [0.2]], np.float32), broadcast=(2, 3)))
@example(layout=Layout(np.array([1e16, 1.0, -1e16, 1.0]), slices=(slice(None, None, -1),)))
def test_index_loop_sums_match_cpython_exactly(layout):
    def build() -> Any:
        owner, view = layout.make()
        return (view,), (view, owner)

    for fn in f.SUMS[layout.ndim]:
        run_both(fn, build)


# ---------------------------------------------------------------------------------------------
# Loops that test their bounds once (kiln/bounds.py: loop guards)
# ---------------------------------------------------------------------------------------------

GUARDED_DTYPES = tuple(np.dtype(name) for name in ("float64", "int64", "int32", "uint8"))


@st.composite
def guarded_loops(draw: st.DrawFn) -> tuple[Layout, int, int, int, int]:
    """An array of 1-2 dims, a loop range that may start or end out of bounds on either side
    (or be empty), one more index for the loop to hold fixed (its `k - 1` stays in int64,
    where kiln would raise OverflowError), and a step for a stepped loop (0 is ValueError)."""
    layout = draw(layouts(dims=(1, 2), dtypes=GUARDED_DTYPES))
    n = layout.make()[1].shape[-1]
    ends = st.integers(-n - 3, n + 3)
    return layout, draw(st.integers(-n - 3, n + 3)), draw(ends), draw(ends), \
        draw(st.integers(-3, 3))


@SETTINGS
@given(case=guarded_loops())
@example(case=(Layout(np.arange(6.0)), 1, 1, 5, 2))        # in bounds: the unchecked copy
@example(case=(Layout(np.arange(6.0)), 1, 1, 6, 1))        # the last trip reads a[6]
@example(case=(Layout(np.arange(6.0)), 1, 0, 5, 3))        # the first trip writes a[-1]
@example(case=(Layout(np.arange(6.0)), -7, 2, 4, 1))       # the fixed index is out of bounds
@example(case=(Layout(np.arange(6.0)), 7, 2, 4, 1))        # ... just past the end
@example(case=(Layout(np.arange(6.0)), 0, 5, 0, -2))       # stepping down, a[-1] last
@example(case=(Layout(np.arange(6.0)), 0, -1, -6, -1))     # negative indices stepping down
@example(case=(Layout(np.arange(6.0)), 0, 4, -1, -2))      # down to j = 0, which reads a[-1]
@example(case=(Layout(np.arange(6.0)), 0, -5, 2, 3))       # from a negative index up
@example(case=(Layout(np.arange(12).reshape(3, 4)), 1, 1, 3, 1))
@example(case=(Layout(np.arange(12).reshape(3, 4)), 0, 1, 3, 1))   # a[i - 1] is the last row
@example(case=(Layout(np.arange(12).reshape(3, 4)), 3, 1, 3, 1))   # a[i, j]: no row 3
@example(case=(Layout(np.zeros((4, 0))), 1, 0, 2, 1))      # rows of no elements
def test_loops_with_guarded_indices_raise_where_cpython_does(case):
    layout, k, start, stop, step = case

    def build_with(*extra: int) -> Build:
        def build() -> Any:
            owner, view = layout.make()
            return (view, *extra), (view, owner)
        return build

    if layout.ndim == 1:
        run_both(f.guarded_shift, build_with(start, stop))
        run_both(f.guarded_invariant, build_with(k, start, stop))
        run_both(f.guarded_steps, build_with(start, stop, step))
    else:
        run_both(f.guarded_rows, build_with(k, start, stop))
        run_both(f.guarded_row_views, build_with(start, stop))


UNCHECKED_STEPS = jit(f.guarded_steps, boundscheck=False)


@SETTINGS
@given(n=st.integers(1, 8), start=st.integers(-9, 9), stop=st.integers(-9, 9),
       step=st.integers(-3, 3).filter(bool))
@example(n=6, start=-5, stop=6, step=2)       # from a negative index up: the loop's own copy
@example(n=6, start=5, stop=-6, step=-1)      # stepping down through 0 to negative indices
def test_unchecked_stepped_loops_still_count_negative_indices_from_the_end(n, start, stop, step):
    """boundscheck=False: no IndexError, but an index in [-n, n) means what it means in
    CPython (kiln's guarded copy of the loop drops the wrap only when every index is >= 0)."""
    visited = list(range(start, stop, step))
    assume(all(-n <= j - 1 and j < n for j in visited) and -n <= start - 1 < n)

    def build() -> Any:
        a = np.arange(n, dtype=np.int64) * 3 + 1
        return (a, start, stop, step), (a,)
    run_both(f.guarded_steps, build, UNCHECKED_STEPS)


UNCHECKED_PRODUCTS = jit(f.jammed_products, boundscheck=False)


@SETTINGS
@given(layout=layouts(dims=(2, 2), dtypes=(np.dtype(np.float64), np.dtype(np.float32)),
                      readonly=True),
       counts=st.tuples(st.integers(-1, 7), st.integers(-1, 9), st.integers(-1, 7)),
       into=st.sampled_from(("new", "b", "b's owner")))
@example(layout=Layout(np.arange(24.0).reshape(4, 6)), counts=(3, 6, 4), into="new")
@example(layout=Layout(np.arange(24.0).reshape(4, 6)), counts=(3, 7, 4), into="new")
@example(layout=Layout(np.arange(24.0).reshape(4, 6)), counts=(3, 6, 5), into="new")
@example(layout=Layout(np.arange(24.0).reshape(4, 6)), counts=(3, 6, 4), into="b")
@example(layout=Layout(np.arange(36.0).reshape(6, 6), axes=(1, 0)), counts=(5, 6, 6),
         into="b's owner")         # trip j = i reads c[i, j'] that trip j' < j wrote
def test_jammed_loop_nests_match_cpython(layout, counts, into):
    """The jammed copy (four trips of the loop over j at once) runs only where its guard holds
    and c overlaps neither input: any layout of b, counts past either array's end, and c as b
    itself or as the array that owns b's memory. Unchecked too, where CPython raises nothing."""
    rows, cols, depth = counts
    assume(into != "b" or owner_is_writeable(layout))   # a read-only c: a compile error

    def build() -> Any:
        owner, b = layout.make()
        a = np.arange(5.0 * 7).reshape(5, 7) / 4
        c = {"new": np.zeros((4, 8)), "b": b, "b's owner": owner}[into]
        return (a, b, c, rows, cols, depth), (b, owner, c)

    want, _, _ = run_both(f.jammed_products, build)
    if not isinstance(want, Raised):
        run_both(f.jammed_products, build, UNCHECKED_PRODUCTS)


def owner_is_writeable(layout: Layout) -> bool:
    return layout.make()[1].flags.writeable


# ---------------------------------------------------------------------------------------------
# a.shape, a.size, a.ndim, len(a), a.T
# ---------------------------------------------------------------------------------------------


@SETTINGS
@given(layout=layouts(readonly=True))
@example(layout=Layout(np.zeros((0, 1, 3))))
@example(layout=Layout(np.array([[1, 2]], np.uint8), broadcast=(3, 0, 2)))
@example(layout=Layout(np.zeros((2, 3), np.int16), slices=(slice(None, None, -1), slice(1, 1))))
def test_attributes_and_transpose(layout):
    def build() -> Any:
        owner, view = layout.make()
        return (view,), (view, owner)

    run_both(f.attributes, build)
    want, got, args = run_both(f.transpose, build)
    assert_same_view(want, got, args[0])


# ---------------------------------------------------------------------------------------------
# Reductions along an axis, and sorting: NumPy's values to the bit
# ---------------------------------------------------------------------------------------------

# 0.0 and -0.0 compare equal, so which of them min and max keep, and which comes first in a
# sorted line, is an accident of NumPy's loops (its SIMD loops keep either). The float arrays
# drawn for those hold 0.0 only; sums, products and means see both. Complex arrays keep both
# everywhere: NumPy's complex min and max are scalar loops, and its complex sort is the
# introsort that kiln's follows step for step.


def without_negative_zero(layout: Layout) -> Layout:
    data = layout.data
    if data.dtype.kind == "f":
        data = np.where(data == 0, np.zeros_like(data), data)
    return dataclasses.replace(layout, data=data)


def builder(layout: Layout) -> Build:
    def build() -> Any:
        owner, view = layout.make()
        return (view,), (view, owner)

    return build


@st.composite
def axis_cases(draw: st.DrawFn) -> tuple[Layout, int]:
    """An array and one of the axes of FOLDS and EXTREMES that it has."""
    layout = draw(layouts(readonly=True))
    return layout, draw(st.sampled_from((0, -1, 1) if layout.ndim > 1 else (0, -1)))


@settings(SETTINGS, max_examples=50)       # every example compiles two functions
@given(case=axis_cases())
@example(case=(Layout(np.zeros((0, 3))), 0))  # an empty axis: min raises, sum gives zeros
@example(case=(Layout(np.zeros((3, 0), np.int8)), 0))  # an empty result, nothing raises
@example(case=(Layout(np.array([[1.0, np.nan], [np.nan, -np.inf]])), 1))
@example(case=(Layout(np.arange(24, dtype=np.uint8).reshape(2, 3, 4), True, None, (2, 0, 1)), 1))
@example(case=(Layout(np.array([[0.5], [0.25]], np.float32), broadcast=(3, 2, 4)), -1))
@example(case=(Layout((np.arange(12.0) / 7 + 1j * np.arange(12.0)[::-1] / 3).reshape(3, 4)), 0))
def test_reductions_along_an_axis_match_numpy_exactly(case):
    layout, axis = case
    run_both(f.FOLDS[axis], builder(layout))
    run_both(f.EXTREMES[axis], builder(without_negative_zero(layout)))


@settings(SETTINGS, max_examples=50)
@given(case=axis_cases())
@example(case=(Layout(np.zeros((0, 3))), 0))                 # no elements: NaN
@example(case=(Layout(np.arange(12.0).reshape(3, 4), fortran=True), 1))
@example(case=(Layout(np.arange(24, dtype=np.int16).reshape(2, 3, 4)), 1))
@example(case=(Layout(np.array([[1.0, np.nan], [np.inf, -np.inf]])), 0))
@example(case=(Layout((np.arange(12.0) / 7 + 1j * np.arange(12.0)[::-1] / 3).reshape(3, 4)), 0))
def test_spread_along_an_axis_matches_numpy_exactly(case):
    """var and std along an axis: the means along it, the squared deviations laid out as
    NumPy lays out `a - mean`, their sums along the axis, to the bit. Compiled code takes
    C arrays and 2-d Fortran ones (a compile error says so for the others)."""
    layout, axis = case
    kind = typeof(layout.make()[1])
    assume(kind.layout == "C" or kind.layout == "F" and kind.ndim == 2)
    run_both(f.SPREADS[axis], builder(layout))


@settings(SETTINGS, max_examples=50)
@given(layout=layouts(dtypes=REAL_DTYPES, readonly=True))
@example(layout=Layout(np.linspace(0.5, 2.0, 12).reshape(3, 4), fortran=True))
@example(layout=Layout(np.linspace(0.5, 2.0, 24).reshape(4, 6), fortran=True, slices=(
    slice(None, None, 2), slice(None))))                                # an F-like view
@example(layout=Layout(np.linspace(0.5, 2.0, 24).reshape(4, 6), slices=(
    slice(None), slice(None, None, 2)), axes=(1, 0)))                  # a transposed view
@example(layout=Layout(np.linspace(0.1, 7.3, 40).reshape(2, 4, 5) ** 3, axes=(0, 2, 1)))
def test_whole_array_reductions_match_numpy_exactly(layout):
    """A product, and a float sum or mean, round as NumPy's: it visits the elements in its
    iteration order, memory order for a Fortran array, the axes by stride for a view (3-d
    ones included). The variance sums the squared deviations from that mean the same way."""
    run_both(f.folds_whole, builder(layout))
    run_both(f.spread, builder(layout))


CAST_FLOATS = st.one_of(st.floats(width=32), st.floats(-3e9, 3e9), st.sampled_from(
    [-1.0, 256.0, 255.5, -0.5, 65536.0, 2.0**31, -2.0**31 - 1, 2.0**63, 2.0**64, -2.0**63]))


@settings(SETTINGS, max_examples=60)
@given(values=st.lists(CAST_FLOATS, min_size=1, max_size=9), dtype=st.sampled_from(
    [np.float64, np.float32]), strided=st.booleans())
@example(values=[256.0, -1.0, 300.7, np.nan, np.inf, -np.inf, 1e30], dtype=np.float64,
         strided=False)
def test_float_to_integer_casts_match_numpy(values, dtype, strided):
    """astype from floats to every integer dtype gives NumPy's values, also outside the
    target's range (C's conversion on this CPU: on x86-64, 256.0 into uint8 is 0, -1.0 is
    255). uint32 is checked on strided arrays only: outside its range NumPy's contiguous
    loop gives other values than its strided one (5e9: 0 against 705032704)."""
    data = np.array(values, dtype=np.float64).astype(dtype)
    if strided:
        layout = Layout(data.repeat(2), slices=(slice(None, None, 2),))
        run_both(f.to_uint32, builder(layout))
    else:
        layout = Layout(data)
    run_both(f.to_integers, builder(layout))


@settings(SETTINGS, max_examples=50)
@given(layout=layouts(readonly=True))
@example(layout=Layout(np.array([np.nan, 1.0, -np.inf, np.nan, 0.5])))
@example(layout=Layout(np.array([complex(1, np.nan), complex(np.nan, 1), -1j, complex(-0.0, 0)] * 5
                                + [0j, complex(0, -0.0), complex(np.nan, np.nan), 2 + 0j])))
@example(layout=Layout(np.arange(40, dtype=np.int16)[::-1].reshape(2, 20), slices=(
    slice(None), slice(None, None, -3))))
def test_sorting_matches_numpy(layout):
    layout = without_negative_zero(layout)
    run_both(f.sorted_copies, builder(layout))
    if layout.make()[1].flags.writeable:
        run_both(f.sort_in_place, builder(layout))


# ---------------------------------------------------------------------------------------------
# np.dot and @: exact for integers and bools, to rounding for floats and complex numbers
# ---------------------------------------------------------------------------------------------

# NumPy hands float products to BLAS, which adds in an order of its own (in blocks, with fused
# multiply-adds); kiln adds each result element's products in k order. Both are within the
# textbook bound of the exact sum, n * eps * sum(|a[i, k]| * |b[k, j]|) (n the inner dimension,
# eps the result dtype's; n + 2 for complex results, whose every product rounds twice more), so
# the test allows twice that between them. Float elements (and complex parts) stay within +-1e6
# so that no partial sum can overflow in one order and not in the other; NaN and infinity are
# left to the corpus (tests/cases/arrays_dot.py), whose values are exact.
PRODUCT_DTYPES = tuple(np.dtype(name) for name in (
    "float64", "float32", "int64", "int32", "int8", "uint8", "uint64", "bool", "complex128"))


def elements(dtype: np.dtype) -> st.SearchStrategy[Any] | None:
    if dtype.kind == "f":
        return st.floats(-1e6, 1e6, width=dtype.itemsize * 8)
    if dtype.kind == "c":
        parts = st.floats(-1e6, 1e6)
        return st.builds(complex, parts, parts)
    return None


@st.composite
def operands(draw: st.DrawFn, shape: tuple[int, ...], dtype: np.dtype) -> Layout:
    """An array of exactly `shape`: C or Fortran order, a transpose, or every other element
    of a larger array."""
    kind = draw(st.sampled_from(("C", "F", "transposed", "strided")))
    if kind == "transposed":
        data = draw(hnp.arrays(dtype, shape[::-1], elements=elements(dtype)))
        return Layout(data, axes=tuple(reversed(range(len(shape)))))
    if kind == "strided":
        data = draw(hnp.arrays(dtype, tuple(2 * n for n in shape), elements=elements(dtype)))
        return Layout(data, slices=(slice(None, None, 2),) * len(shape))
    return Layout(draw(hnp.arrays(dtype, shape, elements=elements(dtype))), kind == "F")


@st.composite
def product_cases(draw: st.DrawFn) -> tuple[Layout, Layout, Callable[..., Any]]:
    """Vectors and matrices whose inner dimensions agree (now and then they do not)."""
    m, n, p = (draw(st.integers(0, 6)) for _ in range(3))
    left = draw(st.sampled_from([(n,), (m, n)]))
    right = draw(st.sampled_from([(n,), (n, p)]))
    if draw(st.integers(0, 9)) == 0:
        right = (n + 1, *right[1:])
    dtypes = draw(st.sampled_from(PRODUCT_DTYPES)), draw(st.sampled_from(PRODUCT_DTYPES))
    return (draw(operands(left, dtypes[0])), draw(operands(right, dtypes[1])),
            draw(st.sampled_from([f.dot, f.matmul])))


@settings(SETTINGS, max_examples=60)
@given(case=product_cases())
@example(case=(Layout(np.array([1e6, 1.0, -1e6])), Layout(np.array([1.0, 1e-3, 1.0])), f.dot))
@example(case=(Layout(np.array([[100, 100]], np.int8)), Layout(np.array([2, 2], np.int8)),
               f.matmul))  # int8 wraps: -112
@example(case=(Layout(np.zeros((2, 0))), Layout(np.zeros((0, 3))), f.matmul))
def test_products_agree_with_numpy(case):
    left, right, fn = case
    a, b = left.make()[1], right.make()[1]
    with quiet():
        want = outcome(lambda: fn(a, b))
        got = outcome(lambda: JIT[fn](left.make()[1], right.make()[1]))
    call = f"{fn.__name__}({describe_argument(a)}, {describe_argument(b)})"
    if isinstance(want, Raised) or np.asarray(want).dtype.kind not in "fc":
        try:
            assert_same_result(want, got)
        except AssertionError as failure:
            raise AssertionError(f"{call}: {failure}") from None
        return
    assert type(got) is type(want), f"{call}: {describe(want)} but {describe(got)}"
    want, got = np.asarray(want), np.asarray(got)
    assert (got.dtype, got.shape) == (want.dtype, want.shape), f"{call}: {describe(got)}"
    eps = np.finfo(want.dtype).eps
    wide = np.complex128 if want.dtype.kind == "c" else np.float64   # a complex product
    terms = a.shape[-1] + 2 * (want.dtype.kind == "c")               # rounds twice more
    exact_bound = terms * eps * np.dot(np.abs(a.astype(wide)), np.abs(b.astype(wide)))
    gap = np.abs(got.astype(wide) - want.astype(wide))
    assert np.all(gap <= 2 * exact_bound), (
        f"{call}: NumPy {describe(want)}, kiln {describe(got)}, allowed {2 * exact_bound}")


# ---------------------------------------------------------------------------------------------
# Selecting with index arrays and masks
# ---------------------------------------------------------------------------------------------


@st.composite
def index_arrays(draw: st.DrawFn) -> tuple[Layout, np.ndarray]:
    """An array and an integer index array (any integer dtype, 0-2 dims) of indices into its
    first axis: in range, negative, or out of range."""
    layout = draw(layouts())
    n = layout.make()[1].shape[0]
    dtype = draw(st.sampled_from([np.int8, np.int32, np.int64, np.uint8, np.uint64]))
    low, high = int_range(np.dtype(dtype))
    values = st.integers(max(-n - 2, low), min(n + 1, high))
    idx = draw(hnp.arrays(dtype, hnp.array_shapes(min_dims=0, max_dims=2, min_side=0,
                                                   max_side=4), elements=values))
    return layout, idx


@settings(SETTINGS, max_examples=80)       # many examples compile new specializations
@given(case=index_arrays())
def test_index_arrays_read_and_write_like_numpy(case):
    layout, idx = case
    run_both(f.gather, lambda: ((layout.make()[1], idx), ()))
    value = layout.data.flat[0] if layout.data.size else 0

    def build() -> Any:
        owner, view = layout.make()
        return (view, idx, value), (view, owner)
    run_both(f.scatter, build)


@settings(SETTINGS, max_examples=80)
@given(layout=layouts(), data=st.data())
def test_masks_select_like_numpy(layout, data):
    view = layout.make()[1]
    axes = data.draw(st.integers(1, view.ndim))
    shape = view.shape[:axes]
    if data.draw(st.booleans()) and shape:
        shape = (shape[0] + data.draw(st.sampled_from([-1, 1])), *shape[1:])
    mask = data.draw(hnp.arrays(np.bool_, tuple(max(n, 0) for n in shape)))
    run_both(f.masked, lambda: ((layout.make()[1], mask), ()))



@settings(SETTINGS, max_examples=80)
@given(layout=layouts(readonly=True))
def test_nonzero_indices_like_numpy(layout):
    """np.nonzero (a.nonzero(), np.where(a)), np.flatnonzero and np.argwhere: the indices in
    C order whatever the layout (NaN is non-zero, -0.0 is not)."""
    run_both(f.nonzero_indices, lambda: ((layout.make()[1],), ()))


@settings(SETTINGS, max_examples=60)
@given(layout=layouts(readonly=True))
def test_rearrangements_like_numpy(layout):
    """Flips, new axes, swapped axes, rolls, repeats and tiles of arrays in every layout
    (read-only and broadcast views too), values and dtypes as NumPy's."""
    run_both(f.rearranged, lambda: ((layout.make()[1],), ()))


@settings(SETTINGS, max_examples=60)
@given(layout=layouts(dims=(2, 2), readonly=True))
def test_matrix_parts_like_numpy(layout):
    """Trace, diagonal and triangles of matrices in every layout."""
    run_both(f.matrix_parts, lambda: ((layout.make()[1],), ()))


if __name__ == "__main__":
    pytest.main([__file__, "-q"])
