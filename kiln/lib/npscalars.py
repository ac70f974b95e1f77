"""NumPy scalars (np.float64, np.uint8, ...) with NumPy 2's rules (NEP 50).

What type an operation gives is asked of NumPy itself, once per pair of types, at compile
time; how it computes follows NumPy's C loops:

    np.uint8 + int      -> np.uint8, wrapping (an int that does not fit raises OverflowError)
    np.int64 + float    -> np.float64;   float + np.float64 -> np.float64
    np.int32 // 0       -> 0;            np.float64 / 0.0 -> inf   (NumPy warns, never raises)
    np.int64 ** -1      -> ValueError("Integers to negative integer powers are not allowed.")
    np.uint8 < -1       -> exact comparison -> np.bool
"""
from __future__ import annotations

import functools
import operator
import warnings

from llvmlite import ir as ll

from ..llvm_ir import libm
from ..types import (BOOL, FLOAT, INT, NUMPY, Scalar, Type, is_number, numpy_dtype, np)
from .mathlib import X86_64, call_libm, fabs
from .numbers import float_floordiv_value, float_mod_value, fconst, libm_pow, suffix
from .registry import Impl, rule

I1, I64, I128, DOUBLE = ll.IntType(1), ll.IntType(64), ll.IntType(128), ll.DoubleType()
OPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
       "//": operator.floordiv, "%": operator.mod, "**": operator.pow, "&": operator.and_,
       "|": operator.or_, "^": operator.xor, "<<": operator.lshift, ">>": operator.rshift}
COMPARISONS = ("<", "<=", ">", ">=", "==", "!=")
PYTHON_SAMPLES = {INT: 1, FLOAT: 1.0, BOOL: True}


def kind_of(t: Type) -> str:
    """'b', 'i', 'u', 'f' or 'c' (NumPy's dtype kinds; Python int is 'i', float 'f')."""
    dtype = numpy_dtype(t)
    if dtype is not None:
        return np.dtype(dtype).kind
    return {INT: "i", FLOAT: "f", BOOL: "b"}[t]


def sample(t: Type):
    dtype = numpy_dtype(t)
    return np.dtype(dtype).type(1) if dtype else PYTHON_SAMPLES.get(t)


def type_of_value(value) -> Type | None:
    if isinstance(value, np.generic):
        return NUMPY.get(value.dtype.name)
    return {int: INT, float: FLOAT, bool: BOOL}.get(type(value))


@functools.lru_cache(maxsize=None)
def numpy_result(symbol: str, types: tuple[Type, ...]) -> Type | None:
    """The type NumPy gives `a symbol b` for these operand types (None: NumPy refuses)."""
    samples = [sample(t) for t in types]
    if any(s is None for s in samples):
        return None
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = OPS[symbol](*samples) if len(samples) == 2 else OPS[symbol](samples[0])
    except (TypeError, ValueError, OverflowError, ZeroDivisionError):
        return None
    return type_of_value(value)


def involves_numpy(types: tuple[Type, ...]) -> bool:
    return any(numpy_dtype(t) for t in types) and all(
        isinstance(t, Scalar) and is_number(t) for t in types)


