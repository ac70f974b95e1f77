"""The math module: libm calls with CPython's error rules, and int-returning floor/ceil/trunc.

    math.sqrt(-1.0)  -> ValueError("math domain error")   (NaN from a non-NaN argument)
    math.exp(1000.0) -> OverflowError("math range error") (inf from a finite argument)
    math.floor(2.5)  -> 2 (an int, as in Python 3)
"""
from __future__ import annotations

import platform
from math import inf

from llvmlite import ir as ll

from ..llvm_ir import declare, libm
from ..types import BOOL, FLOAT, INT, NONE, numpy_dtype
from .registry import Impl, TypeRuleError, rule

X86_64 = platform.machine().lower() in ("x86_64", "amd64")

DOUBLE, I1, I64 = ll.DoubleType(), ll.IntType(1), ll.IntType(64)
INF = ll.Constant(DOUBLE, float("inf"))
DOMAIN, RANGE = "math domain error", "math range error"


def fabs(cg, x):
    """|x| of a double or a float."""
    width = "f64" if isinstance(x.type, ll.DoubleType) else "f32"
    return cg.intrinsic(f"llvm.fabs.{width}", x.type, [x])


def is_finite(cg, x):
    return cg.b.fcmp_ordered("<", fabs(cg, x), ll.Constant(x.type, float("inf")))


def is_infinite(cg, x):
    return cg.b.fcmp_ordered("==", fabs(cg, x), ll.Constant(x.type, float("inf")))


def is_nan(cg, x):
    return cg.b.fcmp_unordered("uno", x, x)


def call_libm(cg, symbol, args):
    """symbol(*args) of doubles: an LLVM intrinsic ("llvm.sqrt.f64") or the C library's."""
    if symbol.startswith("llvm."):
        return cg.call_extern(symbol, DOUBLE, [DOUBLE] * len(args), args)
    return cg.b.call(libm(cg.unit.module, symbol, DOUBLE, [DOUBLE] * len(args)), args)


# When each function fails, as a test of its argument. CPython's rule (math_1) is: a NaN from
# a non-NaN argument is a domain error (ValueError), an infinity from a finite one a range
# error (OverflowError) where the function can overflow, else a domain error. Written per
# function, that is one compare of the argument where the rule takes several of the result:
# sin(x) is NaN for x = +-inf alone, exp(x) is never NaN for a non-NaN x, ...
def below(limit, op="<"):
    return lambda cg, x: cg.b.fcmp_ordered(op, x, ll.Constant(DOUBLE, limit))


def magnitude_above(limit, op=">"):
    return lambda cg, x: cg.b.fcmp_ordered(op, fabs(cg, x), ll.Constant(DOUBLE, limit))


def overflows_above(limit, magnitude=False):
    """An infinite result from a finite argument: x beyond the largest `limit` whose result is
    finite. The limits sit about a hundred units in the last place away from overflow on
    either side, so any libm that is accurate to that agrees (tests check both sides)."""
    def fails(cg, x):
        if magnitude:
            x = fabs(cg, x)
        # x < inf rather than is_finite: beside x > limit, LLVM makes the pair one range test
        # (an exp loop: 0.95 of Numba's speed this way, 0.87 with is_finite's fabs)
        return cg.b.and_(cg.b.fcmp_ordered(">", x, ll.Constant(DOUBLE, limit)),
                         cg.b.fcmp_ordered("<", x, INF))
    return fails


DOMAIN_ERROR, RANGE_ERROR = ("ValueError", DOMAIN), ("OverflowError", RANGE)
# the largest arguments whose results are finite: exp and expm1, exp2, sinh and cosh (|x|)
EXP_LIMIT, EXP2_LIMIT, HYPERBOLIC_LIMIT = 709.782712893384, 1023.9999999999999, 710.4758600739439
NEVER = (None, None)

