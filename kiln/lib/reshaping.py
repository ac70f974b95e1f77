"""Shapes and conversions of arrays: reshape, ravel, flatten, astype, np.linspace, np.cumsum.

    a.reshape(n, -1)                    -> a view of a C-contiguous array (-1 is inferred)
    a.ravel(), np.ravel(a)              -> a 1-d view of a C-contiguous array, else a copy
    a.flatten()                         -> a new 1-d array in C order
    a.astype(np.int8)                   -> a new array, NumPy's casts
    np.linspace(0.0, 1.0, n)            -> NumPy's samples, in the endpoints' float type
    np.cumsum(a), np.cumprod(a, axis=1) -> running sums (products), flattened or along one axis
    np.diff(a, axis=0)                  -> differences of neighbours along one axis
    np.flip(a, 0), np.expand_dims(a, 1), np.swapaxes(a, 0, 1), np.atleast_2d(a)
                                        -> views of a's memory in another shape
    np.ascontiguousarray(a), np.asarray(a)
                                        -> a itself where NumPy returns it, else a copy
"""
from __future__ import annotations

from llvmlite import ir as ll

from ..llvm_ir import counted_loop
from ..types import INT, NONE, Array, DType, Scalar, Tuple, is_number, np
from ..runtime import nrt
from .arrays import (allocate, array_rule, as_index, cg_lltype, chosen_dtype, constant_axis,
                     contiguous_steps, copy_into_new, element_of, element_type, emit_astype,
                     emit_copy, fill, flat_position, for_each, index_type_ok, is_c_contiguous,
                     itemsize, load_element, make_array, product, require_writeable, shape_of,
                     shape_values, storage, store_element, strides_of, to_element, unravel)
from .npscalars import cast, emit_arithmetic, kind_of, sample
from .numbers import i64
from .registry import Impl, TypeRuleError, resolve, rule

I1 = ll.IntType(1)


def reshape_rule(types, consts):
    """a.reshape(n, m) or a.reshape((n, m)) of a C-contiguous array: a view (-1 infers)."""
    if not types or not isinstance(types[0], Array):
        return None
    array, dims = types[0], types[1:]
    if len(dims) == 1 and isinstance(dims[0], Tuple):
        dims = dims[0].items
    if not dims or not all(index_type_ok(t) for t in dims):
        raise TypeRuleError("reshape takes integer dimensions", "a.reshape(n, m)")
    if array.layout != "C":
        raise TypeRuleError("reshape of a non-C-contiguous array is not supported yet",
                            "a.copy().reshape(...)")
    return Impl(Array(array.dtype, len(dims), "C", array.readonly), emit_reshape, types)


def emit_reshape(cg, args, types, result):
    b = cg.b
    array = types[0]
    if len(types) == 2 and isinstance(types[1], Tuple):
        dims = shape_values(cg, args[1], types[1])
    else:
        dims = [as_index(cg, v, t) for v, t in zip(args[1:], types[1:])]
    size = product(cg, shape_of(cg, args[0], array))
    unknown = [b.icmp_signed("==", d, i64(-1)) for d in dims]
    known: ll.Value = i64(1)
    for d, is_unknown in zip(dims, unknown):
        known = b.mul(known, b.select(is_unknown, i64(1), d))
    inferred = b.sdiv(size, b.select(b.icmp_signed("==", known, i64(0)), i64(1), known))
    dims = [b.select(u, inferred, d) for d, u in zip(dims, unknown)]
    negative = ll.Constant(I1, 0)
    for d in dims:
        negative = b.or_(negative, b.icmp_signed("<", d, i64(0)))
    for is_unknown in unknown:      # NumPy cannot infer a -1 beside a 0, even for size 0
        negative = b.or_(negative, b.and_(is_unknown, b.icmp_signed("==", known, i64(0))))
    cg.fail_if(b.or_(negative, b.icmp_signed("!=", product(cg, dims), size)), "ValueError",
               "cannot reshape array into the requested shape")
    strides: list[ll.Value] = [None] * len(dims)
    step: ll.Value = i64(itemsize(array))
    for axis in range(len(dims) - 1, -1, -1):
        strides[axis] = step
        step = b.mul(step, dims[axis])
    return make_array(cg, result, b.extract_value(args[0], 0), b.extract_value(args[0], 1),
                      dims, strides)


rule("method.reshape")(reshape_rule)
rule("np.reshape", callable_=True, params=("a", "shape"))(reshape_rule)


