"""NumPy arrays: attributes, bounds-checked indexing, element assignment, creation.

    a.shape, a.size, a.ndim, len(a), a.T
    a[i, j]          -> the element as a NumPy scalar (IndexError outside, negatives wrap)
    a[i]             -> on a 2-D array, a view of row i sharing a's memory
    a[i, j] = v      -> NumPy's casting (a Python int must fit; a float into ints truncates)
    np.zeros((n, m), dtype=np.float32), np.arange(a, b, s), np.full(n, v), np.empty_like(a)

An array is {meminfo, data, shape[], strides[]} (see codegen.array_struct); arrays created here
are reference counted (runtime/nrt.py) and marked `owned` so codegen keeps them in a slot.
"""
from __future__ import annotations

from llvmlite import ir as ll

from ..llvm_ir import counted_loop
from ..runtime import nrt
from ..types import (BOOL, FLOAT, INT, NONE, NUMPY, Array, DType, Scalar, Slice, Tuple, Type,
                     is_number, numpy_dtype, np)
from .npscalars import cast, emit_arithmetic, kind_of, numpy_result, sample
from .numbers import i64
from .registry import NO_CONST, Impl, TypeRuleError, rule

I1, I8, I32, I64 = ll.IntType(1), ll.IntType(8), ll.IntType(32), ll.IntType(64)
I8P = I8.as_pointer()


def element_type(t: Array) -> Scalar:
    return NUMPY[t.dtype]


def storage(t: Array) -> ll.Type:
    """How one element sits in memory (bools are bytes)."""
    from ..codegen import lltype
    return I8 if t.dtype == "bool" else lltype(element_type(t))


def itemsize(t: Array | str) -> int:
    return np.dtype(t.dtype if isinstance(t, Array) else t).itemsize


def shape_of(cg, value, t: Array) -> list[ll.Value]:
    return [cg.b.extract_value(value, [2, axis]) for axis in range(t.ndim)]


def strides_of(cg, value, t: Array) -> list[ll.Value]:
    """Byte strides; for contiguous layouts derived from the shape, so LLVM sees unit steps."""
    b = cg.b
    if t.layout == "A":
        return [b.extract_value(value, [3, axis]) for axis in range(t.ndim)]
    return contiguous_steps(cg, shape_of(cg, value, t), t, itemsize(t))


def byte_span(cg, value, t: Array) -> tuple[ll.Value, ll.Value]:
    """The addresses [lo, hi) that the array's elements lie in (negative strides included);
    for an empty array, a span that may reach outside it."""
    b = cg.b
    lo = hi = b.ptrtoint(b.extract_value(value, 1), I64)
    for size, stride in zip(shape_of(cg, value, t), strides_of(cg, value, t)):
        reach = b.mul(b.sub(size, i64(1)), stride)
        below = b.icmp_signed("<", reach, i64(0))
        lo = b.add(lo, b.select(below, reach, i64(0)))
        hi = b.add(hi, b.select(below, i64(0), reach))
    return lo, b.add(hi, i64(itemsize(t)))


def contiguous_steps(cg, shape: list[ll.Value], t: Array, unit: int) -> list[ll.Value]:
    """The step along each axis of a C or F contiguous array, in multiples of `unit`."""
    order = range(t.ndim - 1, -1, -1) if t.layout == "C" else range(t.ndim)
    steps: list[ll.Value] = [None] * t.ndim
    step: ll.Value = i64(unit)
    for axis in order:
        steps[axis] = step
        step = cg.b.mul(step, shape[axis])
    return steps


def is_c_contiguous(cg, value, t: Array) -> ll.Value:
    """NumPy's C_CONTIGUOUS flag, at run time: each axis longer than 1 steps as a C array of
    that shape would (axes of length 1 step anyhow); an empty array is contiguous."""
    b = cg.b
    shape, strides = shape_of(cg, value, t), strides_of(cg, value, t)
    expected = contiguous_steps(cg, shape, Array(t.dtype, t.ndim, "C"), itemsize(t))
    ok, empty = ll.Constant(ll.IntType(1), 1), ll.Constant(ll.IntType(1), 0)
    for dim, stride, step in zip(shape, strides, expected):
        long_axis = b.icmp_signed(">", dim, i64(1))
        ok = b.and_(ok, b.or_(b.not_(long_axis), b.icmp_signed("==", stride, step)))
        empty = b.or_(empty, b.icmp_signed("==", dim, i64(0)))
    return b.or_(ok, empty)


def make_array(cg, t: Array, meminfo, data, shape, strides) -> ll.Value:
    from ..codegen import lltype
    b = cg.b
    value = ll.Constant(lltype(t), ll.Undefined)
    value = b.insert_value(value, meminfo, 0)
    value = b.insert_value(value, data, 1)
    for axis in range(t.ndim):
        value = b.insert_value(value, shape[axis], [2, axis])
        value = b.insert_value(value, strides[axis], [3, axis])
    return value


# ---- attributes --------------------------------------------------------------------------
def attribute(name: str, result, emit):
    def match(types, consts):
        if len(types) == 1 and isinstance(types[0], Array):
            return Impl(result(types[0]), emit, types)
        return None
    rule(f"attr.{name}")(match)


attribute("shape", lambda t: Tuple((INT,) * t.ndim),
          lambda cg, a, ts, r: pack(cg, r, shape_of(cg, a[0], ts[0])))
attribute("strides", lambda t: Tuple((INT,) * t.ndim),
          lambda cg, a, ts, r: pack(cg, r, strides_of(cg, a[0], ts[0])))
attribute("ndim", lambda t: INT, lambda cg, a, ts, r: i64(ts[0].ndim))
attribute("itemsize", lambda t: INT, lambda cg, a, ts, r: i64(itemsize(ts[0])))
attribute("dtype", lambda t: DType(t.dtype), lambda cg, a, ts, r: ll.Constant(I8, 0))


def dtype_comparison(symbol: str):
    """a.dtype == np.float64, a.dtype != b.dtype: known at compile time, as the dtypes are."""
    def match(types, consts):
        if len(types) != 2 or not all(isinstance(t, DType) for t in types):
            return None
        equal = np.dtype(types[0].dtype) == np.dtype(types[1].dtype)
        answer = equal if symbol == "==" else not equal
        return Impl(BOOL, lambda cg, a, ts, r: ll.Constant(I1, int(answer)), types)
    return match


for _symbol in ("==", "!="):
    rule(_symbol)(dtype_comparison(_symbol))
attribute("size", lambda t: INT, lambda cg, a, ts, r: product(cg, shape_of(cg, a[0], ts[0])))
def transposed(t: Array) -> Array:
    """The type of a.T: a C array becomes an F one and the other way round."""
    return Array(t.dtype, t.ndim, {"C": "F", "F": "C"}.get(t.layout, "A"), t.readonly)


