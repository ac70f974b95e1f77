"""Selecting with arrays: boolean masks and integer index arrays. The results are new arrays
(copies), as in NumPy.

    a[mask]         mask of bools with the shape of a's leading axes -> the selected elements
                    (or rows), in C order: shape (count,) + a.shape[mask.ndim:]
    a[idx]          integers of any dtype and shape, negatives from the end
                    -> shape idx.shape + a.shape[1:]
    a[mask] = v     v a number, or (selecting elements) an array of `count` values or one
    a[idx] = v      the same; a repeated index keeps the last value, as in NumPy
    np.nonzero(a)   the indices of a's non-zero elements, one int64 array per axis (also
                    a.nonzero() and np.where(a)); np.flatnonzero(a) their flat positions,
                    np.argwhere(a) a row of indices for each

Both walk the selected positions of a's leading axes in C order; at each, the rest of `a` is a
view whose elements are copied to (or assigned from) the next places of a flat sequence.
"""
from __future__ import annotations

from llvmlite import ir as ll

from ..runtime import nrt
from ..types import NONE, NUMPY, Array, Scalar, Tuple, Type, is_number
from .arrays import (allocate, array_getitem, array_setitem, as_index, checked_index,
                     element_type, flat_position, for_each, load_element, make_array, pack,
                     require_writeable, shape_of, storage, store_element, strides_of,
                     to_element)
from .npscalars import cast, kind_of
from .numbers import i64
from .registry import Impl, TypeRuleError, rule

I1, I8, I64 = ll.IntType(1), ll.IntType(8), ll.IntType(64)
HINT = "one boolean mask or one integer index array: a[a > 0], a[idx], a[mask] = 0.0"


def selector(types: tuple[Type, ...]) -> tuple[Array, Array] | None:
    """(array, selecting array) for the types of a[sel]; None when no index is an array."""
    array, indices = types[0], [t for t in types[1:] if isinstance(t, Array)]
    if not isinstance(array, Array) or not indices:
        return None
    sel = indices[0]
    if len(types) != 2:
        raise TypeRuleError("an index array or mask must be the only index here", HINT)
    if sel.dtype == "bool":
        if sel.ndim > array.ndim:
            raise TypeRuleError(f"too many indices for array: a {sel.ndim}-d mask on a "
                                f"{array.ndim}-d array", HINT)
        return array, sel
    if kind_of(element_type(sel)) not in "iu":
        raise TypeRuleError(f"arrays used as indices must be of integer or boolean type, not "
                            f"{sel.dtype}", HINT)
    if array.ndim == 0:
        raise TypeRuleError("too many indices for a 0-d array", HINT)
    return array, sel


def rest_of(array: Array, sel: Array) -> Array:
    """The part of `array` one selected position stands for (a view; 0-d for an element)."""
    covered = sel.ndim if sel.dtype == "bool" else 1
    return Array(array.dtype, array.ndim - covered, "A", array.readonly)


def as_integer_index(impl: Impl, types: tuple[Type, ...]) -> Impl:
    """a[idx] for a 0-d integer array idx is a[int(idx)], as in NumPy: `impl` (for an int
    index) run on the element of idx."""
    sel = types[1]

    def emit(cg, args, argtypes, result):
        pointer = cg.b.bitcast(cg.b.extract_value(args[1], 1), storage(sel).as_pointer())
        inner = [args[0], load_element(cg, pointer, sel), *args[2:]]
        inner = [cg.convert(v, t, want) for v, t, want in
                 zip(inner, (types[0], element_type(sel), *types[2:]), impl.argtypes)]
        return impl.emit(cg, inner, impl.argtypes, result)
    return Impl(impl.result, emit, types, owned=impl.owned)


@rule("getitem")
def select_rule(types, consts):
    found = selector(types)
    if found is None:
        return None
    array, sel = found
    if sel.ndim == 0 and sel.dtype != "bool":
        return as_integer_index(array_getitem((array, element_type(sel)), consts), types)
    leading = 1 if sel.dtype == "bool" else sel.ndim
    result = Array(array.dtype, leading + rest_of(array, sel).ndim, "C")
    return Impl(result, emit_select, types, owned=True)


@rule("setitem")
def assign_selected_rule(types, consts):
    found = selector(types[:-1])
    if found is None:
        return None
    array, sel = found
    value = types[-1]
    if sel.ndim == 0 and sel.dtype != "bool":
        return as_integer_index(array_setitem((array, element_type(sel), value), consts),
                                types)
    require_writeable(array)
    elements = rest_of(array, sel).ndim == 0
    if not (isinstance(value, Scalar) and is_number(value)) and \
            not (elements and isinstance(value, Array) and value.ndim == 1):
        raise TypeRuleError(f"cannot assign a {value} to selected "
                            f"{'elements' if elements else 'rows'}",
                            "a number, or a 1-d array with one value per selected element")
    return Impl(NONE, emit_assign_selected, types)