def ravel_rule(types, consts):
    """a.ravel(), np.ravel(a): a 1-d view when the array is C-contiguous, else a copy."""
    if len(types) != 1 or not isinstance(types[0], Array):
        return None
    array = types[0]
    return Impl(Array(array.dtype, 1, "C", array.readonly), emit_ravel, types, owned=True)


rule("method.ravel")(ravel_rule)
rule("np.ravel", callable_=True)(ravel_rule)


# ---- views of other shapes ------------------------------------------------------------------
def view_of(cg, value, t: Array, result: Array, shape, strides, offset=None) -> ll.Value:
    """A view of `value`'s memory with `shape` and `strides` (bytes), its data `offset` bytes
    on: for a C or F result, the strides are derived from the shape instead."""
    data = cg.b.extract_value(value, 1)
    if offset is not None:
        data = cg.b.gep(data, [offset])
    return make_array(cg, result, cg.b.extract_value(value, 0), data, shape, strides)


def flipper(name: str, axes_of):
    """np.flip(a, axis=None) and np.flipud / np.fliplr: a view stepping backwards along the
    axes `axes_of(array, axis)` chooses (None: every axis)."""
    def match(types, consts):
        if not types or not isinstance(types[0], Array):
            return None
        array = types[0]
        axes = axes_of(array, types[1:2], consts[1:2])
        result = Array(array.dtype, array.ndim, "A" if axes else array.layout, array.readonly)

        return Impl(result, lambda cg, a, ts, r: flipped(cg, a[0], array, r, axes), types)
    return match


def flipped(cg, value, t: Array, result: Array, axes) -> ll.Value:
    """A view of `value` stepping backwards along `axes`, from their last element."""
    b = cg.b
    shape, strides = shape_of(cg, value, t), strides_of(cg, value, t)
    offset = i64(0)
    for axis in axes:
        last = b.select(b.icmp_signed(">", shape[axis], i64(0)), b.sub(shape[axis], i64(1)),
                        i64(0))
        offset = b.add(offset, b.mul(last, strides[axis]))
        strides[axis] = b.neg(strides[axis])
    return view_of(cg, value, t, result, shape, strides, offset)


def flip_axes(array: Array, types, consts) -> tuple[int, ...]:
    axis = constant_axis("flip", array, types, consts, "np.flip(a, 0)")
    return tuple(range(array.ndim)) if axis is None else (axis,)


def fixed_axis(name: str, axis: int, least: int):
    def axes_of(array: Array, types, consts) -> tuple[int, ...]:
        if types:
            raise TypeRuleError(f"np.{name}(a) takes the array alone")
        if array.ndim < least:
            raise TypeRuleError(f"np.{name} needs an array of at least {least} dimensions")
        return (axis,)
    return axes_of


rule("np.flip", callable_=True, params=("m", "axis"))(flipper("flip", flip_axes))
rule("np.flipud", callable_=True)(flipper("flipud", fixed_axis("flipud", 0, 1)))
rule("np.fliplr", callable_=True)(flipper("fliplr", fixed_axis("fliplr", 1, 2)))


def with_unit_axes(cg, value, t: Array, result: Array, positions: tuple[int, ...]) -> ll.Value:
    """A view of `value` with axes of length 1 inserted so that they sit at `positions` of
    the result (its other axes are t's, in order)."""
    shape, strides = shape_of(cg, value, t), strides_of(cg, value, t)
    for position in sorted(positions):
        shape.insert(position, i64(1))
        strides.insert(position, i64(0))
    if result.layout != "A":
        strides = contiguous_steps(cg, shape, result, itemsize(result))
    return view_of(cg, value, t, result, shape, strides)


@rule("np.expand_dims", callable_=True, params=("a", "axis"))
def expand_dims_rule(types, consts):
    """np.expand_dims(a, axis): a view with an axis of length 1 at `axis` (of the result)."""
    if len(types) != 2 or not isinstance(types[0], Array):
        return None
    array = types[0]
    result = Array(array.dtype, array.ndim + 1, array.layout, array.readonly)
    axis = constant_axis("expand_dims", result, types[1:], consts[1:], "np.expand_dims(a, 0)")
    if axis is None:
        raise TypeRuleError("np.expand_dims(a, axis) takes one constant int axis")
    return Impl(result, lambda cg, a, ts, r: with_unit_axes(cg, a[0], ts[0], r, (axis,)),
                types)