# ---- conversions -------------------------------------------------------------------------
def cast(cg, value, source: Type, target: Type, weak_check: bool = True):
    """A value of one number type as another, with NumPy's casting (floats to ints saturate
    instead of being undefined). A Python int going into a narrower NumPy integer type must
    fit, as NumPy 2 requires: OverflowError otherwise."""
    from ..codegen import lltype
    b = cg.b
    src_kind, dst_kind = kind_of(source), kind_of(target)
    src, dst = lltype(source), lltype(target)
    if source == target or (src == dst and src_kind == dst_kind):
        return value
    if dst_kind == "c":                     # real -> complex: the value with a zero imaginary
        real = cast(cg, value, source, NUMPY["float64"], weak_check) if src_kind != "c" else \
            b.extract_value(value, 0)
        imag = ll.Constant(DOUBLE, 0.0) if src_kind != "c" else b.extract_value(value, 1)
        out = b.insert_value(ll.Constant(dst, ll.Undefined), real, 0)
        return b.insert_value(out, imag, 1)
    if src_kind == "c" and dst_kind == "b":             # nonzero real or imaginary part
        real, imag = b.extract_value(value, 0), b.extract_value(value, 1)
        zero = ll.Constant(DOUBLE, 0.0)
        return b.or_(b.fcmp_unordered("!=", real, zero), b.fcmp_unordered("!=", imag, zero))
    if src_kind == "c":                 # NumPy drops the imaginary part (with a warning)
        return cast(cg, b.extract_value(value, 0), NUMPY["float64"], target, weak_check)
    if dst_kind == "b":
        zero = ll.Constant(src, 0.0 if src_kind == "f" else 0)
        return b.fcmp_unordered("!=", value, zero) if src_kind == "f" else \
            b.icmp_unsigned("!=", value, zero)
    if src_kind in "biu" and dst_kind in "iu":
        if source == INT and weak_check and (dst.width < 64 or dst_kind == "u"):
            check_fits(cg, value, numpy_dtype(target))
        if src.width > dst.width:
            return b.trunc(value, dst)
        if src.width == dst.width:
            return value
        return b.sext(value, dst) if src_kind == "i" else b.zext(value, dst)
    if src_kind in "biu" and dst_kind == "f":
        return b.sitofp(value, dst) if src_kind == "i" else b.uitofp(value, dst)
    if src_kind == "f" and dst_kind == "f":
        widen = isinstance(src, ll.FloatType) and isinstance(dst, ll.DoubleType)
        return b.fpext(value, dst) if widen else b.fptrunc(value, dst)
    if src_kind == "f" and dst_kind in "iu":
        return float_to_integer(cg, value, dst, dst_kind == "i")
    raise TypeError(f"internal error: no NumPy cast from {source} to {target}")


def float_to_integer(cg, value, dst: ll.IntType, signed: bool):
    """A float cast to an integer dtype as NumPy's C loops cast it, whose result outside the
    dtype's range is the CPU's. x86-64 converts to 32 bits (to 64 for int64, uint32 and
    uint64), where NaN and values out of that range give the minimum, and keeps the low bits:
    256.0 into uint8 is 0, -1.0 is 255, as NumPy gives there. Elsewhere (ARM) conversions
    saturate, as kiln then does."""
    b = cg.b
    if not X86_64:
        name = "fptosi" if signed else "fptoui"
        return cg.intrinsic(f"llvm.{name}.sat.i{dst.width}.{suffix(value)}", dst, [value])
    double = value if isinstance(value.type, ll.DoubleType) else b.fpext(value, DOUBLE)
    bits = 32 if dst.width < 32 or (dst.width == 32 and signed) else 64
    wide = ll.IntType(bits)
    if dst.width == 64 and not signed:      # C's unsigned conversion: at 2**63 and above,
        big = b.fcmp_ordered(">=", double, ll.Constant(DOUBLE, 2.0**63))   # from 2**63 up
        low = x86_truncate(cg, double, wide)
        high = b.xor(x86_truncate(cg, b.fsub(double, ll.Constant(DOUBLE, 2.0**63)), wide),
                     ll.Constant(wide, 1 << 63))
        return b.select(big, high, low)
    converted = x86_truncate(cg, double, wide)
    return converted if dst.width == bits else b.trunc(converted, dst)


def x86_truncate(cg, x, wide: ll.IntType):
    """cvttsd2si: x toward zero, or the minimum of `wide` for NaN and out of range."""
    b = cg.b
    limit = ll.Constant(DOUBLE, 2.0 ** (wide.width - 1))
    inside = b.and_(b.fcmp_ordered(">=", x, b.fneg(limit)), b.fcmp_ordered("<", x, limit))
    converted = cg.intrinsic(f"llvm.fptosi.sat.i{wide.width}.f64", wide, [x])
    return b.select(inside, converted, ll.Constant(wide, 1 << (wide.width - 1)))


def check_fits(cg, value, dtype: str) -> None:
    info = np.iinfo(dtype)
    low, high = max(info.min, -2**63), min(info.max, 2**63 - 1)
    b = cg.b
    outside = b.or_(b.icmp_signed("<", value, ll.Constant(I64, low)),
                    b.icmp_signed(">", value, ll.Constant(I64, high)))
    cg.fail_if(outside, "OverflowError", f"Python integer out of bounds for {dtype}")


