"""Builtin functions: abs, min, max, sum, int, float, bool, round, divmod, pow, len.

    max(1, 2.0)    -> 2.0, with the winner's own type (int | float when they differ)
    max(a), sum(a) -> over a 1-d array's elements, as Python iterates them (NumPy scalars)
    round(2.5)     -> 2 (half to even, an int)
    round(2.675, 2)-> 2.67 (correctly rounded through the exact decimal value, as CPython)
    divmod(-7, 2)  -> (-4, 1)
"""
from __future__ import annotations

from llvmlite import ir as ll

from ..llvm_ir import counted_loop, declare, string
from ..types import (BOOL, FLOAT, INT, NONE, NUMPY, Array, Scalar, Tuple, is_number,
                     numpy_dtype, union_of)
from .arrays import as_index, cg_lltype, element_of, shape_of
from .npscalars import cast, kind_of
from .mathlib import float_to_int, is_finite, is_nan
from .numbers import (float_floordiv_value, float_mod_value, int_divmod, check_float_divisor,
                      f64, i64)
from .registry import Impl, TypeRuleError, op, resolve, rule

DOUBLE, I1, I8, I32, I64 = ll.DoubleType(), ll.IntType(1), ll.IntType(8), ll.IntType(32), \
    ll.IntType(64)
I8P = I8.as_pointer()


@op("abs", (INT,), INT, callable_=True)
def int_abs(cg, args, types, result):
    (a,) = args
    cg.fail_if(cg.b.icmp_signed("==", a, i64(-2**63)), "OverflowError",
               "int overflow in abs() (kiln ints are 64-bit)")
    return cg.b.select(cg.b.icmp_signed("<", a, i64(0)), cg.b.neg(a), a)


@op("abs", (FLOAT,), FLOAT, callable_=True)
def float_abs(cg, args, types, result):
    return cg.intrinsic("llvm.fabs.f64", DOUBLE, args)


def extreme_rule(symbol):
    """max keeps the first argument unless a later one compares `>` (min: `<`), like Python;
    of one 1-d array, the same over its elements (ValueError when it has none)."""
    name = "max" if symbol == ">" else "min"

    def match(types, consts):
        if len(types) == 1 and isinstance(types[0], Array) and types[0].ndim == 1:
            element = NUMPY[types[0].dtype]
            return Impl(element, lambda cg, a, t, r: emit_extreme_of_array(
                cg, name, symbol, a[0], t[0], element), types)
        if len(types) < 2:
            raise TypeRuleError(f"{name}() takes 2 or more numbers, or one 1-d array, in "
                                "compiled code", f"{name}(a, b, ...), {name}(array)")
        if not all(is_number(t) for t in types):
            return None
        result = union_of(list(types))
        return Impl(result, lambda cg, a, t, r: emit_extreme(cg, symbol, a, t, r), types)
    return match


def emit_extreme(cg, symbol, args, types, result):
    best, best_type = args[0], types[0]
    for value, t in zip(args[1:], types[1:]):
        compare = resolve(symbol, (t, best_type))
        better = cg.apply(compare, [value, best], (t, best_type))
        if compare.result != BOOL:        # np.bool, or bool | np.bool once best is a union
            better = cg.apply(resolve("truth", (compare.result,)), [better], (compare.result,))
        best = cg.b.select(better, cg.convert(value, t, result), cg.convert(best, best_type, result))
        best_type = result
    return cg.convert(best, best_type, result)


def emit_extreme_of_array(cg, name: str, symbol: str, value, t: Array, element):
    """The first element, replaced by each later one that compares `symbol` to it."""
    b = cg.b
    count = shape_of(cg, value, t)[0]
    cg.fail_if(b.icmp_signed("==", count, i64(0)), "ValueError",
               f"{name}() iterable argument is empty")
    best = cg.local(cg_lltype(element))
    b.store(element_of(cg, value, t, [i64(0)]), best)
    compare = resolve(symbol, (element, element))

    def keep(k):
        item = element_of(cg, value, t, [k])
        better = cg.apply(compare, [item, b.load(best)], (element, element))
        b.store(b.select(better, item, b.load(best)), best)
    counted_loop(b, i64(1), count, keep)
    return b.load(best)