attribute("T", transposed, lambda cg, a, ts, r: transpose(cg, a[0], ts[0], r))


@rule("method.transpose", "np.transpose", callable_=True)
def transpose_rule(types, consts):
    """a.transpose() and np.transpose(a): a.T (a permutation of the axes is not supported)."""
    if not types or not isinstance(types[0], Array):
        return None
    if len(types) > 1:
        raise TypeRuleError("transpose with an order of axes is not supported",
                            "a.T, a.transpose() or np.transpose(a): the axes reversed")
    return Impl(transposed(types[0]), lambda cg, a, ts, r: transpose(cg, a[0], ts[0], r),
                types)


def complex_part(index: int):
    """a.real / a.imag of a complex array: a float64 view of one part of each element, which
    writes through (`a.imag[:] = 0`); a.real of a real array is the array itself."""
    def match(types, consts):
        if len(types) != 1 or not isinstance(types[0], Array):
            return None
        (t,) = types
        if t.dtype != "complex128":
            if index == 1:
                raise TypeRuleError(".imag of a real array (NumPy's zeros) is not supported",
                                    "np.zeros_like(a)")
            return Impl(t, lambda cg, a, ts, r: a[0], types)
        result = Array("float64", t.ndim, "A", t.readonly)

        def emit(cg, args, ts, r):
            b = cg.b
            data = b.gep(b.extract_value(args[0], 1), [i64(8 * index)])
            return make_array(cg, r, b.extract_value(args[0], 0), data,
                              shape_of(cg, args[0], t), strides_of(cg, args[0], t))
        return Impl(result, emit, types)
    return match


for _index, _part in enumerate(("real", "imag")):
    rule(f"attr.{_part}")(complex_part(_index))
    rule(f"np.{_part}", callable_=True)(complex_part(_index))


def pack(cg, t: Tuple, values: list[ll.Value]) -> ll.Value:
    from ..codegen import lltype
    out = ll.Constant(lltype(t), ll.Undefined)
    for i, v in enumerate(values):
        out = cg.b.insert_value(out, v, i)
    return out


def product(cg, values: list[ll.Value]) -> ll.Value:
    total: ll.Value = i64(1)
    for v in values:
        total = cg.b.mul(total, v)
    return total


def transpose(cg, value, t: Array, result: Array) -> ll.Value:
    shape, strides = shape_of(cg, value, t), strides_of(cg, value, t)
    return make_array(cg, result, cg.b.extract_value(value, 0), cg.b.extract_value(value, 1),
                      shape[::-1], strides[::-1])


@rule("len", callable_=True)
def array_len(types, consts):
    if len(types) == 1 and isinstance(types[0], Array):
        if types[0].ndim == 0:
            raise TypeRuleError("len() of a 0-d array")
        return Impl(INT, lambda cg, a, ts, r: cg.b.extract_value(a[0], [2, 0]), types)
    return None


# ---- indexing ----------------------------------------------------------------------------
def require_writeable(array: Array) -> None:
    """A compile error for writing into a read-only array, as NumPy's ValueError says it."""
    if array.readonly:
        raise TypeRuleError("assignment destination is read-only",
                            "pass a writeable array (a.copy())")


def index_type_ok(t: Type) -> bool:
    return t == INT or kind_of_safe(t) in ("i", "u")


def kind_of_safe(t: Type) -> str:
    return kind_of(t) if isinstance(t, Scalar) and is_number(t) else ""


def as_index(cg, value, t: Type) -> ll.Value:
    """An index as int64; a uint64 beyond int64 is NumPy's OverflowError."""
    if t == INT:
        return value
    if t == NUMPY["uint64"]:
        cg.fail_if(cg.b.icmp_signed("<", value, i64(0)), "OverflowError",
                   "Python int too large to convert to C long")
    return cast(cg, value, t, NUMPY["int64"], weak_check=False)


def checked_index(cg, index, size, axis: int) -> ll.Value:
    """Python-style index: negatives count from the end; IndexError outside [0, size).
    Inside a loop whose guard covers this index (bounds.py), the guard being true means the
    index is in [0, size) on every trip: no wrap, no check."""
    b = cg.b
    wrapped = b.select(b.icmp_signed("<", index, i64(0)), b.add(index, size), index)
    guard = cg.guarded_axes.get(axis)
    if cg.options.get("boundscheck", True):
        outside = b.icmp_unsigned(">=", wrapped, size)      # negatives are huge unsigned
        if guard is not None:
            outside = b.and_(b.not_(guard), outside)
        cg.fail_if(outside, "IndexError", f"index out of bounds for axis {axis}")
    return wrapped if guard is None else b.select(guard, index, wrapped)


def element_pointer(cg, value, t: Array, indices: list[ll.Value]) -> ll.Value:
    """The address of one element. A contiguous array is indexed in elements rather than
    bytes: LLVM then folds the innermost index into the load's addressing, and a loop body is
    an instruction smaller, enough for the unroller to pick 8 copies of matmul's inner loop
    instead of 4 (kiln bench matmul, boundscheck=False: 0.93 -> 1.00 of Numba)."""
    b = cg.b
    shape = shape_of(cg, value, t)
    contiguous = t.layout != "A"
    steps = contiguous_steps(cg, shape, t, 1) if contiguous else strides_of(cg, value, t)
    offset: ll.Value = i64(0)
    for axis, index in enumerate(indices):
        position = checked_index(cg, index, shape[axis], axis)
        offset = b.add(offset, b.mul(position, steps[axis]))
    data = b.extract_value(value, 1)
    if contiguous:
        return b.gep(b.bitcast(data, storage(t).as_pointer()), [offset])
    return b.bitcast(b.gep(data, [offset]), storage(t).as_pointer())


def element_of(cg, value, t: Array, indices: list[ll.Value]) -> ll.Value:
    """a[indices] for indices the caller knows are in bounds (no check, no wrap)."""
    b = cg.b
    offset: ll.Value = i64(0)
    for index, stride in zip(indices, strides_of(cg, value, t)):
        offset = b.add(offset, b.mul(index, stride))
    pointer = b.gep(b.extract_value(value, 1), [offset])
    return load_element(cg, b.bitcast(pointer, storage(t).as_pointer()), t)


def load_element(cg, pointer, t: Array) -> ll.Value:
    raw = cg.b.load(pointer)
    return cg.b.icmp_unsigned("!=", raw, ll.Constant(I8, 0)) if t.dtype == "bool" else raw


def store_element(cg, pointer, t: Array, value) -> None:
    cg.b.store(cg.b.zext(value, I8) if t.dtype == "bool" else value, pointer)


