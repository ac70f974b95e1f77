"""Reductions: a whole array to one NumPy scalar, or one axis of it away.

    a.sum(), np.sum(a), a.prod(), a.mean(), a.min(), a.max(), a.argmin(), a.argmax(),
    a.any(), a.all()
    a.sum(axis=1), np.max(a, -1), a.argmin(0)     -> a new array without that axis
                                                     (for a 1-d array, the scalar)

The axis is a constant int (negative counts from the end). Result dtypes are asked of NumPy.
The order of a float sum decides its rounding, so kiln adds in NumPy's order: pairwise (its
pairwise_sum) over a contiguous array and along the axis NumPy's iterator runs innermost
(`numpy_inner_axis`), left to right along any other axis. Sums and means match NumPy's bit
for bit. (Not yet modelled: a whole-array sum of a
non-contiguous view, which kiln copies in NumPy's axis order and sums pairwise in one go,
while NumPy buffers it in chunks of 8,192 elements: with more elements than that, the last
bits can differ.) Every other
reduction is a left fold (`Fold`) in index order, which is what NumPy computes too.
"""
from __future__ import annotations

import functools
import math

from llvmlite import ir as ll

from ..llvm_ir import counted_loop
from ..runtime import nrt
from ..types import BOOL, INT, NONE, NUMPY, Array, Scalar, is_number, np, numpy_dtype
from .arrays import (
    allocate,
    cg_lltype,
    constant_axis,
    contiguous_steps,
    copy_into_new,
    element_of,
    element_type,
    emit_copy,
    for_each,
    for_each_line,
    i64,
    itemsize,
    load_element,
    make_array,
    product,
    shape_of,
    storage,
    store_element,
    strides_of,
    transpose,
)
from .npscalars import (cast, complex_compare, complex_stays, emit_arithmetic, emit_compare,
                        has_nan_part, kind_of, make_complex)
from .registry import Impl, TypeRuleError, resolve, rule
from .ufuncs import elementwise, exact_call, result_dtype

I1, I64 = ll.IntType(1), ll.IntType(64)
I8P = ll.IntType(8).as_pointer()


# ---- folds: what a reduction does with one element after another -------------------------
class Fold:
    """A reduction as a left fold: `start()` before the first element, `step(item, k)` for
    the k-th, `value()` after the last. The state lives in entry-block slots, so one fold
    may run once per line inside a loop."""

    def __init__(self, cg, element: Scalar, result: Scalar):
        self.cg, self.element, self.result = cg, element, result


class Accumulate(Fold):
    """sum and prod: the identity, then `total = total + item` (or `*`), every item cast to
    the result dtype first, as in NumPy's loops. NumPy's arithmetic in the result's dtype
    (integers wrap); a complex product `in_array_loop` is fused as NumPy's SIMD loops fuse it
    (npscalars.complex_multiply), else it is not, as in its scalar reduction loops."""

    def __init__(self, cg, element: Scalar, result: Scalar, symbol: str,
                 in_array_loop: bool = False):
        super().__init__(cg, element, result)
        self.symbol, self.in_array_loop = symbol, in_array_loop
        self.total = cg.local(cg_lltype(result))

    def start(self) -> None:
        self.cg.b.store(self.cg.const(self.result, 0 if self.symbol == "+" else 1), self.total)

    def step(self, item, k) -> None:
        b = self.cg.b
        value = cast(self.cg, item, self.element, self.result, weak_check=False)
        combined = emit_arithmetic(self.cg, self.symbol, [b.load(self.total), value],
                                   (self.result, self.result), self.result,
                                   self.in_array_loop)
        b.store(combined, self.total)

    def value(self) -> ll.Value:
        return self.cg.b.load(self.total)


class Extreme(Fold):
    """min/max (a NaN wins) or argmin/argmax (the position of the first such element).
    Of equal values min and max keep the later, which only shows between 0.0 and -0.0: that
    is what NumPy's scalar loops do (its SIMD loops may keep either). Complex numbers are
    ordered by real part, then imaginary part, and one with a NaN part wins (complex_take)."""

    def __init__(self, cg, element: Scalar, result: Scalar, name: str):
        super().__init__(cg, element, result)
        self.symbol = "<" if name.endswith("min") else ">"
        self.want_index = name.startswith("arg")
        self.best = cg.local(cg_lltype(element))
        self.best_index = cg.local(I64)

    def start(self) -> None:
        self.cg.b.store(self.cg.const(self.element, 0), self.best)
        self.cg.b.store(i64(0), self.best_index)

    def step(self, item, k) -> None:
        b = self.cg.b
        current = b.load(self.best)
        first = b.icmp_signed("==", k, i64(0))
        symbol = self.symbol if self.want_index else self.symbol + "="
        if kind_of(self.element) == "c":
            take = b.or_(first, self.complex_take(item, current))
        elif kind_of(self.element) == "f":
            better = b.fcmp_ordered(symbol, item, current)
            nan_now = b.fcmp_unordered("uno", item, item)
            nan_before = b.fcmp_unordered("uno", current, current)
            take = b.or_(first, b.and_(b.not_(nan_before), b.or_(better, nan_now)))
        else:
            compare = b.icmp_unsigned if kind_of(self.element) in "ub" else b.icmp_signed
            take = b.or_(first, compare(symbol, item, current))
        b.store(b.select(take, item, current), self.best)
        b.store(b.select(take, k, b.load(self.best_index)), self.best_index)

    def complex_take(self, item, current) -> ll.Value:
        """Does `item` replace `current`? min and max as np.minimum/np.maximum(current,
        item) (complex_stays); argmin and argmax as NumPy's argfunc: `item` strictly smaller
        or larger in plain lexicographic order, or with a NaN part, unless `current` has
        one (the first NaN wins)."""
        b = self.cg.b
        if not self.want_index:
            return b.not_(complex_stays(self.cg, self.symbol + "=", current, item))
        better = complex_compare(self.cg, self.symbol, item, current, in_array_loop=False)
        return b.and_(b.not_(has_nan_part(self.cg, current)),
                      b.or_(better, has_nan_part(self.cg, item)))

    def value(self) -> ll.Value:
        return self.cg.b.load(self.best_index if self.want_index else self.best)


