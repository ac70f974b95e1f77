"""Sorting: np.sort(a) returns a sorted copy, a.sort() sorts in place; NaNs go last, as in NumPy.

    np.sort(a), np.sort(a, axis=0)    -> a new C-ordered array, every line along the axis sorted
    np.sort(a, axis=None)             -> the flattened array, sorted
    a.sort(), a.sort(axis=0)          -> None: a's lines sorted where they are

The axis is a constant int, -1 (the last) by default. Every line is sorted by one helper per
dtype, an introsort like NumPy's own: quicksort on a median of three, heapsort once the
partitions nest too deep, insertion sort for short ranges. A line whose elements are not
adjacent is copied into a scratch buffer, sorted there and copied back.
"""
from __future__ import annotations

from llvmlite import ir as ll

from ..llvm_ir import counted_loop, entry_slot, while_loop
from ..runtime import nrt
from ..types import NONE, NUMPY, Array, Text, np
from .arrays import (
    allocate,
    cg_lltype,
    constant_axis,
    element_type,
    emit_copy,
    for_each_line,
    i64,
    itemsize,
    load_element,
    shape_of,
    storage,
    strides_of,
)
from .npscalars import cast, kind_of
from .reductions import along_axis
from .registry import Impl, TypeRuleError, rule
from .reshaping import emit_flatten

I1, I64 = ll.IntType(1), ll.IntType(64)
SMALL = 16        # ranges this short are insertion-sorted (NumPy's SMALL_QUICKSORT)


class Range:
    """Elements base[0 .. n) of one dtype in memory, addressed by i64 index."""

    def __init__(self, b: ll.IRBuilder, base: ll.Value, t: Array):
        self.b, self.base, self.t = b, base, t

    def at(self, i) -> ll.Value:
        return self.b.gep(self.base, [i])

    def get(self, i) -> ll.Value:
        return self.b.load(self.at(i))

    def put(self, i, value) -> None:
        self.b.store(value, self.at(i))

    def swap(self, i, j) -> None:
        x, y = self.get(i), self.get(j)
        self.put(i, y)
        self.put(j, x)

    def less(self, x, y) -> ll.Value:
        return numpy_less(self.b, kind_of(element_type(self.t)), x, y)


def numpy_less(b: ll.IRBuilder, kind: str, x, y) -> ll.Value:
    """x < y in NumPy's order for values of a dtype kind: numbers as usual, every NaN after
    every number; complex numbers by real part, then imaginary part (complex_less)."""
    if kind == "c":
        return complex_less(b, x, y)
    if kind == "f":
        return b.or_(b.fcmp_ordered("<", x, y),
                     b.and_(b.fcmp_unordered("uno", y, y), b.fcmp_ordered("ord", x, x)))
    return (b.icmp_signed if kind == "i" else b.icmp_unsigned)("<", x, y)


def complex_less(b: ll.IRBuilder, x, y) -> ll.Value:
    """NumPy's sort order for complex numbers: by real part, then imaginary part, where a
    NaN part sorts after every number: R + Rj < R + nanj < nan + Rj < nan + nanj."""
    xr, xi, yr, yi = (b.extract_value(z, k) for z in (x, y) for k in (0, 1))

    def nan(v):
        return b.fcmp_unordered("uno", v, v)

    def number(v):
        return b.fcmp_ordered("ord", v, v)
    smaller_real = b.or_(number(xi), nan(yi))                   # xr < yr
    larger_real = b.and_(nan(yi), number(xi))                   # xr > yr
    same_real = b.or_(b.fcmp_ordered("<", xi, yi), b.and_(nan(yi), number(xi)))
    other = nan(yr)                                   # exactly one real part is NaN
    alike = b.or_(b.fcmp_ordered("==", xr, yr), b.and_(nan(xr), nan(yr)))
    return b.select(b.fcmp_ordered("<", xr, yr), smaller_real,
                    b.select(b.fcmp_ordered(">", xr, yr), larger_real,
                             b.select(alike, same_real, other)))