@rule("slice")
def slice_rule(types, consts):
    """start:stop:step with int (or NumPy int) or None parts."""
    if all(t == NONE or index_type_ok(t) or t == BOOL for t in types):
        parts = tuple(NONE if t == NONE else INT for t in types)
        return Impl(Slice(parts), emit_slice, types)
    raise TypeRuleError(f"slice bounds must be ints or None, got {', '.join(map(str, types))}")


def emit_slice(cg, args, types, result):
    from ..codegen import lltype
    value = ll.Constant(lltype(result), ll.Undefined)
    for i, (v, t) in enumerate(zip(args, types)):
        part = ll.Constant(I8, 0) if t == NONE else as_index(cg, v, t) if t != BOOL else \
            cg.b.zext(v, I64)
        value = cg.b.insert_value(value, part, i)
    return value


@rule("getitem")
def array_getitem(types, consts):
    if not types or not isinstance(types[0], Array):
        return None
    array, indices = types[0], types[1:]
    if any(isinstance(t, Array) for t in indices):
        return None                                  # a mask or index array: selection.py
    if len([t for t in indices if t != NONE]) > array.ndim:
        return too_many_indices(array, element_type(array))
    bad = [t for t in indices if not (index_type_ok(t) or isinstance(t, Slice) or t == NONE)]
    if bad:
        raise TypeRuleError(f"arrays are indexed with integers, slices and None here, not "
                            f"{bad[0]}", "a[i, j], a[1:n], a[:, j], a[None, :], a[mask], "
                            "a[index_array]")
    if len(indices) == array.ndim and all(index_type_ok(t) for t in indices):
        return Impl(element_type(array), emit_getitem, types)
    return Impl(view_type(array, indices), emit_view, types)


def view_type(array: Array, indices: tuple[Type, ...]) -> Array:
    """What a[i, 1:n, None] is: integers drop an axis, slices keep it, None (np.newaxis)
    adds one of length 1. A C array stays C when leading integers are followed by at most one
    unit-step slice (and no None)."""
    added = sum(1 for t in indices if t == NONE)
    kept = array.ndim - sum(1 for t in indices if index_type_ok(t)) + added
    if added:
        return Array(array.dtype, kept, "A", array.readonly)
    slices = [t for t in indices if isinstance(t, Slice)]
    leading_ints = all(not isinstance(t, Slice) for t in indices[:len(indices) - len(slices)])
    unit_step = len(slices) <= 1 and all(s.parts[2] == NONE for s in slices)
    contiguous = array.layout == "C" and leading_ints and unit_step and \
        (not slices or isinstance(indices[-1], Slice))
    return Array(array.dtype, kept, "C" if contiguous else "A", array.readonly)


def emit_view(cg, args, types, result):
    """a[i, 1:n:2, None]: a view sharing a's memory; ints pick, slices narrow and step, None
    adds an axis of length 1."""
    array, b = types[0], cg.b
    shape, strides = shape_of(cg, args[0], array), strides_of(cg, args[0], array)
    offset: ll.Value = i64(0)
    new_shape, new_strides = [], []
    axis = 0                                            # the next axis of the array
    for value, t in zip(args[1:], types[1:]):
        if t == NONE:                                   # np.newaxis: a new axis of length 1
            new_shape.append(i64(1))
            new_strides.append(i64(0))
        elif isinstance(t, Slice):
            start, length, step = slice_indices(cg, value, t, shape[axis])
            offset = b.add(offset, b.mul(start, strides[axis]))
            new_shape.append(length)
            new_strides.append(b.mul(strides[axis], step))
            axis += 1
        else:
            position = checked_index(cg, as_index(cg, value, t), shape[axis], axis)
            offset = b.add(offset, b.mul(position, strides[axis]))
            axis += 1
    new_shape += shape[axis:]                           # missing trailing indices: whole axes
    new_strides += strides[axis:]
    data = b.gep(b.extract_value(args[0], 1), [offset])
    return make_array(cg, result, b.extract_value(args[0], 0), data, new_shape, new_strides)


def slice_indices(cg, value, t: Slice, length) -> tuple[ll.Value, ll.Value, ll.Value]:
    """(start, slice length, step) exactly as CPython's PySlice_Unpack + AdjustIndices."""
    b = cg.b
    big, small = i64(2**63 - 1), i64(-2**63)
    has = [part != NONE for part in t.parts]
    step = b.extract_value(value, 2) if has[2] else i64(1)
    if has[2]:
        cg.fail_if(b.icmp_signed("==", step, i64(0)), "ValueError", "slice step cannot be zero")
    backwards = b.icmp_signed("<", step, i64(0))
    start = b.extract_value(value, 0) if has[0] else b.select(backwards, big, i64(0))
    stop = b.extract_value(value, 1) if has[1] else b.select(backwards, small, big)

    def adjust(index):
        negative = b.icmp_signed("<", index, i64(0))
        shifted = b.add(index, length)
        low = b.select(backwards, i64(-1), i64(0))
        from_end = b.select(b.icmp_signed("<", shifted, i64(0)), low, shifted)
        high = b.select(backwards, b.sub(length, i64(1)), length)
        clipped = b.select(b.icmp_signed(">=", index, length), high, index)
        return b.select(negative, from_end, clipped)
    start, stop = adjust(start), adjust(stop)
    forward_count = b.add(b.sdiv(b.sub(b.sub(stop, start), i64(1)), step), i64(1))
    backward_count = b.add(b.sdiv(b.sub(b.sub(start, stop), i64(1)), b.neg(step)), i64(1))
    count = b.select(backwards,
                     b.select(b.icmp_signed("<", stop, start), backward_count, i64(0)),
                     b.select(b.icmp_signed("<", start, stop), forward_count, i64(0)))
    return start, count, step


def too_many_indices(array: Array, result: Type) -> Impl:
    """NumPy raises IndexError when the line runs, so kiln does too (not at compile time)."""
    message = f"too many indices for array: array is {array.ndim}-dimensional"

    def emit(cg, args, types, r):
        cg.fail_if(ll.Constant(I1, 1), "IndexError", message)
        return ll.Constant(cg_lltype(r), ll.Undefined)
    return Impl(result, emit, ())


def cg_lltype(t: Type) -> ll.Type:
    from ..codegen import lltype
    return lltype(t)


def emit_getitem(cg, args, types, result):
    indices = [as_index(cg, v, t) for v, t in zip(args[1:], types[1:])]
    return load_element(cg, element_pointer(cg, args[0], types[0], indices), types[0])