class NanExtreme(Fold):
    """nanmin/nanmax of floats, as NumPy's fmin/fmax reduction: NaN left out (all NaN: NaN),
    and of equal values the one its scalar loop keeps, which NumPy versions differ on (2.2
    keeps the later, 2.4 the earlier: asked of the NumPy installed); its SIMD loops over
    longer arrays may keep either of 0.0 and -0.0."""

    def __init__(self, cg, element: Scalar, result: Scalar, name: str):
        super().__init__(cg, element, result)
        later = keeps_later_zero(name, numpy_dtype(element))
        self.symbol = ("<" if name == "nanmin" else ">") + "=" * later
        self.best = cg.local(cg_lltype(element))

    def start(self) -> None:
        self.cg.b.store(ll.Constant(cg_lltype(self.element), math.nan), self.best)

    def step(self, item, k) -> None:
        b = self.cg.b
        current = b.load(self.best)
        take = b.or_(b.fcmp_unordered("uno", current, current),
                     b.fcmp_ordered(self.symbol, item, current))
        b.store(b.select(take, item, current), self.best)

    def value(self) -> ll.Value:
        return self.cg.b.load(self.best)


@functools.cache
def keeps_later_zero(name: str, dtype: str) -> bool:
    """Does NumPy's fmin/fmax reduction keep the later of 0.0 and -0.0?"""
    ufunc = np.fmin if name == "nanmin" else np.fmax
    return bool(np.signbit(ufunc.reduce(np.array([0.0, -0.0], dtype))))


class Truth(Fold):
    """any/all: whether any (every) element is true as a bool (nonzero; NaN counts)."""

    def __init__(self, cg, element: Scalar, result: Scalar, name: str):
        super().__init__(cg, element, result)
        self.every = name == "all"
        self.state = cg.local(I1)

    def start(self) -> None:
        self.cg.b.store(ll.Constant(I1, int(self.every)), self.state)

    def step(self, item, k) -> None:
        b = self.cg.b
        truth = cast(self.cg, item, self.element, NUMPY["bool"], weak_check=False)
        combine = b.and_ if self.every else b.or_
        b.store(combine(b.load(self.state), truth), self.state)

    def value(self) -> ll.Value:
        return self.cg.b.load(self.state)


class Count(Fold):
    """count_nonzero: how many elements are true as bools (nonzero; NaN counts)."""

    def __init__(self, cg, element: Scalar, result: Scalar):
        super().__init__(cg, element, result)
        self.count = cg.local(I64)

    def start(self) -> None:
        self.cg.b.store(i64(0), self.count)

    def step(self, item, k) -> None:
        b = self.cg.b
        truth = cast(self.cg, item, self.element, NUMPY["bool"], weak_check=False)
        b.store(b.add(b.load(self.count), b.zext(truth, I64)), self.count)

    def value(self) -> ll.Value:
        return self.cg.b.load(self.count)


def empty_message(name: str) -> str:
    """NumPy's ValueError for min/max/argmin/argmax of nothing."""
    if name.startswith("arg"):
        return f"attempt to get {name} of an empty sequence"
    ufunc = "minimum" if name == "min" else "maximum"
    return f"zero-size array to reduction operation {ufunc} which has no identity"


def fold_all(cg, value, t: Array, fold) -> ll.Value:
    """The fold over every element of `t`, in C order."""
    b = cg.b
    position = cg.local(I64)
    b.store(i64(0), position)
    fold.start()

    def visit(pointer, _):
        k = b.load(position)
        fold.step(load_element(cg, pointer, t), k)
        b.store(b.add(k, i64(1)), position)
    for_each(cg, value, t, visit)
    return fold.value()


def fold_line(cg, line, count, stride, t: Array, fold) -> ll.Value:
    """The fold over `count` elements of `t` from the byte address `line`, `stride` apart."""
    b = cg.b
    fold.start()

    def visit(k):
        pointer = b.bitcast(b.gep(line, [b.mul(k, stride)]), storage(t).as_pointer())
        fold.step(load_element(cg, pointer, t), k)
    counted_loop(b, i64(0), count, visit)
    return fold.value()


# ---- pairwise float sums -----------------------------------------------------------------
def pairwise(cg, data, count, stride, t: Array, result: Scalar) -> ll.Value:
    """0 + NumPy's pairwise sum of `count` elements of `t` (cast to the float `result`) from
    the byte address `data`, `stride` bytes apart. (NumPy starts from the identity too, so
    a sum of -0.0 is 0.0.) A complex sum is a {real, imaginary} pair."""
    lanes = 2 if kind_of(result) == "c" else 1
    part = cg_lltype(NUMPY["float64"]) if lanes == 2 else cg_lltype(result)
    returned = ll.LiteralStructType([part] * lanes)
    helper = cg.helper(f"kiln.pairwise.{t.dtype}.{result}", returned, [I8P, I64, I64],
                       lambda b, fn: build_pairwise(b, fn, t, part, lanes))
    parts = count if lanes == 1 else cg.b.mul(count, i64(lanes))
    total = cg.b.call(helper, [data, parts, stride])
    sums = [cg.b.fadd(ll.Constant(part, 0.0), cg.b.extract_value(total, lane))
            for lane in range(lanes)]
    return sums[0] if lanes == 1 else make_complex(cg, *sums)


