"""Searching sorted arrays: np.searchsorted and np.interp, with NumPy's results.

    np.searchsorted(a, v)                 -> np.int64: where v goes in the sorted 1-d array a,
                                             before the elements equal to it
    np.searchsorted(a, v, side="right")   -> after them; a.searchsorted(v, side) alike
    np.searchsorted(a, keys)              -> an int64 array of keys' shape, one index per key
    np.interp(x, xp, fp, left, right)     -> np.float64: the broken line through (xp, fp) at x;
                                             an array of x's shape for an array x
    np.histogram(a, bins=10, range=None)  -> (int64 counts, float64 edges) of float64 data

searchsorted compares in the dtype NumPy finds for a and v together (a Python int counts as
int64, a float as float64, so an int8 array and 2.5 compare as float64), in NumPy's order:
NaN after every number. Its binary search is NumPy's (binsearch.cpp), which starts each key
from the previous key's bounds. interp is NumPy's arr_interp (compiled_base.c): float64
throughout, each x's interval found by NumPy's search that first looks beside the previous
x's, and NumPy's formula between two samples. Both searches are copied step for step from
NumPy 2.4, so that even unsorted samples, or xp holding NaN, give its answers (NumPy 2.5's
searchsorted answers differently for an unsorted array, which NumPy leaves unspecified).
"""
from __future__ import annotations

from llvmlite import ir as ll

from ..llvm_ir import counted_loop, while_loop
from ..types import INT, NONE, NUMPY, Array, Scalar, Text, Tuple, Type, is_number, np
from .arrays import (allocate, cg_lltype, copy_into_new, element_of, element_pointer,
                     element_type, for_each, i64, load_element, pack, product, shape_of)
from .mathlib import is_finite, is_nan
from .npscalars import cast, kind_of
from .reductions import extreme_all
from .registry import Impl, TypeRuleError, rule
from .reshaping import emit_linspace, flipped
from .sorting import numpy_less
from .ufuncs import operand_sample

I64 = ll.IntType(64)
DOUBLE = ll.DoubleType()
F64 = NUMPY["float64"]
SIDES = ("left", "right")


def reader(cg, array, t: Array, as_type: Scalar):
    """read(k): element k of the 1-d `array`, cast to `as_type`."""
    return lambda k: cast(cg, element_of(cg, array, t, [k]), element_type(t), as_type,
                          weak_check=False)


def searcher(cg, array, t: Array, common: Scalar, right: bool):
    """find(key): the index where `key` goes in the 1-d `array`, both compared as `common`.
    NumPy's binsearch: a key that the previous key goes before keeps the previous lower bound,
    any other starts again at 0 with the previous upper bound plus one (which only matters when
    `array` is not sorted); the first key starts from the whole array either way.

        low, high = (low, n) if last before key else (0, min(high + 1, n))
        while low < high:
            mid = low + (high - low) // 2
            low, high = (mid + 1, high) if array[mid] before key else (low, mid)
    """
    b = cg.b
    n = shape_of(cg, array, t)[0]
    read = reader(cg, array, t, common)
    kind = kind_of(common)
    low, high, last = cg.local(I64), cg.local(I64), cg.local(cg_lltype(common))
    b.store(i64(0), low)
    b.store(n, high)
    b.store(cg.const(common, 0), last)

    def before(x, key):             # side="left": x < key; side="right": x <= key
        return b.not_(numpy_less(b, kind, key, x)) if right else numpy_less(b, kind, x, key)

    def halve(key):
        lo, hi = b.load(low), b.load(high)
        mid = b.add(lo, b.ashr(b.sub(hi, lo), i64(1)))
        after_mid = before(read(mid), key)
        b.store(b.select(after_mid, b.add(mid, i64(1)), lo), low)
        b.store(b.select(after_mid, hi, mid), high)

    def find(key):
        ascending = before(b.load(last), key)
        hi = b.load(high)
        b.store(b.select(ascending, b.load(low), i64(0)), low)
        b.store(b.select(ascending, n, b.select(b.icmp_signed("<", hi, n),
                                                b.add(hi, i64(1)), n)), high)
        b.store(key, last)
        while_loop(b, lambda: b.icmp_signed("<", b.load(low), b.load(high)), lambda: halve(key))
        return b.load(low)
    return find