@rule("setitem")
def array_setitem(types, consts):
    if not types or not isinstance(types[0], Array):
        return None
    array, indices, value = types[0], types[1:-1], types[-1]
    if any(isinstance(t, Array) for t in indices):
        return None                                  # a mask or index array: selection.py
    require_writeable(array)
    if not all(index_type_ok(t) or isinstance(t, Slice) for t in indices):
        raise TypeRuleError("assignment indices must be integers or slices", "a[i, j] = v")
    if len(indices) > array.ndim:
        return too_many_indices(array, NONE)
    scalar = isinstance(value, Scalar) and is_number(value)
    if len(indices) == array.ndim and not any(isinstance(t, Slice) for t in indices):
        if not scalar:
            raise TypeRuleError(f"cannot store a {value} into an element of an array of "
                                f"{array.dtype}")
        return Impl(NONE, emit_setitem, types)
    view = view_type(array, indices)              # a[1:n] = v, a[:, j] = v, a[i] = row
    if not scalar and not (isinstance(value, Array) and value.ndim <= view.ndim):
        raise TypeRuleError(f"cannot assign a {value} to a {view.ndim}-d part of an array",
                            "a number, or an array of the same shape (or broadcastable)")
    return Impl(NONE, lambda cg, a, ts, r: emit_assign_view(cg, a, ts, view), types)


def emit_setitem(cg, args, types, result):
    array, value_type = types[0], types[-1]
    indices = [as_index(cg, v, t) for v, t in zip(args[1:-1], types[1:-1])]
    pointer = element_pointer(cg, args[0], array, indices)     # IndexError before the value
    store_element(cg, pointer, array, to_element(cg, args[-1], value_type, array))
    return ll.Constant(I8, 0)


def emit_assign_view(cg, args, types, view: Array):
    """a[...] = v over a view: a number fills it; an array is copied with broadcasting
    (through a temporary when the two may overlap, as NumPy does)."""
    target = emit_view(cg, args[:-1], types[:-1], view)
    value, value_type = args[-1], types[-1]
    if isinstance(value_type, Array):
        copy_broadcast(cg, target, view, value, value_type)
    else:
        element = to_element(cg, value, value_type, view)
        for_each(cg, target, view, lambda pointer, _: store_element(cg, pointer, view, element))
    return ll.Constant(I8, 0)


def copy_broadcast(cg, target, target_t: Array, source, source_t: Array,
                   fresh: bool = False) -> None:
    """target[...] = source, NumPy broadcasting (trailing axes align; size-1 axes repeat);
    ValueError when the shapes do not fit. The source is first copied to fresh memory so an
    overlapping source (a[1:] = a[:-1]) reads its old values, unless it is `fresh` (made
    just now, so it cannot overlap)."""
    b = cg.b
    target_shape = shape_of(cg, target, target_t)
    source_shape = shape_of(cg, source, source_t)
    offset = target_t.ndim - source_t.ndim
    bad = ll.Constant(I1, 0)
    for axis, size in enumerate(source_shape):
        want = target_shape[axis + offset]
        bad = b.or_(bad, b.and_(b.icmp_signed("!=", size, want),
                                b.icmp_signed("!=", size, i64(1))))
    cg.fail_if(bad, "ValueError", "could not broadcast input array into the assigned shape")
    snapshot_t = source_t if fresh else Array(source_t.dtype, source_t.ndim, "C")
    snapshot = source if fresh else emit_copy(cg, [source], (source_t,), snapshot_t)
    source_strides = strides_of(cg, snapshot, snapshot_t)
    data = b.extract_value(snapshot, 1)
    element_t = element_type(snapshot_t)

    def store(pointer, indices):
        position: ll.Value = i64(0)
        for axis, size in enumerate(source_shape):
            index = indices[axis + offset]
            index = b.select(b.icmp_signed("==", size, i64(1)), i64(0), index)
            position = b.add(position, b.mul(index, source_strides[axis]))
        item = load_element(cg, b.bitcast(b.gep(data, [position]),
                                          storage(snapshot_t).as_pointer()), snapshot_t)
        store_element(cg, pointer, target_t, cast(cg, item, element_t, element_type(target_t),
                                                  weak_check=False))
    for_each(cg, target, target_t, store)
    if not fresh:
        nrt.decref(b, b.extract_value(snapshot, 0))


def to_element(cg, value, source: Type, array: Array) -> ll.Value:
    """NumPy's conversion of an assigned value: a Python float into an integer array goes
    through int() (NaN and inf raise), a Python int must fit the element type."""
    from .mathlib import float_to_int, is_finite, is_nan
    target = element_type(array)
    b = cg.b
    if source == FLOAT and array.dtype == "uint64":       # int(v) may exceed int64 here
        cg.fail_if(is_nan(cg, value), "ValueError", "cannot convert float NaN to integer")
        cg.fail_if(b.not_(is_finite(cg, value)), "OverflowError",
                   "cannot convert float infinity to integer")
        outside = b.or_(b.fcmp_ordered("<=", value, ll.Constant(ll.DoubleType(), -1.0)),
                        b.fcmp_ordered(">=", value, ll.Constant(ll.DoubleType(), 2.0**64)))
        cg.fail_if(outside, "OverflowError", "Python integer out of bounds for uint64")
        return cast(cg, value, source, target, weak_check=False)
    if source == FLOAT and kind_of(target) in "iu":
        value, source = float_to_int(cg, value), INT
    elif kind_of(source) == "f" and kind_of(target) == "i":     # NumPy floats go through int()
        value = float_to_int(cg, cast(cg, value, source, FLOAT, weak_check=False))
        source = NUMPY["int64"]                                # ... then act as a NumPy int
    # (into an unsigned array NumPy casts them as C does: cast() below, -3.0 -> 253)
    if kind_of(source) in "iu" and source != INT and kind_of(target) == "i":
        check_integer_fits(cg, value, source, array.dtype)   # NumPy 2 raises for these
    return cast(cg, value, source, target, weak_check=source == INT)


def check_integer_fits(cg, value, source: Type, dtype: str) -> None:
    """A NumPy integer stored into a signed array must fit, exactly as a Python int would."""
    b = cg.b
    info = np.iinfo(dtype)
    wide = ll.IntType(128)
    extended = b.sext(value, wide) if kind_of(source) == "i" else b.zext(value, wide)
    outside = b.or_(b.icmp_signed("<", extended, ll.Constant(wide, int(info.min))),
                    b.icmp_signed(">", extended, ll.Constant(wide, int(info.max))))
    cg.fail_if(outside, "OverflowError", f"Python integer out of bounds for {dtype}")


def constant_axis(name: str, array: Array, types: tuple[Type, ...], consts: tuple,
                  example: str = "") -> int | None:
    """The axis argument of a.name(axis) counted from 0, or None when it is None (or absent).
    Only a compile-time constant int will do: it decides the result's type (`example` shows a
    call with one, a.name(axis=0) if not given)."""
    if not types or types[0] == NONE:
        return None
    axis = consts[0]
    if type(axis) is not int:
        what = "a tuple of axes" if isinstance(types[0], Tuple) else \
            "an axis computed at run time" if axis is NO_CONST else f"axis={axis!r}"
        raise TypeRuleError(f"{name}(axis=...) takes one constant int axis, not {what}",
                            f"{example or f'a.{name}(axis=0), np.{name}(a, axis=-1)'}: a "
                            "literal or a module-level int constant")
    if not -array.ndim <= axis < array.ndim:
        raise TypeRuleError(f"axis {axis} is out of bounds for array of dimension {array.ndim}")
    return axis % array.ndim