@rule("np.squeeze", "method.squeeze", callable_=True, params=("a", "axis"))
def squeeze_rule(types, consts):
    """np.squeeze(a, axis) and a.squeeze(axis): a view without that axis, which must have
    length 1 (ValueError otherwise). Without an axis, the result's rank would depend on the
    shape at run time: a compile error."""
    if not types or not isinstance(types[0], Array):
        return None
    array = types[0]
    axis = constant_axis("squeeze", array, types[1:2], consts[1:2], "np.squeeze(a, axis=0)")
    if axis is None:
        raise TypeRuleError("np.squeeze(a) without an axis: the rank of its result depends on "
                            "the shape at run time", "np.squeeze(a, axis=0)")
    result = Array(array.dtype, array.ndim - 1, array.layout, array.readonly)

    def emit(cg, args, ts, r):
        shape, strides = shape_of(cg, args[0], array), strides_of(cg, args[0], array)
        cg.fail_if(cg.b.icmp_signed("!=", shape[axis], i64(1)), "ValueError",
                   "cannot select an axis to squeeze out which has size not equal to one")
        return view_of(cg, args[0], array, r, shape[:axis] + shape[axis + 1:],
                       strides[:axis] + strides[axis + 1:])
    return Impl(result, emit, types[:2])


def at_least(ndim: int, positions):
    """np.atleast_1d / 2d / 3d of an array: a view with axes of length 1 added where NumPy
    adds them (`positions(a.ndim)`), or the array itself."""
    def match(types, consts):
        if len(types) != 1 or not isinstance(types[0], Array):
            return None
        array = types[0]
        if array.ndim >= ndim:
            return Impl(array, lambda cg, a, ts, r: a[0], types)
        added = positions(array.ndim)
        result = Array(array.dtype, ndim, array.layout, array.readonly)
        return Impl(result, lambda cg, a, ts, r: with_unit_axes(cg, a[0], ts[0], r, added),
                    types)
    return match


rule("np.atleast_1d", callable_=True)(at_least(1, lambda n: (0,)))
rule("np.atleast_2d", callable_=True)(at_least(2, lambda n: (0, 1)[:2 - n]))
rule("np.atleast_3d", callable_=True)(at_least(3, lambda n: {0: (0, 1, 2), 1: (0, 2),
                                                             2: (2,)}[n]))


@rule("np.swapaxes", "method.swapaxes", callable_=True, params=("a", "axis1", "axis2"))
def swapaxes_rule(types, consts):
    """np.swapaxes(a, i, j) and a.swapaxes(i, j): a view with axes i and j exchanged."""
    if len(types) != 3 or not isinstance(types[0], Array):
        return None
    array = types[0]
    first, second = (constant_axis("swapaxes", array, types[k:k + 1], consts[k:k + 1],
                                   "np.swapaxes(a, 0, 1)") for k in (1, 2))
    if first is None or second is None:
        raise TypeRuleError("np.swapaxes(a, axis1, axis2) takes two constant int axes")
    layout = array.layout if first == second else \
        {"C": "F", "F": "C"}.get(array.layout, "A") if array.ndim == 2 else "A"
    result = Array(array.dtype, array.ndim, layout, array.readonly)

    def emit(cg, args, ts, r):
        shape, strides = shape_of(cg, args[0], array), strides_of(cg, args[0], array)
        for values in (shape, strides):
            values[first], values[second] = values[second], values[first]
        return view_of(cg, args[0], array, r, shape, strides)
    return Impl(result, emit, types)


@rule("np.ascontiguousarray", callable_=True, params=("a", "dtype"))
def ascontiguousarray_rule(types, consts):
    """np.ascontiguousarray(a): a itself when it is C-contiguous (at run time, for any
    layout: writes through the result reach a, as in NumPy), else a C-ordered copy."""
    if len(types) != 1 or not isinstance(types[0], Array):
        return None
    array = types[0]
    if array.ndim == 0:
        raise TypeRuleError("np.ascontiguousarray of a 0-d array is not supported")
    result = Array(array.dtype, array.ndim, "C", array.readonly)

    def same_memory(cg, args, r):
        nrt.incref(cg.b, cg.b.extract_value(args[0], 0))
        shape = shape_of(cg, args[0], array)
        return view_of(cg, args[0], array, r, shape, contiguous_steps(cg, shape, r, itemsize(r)))

    def emit(cg, args, ts, r):
        return view_or_copy(cg, args, ts, r, same_memory, emit_copy)
    return Impl(result, emit, types, owned=True)