# ---- arithmetic --------------------------------------------------------------------------
def arithmetic_rule(symbol: str):
    def match(types, consts):
        if len(types) != 2 or not involves_numpy(types):
            return None
        result = numpy_result(symbol, types)
        if result is None or (kind_of(result) == "c" and symbol not in COMPLEX_OPS):
            return None
        return Impl(result, lambda cg, args, ts, r: emit_arithmetic(cg, symbol, args, ts, r),
                    types)
    return match


def emit_arithmetic(cg, symbol, args, types, result, in_array_loop=False):
    a, b_ = (cast(cg, v, t, result) for v, t in zip(args, types))
    kind = kind_of(result)
    if kind == "f":
        return FLOAT_OPS[symbol](cg, a, b_)
    if kind == "c":
        return COMPLEX_OPS[symbol](cg, a, b_, in_array_loop)
    if kind == "b":
        return {"+": cg.b.or_, "*": cg.b.and_, "&": cg.b.and_, "|": cg.b.or_,
                "^": cg.b.xor}[symbol](a, b_)
    return INTEGER_OPS[symbol](cg, a, b_, kind == "i")


def float_floor_divide(cg, a, b):
    zero = cg.b.fcmp_ordered("==", b, fconst(a, 0.0))
    return cg.b.select(zero, cg.b.fdiv(a, b), float_floordiv_value(cg, a, b))


def float_remainder(cg, a, b):
    zero = cg.b.fcmp_ordered("==", b, fconst(a, 0.0))
    return cg.b.select(zero, cg.b.frem(a, b), float_mod_value(cg, a, b)[0])


FLOAT_OPS = {
    "+": lambda cg, a, b: cg.b.fadd(a, b), "-": lambda cg, a, b: cg.b.fsub(a, b),
    "*": lambda cg, a, b: cg.b.fmul(a, b), "/": lambda cg, a, b: cg.b.fdiv(a, b),
    "//": float_floor_divide, "%": float_remainder,
    "**": lambda cg, a, b: libm_pow(cg, a, b) if suffix(a) == "f64" else cg.b.call(
        libm(cg.unit.module, "powf", a.type, [a.type, a.type]), [a, b]),
}


# complex128: NumPy's complex loops, written out on the real and imaginary parts
def parts(cg, z) -> tuple[ll.Value, ll.Value]:
    return cg.b.extract_value(z, 0), cg.b.extract_value(z, 1)


def make_complex(cg, real, imag):
    z = cg.b.insert_value(ll.Constant(ll.LiteralStructType([DOUBLE, DOUBLE]), ll.Undefined),
                          real, 0)
    return cg.b.insert_value(z, imag, 1)


def complex_conjugate(cg, z):
    real, imag = parts(cg, z)
    return make_complex(cg, real, cg.b.fneg(imag))


def complex_add(cg, x, y, in_array_loop, subtract=False):
    op = cg.b.fsub if subtract else cg.b.fadd
    (xr, xi), (yr, yi) = parts(cg, x), parts(cg, y)
    return make_complex(cg, op(xr, yr), op(xi, yi))


def complex_multiply(cg, x, y, in_array_loop):
    """(xr*yr - xi*yi, xr*yi + xi*yr). NumPy's SIMD loops for complex arrays fuse each part's
    first product with the sum where the CPU has a fused multiply-add; its scalars do not."""
    b = cg.b
    (xr, xi), (yr, yi) = parts(cg, x), parts(cg, y)
    real = multiply_add(cg, xr, yr, b.fneg(b.fmul(xi, yi)), fused=in_array_loop)
    imag = multiply_add(cg, xr, yi, b.fmul(xi, yr), fused=in_array_loop)
    return make_complex(cg, real, imag)


def multiply_add(cg, a, b, c, fused: bool):
    """a * b + c, rounded once when `fused` and the CPU has an FMA instruction."""
    from ..llvm import cpu
    if fused and "+fma" in cpu()[1].split(","):
        return cg.intrinsic("llvm.fma.f64", DOUBLE, [a, b, c])
    return cg.b.fadd(cg.b.fmul(a, b), c)