# name: (libm or intrinsic symbol, the exception, when it is raised)
UNARY = {"sin": ("sin", DOMAIN_ERROR, is_infinite), "cos": ("cos", DOMAIN_ERROR, is_infinite),
         "tan": ("tan", DOMAIN_ERROR, is_infinite),
         "asin": ("asin", DOMAIN_ERROR, magnitude_above(1.0)),
         "acos": ("acos", DOMAIN_ERROR, magnitude_above(1.0)), "atan": ("atan", *NEVER),
         "exp": ("exp", RANGE_ERROR, overflows_above(EXP_LIMIT)),
         "expm1": ("expm1", RANGE_ERROR, overflows_above(EXP_LIMIT)),
         "exp2": ("exp2", RANGE_ERROR, overflows_above(EXP2_LIMIT)),
         "log": ("log", DOMAIN_ERROR, below(0.0, "<=")),
         "log2": ("log2", DOMAIN_ERROR, below(0.0, "<=")),
         "log10": ("log10", DOMAIN_ERROR, below(0.0, "<=")),
         "log1p": ("log1p", DOMAIN_ERROR, below(-1.0, "<=")),
         "sqrt": ("llvm.sqrt.f64", DOMAIN_ERROR, below(0.0)),
         "fabs": ("llvm.fabs.f64", *NEVER),
         "sinh": ("sinh", RANGE_ERROR, overflows_above(HYPERBOLIC_LIMIT, magnitude=True)),
         "cosh": ("cosh", RANGE_ERROR, overflows_above(HYPERBOLIC_LIMIT, magnitude=True)),
         "tanh": ("tanh", *NEVER), "asinh": ("asinh", *NEVER),
         "acosh": ("acosh", DOMAIN_ERROR, below(1.0)),
         "atanh": ("atanh", DOMAIN_ERROR, magnitude_above(1.0, ">=")),
         "erf": ("erf", *NEVER), "erfc": ("erfc", *NEVER), "cbrt": ("cbrt", *NEVER)}
# name: an interval of arguments (low, high, low included?, high included?) where the function
# never raises, as UNARY's tests have it; bounds.py proves a loop's calls safe from it
SAFE_ARGUMENTS = {
    "sin": (-inf, inf, False, False), "cos": (-inf, inf, False, False),
    "tan": (-inf, inf, False, False), "asin": (-1.0, 1.0, True, True),
    "acos": (-1.0, 1.0, True, True), "exp": (-inf, EXP_LIMIT, False, True),
    "expm1": (-inf, EXP_LIMIT, False, True), "exp2": (-inf, EXP2_LIMIT, False, True),
    "log": (0.0, inf, False, False), "log2": (0.0, inf, False, False),
    "log10": (0.0, inf, False, False), "log1p": (-1.0, inf, False, False),
    "sqrt": (0.0, inf, True, False),
    "sinh": (-HYPERBOLIC_LIMIT, HYPERBOLIC_LIMIT, True, True),
    "cosh": (-HYPERBOLIC_LIMIT, HYPERBOLIC_LIMIT, True, True),
    "acosh": (1.0, inf, True, False), "atanh": (-1.0, 1.0, False, False)}
BINARY = {"atan2": "atan2", "copysign": "llvm.copysign.f64", "fmod": "fmod", "pow": "pow"}
ROUNDING = {"floor": "llvm.floor.f64", "ceil": "llvm.ceil.f64", "trunc": "llvm.trunc.f64"}
PREDICATES = {"isnan": is_nan, "isinf": is_infinite, "isfinite": is_finite}


def math_1(cg, name, x):
    """math.<name>(x) for a float x, raising as CPython does (see UNARY). Whether it raises
    depends on x alone, so the test comes before the call: nothing then has to outlive the
    call for it (kiln bench's integrate, three such functions a step: 2% faster; script)."""
    symbol, error, fails = UNARY[name]
    if fails is not None:
        cg.fail_if(cg.unless_proven(fails(cg, x)), *error)
    return call_libm(cg, symbol, [x])


def float_args(types, count):
    """math functions take ints, floats, bools and real NumPy scalars, as Python floats."""
    if len(types) != count:
        return None
    if all(t in (INT, FLOAT, BOOL) or (numpy_dtype(t) or "complex").startswith(
            ("bool", "int", "uint", "float")) for t in types):
        return (FLOAT,) * count
    return None


def unary_rule(name):
    def match(types, consts):
        want = float_args(types, 1)
        return want and Impl(FLOAT, lambda cg, a, t, r: math_1(cg, name, a[0]), want)
    return match


for _name in UNARY:
    if _name != "log":                      # math.log takes a base too (log_rule)
        rule(f"math.{_name}", callable_=True)(unary_rule(_name))