def build_introsort(b: ll.IRBuilder, fn: ll.Function, t: Array) -> None:
    """introsort(T* base, i64 n, i64 depth): sort base[0 .. n), step for step as NumPy's
    quicksort does (which decides where equal elements that differ, 0.0 and -0.0, land):

        if depth < 0: heapsort; return
        while n > SMALL:
            pivot = median of base[0], base[(n-1)/2], base[n-1], parked at n-2
            partition base[1 .. n-2) around it; the pivot lands at p
            depth -= 1
            sort the longer side by recursion (NumPy's stack), go on with the shorter
        insertion sort
    """
    base_arg, n_arg, depth_arg = fn.args
    base, size, depth = (entry_slot(b, kind) for kind in (base_arg.type, I64, I64))
    i, j, pivot = (entry_slot(b, kind) for kind in (I64, I64, storage(t)))
    b.store(base_arg, base)
    b.store(n_arg, size)
    b.store(depth_arg, depth)

    with b.if_then(b.icmp_signed("<", depth_arg, i64(0))):
        heapsort(b, Range(b, base_arg, t), n_arg)
        b.ret_void()

    def partition_step():
        n = b.load(size)
        b.store(b.sub(b.load(depth), i64(1)), depth)
        line = Range(b, b.load(base), t)
        last = b.sub(n, i64(1))
        middle = b.ashr(last, i64(1))
        for lower, upper in ((middle, i64(0)), (last, middle), (middle, i64(0))):
            with b.if_then(line.less(line.get(lower), line.get(upper))):
                line.swap(lower, upper)
        b.store(line.get(middle), pivot)
        line.swap(middle, b.sub(last, i64(1)))
        b.store(i64(0), i)
        b.store(b.sub(last, i64(1)), j)

        def advance():                  # i up past smaller elements, j down past larger ones
            b.store(b.add(b.load(i), i64(1)), i)
            while_loop(b, lambda: line.less(line.get(b.load(i)), b.load(pivot)),
                       lambda: b.store(b.add(b.load(i), i64(1)), i))
            b.store(b.sub(b.load(j), i64(1)), j)
            while_loop(b, lambda: line.less(b.load(pivot), line.get(b.load(j))),
                       lambda: b.store(b.sub(b.load(j), i64(1)), j))

        def exchange():
            line.swap(b.load(i), b.load(j))
            advance()
        advance()
        while_loop(b, lambda: b.icmp_signed("<", b.load(i), b.load(j)), exchange)
        p = b.load(i)
        line.swap(p, b.sub(last, i64(1)))
        right_size = b.sub(last, p)
        right_base = line.at(b.add(p, i64(1)))
        with b.if_else(b.icmp_signed("<", p, right_size)) as (left_shorter, right_not_longer):
            with left_shorter:
                b.call(fn, [right_base, right_size, b.load(depth)])
                b.store(p, size)
            with right_not_longer:
                b.call(fn, [b.load(base), p, b.load(depth)])
                b.store(right_base, base)
                b.store(right_size, size)

    while_loop(b, lambda: b.icmp_signed(">", b.load(size), i64(SMALL)), partition_step)
    insertion_sort(b, Range(b, b.load(base), t), b.load(size))
    b.ret_void()


def insertion_sort(b: ll.IRBuilder, line: Range, n) -> None:
    """for k in 1 .. n: move line[k] left past the larger elements before it."""
    position = entry_slot(b, I64)

    def insert(k):
        value = line.get(k)
        b.store(k, position)

        def larger_before():
            p = b.load(position)
            before = line.get(b.select(b.icmp_signed(">", p, i64(0)), b.sub(p, i64(1)), p))
            return b.and_(b.icmp_signed(">", p, i64(0)), line.less(value, before))

        def shift():
            p = b.load(position)
            line.put(p, line.get(b.sub(p, i64(1))))
            b.store(b.sub(p, i64(1)), position)
        while_loop(b, larger_before, shift)
        line.put(b.load(position), value)
    counted_loop(b, i64(1), n, insert)