def build_pairwise(b: ll.IRBuilder, fn: ll.Function, t: Array, kind: ll.Type,
                   lanes: int) -> None:
    """NumPy's pairwise_sum over n numbers: below 8 a plain loop; up to 128 eight running
    sums combined as ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) plus the tail; above that, halves
    (a multiple of 8 first) summed recursively. A complex array is summed as NumPy does,
    as its 2n parts in memory order (lanes=2): running sum k adds parts of lane k % 2, the
    real sum is (r0+r2)+(r4+r6) and the imaginary (r1+r3)+(r5+r7)."""
    data, n, stride = fn.args
    unsigned = kind_of(element_type(t)) in "ub"
    totals = [b.alloca(kind) for _ in range(lanes)]     # entry-block slots: mem2reg keeps
    sums = [b.alloca(kind) for _ in range(8)]           # them in registers

    def load(k):
        """Part k: element k // lanes, its part k % lanes."""
        element = b.lshr(k, i64(1)) if lanes > 1 else k
        address = b.gep(data, [b.mul(element, stride)])
        if lanes > 1:
            address = b.gep(address, [b.mul(b.and_(k, i64(1)), i64(8))])
        raw = b.load(b.bitcast(address, (kind if lanes > 1 else storage(t)).as_pointer()))
        if raw.type == kind:
            return raw
        if isinstance(raw.type, ll.IntType):
            return b.uitofp(raw, kind) if unsigned else b.sitofp(raw, kind)
        return b.fpext(raw, kind)

    def add_to(slot, value):
        b.store(b.fadd(b.load(slot), value), slot)

    def add_tail(start, end):
        def add(k):
            for lane, total in enumerate(totals):
                add_to(total, load(b.add(k, i64(lane))))
        counted_loop(b, start, end, add, step=lanes)

    def finish():
        result = ll.Constant(fn.return_value.type, ll.Undefined)
        for lane, total in enumerate(totals):
            result = b.insert_value(result, b.load(total), lane)
        b.ret(result)

    with b.if_then(b.icmp_signed("<", n, i64(8))):
        for total in totals:
            b.store(ll.Constant(kind, 0.0), total)
        add_tail(i64(0), n)
        finish()
    with b.if_then(b.icmp_signed("<=", n, i64(128))):
        for j, slot in enumerate(sums):
            b.store(load(i64(j)), slot)
        whole = b.sub(n, b.srem(n, i64(8)))

        def eight(i):
            for j, slot in enumerate(sums):
                add_to(slot, load(b.add(i, i64(j))))
        counted_loop(b, i64(8), whole, eight, step=8)
        r = [b.load(slot) for slot in sums]
        if lanes == 1:
            b.store(b.fadd(b.fadd(b.fadd(r[0], r[1]), b.fadd(r[2], r[3])),
                           b.fadd(b.fadd(r[4], r[5]), b.fadd(r[6], r[7]))), totals[0])
        else:
            for lane, total in enumerate(totals):
                b.store(b.fadd(b.fadd(r[lane], r[lane + 2]), b.fadd(r[lane + 4], r[lane + 6])),
                        total)
        add_tail(whole, n)
        finish()
    half = b.sdiv(n, i64(2))
    half = b.sub(half, b.srem(half, i64(8)))
    left = b.call(fn, [data, half, stride])
    second = b.gep(data, [b.mul(b.lshr(half, i64(lanes - 1)), stride)])
    right = b.call(fn, [second, b.sub(n, half), stride])
    result = ll.Constant(fn.return_value.type, ll.Undefined)
    for lane in range(lanes):
        result = b.insert_value(result, b.fadd(b.extract_value(left, lane),
                                               b.extract_value(right, lane)), lane)
    b.ret(result)


def numpy_axis_order(cg, value, t: Array) -> list[tuple[ll.Value, ll.Value, ll.Value]]:
    """The axes in the order NumPy's iterator runs them over this array, innermost first, as
    (axis, |stride| or 0, length) i64 triples. It sorts the axes by |stride|, smallest
    innermost, with an insertion sort that starts from the last axis, keeps ties in place and
    lets a zero stride (which is also what an axis of length 1 gets) compare with nothing
    (npyiter_fill_axisdata, npyiter_find_best_axis_ordering)."""
    b = cg.b
    shape, strides = shape_of(cg, value, t), strides_of(cg, value, t)
    zero = i64(0)

    def entry(axis):
        stride, size = strides[axis], shape[axis]
        magnitude = b.select(b.icmp_signed("<", stride, zero), b.neg(stride), stride)
        return i64(axis), b.select(b.icmp_signed("==", size, i64(1)), zero, magnitude), size

    def choose(condition, first, second):
        return tuple(b.select(condition, x, y) for x, y in zip(first, second))

    order = [entry(t.ndim - 1)]
    for placed, axis in enumerate(range(t.ndim - 2, -1, -1), start=1):
        new = entry(axis)
        position, stopped = i64(placed), ll.Constant(I1, 0)
        for i in range(placed - 1, -1, -1):          # walk left past larger strides
            other = order[i][1]
            compared = b.and_(b.icmp_signed("!=", new[1], zero),
                              b.icmp_signed("!=", other, zero))
            compared = b.and_(compared, b.not_(stopped))
            larger = b.icmp_unsigned(">", other, new[1])
            position = b.select(b.and_(compared, larger), i64(i), position)
            stopped = b.or_(stopped, b.and_(compared, b.not_(larger)))
        inserted = []
        for j in range(placed + 1):                   # order[:position] + [new] + the rest
            kept = order[j] if j < placed else new
            shifted = choose(b.icmp_signed("==", position, i64(j)), new,
                             order[j - 1] if j > 0 else new)
            inserted.append(choose(b.icmp_signed(">", position, i64(j)), kept, shifted))
        order = inserted
    return order


def numpy_inner_axis(cg, value, t: Array) -> ll.Value:
    """The axis NumPy's iterator runs innermost over this array (an i64; -1 if every axis
    has length 1): the first of numpy_axis_order once axes of length 1 drop out
    (npyiter_coalesce_axes). A reduction along that axis hands each line to one call of
    NumPy's inner loop, which is where float sums go pairwise."""
    b = cg.b
    inner: ll.Value = i64(-1)
    for axis_value, _, size in reversed(numpy_axis_order(cg, value, t)):
        inner = b.select(b.icmp_signed("!=", size, i64(1)), axis_value, inner)
    return inner


# ---- whole arrays ------------------------------------------------------------------------
def in_numpy_order(cg, value, t: Array) -> tuple[ll.Value, Array]:
    """A view of the array whose C order is the order NumPy visits it in when it reduces the
    whole array (which decides rounding: a product, a pairwise sum): memory order for a
    Fortran array; for any other view, its axes in numpy_axis_order. (NumPy then sums a view
    that is not contiguous in buffers of 8,192 elements; the README says where that shows.)"""
    if t.ndim <= 1 or t.layout == "C":
        return value, t
    if t.layout == "F":
        c_t = Array(t.dtype, t.ndim, "C")
        return transpose(cg, value, t, c_t), c_t
    b = cg.b
    strides = strides_of(cg, value, t)
    order = numpy_axis_order(cg, value, t)

    def stride_of(axis_value):
        chosen = strides[0]
        for k in range(1, t.ndim):
            chosen = b.select(b.icmp_signed("==", axis_value, i64(k)), strides[k], chosen)
        return chosen
    outermost_first = order[::-1]
    return make_array(cg, t, b.extract_value(value, 0), b.extract_value(value, 1),
                      [size for _, _, size in outermost_first],
                      [stride_of(axis_value) for axis_value, _, _ in outermost_first]), t