def view_or_copy(cg, args, types, result, view, copy) -> ll.Value:
    """view(cg, args, result) when the array args[0] is C-contiguous (known from its type, or
    found at run time), else copy(cg, args, types, result); either holds a new reference."""
    b = cg.b
    if types[0].layout == "C":
        return view(cg, args, result)
    with b.if_else(is_c_contiguous(cg, args[0], types[0])) as (contiguous, scattered):
        with contiguous:
            viewed, view_block = view(cg, args, result), b.block
        with scattered:
            copied, copy_block = copy(cg, args, types, result), b.block
    chosen = b.phi(viewed.type)
    chosen.add_incoming(viewed, view_block)
    chosen.add_incoming(copied, copy_block)
    return chosen


@rule("np.asarray", callable_=True, params=("a", "dtype"))
def asarray_rule(types, consts):
    """np.asarray(a): the array itself (with the dtype it has, or dtype= naming it), a copy
    cast as astype casts for another dtype; numbers in tuples as np.array makes them."""
    if not types:
        return None
    if not isinstance(types[0], Array) or \
            chosen_dtype(types[1] if len(types) > 1 else NONE, types[0].dtype) != types[0].dtype:
        return array_rule(types, consts)
    return Impl(types[0], lambda cg, a, ts, r: a[0], types)


def diagonal_view(cg, value, t: Array, result: Array) -> ll.Value:
    """The main diagonal of a 2-d array as a 1-d view: min(rows, columns) elements, each a
    row and a column further on."""
    b = cg.b
    (rows, columns), (down, across) = shape_of(cg, value, t), strides_of(cg, value, t)
    length = b.select(b.icmp_signed("<", rows, columns), rows, columns)
    return view_of(cg, value, t, result, [length], [b.add(down, across)])


def diagonal_type(array: Array, name: str) -> Array:
    if array.ndim != 2:
        raise TypeRuleError(f"{name} of a 2-d array is what compiled code supports",
                            f"{name} without an offset, of a matrix")
    return Array(array.dtype, 1, "A", readonly=True)


@rule("np.diagonal", "method.diagonal", callable_=True)
def diagonal_rule(types, consts):
    """np.diagonal(m) and m.diagonal(): a read-only view of the main diagonal, as NumPy's."""
    if len(types) != 1 or not isinstance(types[0], Array):
        return None
    result = diagonal_type(types[0], "diagonal()")
    return Impl(result, lambda cg, a, ts, r: diagonal_view(cg, a[0], ts[0], r), types)


@rule("np.diag", callable_=True)
def diag_rule(types, consts):
    """np.diag(v): of a vector, a new square matrix with v on its diagonal and zeros elsewhere;
    of a matrix, the read-only view of its diagonal."""
    if len(types) != 1 or not isinstance(types[0], Array):
        return None
    array = types[0]
    if array.ndim == 2:
        return diagonal_rule(types, consts)
    if array.ndim != 1:
        raise TypeRuleError("np.diag takes a 1-d or 2-d array")
    result = Array(array.dtype, 2, "C")

    def emit(cg, args, ts, r):
        b = cg.b
        size = shape_of(cg, args[0], array)[0]
        out = allocate(cg, r, [size, size], zeroed=True)
        target = b.bitcast(b.extract_value(out, 1), storage(r).as_pointer())
        counted_loop(b, i64(0), size, lambda k: store_element(
            cg, b.gep(target, [b.mul(k, b.add(size, i64(1)))]), r,
            element_of(cg, args[0], array, [k])))
        return out
    return Impl(result, emit, types, owned=True)