def complex_divide(cg, x, y, in_array_loop):
    """Smith's method, as NumPy divides complex numbers: scaled by the larger part of the
    divisor; a zero divisor gives NumPy's infinities and NaNs (never an exception)."""
    b = cg.b
    (xr, xi), (yr, yi) = parts(cg, x), parts(cg, y)
    yr_abs, yi_abs = fabs(cg, yr), fabs(cg, yi)
    one = ll.Constant(DOUBLE, 1.0)
    # |yr| >= |yi|: ratio yi/yr
    rat = b.fdiv(yi, yr)
    scale = b.fdiv(one, b.fadd(yr, b.fmul(yi, rat)))
    real_big = (b.fmul(b.fadd(xr, b.fmul(xi, rat)), scale),
                b.fmul(b.fsub(xi, b.fmul(xr, rat)), scale))
    zero = b.and_(b.fcmp_ordered("==", yr_abs, ll.Constant(DOUBLE, 0.0)),
                  b.fcmp_ordered("==", yi_abs, ll.Constant(DOUBLE, 0.0)))
    by_zero = (b.fdiv(xr, yr_abs), b.fdiv(xi, yr_abs))
    # |yr| < |yi| (or a NaN part): ratio yr/yi
    rat2 = b.fdiv(yr, yi)
    scale2 = b.fdiv(one, b.fadd(yi, b.fmul(yr, rat2)))
    imag_big = (b.fmul(b.fadd(b.fmul(xr, rat2), xi), scale2),
                b.fmul(b.fsub(b.fmul(xi, rat2), xr), scale2))
    real_wins = b.fcmp_ordered(">=", yr_abs, yi_abs)
    pick = [b.select(real_wins, b.select(zero, z, r), i)
            for z, r, i in zip(by_zero, real_big, imag_big)]
    return make_complex(cg, *pick)


COMPLEX_OPS = {"+": complex_add,
               "-": lambda cg, x, y, in_array_loop: complex_add(cg, x, y, in_array_loop, True),
               "*": complex_multiply, "/": complex_divide}


def int_divide(cg, a, b, signed, want_quotient):
    """NumPy's integer // and %: floor semantics, and 0 (not an error) for a zero divisor."""
    bd = cg.b
    zero = ll.Constant(a.type, 0)
    is_zero = bd.icmp_unsigned("==", b, zero)
    if not signed:
        safe = bd.select(is_zero, ll.Constant(a.type, 1), b)
        value = bd.udiv(a, safe) if want_quotient else bd.urem(a, safe)
        return bd.select(is_zero, zero, value)
    minus_one = bd.icmp_signed("==", b, ll.Constant(a.type, -1))
    safe = bd.select(bd.or_(is_zero, minus_one), ll.Constant(a.type, 1), b)
    q, r = bd.sdiv(a, safe), bd.srem(a, safe)
    adjust = bd.and_(bd.icmp_signed("!=", r, zero), bd.icmp_signed("<", bd.xor(r, safe), zero))
    q = bd.select(adjust, bd.sub(q, ll.Constant(a.type, 1)), q)
    r = bd.select(adjust, bd.add(r, safe), r)
    q = bd.select(minus_one, bd.neg(a), q)                      # wraps for the minimum
    r = bd.select(minus_one, zero, r)
    return bd.select(is_zero, zero, q if want_quotient else r)


def int_power(cg, a, b, signed):
    if signed:
        cg.fail_if(cg.b.icmp_signed("<", b, ll.Constant(b.type, 0)), "ValueError",
                   "Integers to negative integer powers are not allowed.")
    helper_name = f"kiln.np_ipow.i{a.type.width}"
    return cg.b.call(cg.helper(helper_name, a.type, [a.type, a.type], build_int_power), [a, b])