def flat_contiguous(cg, value, t: Array) -> tuple[ll.Value, Array, bool]:
    """The array itself when its elements lie one after another in memory (C, F or 1-d),
    else a C-ordered copy (owned: the caller releases it)."""
    if t.layout in ("C", "F") or t.ndim <= 1:
        return value, t, False
    copy_t = Array(t.dtype, t.ndim, "C")
    return emit_copy(cg, [value], (t,), copy_t), copy_t, True


def sum_all(cg, value, t: Array, result: Scalar) -> ll.Value:
    """Integers add up in C order; floats (and means of integers) pairwise in NumPy's order
    (see in_numpy_order)."""
    if kind_of(result) not in "fc":
        return fold_all(cg, value, t, Accumulate(cg, element_type(t), result, "+"))
    return pairwise_all(cg, *in_numpy_order(cg, value, t), result)


def pairwise_all(cg, value, t: Array, result: Scalar) -> ll.Value:
    """The pairwise sum of an array whose C order is already NumPy's (in_numpy_order)."""
    b = cg.b
    flat, flat_t, copied = flat_contiguous(cg, value, t)
    count = product(cg, shape_of(cg, flat, flat_t))
    stride = strides_of(cg, flat, flat_t)[0] if flat_t.ndim == 1 else i64(itemsize(flat_t))
    total = pairwise(cg, b.extract_value(flat, 1), count, stride, flat_t, result)
    if copied:
        nrt.decref(b, b.extract_value(flat, 0))
    return total


def prod_all(cg, value, t: Array, result: Scalar) -> ll.Value:
    """Element by element in NumPy's order (see in_numpy_order)."""
    view, view_t = in_numpy_order(cg, value, t)
    return fold_all(cg, view, view_t, Accumulate(cg, element_type(t), result, "*"))


def mean_all(cg, value, t: Array, result: Scalar) -> ll.Value:
    """The sum in the mean's dtype (float64 for integers), divided by the size."""
    return divide(cg, sum_all(cg, value, t, result), product(cg, shape_of(cg, value, t)), result)


def divide(cg, total, count, result: Scalar) -> ll.Value:
    """total / count as np.mean divides: by an int64 count, so a float32 mean is divided in
    float64 and rounded back."""
    double = NUMPY["float64"]
    size = cg.b.sitofp(count, cg_lltype(double))
    if kind_of(result) == "c":      # a complex division by count + 0j, Smith's way
        return emit_arithmetic(cg, "/", [total, size], (result, double), result)
    quotient = cg.b.fdiv(cast(cg, total, result, double, weak_check=False), size)
    return cast(cg, quotient, double, result, weak_check=False)


def extreme_all(name: str):
    """min and max visit the elements in NumPy's order (which of two NaNs, or of 0.0 and
    -0.0, they keep depends on it); argmin and argmax count positions in C order, as NumPy
    does (it makes the array C-contiguous first)."""
    def emit(cg, value, t: Array, result: Scalar) -> ll.Value:
        count = product(cg, shape_of(cg, value, t))
        cg.fail_if(cg.b.icmp_signed("==", count, i64(0)), "ValueError", empty_message(name))
        if not name.startswith("arg"):
            value, t = in_numpy_order(cg, value, t)
        return fold_all(cg, value, t, Extreme(cg, element_type(t), result, name))
    return emit


# ---- along an axis: each line of the array reduced to one element of the result ----------
# A line reducer maker runs once before the loop over lines (its checks come first) and
# returns reduce(address of the line's first element, length, stride in bytes) -> element.
def sum_lines(cg, value, t: Array, axis: int, result: Scalar):
    """Floats (complex too) pairwise where NumPy sums pairwise (along its innermost axis),
    else left to right."""
    fold = Accumulate(cg, element_type(t), result, "+")
    if kind_of(result) not in "fc":
        return lambda line, count, stride: fold_line(cg, line, count, stride, t, fold)
    return by_numpy_axis(cg, value, t, axis, result,
                         lambda line, count, stride: pairwise(cg, line, count, stride, t, result),
                         lambda line, count, stride: fold_line(cg, line, count, stride, t, fold))


def prod_lines(cg, value, t: Array, axis: int, result: Scalar):
    """Left to right. Along NumPy's innermost axis each line is one call of its reduction
    loop; along any other, NumPy multiplies whole rows of partial products by the next row
    with its array loop, which fuses a complex product (see Accumulate)."""
    fold = Accumulate(cg, element_type(t), result, "*")
    if kind_of(result) != "c":
        return lambda line, count, stride: fold_line(cg, line, count, stride, t, fold)
    fused = Accumulate(cg, element_type(t), result, "*", in_array_loop=True)
    return by_numpy_axis(cg, value, t, axis, result,
                         lambda line, count, stride: fold_line(cg, line, count, stride, t, fold),
                         lambda line, count, stride: fold_line(cg, line, count, stride, t, fused))


def by_numpy_axis(cg, value, t: Array, axis: int, result: Scalar, inner, other):
    """A line reducer that is `inner` when `axis` is the one NumPy's iterator runs innermost
    (numpy_inner_axis, known only at run time for views), else `other`."""
    b = cg.b
    along_inner = b.icmp_signed("==", numpy_inner_axis(cg, value, t), i64(axis))
    total = cg.local(cg_lltype(result))

    def reduce(line, count, stride):
        with b.if_else(along_inner) as (then, otherwise):
            with then:
                b.store(inner(line, count, stride), total)
            with otherwise:
                b.store(other(line, count, stride), total)
        return b.load(total)
    return reduce


def mean_lines(cg, value, t: Array, axis: int, result: Scalar):
    line_sum = sum_lines(cg, value, t, axis, result)
    return lambda line, count, stride: divide(cg, line_sum(line, count, stride), count, result)


def extreme_lines(name: str):
    def make(cg, value, t: Array, axis: int, result: Scalar):
        length = shape_of(cg, value, t)[axis]         # NumPy raises even for an empty result
        cg.fail_if(cg.b.icmp_signed("==", length, i64(0)), "ValueError", empty_message(name))
        fold = Extreme(cg, element_type(t), result, name)
        return lambda line, count, stride: fold_line(cg, line, count, stride, t, fold)
    return make