def binary(cg, name, x, y):
    b = cg.b
    r = call_libm(cg, BINARY[name], [x, y])
    finite_in = b.and_(is_finite(cg, x), is_finite(cg, y))
    if name == "fmod":
        cg.fail_if(b.and_(is_nan(cg, r), b.not_(b.or_(is_nan(cg, x), is_nan(cg, y)))),
                   "ValueError", DOMAIN)
    elif name == "pow":     # CPython's math_pow: errors only for finite ** finite
        cg.fail_if(b.and_(finite_in, is_nan(cg, r)), "ValueError", DOMAIN)
        infinite = b.and_(finite_in, b.not_(is_finite(cg, r)))
        zero_base = b.fcmp_ordered("==", x, ll.Constant(DOUBLE, 0.0))
        cg.fail_if(b.and_(infinite, zero_base), "ValueError", DOMAIN)
        cg.fail_if(infinite, "OverflowError", RANGE)
    return r


def binary_rule(name):
    def match(types, consts):
        want = float_args(types, 2)
        return want and Impl(FLOAT, lambda cg, a, t, r: binary(cg, name, *a), want)
    return match


for _name in BINARY:
    rule(f"math.{_name}", callable_=True)(binary_rule(_name))


@rule("math.log", callable_=True)
def log_rule(types, consts):
    if len(types) not in (1, 2) or float_args(types, len(types)) is None:
        return None
    return Impl(FLOAT, emit_log, (FLOAT,) * len(types))


def emit_log(cg, args, types, result):
    value = math_1(cg, "log", args[0])
    if len(args) == 1:
        return value
    base = math_1(cg, "log", args[1])
    cg.fail_if(cg.b.fcmp_ordered("==", base, ll.Constant(DOUBLE, 0.0)), "ZeroDivisionError",
               "float division by zero")
    return cg.b.fdiv(value, base)


def float_to_int(cg, x):
    """A float's value as a 64-bit int: ValueError for NaN, OverflowError for inf or beyond.
    One test on the common path, and a cold path that lets -2**63 through and tells the three
    errors apart. On x86-64 the test is on the converted int: the conversion instruction gives
    -2**63 for NaN and out of range, which saves the float compare (kiln bench's histogram,
    unchecked: 0.88 of Numba's speed with the compare, 0.93-0.95 without; script)."""
    b = cg.b
    if cg.proof:            # in range on every trip (bounds.py, float chains)
        return b.fptosi(x, I64)
    limit = ll.Constant(DOUBLE, 2.0**63)
    if X86_64:
        packed = b.insert_element(ll.Constant(ll.VectorType(DOUBLE, 2), ll.Undefined), x,
                                  ll.Constant(ll.IntType(32), 0))
        result = cg.intrinsic("llvm.x86.sse2.cvttsd2si64", I64, [packed])
        rare = b.icmp_signed("==", result, ll.Constant(I64, -2**63))
    else:
        result = b.fptosi(x, I64)
        rare = b.fcmp_unordered(">=", fabs(cg, x), limit)
    with b.if_then(cg.predicated(rare), likely=False):
        with b.if_then(b.fcmp_unordered("!=", x, b.fneg(limit))):
            with b.if_else(is_nan(cg, x)) as (nan, number):
                with nan:
                    cg.raise_("ValueError", "cannot convert float NaN to integer")
                with number:
                    cg.raise_("OverflowError", b.select(
                        is_finite(cg, x), cg.unit.cstring("int too large for kiln's 64-bit int"),
                        cg.unit.cstring("cannot convert float infinity to integer")))
    return result


def rounding_rule(name):
    def match(types, consts):
        if types == (INT,):
            return Impl(INT, lambda cg, a, t, r: a[0], types)
        dtype = numpy_dtype(types[0]) if len(types) == 1 else None
        if name == "trunc" and dtype and dtype != "float64":   # only float64 is a float
            raise TypeRuleError(f"math.trunc() of a numpy.{dtype} raises TypeError in Python "
                                "(the type has no __trunc__)", "math.trunc(float(x))")
        if dtype and dtype.startswith(("int", "uint", "bool")):     # exact already
            from .npscalars import emit_to_python
            return Impl(INT, lambda cg, a, t, r: emit_to_python(cg, a[0], types[0], INT), types)
        if dtype and dtype.startswith("float"):
            types = (FLOAT,)
        if types == (FLOAT,):
            return Impl(INT, lambda cg, a, t, r: float_to_int(
                cg, cg.intrinsic(ROUNDING[name], DOUBLE, [a[0]])), types)
        return None
    return match


for _name in ROUNDING:
    rule(f"math.{_name}", callable_=True)(rounding_rule(_name))


def predicate_rule(name):
    def match(types, consts):
        want = float_args(types, 1)
        return want and Impl(BOOL, lambda cg, a, t, r: PREDICATES[name](cg, a[0]), want)
    return match


for _name in PREDICATES:
    rule(f"math.{_name}", callable_=True)(predicate_rule(_name))