def build_int_power(b: ll.IRBuilder, fn: ll.Function) -> None:
    """Square-and-multiply, wrapping like NumPy's integer power loop."""
    base0, e0 = fn.args
    kind = base0.type
    entry, loop, done = b.block, fn.append_basic_block("loop"), fn.append_basic_block("done")
    b.cbranch(b.icmp_unsigned("!=", e0, ll.Constant(kind, 0)), loop, done)
    b.position_at_end(loop)
    result, base, e = b.phi(kind), b.phi(kind), b.phi(kind)
    new_result = b.select(b.trunc(e, I1), b.mul(result, base), result)
    new_e, new_base = b.lshr(e, ll.Constant(kind, 1)), b.mul(base, base)
    for phi, start, nxt in ((result, ll.Constant(kind, 1), new_result), (base, base0, new_base),
                            (e, e0, new_e)):
        phi.add_incoming(start, entry)
        phi.add_incoming(nxt, loop)
    b.cbranch(b.icmp_unsigned("!=", new_e, ll.Constant(kind, 0)), loop, done)
    b.position_at_end(done)
    final = b.phi(kind)
    final.add_incoming(ll.Constant(kind, 1), entry)
    final.add_incoming(new_result, loop)
    b.ret(final)


def shift(cg, a, b, signed, left):
    """NumPy's shifts: a count of at least the width gives 0 (or -1 for negative >>)."""
    bd = cg.b
    width = ll.Constant(a.type, a.type.width)
    too_far = bd.icmp_unsigned(">=", b, width)       # negative counts are huge unsigned
    capped = bd.select(too_far, ll.Constant(a.type, 0), b)
    if left:
        return bd.select(too_far, ll.Constant(a.type, 0), bd.shl(a, capped))
    if not signed:
        return bd.select(too_far, ll.Constant(a.type, 0), bd.lshr(a, capped))
    sign = bd.ashr(a, ll.Constant(a.type, a.type.width - 1))
    return bd.select(too_far, sign, bd.ashr(a, capped))


INTEGER_OPS = {
    "+": lambda cg, a, b, s: cg.b.add(a, b), "-": lambda cg, a, b, s: cg.b.sub(a, b),
    "*": lambda cg, a, b, s: cg.b.mul(a, b),
    "//": lambda cg, a, b, s: int_divide(cg, a, b, s, True),
    "%": lambda cg, a, b, s: int_divide(cg, a, b, s, False),
    "**": int_power,
    "&": lambda cg, a, b, s: cg.b.and_(a, b), "|": lambda cg, a, b, s: cg.b.or_(a, b),
    "^": lambda cg, a, b, s: cg.b.xor(a, b),
    "<<": lambda cg, a, b, s: shift(cg, a, b, s, True),
    ">>": lambda cg, a, b, s: shift(cg, a, b, s, False),
}

for _symbol in OPS:
    rule(_symbol)(arithmetic_rule(_symbol))


# ---- comparisons -------------------------------------------------------------------------
def compare_rule(symbol: str):
    def match(types, consts):
        if len(types) != 2 or not involves_numpy(types):
            return None
        return Impl(NUMPY["bool"], lambda cg, a, ts, r: emit_compare(cg, symbol, a, ts), types)
    return match


def emit_compare(cg, symbol, args, types, in_array_loop=False):
    """Integers compare exactly (in 128 bits); otherwise in the float type NumPy computes in,
    complex numbers by their parts (see complex_compare)."""
    b = cg.b
    if any(kind_of(t) == "c" for t in types):
        x, y = (cast(cg, v, t, NUMPY["complex128"], weak_check=False)
                for v, t in zip(args, types))
        return complex_compare(cg, symbol, x, y, in_array_loop)
    if all(kind_of(t) in "biu" for t in types):
        wide = [b.sext(v, I128) if kind_of(t) == "i" else b.zext(v, I128)
                for v, t in zip(args, types)]
        return b.icmp_signed(symbol, *wide)
    common = numpy_result("+", types)
    if common is None or kind_of(common) != "f":
        common = NUMPY["float64"]
    a, c = (cast(cg, v, t, common, weak_check=False) for v, t in zip(args, types))
    if symbol == "!=":
        return b.fcmp_unordered("!=", a, c)
    return b.fcmp_ordered(symbol, a, c)