@rule("np.fill_diagonal", callable_=True, params=("a", "val", "wrap"))
def fill_diagonal_rule(types, consts):
    """np.fill_diagonal(a, val): val into a[i, i, ...] for i below the shortest side of a
    matrix (wrap=False), or below the common length of an n-d array's sides (ValueError
    unless all are equal); val converts as in an assignment."""
    if len(types) < 2 or not isinstance(types[0], Array) or not is_number(types[1]):
        return None
    array = types[0]
    if len(types) > 2 and (types[2] != NONE and consts[2] is not False):
        raise TypeRuleError("np.fill_diagonal(a, val) without wrap=True is what compiled code "
                            "supports")
    if array.ndim < 2:
        raise TypeRuleError("array must be at least 2-d")
    require_writeable(array)

    def emit(cg, args, ts, r):
        b = cg.b
        shape, strides = shape_of(cg, args[0], array), strides_of(cg, args[0], array)
        if array.ndim == 2:
            length = b.select(b.icmp_signed("<", shape[0], shape[1]), shape[0], shape[1])
        else:
            length = shape[0]
            unequal = ll.Constant(ll.IntType(1), 0)
            for size in shape[1:]:
                unequal = b.or_(unequal, b.icmp_signed("!=", size, length))
            cg.fail_if(unequal, "ValueError", "All dimensions of input must be of equal length")
        value = to_element(cg, args[1], ts[1], array)
        step = strides[0]
        for stride in strides[1:]:
            step = b.add(step, stride)
        data = b.extract_value(args[0], 1)
        counted_loop(b, i64(0), length, lambda k: store_element(
            cg, b.bitcast(b.gep(data, [b.mul(k, step)]), storage(array).as_pointer()), array,
            value))
        return ll.Constant(ll.IntType(8), 0)
    return Impl(NONE, emit, types)


@rule("np.trace", "method.trace", callable_=True)
def trace_rule(types, consts):
    """np.trace(m) and m.trace(): the sum of the main diagonal, as np.sum sums it (int8 and
    the other small ints in int64, floats pairwise)."""
    if len(types) != 1 or not isinstance(types[0], Array):
        return None
    diagonal = diagonal_type(types[0], "trace()")
    total = resolve("np.sum", (diagonal,))

    def emit(cg, args, ts, r):
        return total.emit(cg, [diagonal_view(cg, args[0], ts[0], diagonal)], total.argtypes,
                          total.result)
    return Impl(total.result, emit, types)


# ---- new arrays gathered from an array: np.roll, np.repeat, np.tile, np.triu, np.tril -------
def gathered(cg, result: Array, shape, element_at) -> ll.Value:
    """A new C-ordered array of `shape`, element [indices] = element_at(indices)."""
    out = allocate(cg, result, shape)
    for_each(cg, out, result, lambda pointer, indices: store_element(
        cg, pointer, result, element_at(indices)))
    return out


def python_mod(cg, value, modulus) -> ll.Value:
    """value % modulus as Python computes it for a positive modulus (never negative)."""
    b = cg.b
    rest = b.srem(value, modulus)
    return b.select(b.icmp_signed("<", rest, i64(0)), b.add(rest, modulus), rest)


@rule("np.roll", callable_=True, params=("a", "shift", "axis"))
def roll_rule(types, consts):
    """np.roll(a, shift, axis=None): the elements moved `shift` places on, wrapping round,
    along one axis or (axis None) in C order through the whole array, as a new array."""
    if len(types) < 2 or not isinstance(types[0], Array):
        return None
    array = types[0]
    if not index_type_ok(types[1]):
        raise TypeRuleError("np.roll(a, shift, axis) takes one int shift here")
    axis = constant_axis("roll", array, types[2:3], consts[2:3], "np.roll(a, 1, axis=0)")
    result = Array(array.dtype, array.ndim, "C")

    def emit(cg, args, ts, r):
        shape = shape_of(cg, args[0], array)
        shift = as_index(cg, args[1], ts[1])
        if axis is not None:
            def element_at(indices):
                moved = list(indices)
                moved[axis] = python_mod(cg, cg.b.sub(indices[axis], shift), shape[axis])
                return element_of(cg, args[0], array, moved)
        else:
            size = product(cg, shape)

            def element_at(indices):
                position = python_mod(cg, cg.b.sub(flat_position(cg, indices, shape), shift),
                                      size)
                return element_of(cg, args[0], array, unravel(cg, position, shape))
        return gathered(cg, r, shape, element_at)
    return Impl(result, emit, types, owned=True)


def count_of(cg, value, t, message: str) -> ll.Value:
    """An int count as int64; ValueError(message) when it is negative."""
    count = as_index(cg, value, t)
    cg.fail_if(cg.b.icmp_signed("<", count, i64(0)), "ValueError", message)
    return count