# ---- creation ----------------------------------------------------------------------------
def shape_args(t: Type) -> int | None:
    """The number of dimensions a shape argument gives (an int or a tuple of ints)."""
    if index_type_ok(t):
        return 1
    if isinstance(t, Tuple) and all(index_type_ok(i) for i in t.items):
        return len(t.items)
    return None


def shape_values(cg, value, t: Type) -> list[ll.Value]:
    if isinstance(t, Tuple):
        return [as_index(cg, cg.b.extract_value(value, i), item) for i, item in
                enumerate(t.items)]
    return [as_index(cg, value, t)]


def chosen_dtype(t: Type, default: str) -> str:
    if isinstance(t, DType):
        return t.dtype
    if t == NONE:
        return default
    raise TypeRuleError(f"dtype must be a NumPy type such as np.float64, not {t}")


def allocate(cg, result: Array, shape: list[ll.Value], zeroed: bool = False) -> ll.Value:
    """A new C-contiguous array (refcount 1), all zero bits if `zeroed`; ValueError for
    negative sizes."""
    b = cg.b
    negative = ll.Constant(I1, 0)
    for size in shape:
        negative = b.or_(negative, b.icmp_signed("<", size, i64(0)))
    cg.fail_if(negative, "ValueError", "negative dimensions are not allowed")
    count = product(cg, shape)
    pair = cg.intrinsic("llvm.umul.with.overflow.i64", ll.LiteralStructType([I64, I1]),
                        [count, i64(itemsize(result))])
    cg.fail_if(b.extract_value(pair, 1), "ValueError", "array is too big")
    meminfo, data = nrt.allocate(b, b.extract_value(pair, 0), zeroed)
    cg.fail_if(nrt.allocation_failed(b, meminfo), "MemoryError", None)
    strides: list[ll.Value] = [None] * result.ndim
    step: ll.Value = i64(itemsize(result))
    for axis in range(result.ndim - 1, -1, -1):
        strides[axis] = step
        step = b.mul(step, shape[axis])
    return make_array(cg, result, meminfo, data, shape, strides)


def fill(cg, array_value, t: Array, value_of_index) -> None:
    """data[k] = value_of_index(k) for every element of a new C-contiguous array."""
    b = cg.b
    count = product(cg, shape_of(cg, array_value, t))
    data = b.bitcast(b.extract_value(array_value, 1), storage(t).as_pointer())
    entry = b.block
    loop = b.append_basic_block("fill.loop")
    done = b.append_basic_block("fill.done")
    b.cbranch(b.icmp_signed(">", count, i64(0)), loop, done)
    b.position_at_end(loop)
    k = b.phi(I64)
    k.add_incoming(i64(0), entry)
    store_element(cg, b.gep(data, [k]), t, value_of_index(k))
    following = b.add(k, i64(1))
    k.add_incoming(following, b.block)
    b.cbranch(b.icmp_signed("<", following, count), loop, done)
    b.position_at_end(done)


def creation(name: str, params: tuple[str, ...], fill_value):
    """np.empty / np.zeros / np.ones (shape, dtype=float64)."""
    def match(types, consts):
        ndim = shape_args(types[0]) if types else None
        if ndim is None or len(types) > 2:
            return None
        dtype = chosen_dtype(types[1] if len(types) > 1 else NONE, "float64")
        result = Array(dtype, ndim, "C")

        def emit(cg, args, ts, r):
            return new_filled(cg, r, shape_values(cg, args[0], ts[0]), fill_value)
        return Impl(result, emit, types, owned=True)
    rule(f"np.{name}", callable_=True, params=params)(match)


def new_filled(cg, result: Array, shape: list[ll.Value], fill_value) -> ll.Value:
    """A new array of `shape`, every element `fill_value` (left as allocated if None). Zero is
    all zero bits in every dtype, so zeros come from the allocator with no pass over them."""
    array = allocate(cg, result, shape, zeroed=fill_value == 0)
    if fill_value not in (None, 0):
        constant = cg.const(element_type(result), fill_value)
        fill(cg, array, result, lambda k: constant)
    return array


creation("empty", ("shape", "dtype"), None)
creation("zeros", ("shape", "dtype"), 0)
creation("ones", ("shape", "dtype"), 1)


@rule("np.array", callable_=True, params=("object", "dtype"))
def array_rule(types, consts):
    """np.array(numbers, dtype=None): a new C-contiguous array from a tuple (or a list display,
    which the front end passes as one) of numbers, nested for more dimensions
    (`np.array([[1, 2], [3, 4]])`). Its dtype is the one NumPy gives such values (asked of
    NumPy: Python ints are int64 there, floats float64, NumPy scalars keep theirs, mixed ones
    promote), and each element is stored as an assignment `a[i] = x` would store it.
    np.array(a, dtype=a.dtype) of an array is a copy (C-ordered, as a.copy() makes it) cast
    as a.astype(dtype) casts."""
    if not types:
        return None
    if isinstance(types[0], Array):         # a copy, cast as astype casts
        dtype = chosen_dtype(types[1] if len(types) > 1 else NONE, types[0].dtype)
        return Impl(Array(dtype, types[0].ndim, "C"), emit_astype, types[:1], owned=True)
    shape, leaves = nested_shape(types[0])
    default = np.array([sample(t) for t in leaves]).dtype.name if leaves else "float64"
    dtype = chosen_dtype(types[1] if len(types) > 1 else NONE, default)
    result = Array(dtype, len(shape), "C")

    def emit(cg, args, ts, r):
        array = allocate(cg, r, [i64(n) for n in shape])
        data = cg.b.bitcast(cg.b.extract_value(array, 1), storage(r).as_pointer())
        for k, (value, t) in enumerate(flattened(cg, args[0], ts[0])):
            store_element(cg, cg.b.gep(data, [i64(k)]), r, to_element(cg, value, t, r))
        return array
    return Impl(result, emit, types, owned=True)


def nested_shape(t: Type) -> tuple[tuple[int, ...], list[Scalar]]:
    """The shape of nested tuples of numbers, and their numbers in C order; a compile error
    where NumPy would find the shape inhomogeneous."""
    if isinstance(t, Scalar) and is_number(t):
        return (), [t]
    if not isinstance(t, Tuple):
        raise TypeRuleError(f"np.array() takes numbers or tuples (or lists) of them here, "
                            f"not {t}", "np.array([x, y, z]), np.array([[1, 2], [3, 4]])")
    parts = [nested_shape(item) for item in t.items]
    if any(shape != parts[0][0] for shape, _ in parts):
        raise TypeRuleError("setting an array element with a sequence: the nested sequences "
                            "have an inhomogeneous shape", "rows of one length")
    inner = parts[0][0] if parts else ()
    return (len(parts), *inner), [leaf for _, leaves in parts for leaf in leaves]