@rule("sum", callable_=True)
def sum_rule(types, consts):
    """sum(a) of a 1-d array: 0 + a[0] + a[1] + ..., one NumPy scalar addition at a time as
    Python makes them (int8 elements wrap in int8, bools add up in int64), so the result is
    the Python int 0 for an empty array (an int | NumPy scalar)."""
    if len(types) != 1 or not isinstance(types[0], Array):
        if types and isinstance(types[0], Array):
            raise TypeRuleError("sum(array) without a start value is what compiled code "
                                "supports", "sum(a), or a.sum() for NumPy's pairwise sum")
        return None
    array = types[0]
    if array.ndim != 1:
        raise TypeRuleError("sum() of a 1-d array is what compiled code supports",
                            "a.sum() or np.sum(a)")
    element = NUMPY[array.dtype]
    first = resolve("+", (INT, element))
    running = first and resolve("+", (first.result, element))
    if first is None or running is None or running.result != first.result or \
            not isinstance(first.result, Scalar):
        raise TypeRuleError(f"sum() of an array of {array.dtype} is not supported in compiled "
                            "code", "a.sum()")
    total_t = first.result
    result = union_of([INT, total_t])

    def emit(cg, args, ts, r):
        b = cg.b
        count = shape_of(cg, args[0], array)[0]
        total = cg.local(cg_lltype(r))
        b.store(cg.convert(i64(0), INT, r), total)
        with b.if_then(b.icmp_signed(">", count, i64(0))):
            running_total = cg.local(cg_lltype(total_t))
            b.store(cg.apply(first, [i64(0), element_of(cg, args[0], array, [i64(0)])],
                             (INT, element)), running_total)
            counted_loop(b, i64(1), count, lambda k: b.store(cg.apply(
                running, [b.load(running_total), element_of(cg, args[0], array, [k])],
                (total_t, element)), running_total))
            b.store(cg.convert(b.load(running_total), total_t, r), total)
        return b.load(total)
    return Impl(result, emit, types)


rule("max", callable_=True, unions=True)(extreme_rule(">"))
rule("min", callable_=True, unions=True)(extreme_rule("<"))


@rule("int", callable_=True)
def int_rule(types, consts):
    if types == ():
        return Impl(INT, lambda cg, a, t, r: i64(0), ())
    if types == (INT,):
        return Impl(INT, lambda cg, a, t, r: a[0], types)
    if types == (FLOAT,):
        return Impl(INT, lambda cg, a, t, r: float_to_int(cg, a[0]), types)
    return None


@rule("float", callable_=True)
def float_rule(types, consts):
    if types == ():
        return Impl(FLOAT, lambda cg, a, t, r: f64(0.0), ())
    if types in ((INT,), (FLOAT,)):
        return Impl(FLOAT, lambda cg, a, t, r: a[0], (FLOAT,))
    return None


@rule("bool", callable_=True)
def bool_rule(types, consts):
    if types == ():
        return Impl(BOOL, lambda cg, a, t, r: ll.Constant(I1, 0), ())
    truth = resolve("truth", types)
    return truth and Impl(BOOL, lambda cg, a, t, r: cg.apply(truth, a, types), types)


@rule("round", callable_=True)
def round_rule(types, consts):
    if types == (INT,):
        return Impl(INT, lambda cg, a, t, r: a[0], types)
    if types == (FLOAT,):
        return Impl(INT, lambda cg, a, t, r: float_to_int(
            cg, cg.intrinsic("llvm.roundeven.f64", DOUBLE, a)), types)
    if types == (INT, INT):
        return Impl(INT, round_int_digits, types)
    if types == (FLOAT, INT):
        return Impl(FLOAT, round_float_digits, types)
    if len(types) == 2 and types[1] == NONE:
        return round_rule(types[:1], consts[:1])
    kind = kind_of(types[0]) if types and numpy_dtype(types[0]) else ""
    if len(types) == 1 and kind in ("i", "u", "f"):     # a NumPy number's __round__: an int
        if kind == "f":
            return Impl(INT, lambda cg, a, t, r: float_to_int(cg, cg.intrinsic(
                "llvm.roundeven.f64", DOUBLE, [cast(cg, a[0], t[0], FLOAT, weak_check=False)])),
                types)
        return Impl(INT, lambda cg, a, t, r: as_index(cg, a[0], t[0]), types)
    if len(types) == 2 and kind in ("i", "u", "f") and types[1] == INT:
        return resolve("np.round", types, consts)        # ... with digits: np.round's
    return None