def heapsort(b: ll.IRBuilder, line: Range, n) -> None:
    """Build a max-heap (1-based: the children of k are 2k and 2k + 1), then move its top to
    the end one element at a time."""
    heap = Range(b, b.gep(line.base, [i64(-1)]), line.t)
    count, top, hole, child = (entry_slot(b, I64) for _ in range(4))

    def sift(start, end, value):        # settle `value` down from `start` in heap[1 .. end]
        b.store(start, hole)
        b.store(b.add(start, start), child)

        def larger_child_above():
            c = b.load(child)
            inside = b.icmp_signed("<=", c, end)
            pair = b.icmp_signed("<", c, end)
            safe = b.select(inside, c, i64(1))
            right = b.select(pair, b.add(safe, i64(1)), safe)
            c = b.select(b.and_(pair, heap.less(heap.get(safe), heap.get(right))), right, safe)
            b.store(c, child)
            return b.and_(inside, heap.less(value, heap.get(c)))

        def descend():
            c = b.load(child)
            heap.put(b.load(hole), heap.get(c))
            b.store(c, hole)
            b.store(b.add(c, c), child)
        while_loop(b, larger_child_above, descend)
        heap.put(b.load(hole), value)

    b.store(b.ashr(n, i64(1)), top)

    def build():
        k = b.load(top)
        sift(k, n, heap.get(k))
        b.store(b.sub(k, i64(1)), top)
    while_loop(b, lambda: b.icmp_signed(">", b.load(top), i64(0)), build)
    b.store(n, count)

    def pop():
        end = b.load(count)
        value = heap.get(end)
        heap.put(end, heap.get(i64(1)))
        sift(i64(1), b.sub(end, i64(1)), value)
        b.store(b.sub(end, i64(1)), count)
    while_loop(b, lambda: b.icmp_signed(">", b.load(count), i64(1)), pop)


def sort_lines(cg, value, t: Array, axis: int) -> None:
    """Sort every line of `t` along `axis` where it lies."""
    b = cg.b
    element = storage(t)
    helper = cg.helper(f"kiln.introsort.{t.dtype}", ll.VoidType(),
                       [element.as_pointer(), I64, I64], lambda bd, fn: build_introsort(bd, fn, t))
    count, stride = shape_of(cg, value, t)[axis], strides_of(cg, value, t)[axis]
    size = i64(itemsize(t))
    log2 = b.sub(i64(63), cg.intrinsic("llvm.ctlz.i64", I64, [b.or_(count, i64(1)),
                                                              ll.Constant(I1, 0)]))
    depth = b.add(log2, log2)                    # NumPy's limit: 2 * floor(log2(n))
    adjacent = b.icmp_signed("==", stride, size)
    meminfo, scratch = nrt.allocate(b, b.select(adjacent, i64(0), b.mul(count, size)))
    cg.fail_if(nrt.allocation_failed(b, meminfo), "MemoryError", None)
    buffer = b.bitcast(scratch, element.as_pointer())

    def move(line, into_buffer: bool) -> None:
        def copy(k):
            item = b.bitcast(b.gep(line, [b.mul(k, stride)]), element.as_pointer())
            source, target = (item, b.gep(buffer, [k])) if into_buffer else \
                (b.gep(buffer, [k]), item)
            b.store(b.load(source), target)
        counted_loop(b, i64(0), count, copy)

    def sort(line, _):
        with b.if_else(adjacent) as (in_place, through_buffer):
            with in_place:
                b.call(helper, [b.bitcast(line, element.as_pointer()), count, depth])
            with through_buffer:
                move(line, True)
                b.call(helper, [buffer, count, depth])
                move(line, False)
    for_each_line(cg, value, t, axis, sort)
    nrt.decref(b, meminfo)