def flattened(cg, value, t: Type) -> list[tuple[ll.Value, Scalar]]:
    """The numbers of nested tuples, in C order, with their types."""
    if not isinstance(t, Tuple):
        return [(value, t)]
    return [leaf for k, item in enumerate(t.items)
            for leaf in flattened(cg, cg.b.extract_value(value, k), item)]


@rule("np.eye", callable_=True, params=("N", "M", "k", "dtype"))
def eye_rule(types, consts):
    """np.eye(N, M=N, k=0, dtype=float64): zeros with ones on the k-th diagonal."""
    if not types or not index_type_ok(types[0]) or \
            not all(t == NONE or index_type_ok(t) for t in types[1:3]):
        return None
    dtype = chosen_dtype(types[3] if len(types) > 3 else NONE, "float64")
    return Impl(Array(dtype, 2, "C"), emit_eye, types, owned=True)


@rule("np.identity", callable_=True, params=("n", "dtype"))
def identity_rule(types, consts):
    """np.identity(n, dtype=float64): np.eye(n)."""
    if not types or not index_type_ok(types[0]):
        return None
    dtype = chosen_dtype(types[1] if len(types) > 1 else NONE, "float64")
    return Impl(Array(dtype, 2, "C"), emit_eye, types[:1], owned=True)


def emit_eye(cg, args, types, result):
    b = cg.b
    rows = as_index(cg, args[0], types[0])
    columns = as_index(cg, args[1], types[1]) if len(types) > 1 and types[1] != NONE else rows
    k = as_index(cg, args[2], types[2]) if len(types) > 2 and types[2] != NONE else i64(0)
    array = allocate(cg, result, [rows, columns], zeroed=True)
    data = b.bitcast(b.extract_value(array, 1), storage(result).as_pointer())
    one = cg.const(element_type(result), 1)
    first = b.select(b.icmp_signed("<", k, i64(0)), b.neg(k), i64(0))      # rows from, to
    limit = b.sub(columns, k)
    last = b.select(b.icmp_signed("<", limit, rows), limit, rows)
    counted_loop(b, first, last, lambda r: store_element(
        cg, b.gep(data, [b.add(b.mul(r, columns), b.add(r, k))]), result, one))
    return array


@rule("np.full", callable_=True, params=("shape", "fill_value", "dtype"))
def full_rule(types, consts):
    if len(types) < 2 or shape_args(types[0]) is None or not is_number(types[1]):
        return None
    default = {INT: "int64", FLOAT: "float64", BOOL: "bool"}.get(types[1]) or \
        numpy_dtype(types[1])
    dtype = chosen_dtype(types[2] if len(types) > 2 else NONE, default)
    result = Array(dtype, shape_args(types[0]), "C")

    def emit(cg, args, ts, r):
        array = allocate(cg, r, shape_values(cg, args[0], ts[0]))
        return fill_with(cg, array, r, args[1], ts[1])
    return Impl(result, emit, types, owned=True)


@rule("np.full_like", callable_=True, params=("a", "fill_value", "dtype"))
def full_like_rule(types, consts):
    """np.full_like(a, v, dtype=a.dtype): a new C-contiguous array of a's shape, as np.full."""
    if len(types) < 2 or not isinstance(types[0], Array) or not is_number(types[1]):
        return None
    dtype = chosen_dtype(types[2] if len(types) > 2 else NONE, types[0].dtype)

    def emit(cg, args, ts, r):
        array = allocate(cg, r, shape_of(cg, args[0], ts[0]))
        return fill_with(cg, array, r, args[1], ts[1])
    return Impl(Array(dtype, types[0].ndim, "C"), emit, types, owned=True)


def fill_with(cg, array, result: Array, value, t: Type):
    """Every element of a new array set to `value`, as NumPy's full does (copyto, unsafe)."""
    if t == INT:        # a Python int must fit, as in an assignment
        element = to_element(cg, value, t, result)
    else:               # NumPy copies anything else in with an unsafe array cast
        element = cast(cg, value, t, element_type(result), weak_check=False)
        # (NaN -> -2**63 into int64, np.int64(300) -> 44 into int8), where an assignment
        # goes through int() and raises
    fill(cg, array, result, lambda k: element)
    return array


def like(name: str, fill_value):
    """np.empty_like / zeros_like / ones_like (a, dtype=a.dtype): a new C-contiguous array."""
    def match(types, consts):
        if not types or not isinstance(types[0], Array) or len(types) > 2:
            return None
        dtype = chosen_dtype(types[1] if len(types) > 1 else NONE, types[0].dtype)
        result = Array(dtype, types[0].ndim, "C")

        def emit(cg, args, ts, r):
            return new_filled(cg, r, shape_of(cg, args[0], ts[0]), fill_value)
        return Impl(result, emit, types, owned=True)
    rule(f"np.{name}_like", callable_=True, params=("a", "dtype"))(match)


like("empty", None)
like("zeros", 0)
like("ones", 1)


@rule("np.arange", callable_=True, params=("start", "stop", "step", "dtype"))
def arange_rule(types, consts):
    """np.arange(stop) / (start, stop[, step]): NumPy's length and its start + i * delta."""
    given = [t for t in types[:3] if t != NONE]
    if not given or not all(isinstance(t, Scalar) and is_number(t) and kind_of(t) != "c"
                            for t in given):
        return None
    if any(numpy_dtype(t) for t in given):          # the length in their arithmetic
        (_, start_t), (_, stop_t), (_, step_t) = arange_parts([(None, t) for t in given])
        arange_span_types(stop_t, start_t, step_t)  # refuses what NumPy cannot subtract
    floating = any(kind_of(t) == "f" for t in given)
    default = "float64" if floating else "int64"
    dtype = chosen_dtype(types[3] if len(types) > 3 else NONE, default)
    result = Array(dtype, 1, "C")
    return Impl(result, emit_arange, types, owned=True)