def each_key(cg, value, t: Type, result: Type, as_type: Scalar, compute) -> ll.Value:
    """compute(key) for a scalar key, the one element of a 0-d array, or every element of
    an array (a new array of its shape), each key cast to `as_type`."""
    def of(key, source: Scalar):
        return compute(cast(cg, key, source, as_type, weak_check=False))
    if not isinstance(t, Array):
        return of(value, t)
    if t.ndim == 0:
        return of(load_element(cg, element_pointer(cg, value, t, []), t), element_type(t))
    return copy_into_new(cg, value, t, result, lambda element: of(element, element_type(t)))


def result_of(t: Type, dtype: str) -> Type:
    """A NumPy scalar for a scalar or 0-d key (NumPy's PyArray_Return), else a new array."""
    if isinstance(t, Array) and t.ndim > 0:
        return Array(dtype, t.ndim, "C")
    return NUMPY[dtype]


def is_key(t: Type) -> bool:
    return isinstance(t, Array) or (isinstance(t, Scalar) and is_number(t))


def searchsorted_rule(types, consts):
    """np.searchsorted(a, v, side="left") of a 1-d array, for a number or an array of them."""
    if len(types) < 2 or not isinstance(types[0], Array) or not is_key(types[1]):
        return None
    array, keys = types[:2]
    side = types[2] if len(types) > 2 else NONE
    if array.ndim != 1:
        raise TypeRuleError(f"searchsorted searches a 1-d array, not {array}")
    if len(types) > 3 and types[3] != NONE:
        raise TypeRuleError("searchsorted(..., sorter=) is not supported",
                            "search the sorted array itself: np.searchsorted(a[sorter], v)")
    if side != NONE and not (isinstance(side, Text) and side.text in SIDES):
        raise TypeRuleError(f"search side must be one of 'left' or 'right', not {side}")
    right = side != NONE and side.text == "right"
    common = NUMPY[np.promote_types(array.dtype, np.asarray(operand_sample(keys)).dtype).name]

    def emit(cg, args, ts, r):
        find = searcher(cg, args[0], array, common, right)
        return each_key(cg, args[1], keys, r, common, find)
    result = result_of(keys, "int64")
    return Impl(result, emit, types, owned=isinstance(result, Array))


rule("np.searchsorted", callable_=True, params=("a", "v", "side", "sorter"))(searchsorted_rule)
rule("method.searchsorted", params=("a", "v", "side", "sorter"))(searchsorted_rule)


def is_real(t: Type) -> bool:
    element = element_type(t) if isinstance(t, Array) else t
    return isinstance(element, Scalar) and is_number(element) and kind_of(element) != "c"


@rule("np.interp", callable_=True, params=("x", "xp", "fp", "left", "right", "period"))
def interp_rule(types, consts):
    """np.interp(x, xp, fp, left=None, right=None) over real numbers, in float64."""
    if len(types) < 3 or not is_key(types[0]):
        return None
    x, xp, fp, *ends = types
    if not all(isinstance(t, Array) and t.ndim == 1 and is_real(t) for t in (xp, fp)) or \
            not is_real(x):
        raise TypeRuleError("np.interp takes real numbers: x a number or an array, xp and fp "
                            "1-d arrays", "for a complex fp, interpolate fp.real and fp.imag")
    if len(ends) > 2 and ends[2] != NONE:
        raise TypeRuleError("np.interp(..., period=) is not supported",
                            "reduce x and xp modulo the period first, as NumPy does")
    if not all(t == NONE or (is_real(t) and not isinstance(t, Array)) for t in ends[:2]):
        raise TypeRuleError("np.interp's left and right are real numbers or None")
    result = result_of(x, "float64")
    return Impl(result, emit_interp, types, owned=isinstance(result, Array))


def empty_samples_checked_first() -> bool:
    """Does this NumPy refuse empty samples before anything else, even for no x at all (2.4),
    or check the lengths first and empty samples only for some x (2.5)?"""
    try:
        np.interp(np.zeros(0), np.zeros(0), np.zeros(0))
    except ValueError:
        return True
    return False