def visit_selected(cg, array, array_t: Array, sel, sel_t: Array, visit) -> None:
    """visit(view of the rest of `array` at each selected position, its rest type), in C
    order of the selector; IndexError for a mask of the wrong shape or an index outside."""
    b = cg.b
    shape, strides = shape_of(cg, array, array_t), strides_of(cg, array, array_t)
    rest_t = rest_of(array_t, sel_t)
    covered = array_t.ndim - rest_t.ndim
    if sel_t.dtype == "bool":       # (NumPy lets a mask axis of length 0 through)
        wrong = ll.Constant(I1, 0)
        for axis, size in enumerate(shape_of(cg, sel, sel_t)):
            wrong = b.or_(wrong, b.and_(b.icmp_signed("!=", size, shape[axis]),
                                        b.icmp_signed("!=", size, i64(0))))
        cg.fail_if(wrong, "IndexError",
                   "boolean index did not match indexed array along the mask's axes")

    def at(pointer, indices):
        if sel_t.dtype == "bool":
            chosen, positions = load_element(cg, pointer, sel_t), indices
        else:
            raw = load_element(cg, pointer, sel_t)
            chosen = ll.Constant(I1, 1)
            positions = [checked_index(cg, as_index(cg, raw, element_type(sel_t)), shape[0], 0)]
        with b.if_then(chosen):
            offset: ll.Value = i64(0)
            for axis, position in enumerate(positions):
                offset = b.add(offset, b.mul(position, strides[axis]))
            data = b.gep(b.extract_value(array, 1), [offset])
            visit(make_array(cg, rest_t, b.extract_value(array, 0), data, shape[covered:],
                             strides[covered:]), rest_t)
    for_each(cg, sel, sel_t, at)


def emit_select(cg, args, types, result: Array):
    """A new array of the selected elements (rows) in order."""
    b = cg.b
    array, sel = args
    array_t, sel_t = types
    rest_t = rest_of(array_t, sel_t)
    rest_shape = shape_of(cg, array, array_t)[array_t.ndim - rest_t.ndim:]
    leading = [count_nonzero(cg, sel, sel_t)] if sel_t.dtype == "bool" else \
        shape_of(cg, sel, sel_t)
    out = allocate(cg, result, leading + rest_shape)
    append = appender(cg, out, result)

    def copy(view, view_t):
        for_each(cg, view, view_t, lambda pointer, _: append(load_element(cg, pointer, view_t)))
    visit_selected(cg, array, array_t, sel, sel_t, copy)
    return out


def is_nonzero(cg, pointer, t: Array) -> ll.Value:
    """Whether the element at `pointer` is true as NumPy takes it: != 0 (NaN is, -0.0 is not;
    a complex number with either part non-zero is)."""
    return cast(cg, load_element(cg, pointer, t), element_type(t), NUMPY["bool"],
                weak_check=False)


def count_nonzero(cg, array, t: Array) -> ll.Value:
    """How many elements of `array` are non-zero (True, for a mask)."""
    b = cg.b
    count = cg.local(I64)
    b.store(i64(0), count)
    for_each(cg, array, t, lambda pointer, _: b.store(
        b.add(b.load(count), b.zext(is_nonzero(cg, pointer, t), I64)), count))
    return b.load(count)


def appender(cg, out, out_t: Array):
    """append(value): store value in the next element of the new C array `out`, from its
    first."""
    b = cg.b
    data = b.bitcast(b.extract_value(out, 1), storage(out_t).as_pointer())
    written = cg.local(I64)
    b.store(i64(0), written)

    def append(value) -> None:
        k = b.load(written)
        store_element(cg, b.gep(data, [k]), out_t, value)
        b.store(b.add(k, i64(1)), written)
    return append


def emit_assign_selected(cg, args, types, result):
    """Store a number into every selected element, or the values of a 1-d array in turn.
    Every index is checked before anything is written, as in NumPy."""
    b = cg.b
    array, sel, value = args
    array_t, sel_t, value_t = types
    if sel_t.dtype != "bool":
        size = shape_of(cg, array, array_t)[0]
        for_each(cg, sel, sel_t, lambda pointer, _: checked_index(
            cg, as_index(cg, load_element(cg, pointer, sel_t), element_type(sel_t)), size, 0))
    if not isinstance(value_t, Array):
        element = to_element(cg, value, value_t, array_t)

        def fill(view, view_t):
            for_each(cg, view, view_t, lambda pointer, _: store_element(cg, pointer, view_t,
                                                                         element))
        visit_selected(cg, array, array_t, sel, sel_t, fill)
        return ll.Constant(I8, 0)
    # one value per selected element (or one for all): count them first, as NumPy does
    count = cg.local(I64)
    b.store(i64(0), count)
    visit_selected(cg, array, array_t, sel, sel_t,
                   lambda view, view_t: b.store(b.add(b.load(count), i64(1)), count))
    size = shape_of(cg, value, value_t)[0]
    cg.fail_if(b.and_(b.icmp_signed("!=", size, b.load(count)),
                      b.icmp_signed("!=", size, i64(1))), "ValueError",
               "cannot assign the values to the selected elements: the counts differ")
    snapshot_t = Array(value_t.dtype, 1, "C")       # the values may be `array` itself
    snapshot = allocate(cg, snapshot_t, [size])
    source = b.bitcast(b.extract_value(snapshot, 1), storage(snapshot_t).as_pointer())
    position = cg.local(I64)
    b.store(i64(0), position)

    def keep(pointer, _):
        k = b.load(position)
        store_element(cg, b.gep(source, [k]), snapshot_t, load_element(cg, pointer, value_t))
        b.store(b.add(k, i64(1)), position)
    for_each(cg, value, value_t, keep)
    b.store(i64(0), position)
    step = b.zext(b.icmp_signed("!=", size, i64(1)), I64)

    def assign(view, view_t):
        k = b.load(position)
        item = load_element(cg, b.gep(source, [k]), snapshot_t)
        converted = cast(cg, item, element_type(snapshot_t), element_type(view_t),
                         weak_check=False)
        store_element(cg, b.bitcast(b.extract_value(view, 1), storage(view_t).as_pointer()),
                      view_t, converted)
        b.store(b.add(k, step), position)
    visit_selected(cg, array, array_t, sel, sel_t, assign)
    nrt.decref(b, b.extract_value(snapshot, 0))
    return ll.Constant(I8, 0)