def along_axis(cg, value, t: Array, axis: int, result: Array, make_reducer) -> ll.Value:
    """A new C-ordered array of t's shape without `axis`, element k the reduction of line k."""
    b = cg.b
    reduce = make_reducer(cg, value, t, axis, element_type(result))
    shape, strides = shape_of(cg, value, t), strides_of(cg, value, t)
    out = allocate(cg, result, shape[:axis] + shape[axis + 1:])
    data = b.bitcast(b.extract_value(out, 1), storage(result).as_pointer())

    def visit(line, k):
        store_element(cg, b.gep(data, [k]), result, reduce(line, shape[axis], strides[axis]))
    for_each_line(cg, value, t, axis, visit)
    return out


# ---- the rules ---------------------------------------------------------------------------
WITH_DTYPE = ("a", "axis", "dtype", "out", "keepdims")      # NumPy's parameters, in order
WITHOUT_DTYPE = ("a", "axis", "out", "keepdims")


def reduction(name: str, whole, lines, alias: str | None = None, method: bool = True,
              params: tuple[str, ...] = WITHOUT_DTYPE):
    """a.name(axis=None, keepdims=False) (with `method`) and np.name(a, axis=None) (and
    np.alias: np.amax is np.max). `dtype=` and `out=` are not supported."""
    def match(types, consts):
        if not types or not isinstance(types[0], Array):
            return None
        array = types[0]
        given = dict(zip(params, zip(types, consts)))
        for unsupported in ("dtype", "out"):
            if given.get(unsupported, (NONE,))[0] != NONE:
                raise TypeRuleError(f"{name}({unsupported}=...) is not supported in compiled "
                                    "code", f"a.astype(...).{name}()" if unsupported == "dtype"
                                    else f"out[...] = a.{name}(...)")
        axis = constant_axis(name, array, types[1:2], consts[1:2])
        keep = keepdims(name, *given.get("keepdims", (NONE, None)))
        dtype = result_dtype(name, (array,))
        if axis is None or array.ndim == 1:
            impl = Impl(whole_result(name, array, dtype),
                        lambda cg, a, ts, r: whole(cg, a[0], ts[0], r), types)
        else:
            impl = Impl(Array(dtype, array.ndim - 1, "C"),
                        lambda cg, a, ts, r: along_axis(cg, a[0], ts[0], axis, r, lines),
                        types, owned=True)
        return kept_dims(impl, array, axis) if keep else impl
    if method:
        rule(f"method.{name}", params=params)(match)
    for key in (name, alias) if alias else (name,):
        rule(f"np.{key}", callable_=True, params=params)(match)


def whole_result(name: str, array: Array, dtype: str) -> Scalar:
    """The type of np.name of a whole array: a NumPy scalar, or a Python int where this NumPy
    gives one (np.count_nonzero before NumPy 2.3)."""
    sample = getattr(np, name)(np.ones(1, dtype=array.dtype))
    return INT if type(sample) is int else NUMPY[dtype]


def keepdims(name: str, t, value) -> bool:
    """keepdims=True or False, a constant (it decides the result's type)."""
    if t == NONE:
        return False
    if type(value) is not bool:
        raise TypeRuleError(f"{name}(keepdims=...) takes the constant True or False")
    return value


def kept_dims(impl: Impl, array: Array, axis: int | None) -> Impl:
    """A reduction with keepdims=True: the reduced axis (every axis, for axis=None) stays, of
    length 1, in a C-ordered array (the reduction's own array, or a new one for a number)."""
    result = Array(impl.result.dtype if isinstance(impl.result, Array) else
                   numpy_dtype(impl.result), array.ndim, "C")

    def emit(cg, args, types, r):
        b = cg.b
        value = impl.emit(cg, args, types, impl.result)
        if isinstance(impl.result, Array):          # along one axis of an n-d array
            shape = shape_of(cg, value, impl.result)
            shape.insert(axis, i64(1))
            return make_array(cg, r, b.extract_value(value, 0), b.extract_value(value, 1),
                              shape, contiguous_steps(cg, shape, r, itemsize(r)))
        out = allocate(cg, r, [i64(1)] * r.ndim)
        store_element(cg, b.bitcast(b.extract_value(out, 1), storage(r).as_pointer()), r, value)
        return out
    return Impl(result, emit, impl.argtypes, owned=True)


reduction("sum", sum_all, sum_lines, params=WITH_DTYPE)
reduction("prod", prod_all, prod_lines, params=WITH_DTYPE)
reduction("mean", mean_all, mean_lines, params=WITH_DTYPE)
for _name in ("min", "max", "argmin", "argmax"):
    reduction(_name, extreme_all(_name), extreme_lines(_name),
              {"min": "amin", "max": "amax"}.get(_name))


def folded(make_fold):
    """(whole, lines) for `reduction` from a Fold: make_fold(cg, element, result)."""
    def whole(cg, value, t: Array, result: Scalar) -> ll.Value:
        return fold_all(cg, value, t, make_fold(cg, element_type(t), result))

    def lines(cg, value, t: Array, axis: int, result: Scalar):
        fold = make_fold(cg, element_type(t), result)
        return lambda line, count, stride: fold_line(cg, line, count, stride, t, fold)
    return whole, lines


for _name in ("any", "all"):
    reduction(_name, *folded(lambda cg, element, result, name=_name:
                             Truth(cg, element, result, name)))
reduction("count_nonzero", *folded(Count), method=False, params=("a", "axis", "keepdims"))