def emit_interp(cg, args, types, result):
    """NumPy's checks first, in the installed NumPy's order, then each x's value."""
    b = cg.b
    xp, fp = args[1], args[2]
    n = shape_of(cg, xp, types[1])[0]
    empty = b.icmp_signed("==", n, i64(0))
    mismatch = b.icmp_signed("!=", shape_of(cg, fp, types[2])[0], n)
    if empty_samples_checked_first():
        cg.fail_if(empty, "ValueError", "array of sample points is empty")
        cg.fail_if(mismatch, "ValueError", "fp and xp are not of the same length.")
    else:
        some_x = b.icmp_signed(">", product(cg, shape_of(cg, args[0], types[0])), i64(0)) \
            if isinstance(types[0], Array) else ll.Constant(ll.IntType(1), 1)
        cg.fail_if(mismatch, "ValueError", "fp and xp are not of the same length.")
        cg.fail_if(b.and_(empty, some_x), "ValueError", "array of sample points is empty")
    sample_x, sample_f = reader(cg, xp, types[1], F64), reader(cg, fp, types[2], F64)
    last = b.sub(n, i64(1))
    ends = [cast(cg, args[k], types[k], F64, weak_check=False)
            if len(types) > k and types[k] != NONE else default
            for k, default in ((3, sample_f(i64(0))), (4, sample_f(last)))]
    find = interval_finder(cg, sample_x, n)

    def value_at(x):
        """Between xp[j] and xp[j + 1], or at an end; the samples are read at j clamped to
        [0, n - 2] (to 0 for a single sample)."""
        j = find(x)
        below = b.icmp_signed("<", j, i64(0))
        i = b.select(below, i64(0), b.select(b.icmp_signed("<", j, last), j,
                                             b.select(b.icmp_signed(">", last, i64(0)),
                                                      b.sub(last, i64(1)), i64(0))))
        following = b.select(b.icmp_signed("<", i, last), b.add(i, i64(1)), i)
        x0, x1, y0, y1 = sample_x(i), sample_x(following), sample_f(i), sample_f(following)
        slope = b.fdiv(b.fsub(y1, y0), b.fsub(x1, x0))
        forward = b.fadd(b.fmul(slope, b.fsub(x, x0)), y0)     # if NaN, from the other end
        backward = b.fadd(b.fmul(slope, b.fsub(x, x1)), y1)
        between = b.select(is_nan(cg, forward), b.select(
            b.and_(is_nan(cg, backward), b.fcmp_ordered("==", y0, y1)), y0, backward), forward)
        value = b.select(b.fcmp_ordered("==", x0, x), y0, between)
        value = b.select(b.icmp_signed("==", j, last), y1, value)
        value = b.select(b.icmp_signed("==", j, n), ends[1], value)
        value = b.select(below, ends[0], value)
        single = b.icmp_signed("==", n, i64(1))     # NumPy's own case: a NaN x gives fp[0]
        return b.select(is_nan(cg, x), b.select(single, y0, x), value)
    return each_key(cg, args[0], types[0], result, F64, value_at)


NEAR = 8            # NumPy's LIKELY_IN_CACHE_SIZE