def round_int_digits(cg, args, types, result):
    """round(x, n) on ints: x itself for n >= 0, else half-to-even at 10**-n."""
    x, n = args
    b = cg.b
    helper = cg.helper("kiln.round_int", ll.LiteralStructType([I64, I1]), [I64, I64],
                       build_round_int)
    pair = b.call(helper, [x, n])
    cg.fail_if(b.extract_value(pair, 1), "OverflowError",
               "int overflow in round() (kiln ints are 64-bit)")
    return b.extract_value(pair, 0)


def build_round_int(b: ll.IRBuilder, fn: ll.Function) -> None:
    x, n = fn.args
    pair = ll.LiteralStructType([I64, I1])

    def ret(value, overflow):
        out = b.insert_value(ll.Constant(pair, ll.Undefined), value, 0)
        b.ret(b.insert_value(out, ll.Constant(I1, overflow) if isinstance(overflow, int)
                             else overflow, 1))
    with b.if_then(b.icmp_signed(">=", n, i64(0))):
        ret(x, 0)
    k = b.neg(n)
    with b.if_then(b.icmp_signed(">", k, i64(19))):
        ret(i64(0), 0)
    with b.if_then(b.icmp_signed("==", k, i64(19))):     # 10**19 is beyond int64
        ax = b.select(b.icmp_signed("<", x, i64(0)), b.neg(x), x)
        ret(i64(0), b.icmp_unsigned(">", ax, i64(5 * 10**18)))
    powers = ll.Constant(ll.ArrayType(I64, 19), [10**i for i in range(19)])
    table = ll.GlobalVariable(b.module, powers.type, "kiln.powers_of_ten")
    table.initializer, table.global_constant, table.linkage = powers, True, "private"
    p = b.load(b.gep(table, [i64(0), k]))
    q = b.sdiv(x, p)
    r = b.srem(x, p)
    negative_r = b.icmp_signed("<", r, i64(0))
    q = b.select(negative_r, b.sub(q, i64(1)), q)          # floor division
    r = b.select(negative_r, b.add(r, p), r)
    twice = b.shl(r, i64(1))
    up = b.or_(b.icmp_signed(">", twice, p),
               b.and_(b.icmp_signed("==", twice, p), b.trunc(q, I1)))
    q = b.select(up, b.add(q, i64(1)), q)
    product = b.call(declare(b.module, "llvm.smul.with.overflow.i64", pair, [I64, I64]), [q, p])
    ret(b.extract_value(product, 0), b.extract_value(product, 1))


def round_float_digits(cg, args, types, result):
    """round(x, n) on floats, exactly as CPython: format the exact binary value to n decimal
    places (glibc rounds half to even on the exact value), then read it back with strtod."""
    helper = cg.helper("kiln.round_float", ll.LiteralStructType([DOUBLE, I1]), [DOUBLE, I64],
                       build_round_float)
    pair = cg.b.call(helper, args)
    cg.fail_if(cg.b.extract_value(pair, 1), "OverflowError", "rounded value too large to "
               "represent")
    return cg.b.extract_value(pair, 0)


