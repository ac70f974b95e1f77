"""np.percentile(a, q) and np.quantile(a, q) of a whole array, NumPy's default method "linear":
between two neighbours of a sorted flat copy, as NumPy's _quantile computes it, step by step
and each step in NumPy's dtype.

    np.percentile(a, 25.5)   q / 100 = 0.255 -> virtual index (n - 1) * 0.255 = 2.55 (n = 11)
                             -> lo, hi = sorted[2], sorted[3], t = 0.55
                             -> t < 0.5: lo + (hi - lo) * t;  t >= 0.5: hi - (hi - lo) * (1 - t)
    np.quantile(a, 1)        an integer q takes sorted[(n - 1) * q] as it is, in a's dtype

A NaN anywhere gives that NaN (it sorts last); an empty array raises IndexError, q outside
[0, 100] (or [0, 1]) ValueError, as NumPy does.
"""
from __future__ import annotations

import inspect

from llvmlite import ir as ll

from ..types import NONE, NUMPY, Array, Text, is_number, np
from .arrays import element_type, i64
from .npscalars import cast, kind_of, sample
from .numbers import suffix
from .registry import Impl, TypeRuleError, rule
from .sorting import from_sorted_elements

PARAMS = ("a", "q", "axis", "out", "overwrite_input", "method", "keepdims", "weights")
I64 = ll.IntType(64)
WHOLE_RANGE = {"np.percentile": (100, "Percentiles must be in the range [0, 100]"),
               "np.quantile": (1, "Quantiles must be in the range [0, 1]")}


def quantile_dtype(name: str, array: Array, q) -> str:
    """The dtype NumPy turns q into before it looks at the array (q / 100 for percentile).
    NumPy 2.4 and 2.5 take q as it is (a Python number weakly, NEP 50); NumPy 2.2 took a Python
    number for a float array in the array's dtype, and divided by 100 of that dtype. Which of
    the two this NumPy does is read from its own code (the newer one has a weak_q parameter)."""
    functions = getattr(np.lib, "_function_base_impl", None)
    weak_q = functions is None or "weak_q" in inspect.signature(
        functions._quantile_unchecked).parameters
    in_array_dtype = not weak_q and kind_of(element_type(array)) == "f"
    value = sample(q)
    with np.errstate(all="ignore"):
        if name == "np.percentile":
            divisor = np.dtype(array.dtype).type(100) if in_array_dtype else 100
            return np.true_divide(value, divisor).dtype.name
        if in_array_dtype and isinstance(value, (int, float)):
            return array.dtype
        return np.asanyarray(value).dtype.name


def quantile_rule(name: str):
    """np.percentile(a, q) / np.quantile(a, q) with q one real number: a NumPy scalar of the
    dtype NumPy gives (asked of NumPy with a sample), or of a's dtype when q is an integer
    quantile."""
    def match(types, consts):
        if len(types) < 2 or not isinstance(types[0], Array):
            return None
        array, q = types[:2]
        given = dict(zip(PARAMS, zip(types, consts)))
        method = given.get("method", (NONE,))[0]
        if any(given.get(p, (NONE,))[0] != NONE for p in ("axis", "out", "weights")) or \
                any(given.get(p, (NONE, False))[1] not in (None, False)
                    for p in ("overwrite_input", "keepdims")) or \
                method != NONE and method != Text("linear"):
            raise TypeRuleError(f"{name}(a, q) of the whole array, method 'linear', is what "
                                "compiled code supports", "no axis=, out=, overwrite_input=, "
                                "keepdims=, weights= or other method=")
        if not is_number(q) or kind_of(q) not in "iuf":
            raise TypeRuleError(f"{name}(a, q) takes q as one int or float, not {q}",
                                f"one call per q: [{name}(a, x) for x in qs]")
        if kind_of(element_type(array)) == "c":
            raise TypeRuleError(f"{name} of complex numbers: NumPy raises TypeError")
        q_dtype = quantile_dtype(name, array, q)
        try:
            with np.errstate(all="ignore"):
                dtype = getattr(np, name[3:])(np.ones(2, dtype=array.dtype), sample(q)).dtype.name
        except TypeError:
            raise TypeRuleError(f"{name} of a bool array between two elements: NumPy raises "
                                "TypeError (boolean subtract)", "a.astype(np.int64)") from None
        if q_dtype not in ("float32", "float64", "int64") or dtype not in NUMPY:
            raise TypeRuleError(f"{name} with q of type {q} is not supported in compiled code",
                                "q as a Python int or float")
        if kind_of(element_type(array)) == "f" and dtype != array.dtype:
            raise TypeRuleError(f"{name} of a {array.dtype} array with q of type {q}: NumPy "
                                f"gives {dtype}, but a {array.dtype} NaN when a holds NaN",
                                f"q as a Python float, or a.astype(np.{dtype})")

        def emit(cg, args, ts, result):
            return emit_quantile(cg, name, args[0], array, args[1], q, NUMPY[q_dtype], result)
        return Impl(NUMPY[dtype], emit, types[:2])
    return match