def sort_axis(name: str, types, consts) -> int | None:
    """The axis to sort along: the last when left out, None when given as None."""
    array = types[0]
    if not isinstance(array, Array) or array.ndim == 0:
        raise TypeRuleError(f"{name} sorts arrays of one or more dimensions, not {array}")
    if len(types) == 1:
        return array.ndim - 1
    return constant_axis("sort", array, types[1:], consts[1:])


@rule("np.sort", callable_=True, params=("a", "axis"))
def sort_rule(types, consts):
    """np.sort(a, axis=-1): a sorted C-ordered copy; axis=None sorts the flattened array."""
    if not types or not isinstance(types[0], Array):
        return None
    axis = sort_axis("np.sort", types, consts)
    if axis is None:
        flat = Array(types[0].dtype, 1, "C")
        return Impl(flat, lambda cg, a, ts, r: sorted_copy(
            cg, emit_flatten(cg, a[:1], ts[:1], r), r, 0), types, owned=True)
    result = Array(types[0].dtype, types[0].ndim, "C")
    return Impl(result, lambda cg, a, ts, r: sorted_copy(
        cg, emit_copy(cg, a[:1], ts[:1], r), r, axis), types, owned=True)


def sorted_copy(cg, copy, t: Array, axis: int) -> ll.Value:
    sort_lines(cg, copy, t, axis)
    return copy


@rule("method.sort", params=("a", "axis"))
def sort_method(types, consts):
    """a.sort(axis=-1): sorted in place."""
    if not types or not isinstance(types[0], Array):
        return None
    axis = sort_axis(".sort()", types, consts)
    if types[0].readonly:
        raise TypeRuleError("assignment destination is read-only",
                            "sort a writeable array, or take np.sort(a)")
    if axis is None:
        raise TypeRuleError("a.sort(axis=None) is not supported", "np.sort(a, axis=None)")

    def emit(cg, args, ts, r):
        sort_lines(cg, args[0], ts[0], axis)
        return ll.Constant(ll.IntType(8), 0)
    return Impl(NONE, emit, types)


# ---- np.median(a), np.median(a, axis=k): the middle of a sorted copy ------------------------
@rule("np.median", callable_=True, params=("a", "axis", "out", "overwrite_input", "keepdims"))
def median_rule(types, consts):
    """np.median(a) of the whole array or along one axis, as NumPy finds it: the middle
    element of the sorted elements (of each line), or the mean of the middle two ((lo + hi) /
    2, in float64 for integers); NaN when any element is NaN (it sorts last) or there are
    none."""
    if not types or not isinstance(types[0], Array):
        return None
    array = types[0]
    if any(t != NONE for t in types[2:]):
        raise TypeRuleError("np.median(a, axis=None) is what compiled code supports",
                            "no out=, overwrite_input= or keepdims=")
    if kind_of(element_type(array)) == "c":
        raise TypeRuleError("np.median of complex numbers is not supported in compiled code")
    axis = constant_axis("median", array, types[1:2], consts[1:2])
    with np.errstate(all="ignore"):
        dtype = np.median(np.ones(1, dtype=array.dtype)).dtype.name
    if axis is None or array.ndim == 1:
        return Impl(NUMPY[dtype], emit_median, types[:1])
    return Impl(Array(dtype, array.ndim - 1, "C"), lambda cg, a, ts, r: emit_median_lines(
        cg, a[0], ts[0], axis, r), types, owned=True)


def emit_median(cg, args, types, result):
    return from_sorted_elements(cg, args[0], types[0], lambda at, count, flat_t: middle_of_sorted(
        cg, at, count, flat_t, result))