# ---- the indices of the non-zero elements: np.nonzero, np.flatnonzero, np.argwhere ----------
INDICES_HINT = "an array: np.nonzero(a), a.nonzero(), np.where(a > 0), np.argwhere(a)"


def indexed_array(name: str, types: tuple[Type, ...]) -> Array:
    """The one array argument of np.nonzero & co., or a compile error naming `name`."""
    if len(types) != 1 or not isinstance(types[0], Array):
        raise TypeRuleError(f"{name} takes one array in compiled code, not "
                            f"{', '.join(map(str, types)) or 'nothing'}", INDICES_HINT)
    return types[0]


def visit_nonzero(cg, array, t: Array, visit) -> None:
    """visit(indices) at each non-zero element of `array`, in C order of the indices."""
    def at(pointer, indices):
        with cg.b.if_then(is_nonzero(cg, pointer, t)):
            visit(indices)
    for_each(cg, array, t, at)


@rule("np.nonzero", callable_=True, params=("a",))
def nonzero_rule(types, consts, name: str = "np.nonzero"):
    """A tuple of one int64 array per axis: the indices of the non-zero elements along it.
    NumPy 2 refuses a 0-d array (ValueError), here at compile time."""
    array = indexed_array(name, types)
    if array.ndim == 0:
        raise TypeRuleError(f"{name} of a 0-d array is not allowed (NumPy raises ValueError)",
                            "np.atleast_1d(x).nonzero(), or np.flatnonzero(x)")
    result = Tuple((Array("int64", 1, "C"),) * array.ndim)
    return Impl(result, emit_nonzero, types, owned=True)


@rule("method.nonzero")
def nonzero_method_rule(types, consts):
    """a.nonzero() of an array: np.nonzero(a)."""
    if types and isinstance(types[0], Array):
        return nonzero_rule(types, consts, "a.nonzero()")
    return None


def emit_nonzero(cg, args, types, result: Tuple):
    """One new array per axis, each of the count of non-zero elements, filled in one walk."""
    array, t = args[0], types[0]
    index_t = result.items[0]
    count = count_nonzero(cg, array, t)
    axes = [allocate(cg, index_t, [count]) for _ in range(t.ndim)]
    appends = [appender(cg, out, index_t) for out in axes]

    def record(indices):
        for append, index in zip(appends, indices):
            append(index)
    visit_nonzero(cg, array, t, record)
    return pack(cg, result, axes)


@rule("np.argwhere", callable_=True, params=("a",))
def argwhere_rule(types, consts):
    """An int64 array (count, ndim): a row of indices for each non-zero element (a 0-d
    array: shape (1, 0) when it is non-zero, else (0, 0), as in NumPy)."""
    indexed_array("np.argwhere", types)
    return Impl(Array("int64", 2, "C"), emit_argwhere, types, owned=True)


def emit_argwhere(cg, args, types, result: Array):
    """The rows of indices, written one after another."""
    array, t = args[0], types[0]
    out = allocate(cg, result, [count_nonzero(cg, array, t), i64(t.ndim)])
    append = appender(cg, out, result)

    def record(indices):
        for index in indices:
            append(index)
    visit_nonzero(cg, array, t, record)
    return out


@rule("np.flatnonzero", callable_=True, params=("a",))
def flatnonzero_rule(types, consts):
    """An int64 array of the positions of the non-zero elements in the C-ordered flat array
    (np.nonzero(np.ravel(a))[0]; a 0-d array is one element)."""
    indexed_array("np.flatnonzero", types)
    return Impl(Array("int64", 1, "C"), emit_flatnonzero, types, owned=True)


def emit_flatnonzero(cg, args, types, result: Array):
    """Each non-zero element's flat position, from its indices and the shape."""
    array, t = args[0], types[0]
    shape = shape_of(cg, array, t)
    out = allocate(cg, result, [count_nonzero(cg, array, t)])
    append = appender(cg, out, result)
    visit_nonzero(cg, array, t, lambda indices: append(flat_position(cg, indices, shape)))
    return out