def emit_arange(cg, args, types, result):
    b = cg.b
    present = arange_parts([(v, t) for v, t in zip(args[:3], types[:3]) if t != NONE])
    (start, start_t), (stop, stop_t), (step, step_t) = present
    as_double = [cast(cg, v, t, FLOAT, weak_check=False) for v, t in present]
    if any(numpy_dtype(t) for _, t in present):
        count = numpy_scalar_length(cg, present, as_double[2])
    elif all(kind_of(t) in "biu" for _, t in present):
        start_i, stop_i, step_i = (cast(cg, v, t, NUMPY["int64"], weak_check=False)
                                   for v, t in present)
        cg.fail_if(b.icmp_signed("==", step_i, i64(0)), "ZeroDivisionError", "division by zero")
        span = b.sub(stop_i, start_i)
        up = b.icmp_signed(">", step_i, i64(0))
        adjust = b.select(up, b.sub(step_i, i64(1)), b.add(step_i, i64(1)))
        count = b.sdiv(b.add(span, adjust), step_i)
    else:
        d_start, d_stop, d_step = as_double
        fail_if_zero_step(cg, d_step)
        quotient = b.fdiv(b.fsub(d_stop, d_start), d_step)
        ceiling = cg.intrinsic("llvm.ceil.f64", ll.DoubleType(), [quotient])
        count = cg.intrinsic("llvm.fptosi.sat.i64.f64", I64, [ceiling])
    count = b.select(b.icmp_signed("<", count, i64(0)), i64(0), count)
    array = allocate(cg, result, [count])
    target = element_type(result)
    if kind_of(target) == "f":
        # NumPy fills start + k * (second - start), second = start + step in the arguments'
        # own arithmetic (np.float32(0.1) + 1 is a float32)
        first = cast(cg, as_double[0], FLOAT, target, weak_check=False)
        sum_t = numpy_result("+", (start_t, step_t)) or FLOAT
        second = cast(cg, emit_arithmetic(cg, "+", [start, step], (start_t, step_t), sum_t),
                      sum_t, target, weak_check=False)
        delta = b.fsub(second, first)
        fill(cg, array, result, lambda k: b.select(
            b.icmp_signed("==", k, i64(1)), second,
            b.fadd(first, b.fmul(b.sitofp(k, first.type), delta))))
    else:
        first = cast(cg, start, start_t, target, weak_check=False)
        delta = cast(cg, step, step_t, target, weak_check=False)
        fill(cg, array, result, lambda k: cast(
            cg, b.add(cast(cg, first, target, NUMPY["int64"], weak_check=False),
                      b.mul(k, cast(cg, delta, target, NUMPY["int64"], weak_check=False))),
            NUMPY["int64"], target, weak_check=False))
    return array


def arange_parts(given: list[tuple]) -> list[tuple]:
    """(value, type) of start, stop and step from the 1 to 3 given: start 0 and step 1 by
    default."""
    if len(given) == 1:
        given = [(ll.Constant(I64, 0), INT), given[0]]
    if len(given) == 2:
        given = [*given, (ll.Constant(I64, 1), INT)]
    return given


def arange_span_types(stop_t, start_t, step_t) -> tuple[Type, Type]:
    """The NumPy scalar types of stop - start and of (stop - start) / step."""
    span_t = numpy_result("-", (stop_t, start_t))
    quotient_t = span_t and numpy_result("/", (span_t, step_t))
    if quotient_t is None:
        raise TypeRuleError(f"np.arange from {start_t} to {stop_t}: NumPy cannot subtract "
                            f"them (a TypeError)")
    return span_t, quotient_t


def fail_if_zero_step(cg, step_as_double) -> None:
    cg.fail_if(cg.b.fcmp_ordered("==", step_as_double, ll.Constant(ll.DoubleType(), 0.0)),
               "ZeroDivisionError", "division by zero")


def numpy_scalar_length(cg, present, step_as_double) -> ll.Value:
    """np.arange's length from NumPy scalars: ceil((stop - start) / step) in NumPy's scalar
    arithmetic, so np.arange(np.uint8(3), np.uint8(0)) has 253 elements (the uint8
    difference wraps), as in NumPy."""
    (start, start_t), (stop, stop_t), (step, step_t) = present
    span_t, quotient_t = arange_span_types(stop_t, start_t, step_t)
    span = emit_arithmetic(cg, "-", [stop, start], (stop_t, start_t), span_t)
    fail_if_zero_step(cg, step_as_double)
    quotient = cast(cg, emit_arithmetic(cg, "/", [span, step], (span_t, step_t), quotient_t),
                    quotient_t, FLOAT, weak_check=False)
    ceiling = cg.intrinsic("llvm.ceil.f64", ll.DoubleType(), [quotient])
    return cg.intrinsic("llvm.fptosi.sat.i64.f64", I64, [ceiling])


# ---- methods -----------------------------------------------------------------------------
@rule("method.fill")
def fill_method(types, consts):
    if len(types) == 2 and isinstance(types[0], Array) and is_number(types[1]):
        if types[0].readonly:
            raise TypeRuleError("assignment destination is read-only")
        return Impl(NONE, emit_fill_method, types)
    return None


def emit_fill_method(cg, args, types, result):
    array = types[0]
    value = to_element(cg, args[1], types[1], array)
    for_each(cg, args[0], array, lambda pointer, _: store_element(cg, pointer, array, value))
    return ll.Constant(I8, 0)


@rule("np.copyto", callable_=True, params=("dst", "src", "casting", "where"))
def copyto_rule(types, consts):
    """np.copyto(dst, src): dst[...] = src with broadcasting, where NumPy's 'same_kind' rule
    allows the cast (asked of NumPy for these types; a cast it refuses is a compile error with
    NumPy's message, as it depends on the types alone). A Python int must fit dst's dtype, as
    in an assignment; a NumPy number is cast as NumPy casts it (np.int16(300) wraps)."""
    if len(types) < 2 or not isinstance(types[0], Array):
        return None
    dst, src = types[0], types[1]
    if any(t != NONE for t in types[2:]):
        raise TypeRuleError("np.copyto(dst, src) is what compiled code supports",
                            "no casting= or where=")
    require_writeable(dst)
    if isinstance(src, Array):
        allowed, what = np.can_cast(np.dtype(src.dtype), np.dtype(dst.dtype), "same_kind"), \
            "array data"
    elif isinstance(src, Scalar) and is_number(src):
        allowed, what = copies_by_same_kind(sample(src), dst.dtype), "scalar"
    else:
        return None
    if not allowed:
        source = np.dtype(src.dtype) if isinstance(src, Array) else \
            np.asarray(sample(src)).dtype
        raise TypeRuleError(f"Cannot cast {what} from {source!r} to {np.dtype(dst.dtype)!r} "
                            "according to the rule 'same_kind'",
                            f"convert first: np.copyto(dst, src.astype(dst.dtype))")

    def emit(cg, args, ts, r):
        if isinstance(src, Array):
            copy_broadcast(cg, args[0], dst, args[1], src)
            return ll.Constant(I8, 0)
        if numpy_dtype(src):
            element = cast(cg, args[1], src, element_type(dst), weak_check=False)
        else:
            element = to_element(cg, args[1], src, dst)
        for_each(cg, args[0], dst, lambda pointer, _: store_element(cg, pointer, dst, element))
        return ll.Constant(I8, 0)
    return Impl(NONE, emit, types)