def from_sorted_elements(cg, value, t: Array, pick) -> ll.Value:
    """pick(at, count, flat type) on a sorted flat copy of the array, at(k) its k-th element;
    the copy is freed after (median and the quantiles read one or two elements of it)."""
    b = cg.b
    flat_t = Array(t.dtype, 1, "C")
    flat = sorted_copy(cg, emit_flatten(cg, [value], (t,), flat_t), flat_t, 0)
    data = b.bitcast(b.extract_value(flat, 1), storage(flat_t).as_pointer())
    answer = pick(lambda k: load_element(cg, b.gep(data, [k]), flat_t),
                  shape_of(cg, flat, flat_t)[0], flat_t)
    nrt.decref(b, b.extract_value(flat, 0))
    return answer


def emit_median_lines(cg, value, t: Array, axis: int, result: Array) -> ll.Value:
    """A C-ordered copy sorted along the axis, then the middle of each of its lines."""
    b = cg.b
    copy_t = Array(t.dtype, t.ndim, "C")
    copy = sorted_copy(cg, emit_copy(cg, [value], (t,), copy_t), copy_t, axis)

    def middles(cg_, v, vt, ax, res):
        def reduce(line, count, stride):
            def at(k):
                pointer = b.bitcast(b.gep(line, [b.mul(k, stride)]), storage(vt).as_pointer())
                return load_element(cg_, pointer, vt)
            return middle_of_sorted(cg_, at, count, vt, res)
        return reduce
    out = along_axis(cg, copy, copy_t, axis, result, middles)
    nrt.decref(b, b.extract_value(copy, 0))
    return out


def middle_of_sorted(cg, at, count, t: Array, result) -> ll.Value:
    """The median of `count` sorted elements, at(k) the k-th (see median_rule)."""
    b = cg.b
    element = element_type(t)

    def item(k):
        return cast(cg, at(k), element, result, weak_check=False)
    answer = cg.local(cg_lltype(result))
    b.store(cg.const(result, float("nan")), answer)
    with b.if_then(b.icmp_signed(">", count, i64(0))):
        half = b.sdiv(count, i64(2))
        high = item(half)
        with b.if_else(b.trunc(count, ll.IntType(1))) as (odd, even):
            with odd:
                b.store(high, answer)
            with even:
                mean = b.fdiv(b.fadd(item(b.sub(half, i64(1))), high), cg.const(result, 2.0))
                b.store(mean, answer)
        if kind_of(element) == "f":
            last = item(b.sub(count, i64(1)))
            with b.if_then(b.fcmp_unordered("uno", last, last)):
                b.store(last, answer)
    return b.load(answer)


# ---- np.argsort(a, kind="stable"): the order of a stable sort --------------------------------
STABLE_KINDS = ("stable", "mergesort")
RUN = 16                        # argsort: runs this long are insertion sorted, then merged


@rule("np.argsort", callable_=True, params=("a", "axis", "kind", "order", "stable"))
def argsort_rule(types, consts):
    """np.argsort(a, kind="stable") (also "mergesort", or stable=True) and a.argsort(...) of a
    1-d array: the int64 indices that sort it, equal elements (0.0 and -0.0 too) in their
    order, NaN last. NumPy's default kind is a quicksort (SIMD code on some CPUs) that puts
    equal elements its own way, so it is refused rather than imitated."""
    if not types or not isinstance(types[0], Array):
        return None
    given = dict(zip(("a", "axis", "kind", "order", "stable"), zip(types, consts)))
    kind, stable = given.get("kind", (NONE, None))[0], given.get("stable", (NONE, None))
    if types[0].ndim != 1:
        raise TypeRuleError("argsort of a 1-d array is what compiled code supports",
                            "np.argsort(a.ravel(), kind='stable')")
    if given.get("order", (NONE,))[0] != NONE:
        raise TypeRuleError("argsort(order=...) is for structured arrays, which kiln does not have")
    chosen = isinstance(kind, Text) and kind.text in STABLE_KINDS or stable[1] is True
    if not chosen:
        raise TypeRuleError("argsort's default kind orders equal elements as NumPy's quicksort "
                            "does; compiled code does kind='stable'",
                            "np.argsort(a, kind='stable'): equal elements keep their order")
    return Impl(Array("int64", 1, "C"), emit_argsort, types, owned=True)