def interval_finder(cg, read, n):
    """find(key): NumPy's binary_search_with_guess, j with read(j) <= key < read(j + 1), -1
    below read(0) and n above read(n - 1). It looks first beside the previous key's j (the
    guess), which only matters when the samples are not sorted or hold NaN; a NaN key leaves
    the guess alone, as NumPy skips it. The early answers settle low = high = j + 1:

        linear search from 1 when n <= 4
        key < xp[g]:  xp[g - 1] <= key: g - 1;  else bisect [g - NEAR or 0, g - 1)
        key >= xp[g]: g or g + 1 if key < xp[g + 1] or xp[g + 2];  else bisect
                      [g + 2, g + NEAR or n)                       (g clamped to [1, n - 3])
        bisect: low, high = (mid + 1, high) if key >= xp[mid] else (low, mid); j = low - 1
    """
    b = cg.b
    guess, low, high = cg.local(I64), cg.local(I64), cg.local(I64)
    b.store(i64(0), guess)
    last = b.sub(n, i64(1))

    def below(key, k):
        return b.fcmp_ordered("<", key, read(k))

    def settle(j):
        b.store(b.add(j, i64(1)), low)
        b.store(b.add(j, i64(1)), high)

    def at_least(key, k):
        return b.fcmp_ordered(">=", key, read(k))

    def linear(key):                    # i = 1; while i < n and key >= xp[i]: i += 1
        settle(i64(0))
        while_loop(b, lambda: b.and_(b.icmp_signed("<", b.load(low), n), at_least(
            key, b.select(b.icmp_signed("<", b.load(low), n), b.load(low), last))),
            lambda: settle(b.load(low)))

    def guessed(key):
        g = b.load(guess)
        g = b.select(b.icmp_signed(">", g, b.sub(n, i64(3))), b.sub(n, i64(3)), g)
        g = b.select(b.icmp_signed("<", g, i64(1)), i64(1), g)
        with b.if_else(below(key, g)) as (lower, upper):
            with lower:
                with b.if_else(below(key, b.sub(g, i64(1)))) as (further, previous):
                    with further:
                        b.store(b.sub(g, i64(1)), high)
                        far = b.icmp_signed(">", g, i64(NEAR))
                        near = b.and_(far, at_least(key, b.select(
                            far, b.sub(g, i64(NEAR)), i64(0))))
                        b.store(b.select(near, b.sub(g, i64(NEAR)), i64(0)), low)
                    with previous:
                        settle(b.sub(g, i64(1)))
            with upper:
                next1, next2 = below(key, b.add(g, i64(1))), below(key, b.add(g, i64(2)))
                with b.if_else(b.or_(next1, next2)) as (close, beyond):
                    with close:
                        settle(b.select(next1, g, b.add(g, i64(1))))
                    with beyond:
                        b.store(b.add(g, i64(2)), low)
                        far = b.icmp_signed("<", g, b.sub(n, i64(NEAR + 1)))
                        near = b.and_(far, below(key, b.select(far, b.add(g, i64(NEAR)), g)))
                        b.store(b.select(near, b.add(g, i64(NEAR)), n), high)

    def bisect(key):
        lo, hi = b.load(low), b.load(high)
        mid = b.add(lo, b.ashr(b.sub(hi, lo), i64(1)))
        after_mid = at_least(key, mid)
        b.store(b.select(after_mid, b.add(mid, i64(1)), lo), low)
        b.store(b.select(after_mid, hi, mid), high)

    def find(key):
        b.store(i64(0), low)
        b.store(n, high)
        above, under = b.fcmp_ordered(">", key, read(last)), below(key, i64(0))
        with b.if_else(b.or_(above, under)) as (outside, inside):
            with outside:
                settle(b.select(above, n, i64(-1)))
            with inside:
                with b.if_else(b.icmp_signed("<=", n, i64(4))) as (few, many):
                    with few:
                        linear(key)
                    with many:
                        guessed(key)
        while_loop(b, lambda: b.icmp_signed("<", b.load(low), b.load(high)), lambda: bisect(key))
        j = b.sub(b.load(low), i64(1))
        b.store(b.select(is_nan(cg, key), b.load(guess), j), guess)
        return j
    return find