@rule("np.average", callable_=True, params=("a", "axis", "weights", "returned", "keepdims"))
def average_rule(types, consts):
    """np.average(a, axis=None): a.mean(axis). With weights (a vector's, of its length), as
    NumPy's average computes it: in float64 for integers (else the common float type), the
    pairwise sum of a * weights divided by the pairwise sum of the weights, ZeroDivisionError
    when they sum to zero."""
    if not types or not isinstance(types[0], Array):
        return None
    array = types[0]
    if any(t != NONE for t in types[3:]):
        raise TypeRuleError("np.average(a, axis, weights) is what compiled code supports",
                            "no returned= or keepdims=")
    weights = types[2] if len(types) > 2 else NONE
    if weights == NONE:
        return resolve("np.mean", types[:2], consts[:2])
    if not isinstance(weights, Array) or array.ndim != 1 or weights.ndim != 1 or \
            (len(types) > 1 and types[1] != NONE):
        raise TypeRuleError("np.average with weights= of a 1-d array and weights of its "
                            "length is what compiled code supports")
    extra = ("f8",) if kind_of(element_type(array)) in "biu" else ()
    result = NUMPY[np.result_type(array.dtype, weights.dtype, *extra).name]
    if kind_of(result) != "f":
        raise TypeRuleError(f"np.average of {array.dtype} with {weights.dtype} weights is not "
                            "supported in compiled code")

    def emit(cg, args, ts, r):
        b = cg.b
        (values, value_t), (scale, scale_t) = (args[0], array), (args[2], weights)
        count, length = shape_of(cg, values, value_t)[0], shape_of(cg, scale, scale_t)[0]
        cg.fail_if(b.icmp_signed("!=", count, length), "TypeError",
                   "Axis must be specified when shapes of a and weights differ.")
        total_weight = pairwise(cg, b.extract_value(scale, 1), length,
                                strides_of(cg, scale, scale_t)[0], scale_t, result)
        cg.fail_if(b.fcmp_ordered("==", total_weight, ll.Constant(total_weight.type, 0.0)),
                   "ZeroDivisionError", "Weights sum to zero, can't be normalized")
        products_t = Array(numpy_dtype(result), 1, "C")
        products = elementwise(cg, [(values, value_t), (scale, scale_t)], products_t,
                               lambda cg_, v, vt: emit_arithmetic(
                                   cg_, "*", [cast(cg_, x, t, result, weak_check=False)
                                              for x, t in zip(v, vt)], (result, result), result))
        total = pairwise(cg, b.extract_value(products, 1), count, i64(itemsize(products_t)),
                         products_t, result)
        nrt.decref(b, b.extract_value(products, 0))
        return emit_arithmetic(cg, "/", [total, total_weight], (result, result), result)
    return Impl(result, emit, types)


@rule("np.ptp", callable_=True, params=("a", "axis", "out", "keepdims"))
def ptp_rule(types, consts):
    """np.ptp(a, axis=None): np.max minus np.min, as NumPy subtracts them (integers wrap in
    their dtype; NumPy refuses bools)."""
    if not types or not isinstance(types[0], Array):
        return None
    if any(t != NONE for t in types[2:]):
        raise TypeRuleError("np.ptp(a, axis) is what compiled code supports: no out= or keepdims=")
    high, low = resolve("np.max", types[:2], consts[:2]), resolve("np.min", types[:2], consts[:2])
    difference = resolve("-", (high.result, low.result))
    if difference is None:
        raise TypeRuleError(f"np.ptp of {types[0].dtype} values: NumPy cannot subtract them")

    def emit(cg, args, ts, r):
        extremes = [impl.emit(cg, args[:2], impl.argtypes, impl.result) for impl in (high, low)]
        answer = cg.apply(difference, extremes, (high.result, low.result))
        if isinstance(high.result, Array):
            for extreme in extremes:
                nrt.decref(cg.b, cg.b.extract_value(extreme, 0))
        return answer
    return Impl(difference.result, emit, types[:2], owned=isinstance(high.result, Array))


# ---- spread: a.var(), a.std(), np.var(a, ddof=1), a.var(axis=0) ------------------------
SPREAD_PARAMS = ("a", "axis", "dtype", "out", "ddof", "keepdims")


def spread(name: str):
    """a.var(ddof=0) and a.std(), as NumPy's _var computes them: the mean (a pairwise sum in
    NumPy's order, divided as np.mean divides), then the pairwise sum of the squared
    deviations, divided by max(n - ddof, 0); std is its square root. Integers are taken in
    float64; a complex deviation squares its parts and adds them. Along an axis, the same
    for each line: the means along the axis, the squared deviations in a new array laid out
    as NumPy lays out `a - mean` (C for a C array, F for a 2-d F array; other layouts, where
    NumPy's choice mixes both operands' strides, are refused), then their sums along the axis
    in NumPy's order for that layout."""
    def match(types, consts):
        if not types or not isinstance(types[0], Array):
            return None
        array = types[0]
        axis = constant_axis(name, array, types[1:2], consts[1:2])
        if any(t != NONE for t in types[2:4]):
            raise TypeRuleError(f"{name}() with dtype= or out= is not supported")
        if len(types) > 4 and types[4] not in (NONE, INT):
            raise TypeRuleError(f"{name}(ddof=...) takes an int")
        keep = keepdims(name, *(types[5], consts[5]) if len(types) > 5 else (NONE, None))
        dtype = result_dtype(name, (array,))
        if axis is None or array.ndim == 1:
            impl = Impl(NUMPY[dtype], lambda cg, a, ts, r: emit_spread(cg, name, a, ts, r),
                        types)
        else:
            if not (array.layout == "C" or array.layout == "F" and array.ndim == 2):
                raise TypeRuleError(f"{name}() along an axis of a strided or n-d Fortran array "
                                    "is not supported", f"np.ascontiguousarray(a).{name}("
                                    "axis=...)")
            impl = Impl(Array(dtype, array.ndim - 1, "C"),
                        lambda cg, a, ts, r: emit_spread_lines(cg, name, a, ts, axis, r),
                        types, owned=True)
        return kept_dims(impl, array, axis) if keep else impl
    rule(f"method.{name}", params=SPREAD_PARAMS)(match)
    rule(f"np.{name}", callable_=True, params=SPREAD_PARAMS)(match)


def deviation_type(t: Array, result: Scalar) -> Scalar:
    """The type NumPy computes a deviation from the mean in."""
    kind = kind_of(element_type(t))
    return NUMPY["complex128"] if kind == "c" else result if kind == "f" else NUMPY["float64"]


def squared_deviation(deviation_t: Scalar, mean=None):
    """compute(cg, values, types) for `elementwise`: (value - mean) squared (|.|**2 for a
    complex value), the mean given or the second operand."""
    def compute(cg, values, value_types):
        centre = mean if mean is not None else values[1]
        x = emit_arithmetic(cg, "-", [cast(cg, values[0], value_types[0], deviation_t,
                                           weak_check=False), centre],
                            (deviation_t, deviation_t), deviation_t)
        if deviation_t != NUMPY["complex128"]:
            return emit_arithmetic(cg, "*", [x, x], (deviation_t, deviation_t), deviation_t)
        real, imag = (cg.b.extract_value(x, k) for k in (0, 1))
        return cg.b.fadd(cg.b.fmul(real, real), cg.b.fmul(imag, imag))
    return compute