@rule("math.hypot", callable_=True)
def hypot_rule(types, consts):
    want = float_args(types, 2)
    return want and Impl(FLOAT, lambda cg, a, t, r: cg.b.call(
        cg.helper("kiln.hypot", DOUBLE, [DOUBLE, DOUBLE], build_hypot), a), want)


def build_hypot(b: ll.IRBuilder, fn: ll.Function) -> None:
    """CPython's math.hypot (vector_norm for two values): scale by the larger magnitude's
    power of two, sum the squares in extended precision (fma), then one Newton correction."""
    module = b.module

    def extern(name, ret, args):
        return declare(module, name, ret, args)
    fabs, fma = extern("llvm.fabs.f64", DOUBLE, [DOUBLE]), extern("llvm.fma.f64", DOUBLE,
                                                                   [DOUBLE] * 3)
    sqrt = extern("llvm.sqrt.f64", DOUBLE, [DOUBLE])
    frexp = libm(module, "frexp", DOUBLE, [DOUBLE, ll.IntType(32).as_pointer()])
    ldexp = libm(module, "ldexp", DOUBLE, [DOUBLE, ll.IntType(32)])
    x, y = (b.call(fabs, [v]) for v in fn.args)
    zero = ll.Constant(DOUBLE, 0.0)
    first = b.select(b.fcmp_ordered(">", x, zero), x, zero)     # NaNs never win a `>`
    top = b.select(b.fcmp_ordered(">", y, first), y, first)
    nan = b.or_(b.fcmp_unordered("uno", x, x), b.fcmp_unordered("uno", y, y))
    with b.if_then(b.fcmp_ordered("==", top, INF)):
        b.ret(top)
    with b.if_then(nan):
        b.ret(ll.Constant(DOUBLE, float("nan")))
    with b.if_then(b.fcmp_ordered("==", top, ll.Constant(DOUBLE, 0.0))):
        b.ret(top)
    exponent_slot = b.alloca(ll.IntType(32))
    b.call(frexp, [top, exponent_slot])
    tiny = b.icmp_signed("<", b.load(exponent_slot), ll.Constant(ll.IntType(32), -1023))
    dbl_min = ll.Constant(DOUBLE, 2.2250738585072014e-308)
    pre = b.select(tiny, dbl_min, ll.Constant(DOUBLE, 1.0))     # subnormals: work in DBL_MIN units
    x, y, top = b.fdiv(x, pre), b.fdiv(y, pre), b.fdiv(top, pre)
    b.call(frexp, [top, exponent_slot])
    scale = b.call(ldexp, [ll.Constant(DOUBLE, 1.0), b.neg(b.load(exponent_slot))])
    csum, frac1, frac2 = ll.Constant(DOUBLE, 1.0), ll.Constant(DOUBLE, 0.0), \
        ll.Constant(DOUBLE, 0.0)

    def add_product(csum, frac1, frac2, a, c):
        hi = b.fmul(a, c)
        lo = b.call(fma, [a, c, b.fneg(hi)])
        total = b.fadd(csum, hi)
        total_lo = b.fadd(b.fsub(csum, total), hi)
        return total, b.fadd(frac1, lo), b.fadd(frac2, total_lo)
    for v in (x, y):
        v = b.fmul(v, scale)
        csum, frac1, frac2 = add_product(csum, frac1, frac2, v, v)
    one = ll.Constant(DOUBLE, 1.0)
    h = b.call(sqrt, [b.fadd(b.fsub(csum, one), b.fadd(frac1, frac2))])
    csum, frac1, frac2 = add_product(csum, frac1, frac2, b.fneg(h), h)
    residual = b.fadd(b.fsub(csum, one), b.fadd(frac1, frac2))
    h = b.fadd(h, b.fdiv(residual, b.fmul(ll.Constant(DOUBLE, 2.0), h)))
    b.ret(b.fmul(b.fdiv(h, scale), pre))


# ---- integers: math.gcd(*ints), math.lcm(*ints) ------------------------------------------
ZERO, ONE = ll.Constant(I64, 0), ll.Constant(I64, 1)
TOO_LARGE = "int too large for kiln's 64-bit int"


def int_args(name, types):
    """gcd and lcm take ints (and bools) only, as in Python, any number of them."""
    if not all(t in (INT, BOOL) for t in types):
        raise TypeRuleError(f"math.{name}() takes ints, not {', '.join(map(str, types))}",
                            f"math.{name}(int(x), ...)")
    return (INT,) * len(types)