# ---- np.digitize(x, bins, right=False): searchsorted on monotonic bins ----------------------
@rule("np.digitize", callable_=True, params=("x", "bins", "right"))
def digitize_rule(types, consts):
    """np.digitize(x, bins, right=False): for bins that rise, np.searchsorted(bins, x) on the
    other side; for bins that fall, len(bins) minus that search in bins[::-1]; ValueError for
    bins that do neither (monotonicity as NumPy's _monotonicity finds it, in float64)."""
    if len(types) < 2 or not is_key(types[0]) or not isinstance(types[1], Array):
        return None
    keys, bins = types[:2]
    if bins.ndim != 1:
        raise TypeRuleError("np.digitize takes 1-d bins")
    right = consts[2] if len(types) > 2 and types[2] != NONE else False
    if type(right) is not bool:
        raise TypeRuleError("np.digitize(x, bins, right=...) takes the constant True or False")
    common = NUMPY[np.promote_types(bins.dtype, np.asarray(operand_sample(keys)).dtype).name]
    if kind_of(common) == "c":                  # complex bins or x: NumPy's TypeError
        raise TypeRuleError("np.digitize of complex numbers is not supported")

    def emit(cg, args, ts, r):
        b = cg.b
        n = shape_of(cg, args[1], bins)[0]
        trend = monotonicity(cg, args[1], bins)
        cg.fail_if(b.icmp_signed("==", trend, i64(0)), "ValueError",
                   "bins must be monotonically increasing or decreasing")
        reversed_bins = flipped(cg, args[1], bins, Array(bins.dtype, 1, "A"), (0,))
        rising = searcher(cg, args[1], bins, common, not right)
        falling = searcher(cg, reversed_bins, Array(bins.dtype, 1, "A"), common, not right)
        return each_key(cg, args[0], keys, r, common, lambda key: b.select(
            b.icmp_signed("<", trend, i64(0)), b.sub(n, falling(key)), rising(key)))
    result = result_of(keys, "int64")
    return Impl(result, emit, types, owned=isinstance(result, Array))


def monotonicity(cg, value, t: Array) -> ll.Value:
    """NumPy's check_array_monotonic on the bins as float64: 1 (rising or all equal), -1
    (falling) or 0 (neither). Past the leading run of equal values, the next value decides
    the direction, falling unless it is larger (so a NaN there means falling), and every
    later pair must not go the other way (comparisons with NaN never do)."""
    b = cg.b
    read = reader(cg, value, t, F64)
    n = shape_of(cg, value, t)[0]
    k = cg.local(I64)
    b.store(i64(1), k)
    first = cg.local(DOUBLE)
    b.store(ll.Constant(DOUBLE, 0.0), first)
    trend = cg.local(I64)
    b.store(i64(1), trend)
    with b.if_then(b.icmp_signed(">", n, i64(0))):
        b.store(read(i64(0)), first)
        def same_as_first():            # (k clamped: both sides are evaluated)
            inside = b.icmp_signed("<", b.load(k), n)
            return b.and_(inside, b.fcmp_ordered("==", read(b.select(inside, b.load(k), i64(0))),
                                                 b.load(first)))
        while_loop(b, same_as_first, lambda: b.store(b.add(b.load(k), i64(1)), k))
        with b.if_then(b.icmp_signed("<", b.load(k), n)):
            up = b.fcmp_ordered("<", b.load(first), read(b.load(k)))
            b.store(b.select(up, i64(1), i64(-1)), trend)

            def check(j):
                before, after = read(b.sub(j, i64(1))), read(j)
                broken = b.select(up, b.fcmp_ordered(">", before, after),
                                  b.fcmp_ordered("<", before, after))
                b.store(b.select(broken, i64(0), b.load(trend)), trend)
            counted_loop(b, b.add(b.load(k), i64(1)), n, check)
    return b.load(trend)


# ---- np.histogram(a, bins, range): equal bins over float64 data -----------------------------
@rule("np.histogram", callable_=True, params=("a", "bins", "range", "density", "weights"))
def histogram_rule(types, consts):
    """np.histogram(a, bins=10, range=None) of float64 data (any shape, flattened), as NumPy's
    _histograms_impl computes it for equal bins: the outer edges from range or a's min and max
    (0 and 1 for no data, widened by 0.5 each way when equal; ValueError when not finite), the
    edges by np.linspace, then for each element inside them the bin ((x - first) / (last -
    first)) * bins truncated, moved down or up by one where the edges say so."""
    if not types or not isinstance(types[0], Array):
        return None
    array = types[0]
    if array.dtype != "float64":
        raise TypeRuleError("np.histogram of float64 data is what compiled code supports",
                            "np.histogram(a.astype(np.float64), bins)")
    bins = types[1] if len(types) > 1 else NONE
    bounds = types[2] if len(types) > 2 else NONE
    if any(t != NONE for t in types[3:]) or bins not in (NONE, INT) or not (
            bounds == NONE or isinstance(bounds, Tuple) and len(bounds.items) == 2 and
            all(is_number(t) and kind_of(t) in "biuf" for t in bounds.items)):
        raise TypeRuleError("np.histogram(a, bins=int, range=(low, high)) is what compiled "
                            "code supports", "no density= or weights=, bins a number")
    result = Tuple((Array("int64", 1, "C"), Array("float64", 1, "C")))
    return Impl(result, emit_histogram, types, owned=True)