def degrees_of_freedom(cg, args, types, count) -> ll.Value:
    """max(count - ddof, 0)."""
    b = cg.b
    ddof = args[4] if len(types) > 4 and types[4] == INT else i64(0)
    left = b.sub(count, ddof)
    return b.select(b.icmp_signed(">", left, i64(0)), left, i64(0))


def emit_spread(cg, name: str, args, types, result: Scalar) -> ll.Value:
    b = cg.b
    value, t = args[0], types[0]
    count = product(cg, shape_of(cg, value, t))
    deviation_t = deviation_type(t, result)
    view, view_t = in_numpy_order(cg, value, t)
    mean = divide(cg, pairwise_all(cg, view, view_t, deviation_t), count, deviation_t)
    squares_t = Array(numpy_dtype(result), view_t.ndim, "C")
    squares = elementwise(cg, [(view, view_t)], squares_t, squared_deviation(deviation_t, mean))
    total = pairwise(cg, b.extract_value(squares, 1), count, i64(itemsize(squares_t)),
                     squares_t, result)
    nrt.decref(b, b.extract_value(squares, 0))
    variance = divide(cg, total, degrees_of_freedom(cg, args, types, count), result)
    return variance if name == "var" else exact_call(cg, "sqrt", variance)


def emit_spread_lines(cg, name: str, args, types, axis: int, result: Array) -> ll.Value:
    b = cg.b
    value, t = args[0], types[0]
    element = element_type(result)
    deviation_t = deviation_type(t, element)
    means_t = Array(numpy_dtype(deviation_t), t.ndim - 1, "C")
    means = along_axis(cg, value, t, axis, means_t, mean_lines)
    shape = shape_of(cg, means, means_t)
    shape.insert(axis, i64(1))
    kept_t = Array(means_t.dtype, t.ndim, "C")
    kept = make_array(cg, kept_t, b.extract_value(means, 0), b.extract_value(means, 1), shape,
                      contiguous_steps(cg, shape, kept_t, itemsize(kept_t)))
    squares_t = Array(result.dtype, t.ndim, t.layout)
    if t.layout == "F":      # NumPy's `a - mean` keeps a's order: made as (a.T - mean.T).T
        flipped_t, flipped_kept_t = Array(t.dtype, t.ndim, "C"), Array(kept_t.dtype, t.ndim, "F")
        flipped = elementwise(cg, [(transpose(cg, value, t, flipped_t), flipped_t),
                                   (transpose(cg, kept, kept_t, flipped_kept_t), flipped_kept_t)],
                              Array(result.dtype, t.ndim, "C"), squared_deviation(deviation_t))
        squares = transpose(cg, flipped, Array(result.dtype, t.ndim, "C"), squares_t)
    else:
        squares = elementwise(cg, [(value, t), (kept, kept_t)], squares_t,
                              squared_deviation(deviation_t))
    nrt.decref(b, b.extract_value(means, 0))
    left = degrees_of_freedom(cg, args, types, shape_of(cg, value, t)[axis])

    def spread_lines(cg_, v, vt, ax, res):
        line_sum = sum_lines(cg_, v, vt, ax, res)

        def reduce(line, count, stride):
            variance = divide(cg_, line_sum(line, count, stride), left, res)
            return variance if name == "var" else exact_call(cg_, "sqrt", variance)
        return reduce
    out = along_axis(cg, squares, squares_t, axis, result, spread_lines)
    nrt.decref(b, b.extract_value(squares, 0))
    return out


for _name in ("var", "std"):
    spread(_name)


# ---- np.nansum(a), np.nanmean(a), np.nanmin(a), np.nanmax(a): NaN left out ----------------
def whole_array(name: str, types: tuple, keywords: str) -> Array | None:
    """The array np.<name>(a) reduces, for calls with no other argument given (else a compile
    error naming the `keywords` left out); None if `a` is not an array."""
    if not types or not isinstance(types[0], Array):
        return None
    if any(t != NONE for t in types[1:]):
        raise TypeRuleError(f"np.{name}(a) of the whole array is what compiled code supports",
                            keywords)
    return types[0]


def nan_reduction(name: str, plain: str):
    """np.nansum(a) and np.nanmean(a) of the whole array, as NumPy computes them: a copy of
    the array with NaN made 0 (in NumPy's order-keeping copy: memory order for a Fortran
    array, else C order), summed pairwise; nanmean divides by the count of the others. Arrays
    without NaN (integers, bools) are np.sum and np.mean."""
    def match(types, consts):
        array = whole_array(name, types, "no axis=, dtype=, out= or keepdims=")
        if array is None:
            return None
        kind = kind_of(element_type(array))
        if kind != "f":
            if kind == "c":
                raise TypeRuleError(f"np.{name} of complex numbers is not supported")
            return resolve(f"np.{plain}", types[:1])
        if array.ndim > 1 and array.layout == "A":
            raise TypeRuleError(f"np.{name} of a strided n-d view: NumPy sums a copy in an "
                                "order of its own", f"np.{name}(a.copy())")
        dtype = result_dtype(plain, (array,))
        return Impl(NUMPY[dtype], lambda cg, a, ts, r: emit_nan_reduction(
            cg, a[0], ts[0], r, name == "nanmean"), types)
    rule(f"np.{name}", callable_=True, params=("a", "axis", "dtype", "out", "keepdims"))(match)


def emit_nan_reduction(cg, value, t: Array, result: Scalar, mean: bool) -> ll.Value:
    b = cg.b
    if t.layout == "F" and t.ndim > 1:
        c_t = Array(t.dtype, t.ndim, "C")
        value, t = transpose(cg, value, t, c_t), c_t
    copy_t = Array(t.dtype, t.ndim, "C")
    count = cg.local(I64)
    b.store(i64(0), count)

    def zero_nan(x):
        number = b.fcmp_ordered("ord", x, x)
        b.store(b.add(b.load(count), b.zext(number, I64)), count)
        return b.select(number, x, ll.Constant(x.type, 0.0))
    copy = copy_into_new(cg, value, t, copy_t, zero_nan)
    total = sum_all(cg, copy, copy_t, result)
    nrt.decref(b, b.extract_value(copy, 0))
    return divide(cg, total, b.load(count), result) if mean else total