rule("method.argsort", params=("a", "axis", "kind", "order", "stable"))(argsort_rule)


def emit_argsort(cg, args, types, result):
    """A bottom-up merge sort of (element, index) pairs, the elements of a contiguous copy in
    one buffer and their indices in another, moved together so that a comparison reads its
    elements in order, not through the indices: runs of RUN insertion sorted, then runs of
    RUN, 2 RUN, ... merged from one pair of buffers into the other, the left run's element
    first unless the right one's is less (so equal elements keep their order)."""
    b = cg.b
    source = Array(types[0].dtype, 1, "C")
    keys = [emit_flatten(cg, args[:1], types[:1], source)]
    n = shape_of(cg, keys[0], source)[0]
    keys.append(allocate(cg, source, [n]))
    indices = [allocate(cg, result, [n]) for _ in range(2)]
    key_lines = [Range(b, b.bitcast(b.extract_value(a, 1), storage(source).as_pointer()), source)
                 for a in keys]
    index_lines = [Range(b, b.bitcast(b.extract_value(a, 1), I64.as_pointer()), result)
                   for a in indices]
    counted_loop(b, i64(0), n, lambda k: index_lines[0].put(k, k))
    width, flipped = entry_slot(b, I64), entry_slot(b, I1)
    left, right, start, position = (entry_slot(b, I64) for _ in range(4))

    def sort_run(lo):                   # insertion sort of one run, shifting past larger only
        hi = b.select(b.icmp_signed("<", b.add(lo, i64(RUN)), n), b.add(lo, i64(RUN)), n)
        key_line, index_line = key_lines[0], index_lines[0]

        def insert(k):
            value, index = key_line.get(k), index_line.get(k)
            b.store(k, position)

            def larger_before():
                p = b.load(position)
                before = key_line.get(b.select(b.icmp_signed(">", p, lo), b.sub(p, i64(1)), p))
                return b.and_(b.icmp_signed(">", p, lo), key_line.less(value, before))

            def shift():
                p = b.load(position)
                for line in (key_line, index_line):
                    line.put(p, line.get(b.sub(p, i64(1))))
                b.store(b.sub(p, i64(1)), position)
            while_loop(b, larger_before, shift)
            key_line.put(b.load(position), value)
            index_line.put(b.load(position), index)
        counted_loop(b, b.add(lo, i64(1)), hi, insert)
    counted_loop(b, i64(0), n, sort_run, step=RUN)
    b.store(i64(RUN), width)
    b.store(ll.Constant(I1, 0), flipped)

    def merge_pass():
        w = b.load(width)
        turned = b.load(flipped)

        def pick(lines, source_side):
            base = b.select(turned, lines[1 - source_side].base, lines[source_side].base)
            return Range(b, base, lines[0].t)
        keys_from, keys_to = pick(key_lines, 0), pick(key_lines, 1)
        indices_from, indices_to = pick(index_lines, 0), pick(index_lines, 1)

        def bounded(value):
            return b.select(b.icmp_signed("<", value, n), value, n)

        def merge_runs():
            lo = b.load(start)
            mid = bounded(b.add(lo, w))
            hi = bounded(b.add(mid, w))
            b.store(lo, left)
            b.store(mid, right)

            def take(k):
                i, j = b.load(left), b.load(right)
                left_open, right_open = b.icmp_signed("<", i, mid), b.icmp_signed("<", j, hi)
                i_at, j_at = b.select(left_open, i, lo), b.select(right_open, j, lo)
                left_key, right_key = keys_from.get(i_at), keys_from.get(j_at)
                right_first = b.and_(right_open, b.or_(b.not_(left_open),
                                                       keys_from.less(right_key, left_key)))
                keys_to.put(k, b.select(right_first, right_key, left_key))
                indices_to.put(k, b.select(right_first, indices_from.get(j_at),
                                           indices_from.get(i_at)))
                b.store(b.select(right_first, i, b.add(i, i64(1))), left)
                b.store(b.select(right_first, b.add(j, i64(1)), j), right)
            counted_loop(b, lo, hi, take)
            b.store(hi, start)
        b.store(i64(0), start)
        while_loop(b, lambda: b.icmp_signed("<", b.load(start), n), merge_runs)
        b.store(b.not_(turned), flipped)
        b.store(b.add(w, w), width)
    while_loop(b, lambda: b.icmp_signed("<", b.load(width), n), merge_pass)
    for array in keys:
        nrt.decref(b, b.extract_value(array, 0))
    sorted_, spare = (b.select(b.load(flipped), indices[k], indices[1 - k]) for k in (1, 0))
    nrt.decref(b, b.extract_value(spare, 0))
    return sorted_