@rule("math.gcd", callable_=True)
def gcd_rule(types, consts):
    return Impl(INT, emit_gcd, int_args("gcd", types))


@rule("math.lcm", callable_=True)
def lcm_rule(types, consts):
    return Impl(INT, emit_lcm, int_args("lcm", types))


def magnitude(b, x):
    """|x| as an unsigned 64-bit value (|-2**63| is 2**63)."""
    return b.select(b.icmp_signed("<", x, ZERO), b.sub(ZERO, x), x)


def fits(cg, x):
    """x, an unsigned result, as an int: OverflowError from 2**63 on."""
    cg.fail_if(cg.b.icmp_signed("<", x, ZERO), "OverflowError", TOO_LARGE)
    return x


def unsigned_gcd(cg, x, y):
    return cg.b.call(cg.helper("kiln.gcd", I64, [I64, I64], build_gcd), [x, y])


def emit_gcd(cg, args, types, result):
    """math.gcd(): 0; gcd of the magnitudes, so never negative (gcd(-2**63, 0) overflows)."""
    value = ZERO
    for x in args:
        value = unsigned_gcd(cg, value, magnitude(cg.b, x))
    return fits(cg, value)


def emit_lcm(cg, args, types, result):
    """math.lcm(): 1; each step |a // gcd(a, b) * b|, 0 if either is 0, as CPython's."""
    b = cg.b
    value = ONE
    for x in args:
        x = magnitude(b, x)
        divisor = unsigned_gcd(cg, value, x)
        none = b.icmp_unsigned("==", divisor, ZERO)            # both are 0
        quotient = b.udiv(value, b.select(none, ONE, divisor))
        pair = cg.intrinsic("llvm.umul.with.overflow.i64", ll.LiteralStructType([I64, I1]),
                            [quotient, x])
        cg.fail_if(b.extract_value(pair, 1), "OverflowError", TOO_LARGE)
        value = fits(cg, b.extract_value(pair, 0))
    return value


def build_gcd(b: ll.IRBuilder, fn: ll.Function) -> None:
    """Euclid's algorithm on unsigned 64-bit values."""
    entry, loop, step, done = b.block, *(fn.append_basic_block(n) for n in ("loop", "step",
                                                                             "done"))
    b.branch(loop)
    b.position_at_end(loop)
    x, y = b.phi(I64), b.phi(I64)
    x.add_incoming(fn.args[0], entry)
    y.add_incoming(fn.args[1], entry)
    b.cbranch(b.icmp_unsigned("==", y, ZERO), done, step)
    b.position_at_end(step)
    x.add_incoming(y, step)
    y.add_incoming(b.urem(x, y), step)
    b.branch(loop)
    b.position_at_end(done)
    b.ret(x)


# ---- math.isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0) -----------------------------------
@rule("math.isclose", callable_=True, params=("a", "b", "rel_tol", "abs_tol"))
def isclose_rule(types, consts):
    if len(types) < 2 or float_args(types[:2], 2) is None or \
            any(t != NONE and float_args((t,), 1) is None for t in types[2:]):
        return None
    want = (FLOAT, FLOAT) + tuple(t if t == NONE else FLOAT for t in types[2:])
    return Impl(BOOL, emit_isclose, want)


def emit_isclose(cg, args, types, result):
    """CPython's math_isclose_impl: equal, else not if either is infinite, else |b - a| within
    rel_tol of either magnitude or within abs_tol; ValueError for a negative tolerance."""
    b = cg.b
    a, x = args[:2]
    rel_tol, abs_tol = (args[k] if len(args) > k and types[k] != NONE else
                        ll.Constant(DOUBLE, default) for k, default in ((2, 1e-09), (3, 0.0)))
    zero = ll.Constant(DOUBLE, 0.0)
    cg.fail_if(b.or_(b.fcmp_ordered("<", rel_tol, zero), b.fcmp_ordered("<", abs_tol, zero)),
               "ValueError", "tolerances must be non-negative")
    diff = fabs(cg, b.fsub(x, a))
    close = b.or_(b.or_(b.fcmp_ordered("<=", diff, fabs(cg, b.fmul(rel_tol, x))),
                        b.fcmp_ordered("<=", diff, fabs(cg, b.fmul(rel_tol, a)))),
                  b.fcmp_ordered("<=", diff, abs_tol))
    infinite = b.or_(is_infinite(cg, a), is_infinite(cg, x))
    return b.or_(b.fcmp_ordered("==", a, x), b.and_(b.not_(infinite), close))