nan_reduction("nansum", "sum")
nan_reduction("nanmean", "mean")


def nan_extreme(name: str, plain: str):
    """np.nanmin(a) and np.nanmax(a) of the whole array (NanExtreme, over the elements in
    NumPy's order; an empty array is NumPy's ValueError). Arrays without NaN (integers,
    bools) are np.min and np.max, with NumPy's message for an empty one."""
    ufunc = "fmin" if name == "nanmin" else "fmax"

    def match(types, consts):
        array = whole_array(name, types, "no axis=, out= or keepdims=")
        if array is None:
            return None
        kind = kind_of(element_type(array))
        if kind == "c":
            raise TypeRuleError(f"np.{name} of complex numbers is not supported")
        plain_impl = resolve(f"np.{plain}", types[:1])

        def emit(cg, args, ts, r):
            b = cg.b
            value, t = args[0], ts[0]
            empty = b.icmp_signed("==", product(cg, shape_of(cg, value, t)), i64(0))
            cg.fail_if(empty, "ValueError",
                       f"zero-size array to reduction operation {ufunc} which has no identity")
            if kind != "f":
                return plain_impl.emit(cg, [value], plain_impl.argtypes, plain_impl.result)
            value, t = in_numpy_order(cg, value, t)
            return fold_all(cg, value, t, NanExtreme(cg, element_type(t), r, name))
        return Impl(plain_impl.result, emit, types)
    rule(f"np.{name}", callable_=True, params=("a", "axis", "out", "keepdims"))(match)


nan_extreme("nanmin", "min")
nan_extreme("nanmax", "max")


# ---- x in a, x not in a: NumPy's (a == x).any() -------------------------------------------
def containment(negated: bool):
    def match(types, consts):
        item, container = types
        if not isinstance(container, Array) or isinstance(item, Array):
            return None
        if not is_number(item) and not numpy_dtype(item):
            return None
        element = element_type(container)

        def emit(cg, args, arg_types, result):
            b = cg.b
            found = cg.local(I1)
            b.store(ll.Constant(I1, 0), found)

            def visit(pointer, _):
                same = emit_compare(cg, "==", [load_element(cg, pointer, container), args[0]],
                                    (element, item), in_array_loop=True)
                b.store(b.or_(b.load(found), same), found)
            for_each(cg, args[1], container, visit)
            return b.not_(b.load(found)) if negated else b.load(found)
        return Impl(BOOL, emit, types)
    return match


rule("in")(containment(False))
rule("not in")(containment(True))


# ---- np.bincount(x, weights=None, minlength=0) ---------------------------------------------
@rule("np.bincount", callable_=True, params=("x", "weights", "minlength"))
def bincount_rule(types, consts):
    """np.bincount: how many times each value 0 .. max(x) occurs in a 1-d array of integers
    (int64 counts), or the sums of their weights (float64, added in x's order). NumPy's
    errors, in its order: a negative minlength, a negative value, weights of another length.
    An empty x with weights gives float64 zeros here (NumPy's are int64: its type depends on
    the length)."""
    if not types or not isinstance(types[0], Array):
        return None
    x = types[0]
    weights = types[1] if len(types) > 1 else NONE
    if x.ndim != 1 or kind_of(element_type(x)) not in "biu":
        raise TypeRuleError(f"np.bincount takes a 1-d array of integers, not {x}")
    if weights != NONE and (not isinstance(weights, Array) or weights.ndim != 1 or
                            kind_of(element_type(weights)) not in "biuf"):
        raise TypeRuleError(f"np.bincount's weights are a 1-d array of real numbers, not "
                            f"{weights}")
    if len(types) > 2 and types[2] not in (NONE, INT):
        raise TypeRuleError("np.bincount's minlength is an int")
    result = Array("int64" if weights == NONE else "float64", 1, "C")
    return Impl(result, emit_bincount, types, owned=True)


def emit_bincount(cg, args, types, result):
    b = cg.b
    x, x_t = args[0], types[0]
    weighted = len(types) > 1 and types[1] != NONE
    minlength = args[2] if len(types) > 2 and types[2] != NONE else i64(0)
    cg.fail_if(b.icmp_signed("<", minlength, i64(0)), "ValueError",
               "'minlength' must not be negative")
    n = shape_of(cg, x, x_t)[0]
    element = element_type(x_t)

    def value_at(k):
        item = element_of(cg, x, x_t, [k])
        return cast(cg, item, element, NUMPY["int64"], weak_check=False) \
            if kind_of(element) != "u" else b.zext(item, I64) if item.type != I64 else item
    largest, lowest = cg.local(I64), cg.local(I64)
    b.store(i64(-1), largest)
    b.store(i64(0), lowest)

    def scan(k):
        v = value_at(k)
        b.store(b.select(b.icmp_signed(">", v, b.load(largest)), v, b.load(largest)), largest)
        b.store(b.select(b.icmp_signed("<", v, b.load(lowest)), v, b.load(lowest)), lowest)
    counted_loop(b, i64(0), n, scan)
    cg.fail_if(b.icmp_signed("<", b.load(lowest), i64(0)), "ValueError",
               "'list' argument must have no negative elements")
    if weighted:
        w, w_t = args[1], types[1]
        cg.fail_if(b.and_(b.icmp_signed(">", n, i64(0)),
                          b.icmp_signed("!=", shape_of(cg, w, w_t)[0], n)), "ValueError",
                   "The weights and list don't have the same length.")
    size = b.add(b.load(largest), i64(1))
    size = b.select(b.icmp_signed("<", size, minlength), minlength, size)
    out = allocate(cg, result, [size], zeroed=True)
    data = b.bitcast(b.extract_value(out, 1), storage(result).as_pointer())

    def count(k):
        slot = b.gep(data, [value_at(k)])
        if weighted:
            weight = cast(cg, element_of(cg, w, w_t, [k]), element_type(w_t), NUMPY["float64"],
                          weak_check=False)
            b.store(b.fadd(b.load(slot), weight), slot)
        else:
            b.store(b.add(b.load(slot), i64(1)), slot)
    counted_loop(b, i64(0), n, count)
    return out