def emit_histogram(cg, args, types, result):
    b = cg.b
    array = types[0]
    counts_t, edges_t = result.items
    bins = args[1] if len(types) > 1 and types[1] == INT else i64(10)
    cg.fail_if(b.icmp_signed("<", bins, i64(1)), "ValueError",
               "`bins` must be positive, when an integer")
    first, last = cg.local(DOUBLE), cg.local(DOUBLE)
    if len(types) > 2 and types[2] != NONE:
        low, high = (cast(cg, b.extract_value(args[2], k), t, F64, weak_check=False)
                     for k, t in enumerate(types[2].items))
        cg.fail_if(b.fcmp_ordered(">", low, high), "ValueError",
                   "max must be larger than min in range parameter.")
        b.store(low, first)
        b.store(high, last)
        message = "supplied range is not finite"
    else:
        size = product(cg, shape_of(cg, args[0], array))
        b.store(ll.Constant(DOUBLE, 0.0), first)
        b.store(ll.Constant(DOUBLE, 1.0), last)
        with b.if_then(b.icmp_signed(">", size, i64(0))):
            b.store(extreme_all("min")(cg, args[0], array, F64), first)
            b.store(extreme_all("max")(cg, args[0], array, F64), last)
        message = "autodetected range is not finite"
    finite = b.and_(is_finite(cg, b.load(first)), is_finite(cg, b.load(last)))
    cg.fail_if(b.not_(finite), "ValueError", message)
    with b.if_then(b.fcmp_ordered("==", b.load(first), b.load(last))):
        b.store(b.fsub(b.load(first), ll.Constant(DOUBLE, 0.5)), first)
        b.store(b.fadd(b.load(last), ll.Constant(DOUBLE, 0.5)), last)
    low, high = b.load(first), b.load(last)
    edges = emit_linspace(cg, [low, high, b.add(bins, i64(1))], (F64, F64, INT), edges_t, True)
    edge = b.bitcast(b.extract_value(edges, 1), DOUBLE.as_pointer())
    rising = cg.local(ll.IntType(1))
    b.store(ll.Constant(ll.IntType(1), 1), rising)
    counted_loop(b, i64(0), bins, lambda k: b.store(b.and_(b.load(rising), b.fcmp_ordered(
        "<", b.load(b.gep(edge, [k])), b.load(b.gep(edge, [b.add(k, i64(1))])))), rising))
    cg.fail_if(b.not_(b.load(rising)), "ValueError",
               "Too many bins for data range. Cannot create finite-sized bins.")
    counts = allocate(cg, counts_t, [bins], zeroed=True)
    count = b.bitcast(b.extract_value(counts, 1), I64.as_pointer())
    width = b.fsub(high, low)
    scale = b.sitofp(bins, DOUBLE)
    last_bin = b.sub(bins, i64(1))

    def tally(pointer, _):
        x = load_element(cg, pointer, array)
        with b.if_then(b.and_(b.fcmp_ordered(">=", x, low), b.fcmp_ordered("<=", x, high))):
            index = b.fptosi(b.fmul(b.fdiv(b.fsub(x, low), width), scale), I64)
            index = b.select(b.icmp_signed("==", index, bins), last_bin, index)
            below = b.fcmp_ordered("<", x, b.load(b.gep(edge, [index])))
            index = b.select(below, b.sub(index, i64(1)), index)
            above = b.and_(b.fcmp_ordered(">=", x, b.load(b.gep(edge, [b.add(index, i64(1))]))),
                           b.icmp_signed("!=", index, last_bin))
            index = b.select(above, b.add(index, i64(1)), index)
            slot = b.gep(count, [index])
            b.store(b.add(b.load(slot), i64(1)), slot)
    for_each(cg, args[0], array, tally)
    return pack(cg, result, [counts, edges])
