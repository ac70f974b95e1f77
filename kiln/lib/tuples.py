"""Tuple unpacking checks, membership and the counted form of `for ... in range(...)`.

    a, b = t                ->  tuple.check_len(t, 2): a compile-time length check
    x in (a, b)             ->  x == a or x == b, each item compared as `==` compares them
    for i in range(a, b, c) ->  n = range.len(a, b, c); ... cur = range.step(cur, c)
"""
from __future__ import annotations

from llvmlite import ir as ll

from ..types import BOOL, INT, NONE, NUMPY, Scalar, Tuple, is_number
from .numbers import i64
from .registry import Impl, TypeRuleError, resolve, rule

I8, I64 = ll.IntType(8), ll.IntType(64)


@rule("tuple.check_len")
def check_len(types, consts):
    value, (expected,) = types[0], consts[1:]
    if not isinstance(value, Tuple):
        raise TypeRuleError(f"cannot unpack {value}", "unpack tuples: a, b = (1, 2.0)")
    if len(value.items) != expected:
        raise TypeRuleError(f"cannot unpack {value} into {expected} names",
                            f"{len(value.items)} names on the left")
    return Impl(NONE, lambda cg, a, t, r: ll.Constant(I8, 0), ())


@rule("range.len")
def range_len_rule(types, consts):
    if all(t in (INT, BOOL) for t in types):
        return Impl(INT, range_len, (INT, INT, INT))
    raise TypeRuleError(f"range() arguments must be ints, got {', '.join(map(str, types))}",
                        "int arguments; convert with int(x)")


def range_len(cg, args, types, result):
    """len(range(start, stop, step)) without overflow (unsigned differences), capped at int64."""
    start, stop, step = args
    b = cg.b
    cg.fail_if(b.icmp_signed("==", step, i64(0)), "ValueError", "range() arg 3 must not be zero")
    up = b.icmp_signed(">", step, i64(0))
    lo, hi = b.select(up, start, stop), b.select(up, stop, start)
    magnitude = b.select(up, step, b.neg(step))
    count = b.add(b.udiv(b.sub(b.sub(hi, lo), i64(1)), magnitude), i64(1))
    count = b.select(b.icmp_signed("<", lo, hi), count, i64(0))
    return b.select(b.icmp_unsigned(">", count, i64(2**63 - 1)), i64(2**63 - 1), count)


@rule("range.int")
def range_int_rule(types, consts):
    """A range() argument: an int (bools and NumPy integers count as ints)."""
    (t,) = types
    if t in (INT, BOOL):
        return Impl(INT, lambda cg, a, ts, r: a[0], (INT,))
    from .npscalars import cast, kind_of
    if isinstance(t, Scalar) and is_number(t) and kind_of(t) in "iu":
        return Impl(INT, lambda cg, a, ts, r: cast(cg, a[0], t, NUMPY["int64"]), types)
    raise TypeRuleError(f"range() arguments must be ints, got {t}",
                        "int arguments; convert with int(x)")


@rule("range.next")
def range_next_rule(types, consts):
    """cur + 1 in `for i in range(a, b)`: cur < b, so it cannot overflow (nsw)."""
    if types == (INT,):
        return Impl(INT, lambda cg, a, ts, r: cg.b.add(a[0], i64(1), flags=["nsw"]), types)
    return None


@rule("range.step")
def range_step_rule(types, consts):
    if types == (INT, INT):
        return Impl(INT, lambda cg, a, t, r: cg.b.add(*a), types)
    return None


@rule("getitem")
def tuple_getitem(types, consts):
    """t[k] for a constant k: the item's own type (tuples may hold different types)."""
    if len(types) != 2 or not isinstance(types[0], Tuple):
        return None
    index, size = consts[1], len(types[0].items)
    if type(index) is not int:
        raise TypeRuleError("tuples are indexed with integer constants only",
                            "t[0], t[-1]; unpack with a, b = t")
    if not -size <= index < size:
        raise TypeRuleError(f"tuple index {index} out of range for {types[0]}")
    position = index % size
    return Impl(types[0].items[position],
                lambda cg, a, t, r: cg.b.extract_value(a[0], position), types)


@rule("len", callable_=True)
def tuple_len(types, consts):
    if len(types) == 1 and isinstance(types[0], Tuple):
        size = len(types[0].items)
        return Impl(INT, lambda cg, a, t, r: i64(size), types)
    return None


def membership_rule(negated: bool):
    """`x in t` and `x not in t` for a tuple t: an item equal to x (CPython also counts the
    very same object, which only tells a NaN apart: kiln's values have no identity, so
    `math.nan in (math.nan,)` is False here)."""
    def match(types, consts):
        item, container = types
        if not isinstance(container, Tuple):
            return None
        tests = []
        for t in container.items:
            equal = resolve("==", (item, t))
            if equal is None:
                raise TypeRuleError(f"cannot compare {item} with the {t} item of {container}",
                                    "tuples of numbers (or of bools) for `in`")
            truth = resolve("truth", (equal.result,)) if equal.result != BOOL else None
            tests.append((t, equal, truth))

        def emit(cg, args, ts, result):
            found = ll.Constant(ll.IntType(1), 0)
            for position, (t, equal, truth) in enumerate(tests):
                same = cg.apply(equal, [args[0], cg.b.extract_value(args[1], position)],
                                (item, t))
                if truth is not None:
                    same = cg.apply(truth, [same], (equal.result,))
                found = cg.b.or_(found, same)
            return cg.b.not_(found) if negated else found
        return Impl(BOOL, emit, types)
    return match


rule("in")(membership_rule(False))
rule("not in")(membership_rule(True))