# ---- np.unique(a): the sorted distinct elements ---------------------------------------------
@rule("np.unique", callable_=True, params=("ar", "return_index", "return_inverse",
                                            "return_counts", "axis", "equal_nan", "sorted"))
def unique_rule(types, consts):
    """np.unique(a): the distinct elements of a flattened, sorted copy, as NumPy's sort path
    keeps them (the first of equal elements in the sorted order, so 0.0 or -0.0 as NumPy's
    introsort leaves them; one NaN for all of them). Integers NumPy finds by hashing, which
    gives the same values."""
    if not types or not isinstance(types[0], Array):
        return None
    given = dict(zip(("ar", "return_index", "return_inverse", "return_counts", "axis",
                      "equal_nan", "sorted"), zip(types, consts)))
    if any(given.get(name, (NONE, None))[0] != NONE and given[name][1] is not default
           for name, default in (("return_index", False), ("return_inverse", False),
                                 ("return_counts", False), ("equal_nan", True),
                                 ("sorted", True))) or given.get("axis", (NONE,))[0] != NONE:
        raise TypeRuleError("np.unique(a) of the values alone is what compiled code supports",
                            "no return_index=, return_inverse=, return_counts=, axis= or "
                            "equal_nan=False")
    if kind_of(element_type(types[0])) == "c":
        raise TypeRuleError("np.unique of complex numbers is not supported in compiled code")
    return Impl(Array(types[0].dtype, 1, "C"), emit_unique, types, owned=True)


def emit_unique(cg, args, types, result):
    """Sort a flat copy, then move each element unlike the one before it (a NaN after a NaN is
    alike) down to the next free place; the result is a new array of those."""
    b = cg.b
    flat = sorted_copy(cg, emit_flatten(cg, args[:1], types[:1], result), result, 0)
    line = Range(b, b.bitcast(b.extract_value(flat, 1), storage(result).as_pointer()), result)
    count = shape_of(cg, flat, result)[0]
    kept = entry_slot(b, I64)
    b.store(b.select(b.icmp_signed(">", count, i64(0)), i64(1), i64(0)), kept)
    float_ = kind_of(element_type(result)) == "f"

    def keep(k):
        value, before = line.get(k), line.get(b.sub(k, i64(1)))
        if float_:
            new = b.and_(b.fcmp_unordered("!=", value, before),
                         b.not_(b.and_(b.fcmp_unordered("uno", value, value),
                                       b.fcmp_unordered("uno", before, before))))
        else:
            new = b.icmp_unsigned("!=", value, before)
        with b.if_then(new):
            line.put(b.load(kept), value)
            b.store(b.add(b.load(kept), i64(1)), kept)
    counted_loop(b, i64(1), count, keep)
    out = allocate(cg, result, [b.load(kept)])      # its own memory, not the whole copy's
    target = Range(b, b.bitcast(b.extract_value(out, 1), storage(result).as_pointer()), result)
    counted_loop(b, i64(0), b.load(kept), lambda k: target.put(k, line.get(k)))
    nrt.decref(b, b.extract_value(flat, 0))
    return out