@rule("np.repeat", "method.repeat", callable_=True, params=("a", "repeats", "axis"))
def repeat_rule(types, consts):
    """np.repeat(a, n) and a.repeat(n): the elements in C order, each n times, in a new 1-d
    array (an array of counts, and axis=, are not supported)."""
    if len(types) != 2 or not isinstance(types[0], Array):
        if len(types) > 2 and types[2] != NONE:
            raise TypeRuleError("np.repeat(a, n) of the flattened array is what compiled code "
                                "supports (no axis=)")
        return None
    array = types[0]
    if not index_type_ok(types[1]):
        raise TypeRuleError("np.repeat(a, n) takes one int count here")

    def emit(cg, args, ts, r):
        b = cg.b
        shape = shape_of(cg, args[0], array)
        times = count_of(cg, args[1], ts[1], "repeats may not contain negative values.")
        return gathered(cg, r, [b.mul(product(cg, shape), times)], lambda indices: element_of(
            cg, args[0], array, unravel(cg, b.sdiv(indices[0], times), shape)))
    return Impl(Array(array.dtype, 1, "C"), emit, types, owned=True)


@rule("np.tile", callable_=True, params=("A", "reps"))
def tile_rule(types, consts):
    """np.tile(a, n): a repeated n times along its last axis, in a new array."""
    if len(types) != 2 or not isinstance(types[0], Array):
        return None
    array = types[0]
    if array.ndim == 0 or not index_type_ok(types[1]):
        raise TypeRuleError("np.tile(a, n) of an array of at least one dimension, with one int "
                            "count, is what compiled code supports")

    def emit(cg, args, ts, r):
        b = cg.b
        shape = shape_of(cg, args[0], array)
        times = count_of(cg, args[1], ts[1], "negative dimensions are not allowed")
        last = shape[-1]

        def element_at(indices):
            return element_of(cg, args[0], array, [*indices[:-1], b.srem(indices[-1], last)])
        return gathered(cg, r, [*shape[:-1], b.mul(last, times)], element_at)
    return Impl(Array(array.dtype, array.ndim, "C"), emit, types, owned=True)


def triangle(name: str, keep):
    """np.triu(m, k=0) / np.tril(m, k=0) of a matrix: a copy with zeros where keep(i, j, k)
    (as i1) fails."""
    def match(types, consts):
        if not types or not isinstance(types[0], Array):
            return None
        array = types[0]
        if array.ndim != 2 or not (len(types) < 2 or index_type_ok(types[1])):
            raise TypeRuleError(f"np.{name}(m, k) of a matrix, with an int k, is what compiled "
                                "code supports")

        def emit(cg, args, ts, r):
            b = cg.b
            k = as_index(cg, args[1], ts[1]) if len(ts) > 1 else i64(0)
            zero = cg.const(element_type(r), 0)
            return gathered(cg, r, shape_of(cg, args[0], array), lambda indices: b.select(
                keep(b, indices[0], indices[1], k), element_of(cg, args[0], array, indices),
                zero))
        return Impl(Array(array.dtype, 2, "C"), emit, types, owned=True)
    rule(f"np.{name}", callable_=True, params=("m", "k"))(match)


triangle("triu", lambda b, i, j, k: b.icmp_signed(">=", b.sub(j, i), k))
triangle("tril", lambda b, i, j, k: b.icmp_signed("<=", b.sub(j, i), k))


@rule("method.flatten")
def flatten_rule(types, consts):
    """a.flatten(): always a new 1-d array in C order."""
    if len(types) != 1 or not isinstance(types[0], Array):
        return None
    return Impl(Array(types[0].dtype, 1, "C"), emit_flatten, types, owned=True)


def emit_ravel(cg, args, types, result):
    """NumPy's ravel in C order: a view of a C-contiguous array, so that writes through it
    reach the array (kiln used to copy always), decided at run time for other layouts (a
    slice of rows is contiguous); a copy otherwise."""
    return view_or_copy(cg, args, types, result,
                        lambda cg_, a, r: ravel_view(cg_, a[0], types[0], r), emit_flatten)


def ravel_view(cg, value, source: Array, result: Array) -> ll.Value:
    """The elements of a C-contiguous array as a 1-d array, holding a new reference."""
    b = cg.b
    meminfo = b.extract_value(value, 0)
    nrt.incref(b, meminfo)
    size = product(cg, shape_of(cg, value, source))
    return make_array(cg, result, meminfo, b.extract_value(value, 1), [size],
                      [i64(itemsize(result))])


def emit_flatten(cg, args, types, result):
    """A new 1-d array in C order."""
    flat = Array(types[0].dtype, 1, "C")
    copy = emit_copy(cg, args, types, Array(types[0].dtype, types[0].ndim, "C"))
    size = product(cg, shape_of(cg, copy, Array(types[0].dtype, types[0].ndim, "C")))
    return make_array(cg, flat, cg.b.extract_value(copy, 0), cg.b.extract_value(copy, 1),
                      [size], [i64(itemsize(flat))])