def complex_compare(cg, symbol, x, y, in_array_loop):
    """NumPy orders complex numbers by real part, then imaginary part. In its array loops a
    real part decides only when neither imaginary part is NaN; its scalars do not ask
    (np.complex128(complex(1, nan)) < 2 is True, the same in arrays False)."""
    b = cg.b
    (xr, xi), (yr, yi) = parts(cg, x), parts(cg, y)
    if symbol == "==":
        return b.and_(b.fcmp_ordered("==", xr, yr), b.fcmp_ordered("==", xi, yi))
    if symbol == "!=":
        return b.or_(b.fcmp_unordered("!=", xr, yr), b.fcmp_unordered("!=", xi, yi))
    by_real = b.fcmp_ordered(symbol[0], xr, yr)
    if in_array_loop:
        by_real = b.and_(by_real, b.and_(b.fcmp_ordered("ord", xi, xi),
                                         b.fcmp_ordered("ord", yi, yi)))
    by_imag = b.and_(b.fcmp_ordered("==", xr, yr), b.fcmp_ordered(symbol, xi, yi))
    return b.or_(by_real, by_imag)


def has_nan_part(cg, z):
    real, imag = parts(cg, z)
    return cg.b.fcmp_unordered("uno", real, imag)


def complex_stays(cg, symbol, x, y):
    """Is np.maximum(x, y) (symbol ">=") or np.minimum(x, y) ("<=") of complex numbers x?
    It is when x has a NaN part or compares so with y in NumPy's array order; else y."""
    return cg.b.or_(has_nan_part(cg, x), complex_compare(cg, symbol, x, y, in_array_loop=True))


for _symbol in COMPARISONS:
    rule(_symbol)(compare_rule(_symbol))


# ---- unary, truth, conversions -----------------------------------------------------------
def unary(symbol: str):
    def match(types, consts):
        if len(types) != 1 or not numpy_dtype(types[0]):
            return None
        (t,) = types
        kind = kind_of(t)
        if symbol == "truth":
            return Impl(BOOL, lambda cg, a, ts, r: cast(cg, a[0], t, NUMPY["bool"]), types)
        if (kind in "fc" and symbol == "unary~") or (kind == "b" and symbol in ("unary-", "abs")):
            return None
        result = NUMPY["float64"] if kind == "c" and symbol == "abs" else t
        return Impl(result, lambda cg, a, ts, r: emit_unary(cg, symbol, a[0], kind), types)
    return match


def emit_unary(cg, symbol, value, kind, in_array_loop=False):
    """-x, +x, ~x, abs(x) for a value of NumPy kind `kind` (the operand's: the absolute
    value of a complex number is a float64)."""
    b = cg.b
    if symbol == "unary+":
        return value
    if symbol == "unary~":
        return b.not_(value)
    if kind == "c":
        real, imag = parts(cg, value)
        if symbol == "abs" and in_array_loop:
            return complex_abs_in_array(cg, real, imag)
        if symbol == "abs":             # NumPy's scalar: C's hypot
            return call_libm(cg, "hypot", [real, imag])
        return make_complex(cg, b.fneg(real), b.fneg(imag))
    if kind == "f":
        return b.fneg(value) if symbol == "unary-" else \
            cg.intrinsic(f"llvm.fabs.{suffix(value)}", value.type, [value])
    negative = b.neg(value)
    if symbol == "unary-" or kind == "u":
        return negative if symbol == "unary-" else value
    return b.select(b.icmp_signed("<", value, ll.Constant(value.type, 0)), negative, value)


for _symbol in ("unary-", "unary+", "unary~", "truth", "abs"):
    rule(_symbol)(unary(_symbol))