def copies_by_same_kind(value, dtype: str) -> bool:
    """Does np.copyto into an array of `dtype` take this Python or NumPy number's kind?"""
    try:
        np.copyto(np.zeros(1, dtype), value)
    except TypeError:
        return False
    return True


@rule("method.item")
def item_rule(types, consts):
    """x.item() of a NumPy number, a.item() of a one-element array and a.item(k) (the k-th
    element in C order, negatives from the end): the Python int, float or bool NumPy gives
    (a uint64 beyond int64 is OverflowError, kiln's ints being int64)."""
    if not types or not (isinstance(types[0], Array) or numpy_dtype(types[0])):
        return None
    dtype = types[0].dtype if isinstance(types[0], Array) else numpy_dtype(types[0])
    kind = kind_of(NUMPY[dtype])
    if kind == "c":
        raise TypeRuleError(".item() of a complex number is not supported in compiled code")
    result = {"b": BOOL, "f": FLOAT}.get(kind, INT)
    if not isinstance(types[0], Array):
        if len(types) != 1:
            raise TypeRuleError(".item() of a NumPy number takes no argument")
        return Impl(result, lambda cg, a, ts, r: python_number(cg, a[0], ts[0], r), types)
    array = types[0]
    if len(types) > 2 or len(types) == 2 and not index_type_ok(types[1]):
        raise TypeRuleError("a.item() or a.item(k) with one int k is what compiled code "
                            "supports")

    def emit(cg, args, ts, r):
        b = cg.b
        shape = shape_of(cg, args[0], array)
        size = product(cg, shape)
        if len(ts) == 1:
            cg.fail_if(b.icmp_signed("!=", size, i64(1)), "ValueError",
                       "can only convert an array of size 1 to a Python scalar")
            position = i64(0)
        else:
            position = as_index(cg, args[1], ts[1])
            position = b.select(b.icmp_signed("<", position, i64(0)), b.add(position, size),
                                position)
            cg.fail_if(b.icmp_unsigned(">=", position, size), "IndexError",
                       "index out of bounds")
        item = element_of(cg, args[0], array, unravel(cg, position, shape))
        return python_number(cg, item, element_type(array), r)
    return Impl(result, emit, types)


def python_number(cg, value, t: Scalar, result: Scalar) -> ll.Value:
    """A NumPy number as the Python number its item() gives."""
    if result == INT:
        return as_index(cg, value, t)
    return value if result == BOOL else cast(cg, value, t, FLOAT, weak_check=False)


def unravel(cg, position, shape) -> list:
    """The C-order indices of a flat position in an array of `shape`."""
    b = cg.b
    indices = []
    for extent in reversed(shape[1:]):
        indices.append(b.srem(position, extent))
        position = b.sdiv(position, extent)
    return [position, *reversed(indices)]


def flat_position(cg, indices, shape) -> ll.Value:
    """The flat position of C-order indices in an array of `shape` (unravel's inverse)."""
    b = cg.b
    position: ll.Value = i64(0)
    for index, extent in zip(indices, shape):
        position = b.add(b.mul(position, extent), index)
    return position


@rule("method.copy", "np.copy", callable_=True)
def copy_method(types, consts):
    """a.copy() and np.copy(a): a new C-ordered array (NumPy's np.copy keeps a Fortran
    array's order: the same values, other strides)."""
    if len(types) == 1 and isinstance(types[0], Array):
        result = Array(types[0].dtype, types[0].ndim, "C")
        return Impl(result, emit_copy, types, owned=True)
    return None


def emit_copy(cg, args, types, result):
    return copy_into_new(cg, args[0], types[0], result, lambda value: value)


def emit_astype(cg, args, types, result):
    """A new C-ordered array of `result`'s dtype, each element cast as NumPy's astype casts
    (unsafe: NaN into int64 is -2**63, 300 into uint8 is 44)."""
    source = types[0]
    return copy_into_new(cg, args[0], source, result, lambda value: cast(
        cg, value, element_type(source), element_type(result), weak_check=False))


def copy_into_new(cg, value, source: Array, result: Array, transform) -> ll.Value:
    """A new C-ordered array of `result`'s dtype and `source`'s size holding
    transform(element) for every element of `source`, visited in C order."""
    b = cg.b
    dims = shape_of(cg, value, source) if result.ndim == source.ndim else \
        [product(cg, shape_of(cg, value, source))]
    array = allocate(cg, result, dims)
    target = b.bitcast(b.extract_value(array, 1), storage(result).as_pointer())
    counter = b.alloca(I64)
    b.store(i64(0), counter)

    def copy_one(pointer, _):
        k = b.load(counter)
        store_element(cg, b.gep(target, [k]), result,
                      transform(load_element(cg, pointer, source)))
        b.store(b.add(k, i64(1)), counter)
    for_each(cg, value, source, copy_one)
    return array


def for_each(cg, value, t: Array, body) -> None:
    """body(element pointer, indices) for every element, in C order, any layout."""
    b = cg.b
    shape, strides = shape_of(cg, value, t), strides_of(cg, value, t)
    base = b.extract_value(value, 1)

    def level(axis: int, pointer, indices) -> None:
        if axis == t.ndim:
            body(b.bitcast(pointer, storage(t).as_pointer()), indices)
            return
        entry = b.block
        loop, done = b.append_basic_block("each.loop"), b.append_basic_block("each.done")
        b.cbranch(b.icmp_signed(">", shape[axis], i64(0)), loop, done)
        b.position_at_end(loop)
        k = b.phi(I64)
        k.add_incoming(i64(0), entry)
        level(axis + 1, b.gep(pointer, [b.mul(k, strides[axis])]), indices + [k])
        following = b.add(k, i64(1))
        k.add_incoming(following, b.block)
        b.cbranch(b.icmp_signed("<", following, shape[axis]), loop, done)
        b.position_at_end(done)
    level(0, base, [])


def for_each_line(cg, value, t: Array, axis: int, body) -> None:
    """body(address of its first element, its number) for every line of `t` along `axis`:
    the lines are numbered 0, 1, ... in C order of the other axes, so line k of a reduction
    lands in element k of its C-ordered result."""
    b = cg.b
    shape, strides = shape_of(cg, value, t), strides_of(cg, value, t)
    others = [k for k in range(t.ndim) if k != axis]
    starts_t = Array(t.dtype, t.ndim - 1, "A")
    starts = make_array(cg, starts_t, b.extract_value(value, 0), b.extract_value(value, 1),
                        [shape[k] for k in others], [strides[k] for k in others])
    number = cg.local(I64)
    b.store(i64(0), number)

    def visit(pointer, _):
        k = b.load(number)
        body(b.bitcast(pointer, I8P), k)
        b.store(b.add(k, i64(1)), number)
    for_each(cg, starts, starts_t, visit)


__all__ = ["I32"]