@rule("method.astype")
def astype_rule(types, consts):
    if len(types) == 2 and isinstance(types[0], Array) and isinstance(types[1], DType):
        result = Array(types[1].dtype, types[0].ndim, "C")
        return Impl(result, emit_astype, types, owned=True)
    return None


@rule("np.linspace", callable_=True, params=("start", "stop", "num", "endpoint"))
def linspace_rule(types, consts):
    """NumPy's linspace: start + i * step, the last sample exactly `stop` (endpoint=True)."""
    if len(types) < 2 or not all(isinstance(t, Scalar) and is_number(t) and kind_of(t) in "biuf"
                                 for t in types[:2]):
        return None
    num = types[2] if len(types) > 2 else NONE
    endpoint = consts[3] if len(types) > 3 else True
    if num not in (NONE, INT) or (len(types) > 3 and type(endpoint) is not bool):
        raise TypeRuleError("np.linspace(start, stop, num=int, endpoint=True|False) with a "
                            "constant endpoint is supported")
    dtype = np.linspace(sample(types[0]), sample(types[1]), 2).dtype.name  # float32 stays
    return Impl(Array(dtype, 1, "C"), lambda cg, a, ts, r: emit_linspace(
        cg, a, ts, r, endpoint), types, owned=True)


def emit_linspace(cg, args, types, result, endpoint: bool):
    """In the result's float type throughout, as NumPy computes it."""
    b = cg.b
    element = element_type(result)
    real = cg_lltype(element)
    start, stop = (cast(cg, v, t, element, weak_check=False)
                   for v, t in zip(args[:2], types[:2]))
    num = args[2] if len(types) > 2 and types[2] == INT else i64(50)
    cg.fail_if(b.icmp_signed("<", num, i64(0)), "ValueError",
               "Number of samples must be non-negative.")
    div = b.sub(num, i64(1)) if endpoint else num
    delta = b.fsub(stop, start)
    step = b.fdiv(delta, b.sitofp(div, real))
    array = allocate(cg, result, [num])
    zero_step = b.fcmp_ordered("==", step, ll.Constant(real, 0.0))
    last = b.sub(num, i64(1))

    def value(k):
        i = b.sitofp(k, real)
        scaled = b.select(zero_step, b.fmul(b.fdiv(i, b.sitofp(div, real)), delta),
                          b.fmul(i, step))
        scaled = b.select(b.icmp_signed(">", div, i64(0)), scaled, b.fmul(i, delta))
        point = b.fadd(scaled, start)
        if endpoint:
            return b.select(b.and_(b.icmp_signed("==", k, last),
                                   b.icmp_signed(">", num, i64(1))), stop, point)
        return point
    fill(cg, array, result, value)
    return array


def accumulation(name: str, symbol: str):
    """a.cumsum(axis=None) / np.cumsum(a, axis=None), and cumprod: running sums (products) in
    C order, flattened; along one axis, a new C-ordered array of a's shape (NumPy's dtypes)."""
    def match(types, consts):
        if not types or not isinstance(types[0], Array):
            return None
        source = types[0]
        if symbol == "*" and kind_of(element_type(source)) == "c":
            raise TypeRuleError("cumprod of complex numbers is not supported in compiled code")
        axis = constant_axis(name, source, types[1:], consts[1:])
        dtype = getattr(np, name)(np.ones(1, dtype=source.dtype)).dtype.name
        if axis is None:
            return Impl(Array(dtype, 1, "C"),
                        lambda cg, a, ts, r: emit_accumulation(cg, a[0], ts[0], r, symbol),
                        types, owned=True)
        return Impl(Array(dtype, source.ndim, "C"),
                    lambda cg, a, ts, r: emit_accumulation_axis(cg, a[0], ts[0], r, axis, symbol),
                    types, owned=True)
    rule(f"method.{name}", params=("a", "axis"))(match)
    rule(f"np.{name}", callable_=True, params=("a", "axis"))(match)