def complex_abs_in_array(cg, real, imag):
    """|z| as NumPy's SIMD loop for complex arrays computes it, which is not C's hypot:
    larger * sqrt(ratio * ratio + 1) with the ratio smaller / larger and a fused multiply-add
    where the CPU has one (then NumPy's loop uses it); an infinite part gives inf, else a NaN
    part NaN, and a zero number 0."""
    b = cg.b
    inf, nan = ll.Constant(DOUBLE, float("inf")), ll.Constant(DOUBLE, float("nan"))
    zero, one = ll.Constant(DOUBLE, 0.0), ll.Constant(DOUBLE, 1.0)
    re, im = fabs(cg, real), fabs(cg, imag)
    re_inf, im_inf = b.fcmp_ordered("==", re, inf), b.fcmp_ordered("==", im, inf)
    re, im = b.select(im_inf, inf, re), b.select(re_inf, inf, im)
    re_nan, im_nan = b.fcmp_unordered("uno", re, re), b.fcmp_unordered("uno", im, im)
    re, im = b.select(im_nan, nan, re), b.select(re_nan, nan, im)
    re_larger = b.fcmp_ordered(">=", re, im)
    larger, smaller = b.select(re_larger, re, im), b.select(re_larger, im, re)
    divide = b.not_(b.or_(b.fcmp_ordered("==", larger, zero), b.fcmp_ordered("==", smaller, inf)))
    ratio = b.select(divide, b.fdiv(smaller, larger), zero)
    square_plus_one = multiply_add(cg, ratio, ratio, one, fused=True)
    return b.fmul(cg.intrinsic("llvm.sqrt.f64", DOUBLE, [square_plus_one]), larger)


def to_python(target: Type):
    """int(x), float(x), bool(x) of a NumPy scalar give Python values."""
    def match(types, consts):
        if len(types) != 1 or not numpy_dtype(types[0]) or kind_of(types[0]) == "c":
            return None
        (t,) = types
        return Impl(target, lambda cg, a, ts, r: emit_to_python(cg, a[0], t, target), types)
    return match


def emit_to_python(cg, value, source, target):
    from .mathlib import float_to_int
    kind = kind_of(source)
    if target == INT and kind == "f":
        return float_to_int(cg, cast(cg, value, source, FLOAT))
    if target == INT and kind == "u" and value.type.width == 64:
        cg.fail_if(cg.b.icmp_signed("<", value, ll.Constant(I64, 0)), "OverflowError",
                   "NumPy uint64 too large for kiln's 64-bit int")
    if target == INT:
        return cast(cg, value, source, NUMPY["int64"])
    return cast(cg, value, source, NUMPY["float64"] if target == FLOAT else NUMPY["bool"])


def constructor(dtype: str):
    """np.float32(x), np.uint8(x), ...: NumPy's casting; a Python int must fit."""
    target = NUMPY[dtype]

    def match(types, consts):
        if len(types) == 0:
            return Impl(target, lambda cg, a, ts, r: cg.const(target, 0), ())
        if len(types) != 1 or not (isinstance(types[0], Scalar) and is_number(types[0])):
            return None
        (t,) = types
        if kind_of(t) == "c" and dtype != "complex128":
            return None
        return Impl(target, lambda cg, a, ts, r: cast(cg, a[0], t, target), types)
    return match


rule("int")(to_python(INT))
rule("float")(to_python(FLOAT))
rule("bool")(to_python(BOOL))
for _dtype in NUMPY:
    rule(f"np.{_dtype}", callable_=True)(constructor(_dtype))
rule("np.bool_", callable_=True)(constructor("bool"))


# ---- parts of a number: x.real, x.imag, x.conjugate() --------------------------------------
def number_part(name: str):
    """complex128: its float64 parts (and the conjugate); a real number is its own real part
    and conjugate, with an imaginary part of 0 in its own type. Bools are left out (Python's
    True.imag is the int 0)."""
    def match(types, consts):
        if len(types) != 1 or not (isinstance(types[0], Scalar) and is_number(types[0])):
            return None
        (t,) = types
        if kind_of(t) == "c":
            if name == "conjugate":
                return Impl(t, lambda cg, a, ts, r: complex_conjugate(cg, a[0]), types)
            index = 0 if name == "real" else 1
            return Impl(NUMPY["float64"], lambda cg, a, ts, r: cg.b.extract_value(a[0], index),
                        types)
        if t == BOOL or (numpy_dtype(t) == "bool"):
            return None
        if name == "imag":
            return Impl(t, lambda cg, a, ts, r: cg.const(t, 0), types)
        return Impl(t, lambda cg, a, ts, r: a[0], types)
    return match


for _part in ("real", "imag"):
    rule(f"attr.{_part}")(number_part(_part))
    rule(f"np.{_part}", callable_=True)(number_part(_part))
rule("method.conjugate", "method.conj")(number_part("conjugate"))
