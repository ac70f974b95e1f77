"""Joining arrays: np.concatenate, np.stack, np.vstack, np.hstack, np.column_stack.

    np.concatenate((a, b), axis=0)  -> a new C-ordered array: a, then b, along axis 0
    np.concatenate((a, b), axis=None)   -> the same of a and b flattened
    np.stack((a, b), axis=1)        -> concatenate of a[:, np.newaxis] and b[:, np.newaxis]
    np.vstack((a, b)), np.hstack((a, b)), np.column_stack((a, b))
                                    -> concatenate after NumPy's atleast_2d / atleast_1d rules
                                       (numpy/_core/shape_base.py)

The arrays are a tuple (a display or a tuple value) of arrays of any dtypes, layouts and, where
NumPy promotes them, ranks. The result's dtype is NumPy's result_type of theirs, and each input
is copied with the casts of an assignment into its own region of the result (`copy_broadcast`):

    out = np.empty(joined shape, result dtype)
    out[.., 0:len(a), ..] = a;  out[.., len(a):len(a) + len(b), ..] = b
"""
from __future__ import annotations

from llvmlite import ir as ll

from ..types import NONE, Array, Tuple, np
from .arrays import (allocate, constant_axis, contiguous_steps, copy_broadcast, itemsize,
                     make_array, product, shape_of, strides_of)
from .numbers import i64
from .registry import Impl, TypeRuleError, rule

CONCATENATE_MISMATCH = ("all the input array dimensions except for the concatenation axis must "
                        "match exactly, but along dimension {axis}, the array at index 0 and "
                        "the array at index {index} differ in size")
STACK_MISMATCH = "all input arrays must have the same shape"


def joined_arrays(name: str, types: tuple, taken: int) -> list[Array]:
    """The array types in the tuple that np.name joins, when it is given `taken` arguments at
    most (the arrays, and the axis if it takes one): out=, dtype= and casting= are refused
    here, numbers in the tuple too."""
    if len(types) > taken:
        what = "the arrays and an axis" if taken > 1 else "the arrays"
        raise TypeRuleError(f"np.{name}() takes {what} only here: out=, dtype= and casting= "
                            "are not supported",
                            f"np.{name}(arrays).astype(dtype) for another dtype")
    if not isinstance(types[0], Tuple) or not all(isinstance(t, Array) for t in types[0].items):
        raise TypeRuleError(f"np.{name}() takes a tuple of arrays here, not {types[0]}",
                            f"np.{name}((a, b)); a number x joins as the array np.full(1, x)")
    if not types[0].items:
        verb = "stack" if name == "stack" else "concatenate"
        raise TypeRuleError(f"need at least one array to {verb}")
    return list(types[0].items)


def result_dtype(items: list[Array]) -> str:
    """NumPy's common dtype of the inputs (int8 and float32 give float32, int64 and float32
    float64, bool and int8 int8)."""
    return np.result_type(*(t.dtype for t in items)).name


def same_ndim(ndims: list[int], message: str | None = None) -> int:
    """The rank every input has after promotion; a compile error (NumPy's ValueError) if not."""
    for index, ndim in enumerate(ndims):
        if ndim != ndims[0]:
            raise TypeRuleError(message or
                                "all the input arrays must have same number of dimensions, but "
                                f"the array at index 0 has {ndims[0]} dimension(s) and the array "
                                f"at index {index} has {ndim} dimension(s)")
    return ndims[0]


def join(types: tuple, items: list[Array], inserts: list[tuple[int, ...]], axis: int | None,
         mismatch: str) -> Impl:
    """np.concatenate(arrays, axis) after unit axes are inserted at the positions inserts[k]
    of array k (a (1, n) row of an (n,) array is an insert at 0): a new C-ordered array."""
    ndim = 1 if axis is None else items[0].ndim + len(inserts[0])
    result = Array(result_dtype(items), ndim, "C")

    def emit(cg, args, ts, r):
        parts = [with_unit_axes(cg, cg.b.extract_value(args[0], k), t, where)
                 for k, (t, where) in enumerate(zip(items, inserts))]
        if axis is None:
            return emit_concatenate_flat(cg, parts, r)
        return emit_concatenate(cg, parts, r, axis, mismatch)
    return Impl(result, emit, types, owned=True)


def with_unit_axes(cg, value, t: Array, where: tuple[int, ...]) -> tuple[ll.Value, Array]:
    """A view of `value` with axes of length 1 at the positions `where` of the view's axes
    (np.expand_dims), sharing its memory and its reference."""
    if not where:
        return value, t
    view = Array(t.dtype, t.ndim + len(where), "A", t.readonly)
    shape, strides = iter(shape_of(cg, value, t)), iter(strides_of(cg, value, t))
    axes = [(i64(1), i64(0)) if axis in where else (next(shape), next(strides))
            for axis in range(view.ndim)]
    b = cg.b
    return make_array(cg, view, b.extract_value(value, 0), b.extract_value(value, 1),
                      [size for size, _ in axes], [stride for _, stride in axes]), view


def emit_concatenate(cg, parts: list[tuple[ll.Value, Array]], result: Array, axis: int,
                     mismatch: str) -> ll.Value:
    """The parts one after another along `axis`; ValueError (before anything is allocated)
    when they differ in size along another axis."""
    b = cg.b
    shapes = [shape_of(cg, value, t) for value, t in parts]
    for index, shape in enumerate(shapes[1:], 1):
        for other, (size, first) in enumerate(zip(shape, shapes[0])):
            if other != axis:
                cg.fail_if(b.icmp_signed("!=", size, first), "ValueError",
                           mismatch.format(axis=other, index=index))
    joined = list(shapes[0])
    joined[axis] = sum_of(cg, [shape[axis] for shape in shapes])
    out = allocate(cg, result, joined)
    steps = strides_of(cg, out, result)
    copy_in_turn(cg, out, result, parts, lambda shape, ndim: steps,
                 lambda shape: b.mul(shape[axis], steps[axis]))
    return out