def running_total(cg, source: Array, element: Scalar, symbol: str):
    """(start, add): the running sum (symbol "+") or product ("*") of elements of `source`, in
    `element`'s dtype. A sum starts at -0.0, which adds to any x as x itself (a -0.0
    included); a product at 1, which multiplies any real x as x."""
    b = cg.b
    total = cg.local(cg_lltype(element))

    def start():
        begin = {"f": -0.0, "c": complex(-0.0, -0.0)}.get(kind_of(element), 0)
        b.store(cg.const(element, begin if symbol == "+" else 1), total)

    def add(value):
        item = cast(cg, value, element_type(source), element, weak_check=False)
        running = emit_arithmetic(cg, symbol, [b.load(total), item], (element, element),
                                  element)
        b.store(running, total)
        return running
    return start, add


def emit_accumulation(cg, value, source: Array, result: Array, symbol: str) -> ll.Value:
    start, add = running_total(cg, source, element_type(result), symbol)
    start()
    return copy_into_new(cg, value, source, result, add)


def emit_accumulation_axis(cg, value, source: Array, result: Array, axis: int,
                     symbol: str) -> ll.Value:
    """For every line along `axis`, its running sums into the same line of a new array."""
    b = cg.b
    shape, strides = shape_of(cg, value, source), strides_of(cg, value, source)
    out = allocate(cg, result, shape)
    out_strides = strides_of(cg, out, result)
    start, add = running_total(cg, source, element_type(result), symbol)
    others = [k for k in range(source.ndim) if k != axis]

    def pointer(array, t: Array, offset):
        return b.bitcast(b.gep(b.extract_value(array, 1), [offset]), storage(t).as_pointer())

    def level(depth: int, offset, out_offset) -> None:
        if depth == len(others):
            start()

            def step(j):
                running = add(load_element(cg, pointer(value, source, b.add(
                    offset, b.mul(j, strides[axis]))), source))
                store_element(cg, pointer(out, result, b.add(
                    out_offset, b.mul(j, out_strides[axis]))), result, running)
            counted_loop(b, i64(0), shape[axis], step)
            return
        k = others[depth]
        counted_loop(b, i64(0), shape[k], lambda i: level(
            depth + 1, b.add(offset, b.mul(i, strides[k])),
            b.add(out_offset, b.mul(i, out_strides[k]))))
    level(0, i64(0), i64(0))
    return out


accumulation("cumsum", "+")
accumulation("cumprod", "*")


@rule("np.diff", callable_=True, params=("a", "n", "axis"))
def diff_rule(types, consts):
    """np.diff(a, axis=-1): a new C-ordered array of each element along the axis minus the one
    before it (NumPy's dtype of a - a; for bools, NumPy's `!=`), one shorter on that axis."""
    if not types or not isinstance(types[0], Array):
        return None
    source = types[0]
    if len(types) > 1 and types[1] != NONE and consts[1] != 1:
        raise TypeRuleError("np.diff takes n=1 (the default) in compiled code",
                            "np.diff(np.diff(a)) for n=2")
    given = len(types) > 2 and types[2] != NONE
    axis = constant_axis("diff", source, types[2:3] if given else (INT,),
                         consts[2:3] if given else (-1,))
    dtype = np.diff(np.ones(2, dtype=source.dtype)).dtype.name
    return Impl(Array(dtype, source.ndim, "C"),
                lambda cg, a, ts, r: emit_diff(cg, a[0], ts[0], r, axis), types, owned=True)


def emit_diff(cg, value, source: Array, result: Array, axis: int) -> ll.Value:
    b = cg.b
    shape, strides = shape_of(cg, value, source), strides_of(cg, value, source)
    shorter = b.sub(shape[axis], i64(1))
    out_shape = list(shape)
    out_shape[axis] = b.select(b.icmp_signed("<", shorter, i64(0)), i64(0), shorter)
    out = allocate(cg, result, out_shape)
    element = element_type(result)

    def read(indices):
        offset: ll.Value = i64(0)
        for index, stride in zip(indices, strides):
            offset = b.add(offset, b.mul(index, stride))
        pointer = b.gep(b.extract_value(value, 1), [offset])
        item = load_element(cg, b.bitcast(pointer, storage(source).as_pointer()), source)
        return cast(cg, item, element_type(source), element, weak_check=False)

    def store(pointer, indices):
        after = list(indices)
        after[axis] = b.add(after[axis], i64(1))
        high, low = read(after), read(indices)
        if kind_of(element) == "b":
            difference = b.icmp_unsigned("!=", high, low)
        else:
            difference = emit_arithmetic(cg, "-", [high, low], (element, element), element)
        store_element(cg, pointer, result, difference)
    for_each(cg, out, result, store)
    return out