def build_round_float(b: ll.IRBuilder, fn: ll.Function) -> None:
    x, n = fn.args
    module = b.module
    pair = ll.LiteralStructType([DOUBLE, I1])

    def extern(name, ret, argtypes, var_arg=False):
        return declare(module, name, ret, argtypes, var_arg)
    snprintf = extern("snprintf", I32, [I8P, I64, I8P], var_arg=True)
    strtod = extern("strtod", DOUBLE, [I8P, I8P.as_pointer()])
    strtol = extern("strtol", I64, [I8P, I8P.as_pointer(), I32])
    strchr = extern("strchr", I8P, [I8P, I32])
    copysign = extern("llvm.copysign.f64", DOUBLE, [DOUBLE, DOUBLE])
    fabs = extern("llvm.fabs.f64", DOUBLE, [DOUBLE])

    def ret(value, overflow=None):
        out = b.insert_value(ll.Constant(pair, ll.Undefined), value, 0)
        b.ret(b.insert_value(out, overflow if overflow is not None else ll.Constant(I1, 0), 1))

    size = 1100
    buf = b.bitcast(b.alloca(ll.ArrayType(I8, size)), I8P)
    null = ll.Constant(I8P.as_pointer(), None)
    finite = b.fcmp_ordered("<", b.call(fabs, [x]), f64(float("inf")))
    with b.if_then(b.or_(b.not_(finite), b.or_(b.fcmp_ordered("==", x, f64(0.0)),
                                               b.icmp_signed(">", n, i64(323))))):
        ret(x)
    with b.if_then(b.icmp_signed("<", n, i64(-308))):
        ret(b.call(copysign, [f64(0.0), x]))

    def read_back():
        r = b.call(strtod, [buf, null])
        ret(r, b.fcmp_ordered("==", b.call(fabs, [r]), f64(float("inf"))))
    with b.if_then(b.icmp_signed(">=", n, i64(0))):
        b.call(snprintf, [buf, i64(size), string(module, "%.*f"), b.trunc(n, I32), x])
        read_back()
    # n < 0: keep (decimal exponent + n + 1) significant digits
    b.call(snprintf, [buf, i64(size), string(module, "%.17e"), x])
    exponent = b.call(strtol, [b.gep(b.call(strchr, [buf, ll.Constant(I32, ord("e"))]),
                                     [i64(1)]), null, ll.Constant(I32, 10)])
    digits = b.add(exponent, n)
    with b.if_then(b.icmp_signed(">=", digits, i64(0))):
        b.call(snprintf, [buf, i64(size), string(module, "%.*e"), b.trunc(digits, I32), x])
        read_back()
    with b.if_then(b.icmp_signed("<", digits, i64(-1))):
        ret(b.call(copysign, [f64(0.0), x]))
    # exactly one place above the leading digit: round to 10**-n or to 0 (|x| vs 5*10**exp)
    b.call(snprintf, [buf, i64(size), string(module, "5e%ld"), exponent])
    half = b.call(strtod, [buf, null])
    ax = b.call(fabs, [x])
    b.call(snprintf, [buf, i64(size), string(module, "%.0f"), half])
    first = b.load(buf)
    half_is_above = b.icmp_unsigned("==", first, ll.Constant(I8, ord("5")))   # half >= true 5e
    exact_half = b.icmp_signed("<=", exponent, i64(22))
    above = b.or_(b.fcmp_ordered(">", ax, half),
                  b.and_(b.fcmp_ordered("==", ax, half),
                         b.and_(b.not_(exact_half), half_is_above)))
    b.call(snprintf, [buf, i64(size), string(module, "1e%ld"), b.neg(n)])
    power = b.call(strtod, [buf, null])
    value = b.select(above, power, f64(0.0))
    ret(b.call(copysign, [value, x]),
        b.fcmp_ordered("==", value, f64(float("inf"))))


@rule("divmod", callable_=True)
def divmod_rule(types, consts):
    if types == (INT, INT):
        return Impl(Tuple((INT, INT)), emit_int_divmod, types)
    if set(types) <= {INT, FLOAT} and len(types) == 2:
        return Impl(Tuple((FLOAT, FLOAT)), emit_float_divmod, (FLOAT, FLOAT))
    if len(types) == 2 and all(is_number(t) for t in types) and \
            any(numpy_dtype(t) for t in types):       # NumPy's divmod: its // and its %
        quotient, remainder = resolve("//", types), resolve("%", types)
        if quotient is None or remainder is None:
            return None
        return Impl(Tuple((quotient.result, remainder.result)), lambda cg, a, t, r: pack_pair(
            cg, cg.apply(quotient, a, types), cg.apply(remainder, a, types)), types)
    return None


def emit_int_divmod(cg, args, types, result):
    q, r, minus_one = int_divmod(cg, *args, "integer division or modulo by zero")
    cg.fail_if(cg.b.and_(minus_one, cg.b.icmp_signed("==", args[0], i64(-2**63))),
               "OverflowError", "int overflow in divmod() (kiln ints are 64-bit)")
    return pack_pair(cg, q, r)


def emit_float_divmod(cg, args, types, result):
    check_float_divisor(cg, args[1], "float divmod()")
    return pack_pair(cg, float_floordiv_value(cg, *args), float_mod_value(cg, *args)[0])


def pack_pair(cg, a, b):
    out = ll.Constant(ll.LiteralStructType([a.type, b.type]), ll.Undefined)
    return cg.b.insert_value(cg.b.insert_value(out, a, 0), b, 1)


@rule("pow", callable_=True, unions=True)
def pow_rule(types, consts):
    if len(types) != 2:
        raise TypeRuleError("pow() takes 2 arguments in compiled code", "pow(base, exp)")
    impl = resolve("**", types, consts)
    return impl and Impl(impl.result, lambda cg, a, t, r: cg.apply(impl, a, types), types)


__all__ = ["is_finite", "is_nan"]