for _name in WHOLE_RANGE:
    rule(_name, callable_=True, params=PARAMS)(quantile_rule(_name))


def emit_quantile(cg, name, a, array: Array, q, q_type, q_dtype, result):
    """q in NumPy's quantile dtype (divided by 100 for percentile) and checked, then the
    element or the interpolation between two of the sorted elements (see the module)."""
    b = cg.b
    scale, message = WHOLE_RANGE[name]
    fraction = cast(cg, q, q_type, q_dtype, weak_check=False)
    if kind_of(q_dtype) == "i":
        valid = b.and_(b.icmp_signed(">=", fraction, i64(0)), b.icmp_signed("<=", fraction, i64(1)))
    else:
        if scale != 1:
            fraction = b.fdiv(fraction, cg.const(q_dtype, float(scale)))
        valid = b.and_(b.fcmp_ordered(">=", fraction, cg.const(q_dtype, 0.0)),
                       b.fcmp_ordered("<=", fraction, cg.const(q_dtype, 1.0)))
    cg.fail_if(b.not_(valid), "ValueError", message)

    def pick(at, count, flat_t):
        cg.fail_if(b.icmp_signed("==", count, i64(0)), "IndexError",
                   "index -1 is out of bounds for axis 0 with size 0")
        last = b.sub(count, i64(1))
        if kind_of(q_dtype) == "i":
            answer = at(b.mul(last, fraction))
        else:
            answer = interpolate(cg, at, last, fraction, q_dtype, flat_t, result)
        if kind_of(element_type(array)) == "f":      # NaN sorts last: the answer is that NaN
            largest = at(last)
            answer = b.select(b.fcmp_unordered("uno", largest, largest), largest, answer)
        return answer
    return from_sorted_elements(cg, a, array, pick)


def interpolate(cg, at, last, fraction, q_dtype, flat_t: Array, result):
    """NumPy's linear method for sorted elements at(0 .. last), fraction in [0, 1]:

        virtual = last * fraction                                   (in q's dtype)
        below, above = floor(virtual), floor(virtual) + 1;  both last when virtual >= last,
        where NumPy's t = virtual - below takes below as -1 (t is then virtual + 1)
        diff = at(above) - at(below)                                (in a's dtype: ints wrap)
        t < 0.5: at(below) + diff * t,  else: at(above) - diff * (1 - t)   (in the result's)
    """
    b = cg.b
    element = element_type(flat_t)
    real = fraction.type
    virtual = b.fmul(b.sitofp(last, real), fraction)
    beyond = b.fcmp_ordered(">=", virtual, b.sitofp(last, real))
    floor = b.fptosi(cg.intrinsic(f"llvm.floor.{suffix(virtual)}", real, [virtual]), I64)
    below = b.select(beyond, last, floor)
    above = b.select(beyond, last, b.add(floor, i64(1)))
    t = b.fsub(virtual, b.sitofp(b.select(beyond, i64(-1), floor), real))
    low, high = at(below), at(above)
    diff = b.fsub(high, low) if kind_of(element) == "f" else b.sub(high, low)

    def in_result(value, source):
        return cast(cg, value, source, result, weak_check=False)
    step = b.fmul(in_result(diff, element), in_result(t, q_dtype))
    back = b.fmul(in_result(diff, element),
                  in_result(b.fsub(cg.const(q_dtype, 1.0), t), q_dtype))
    return b.select(b.fcmp_ordered(">=", t, cg.const(q_dtype, 0.5)),
                    b.fsub(in_result(high, element), back),
                    b.fadd(in_result(low, element), step))