def emit_concatenate_flat(cg, parts: list[tuple[ll.Value, Array]], result: Array) -> ll.Value:
    """axis=None: the elements of each part in C order, one part after another."""
    b = cg.b
    unit = itemsize(result)
    sizes = [product(cg, shape_of(cg, value, t)) for value, t in parts]
    out = allocate(cg, result, [sum_of(cg, sizes)])
    copy_in_turn(cg, out, result, parts,
                 lambda shape, ndim: contiguous_steps(cg, shape, Array(result.dtype, ndim, "C"),
                                                      unit),
                 lambda shape: b.mul(product(cg, shape), i64(unit)))
    return out


def copy_in_turn(cg, out, result: Array, parts: list[tuple[ll.Value, Array]], steps_of,
                 length_of) -> None:
    """Copy each part, cast to the result's dtype, into the next region of `out`: a region
    of the part's shape whose byte strides are steps_of(shape, ndim), starting where the
    previous one ended (length_of(shape) bytes further on)."""
    b = cg.b
    data, offset = b.extract_value(out, 1), i64(0)
    for value, t in parts:
        shape = shape_of(cg, value, t)
        region_t = Array(result.dtype, t.ndim, "A")
        region = make_array(cg, region_t, b.extract_value(out, 0), b.gep(data, [offset]),
                            shape, steps_of(shape, t.ndim))
        copy_broadcast(cg, region, region_t, value, t, fresh=True)   # new memory: no overlap
        offset = b.add(offset, length_of(shape))


def sum_of(cg, values: list[ll.Value]) -> ll.Value:
    total: ll.Value = i64(0)
    for value in values:
        total = cg.b.add(total, value)
    return total


# ---- the functions -----------------------------------------------------------------------
@rule("np.concatenate", callable_=True, params=("arrays", "axis", "out", "dtype", "casting"))
def concatenate_rule(types, consts):
    """np.concatenate(arrays, axis=0): axis=None flattens; 0-d arrays cannot be joined."""
    items = joined_arrays("concatenate", types, 2)
    if items[0].ndim == 0:
        raise TypeRuleError("zero-dimensional arrays cannot be concatenated",
                            "np.stack or np.hstack, which make them 1-d first")
    inserts = [()] * len(items)
    if len(types) > 1 and types[1] == NONE:
        return join(types, items, inserts, None, CONCATENATE_MISMATCH)
    axis = constant_axis("concatenate", items[0], types[1:], consts[1:],
                         "np.concatenate(arrays, axis=1)") or 0
    same_ndim([t.ndim for t in items])
    return join(types, items, inserts, axis, CONCATENATE_MISMATCH)


@rule("np.stack", callable_=True, params=("arrays", "axis", "out", "dtype", "casting"))
def stack_rule(types, consts):
    """np.stack(arrays, axis=0): arrays of one shape along a new axis of the result."""
    items = joined_arrays("stack", types, 2)
    ndim = same_ndim([t.ndim for t in items], STACK_MISMATCH) + 1
    if len(types) > 1 and types[1] == NONE:
        raise TypeRuleError("np.stack(axis=None) is not an axis (NumPy's TypeError)",
                            "np.stack(arrays, axis=0)")
    axis = constant_axis("stack", Array(items[0].dtype, ndim), types[1:], consts[1:],
                         "np.stack(arrays, axis=1)") or 0
    return join(types, items, [(axis,)] * len(items), axis, STACK_MISMATCH)


def promoted(items: list[Array], rows: bool) -> list[tuple[int, ...]]:
    """Where atleast_2d (rows) or atleast_1d puts each input's new unit axes: an (n,) array
    becomes a (1, n) row, a 0-d one (1, 1) or (1,)."""
    least = 2 if rows else 1
    return [tuple(range(max(least - t.ndim, 0))) for t in items]


@rule("np.vstack", callable_=True, params=("tup", "dtype", "casting"))
def vstack_rule(types, consts):
    """np.vstack(tup): atleast_2d of each, joined along axis 0."""
    items = joined_arrays("vstack", types, 1)
    inserts = promoted(items, rows=True)
    same_ndim([t.ndim + len(where) for t, where in zip(items, inserts)])
    return join(types, items, inserts, 0, CONCATENATE_MISMATCH)


@rule("np.hstack", callable_=True, params=("tup", "dtype", "casting"))
def hstack_rule(types, consts):
    """np.hstack(tup): atleast_1d of each, joined along axis 0 if the first is 1-d, else 1."""
    items = joined_arrays("hstack", types, 1)
    inserts = promoted(items, rows=False)
    ndims = [t.ndim + len(where) for t, where in zip(items, inserts)]
    axis = 0 if ndims[0] == 1 else 1
    same_ndim(ndims)
    return join(types, items, inserts, axis, CONCATENATE_MISMATCH)


@rule("np.column_stack", callable_=True)
def column_stack_rule(types, consts):
    """np.column_stack(tup): an (n,) array becomes an (n, 1) column (a 0-d one (1, 1)), the
    others are kept; joined along axis 1."""
    items = joined_arrays("column_stack", types, 1)
    inserts = [(1,) if t.ndim == 1 else (0, 1) if t.ndim == 0 else () for t in items]
    same_ndim([t.ndim + len(where) for t, where in zip(items, inserts)])
    return join(types, items, inserts, 1, CONCATENATE_MISMATCH)
