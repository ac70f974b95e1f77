"""Whole-array operations: elementwise arithmetic with broadcasting, and ufuncs.

    a + b, a * 2.0, a < b, -a, abs(a)    -> a new array (NumPy's result dtype and broadcasting)
    np.sqrt(a), np.minimum(a, b), np.where(c, a, b)

Each element is computed by the NumPy-scalar rules in npscalars (so `uint8 + int` wraps and
`int // 0` is 0, exactly as in NumPy's loops); result dtypes are asked of NumPy itself.
Reductions (a.sum(), ...) live in reductions.py.
"""
from __future__ import annotations

import functools
import operator
import warnings

from llvmlite import ir as ll

from ..types import (BOOL, FLOAT, INT, NUMPY, Array, Scalar, Type, is_number,
                     numpy_dtype, np)
from ..runtime import nrt
from .arrays import (allocate, copy_broadcast, element_type, for_each, i64, load_element,
                     shape_of, storage, store_element, strides_of)
from .npscalars import (COMPARISONS, COMPLEX_OPS, OPS, cast, complex_conjugate, complex_stays,
                        emit_arithmetic, emit_compare, emit_unary, kind_of, parts, suffix)
from .registry import Impl, TypeRuleError, rule

I1, I64 = ll.IntType(1), ll.IntType(64)
PYTHON_SAMPLES = {INT: 1, FLOAT: 1.0, BOOL: True}


def operand_sample(t: Type):
    if isinstance(t, Array):
        return np.ones((1,) * max(t.ndim, 1), dtype=t.dtype)
    dtype = numpy_dtype(t)
    return np.dtype(dtype).type(1) if dtype else PYTHON_SAMPLES.get(t)


def is_operand(t: Type) -> bool:
    return isinstance(t, Array) or (isinstance(t, Scalar) and is_number(t))


def dtype_kind(t: Type) -> str:
    """The NumPy kind of an operand's elements ('c' for complex)."""
    return kind_of(element_type(t) if isinstance(t, Array) else t)


@functools.lru_cache(maxsize=None)
def result_dtype(function, types: tuple[Type, ...]) -> str | None:
    """The dtype NumPy gives function(*operands) for these operand types (None: refused);
    `function` is an operator or the name of a NumPy function."""
    if isinstance(function, str):
        function = getattr(np, function)
    samples = [operand_sample(t) for t in types]
    if any(s is None for s in samples):
        return None
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = function(*samples)
    except (TypeError, ValueError, OverflowError, ZeroDivisionError):
        return None
    name = np.asarray(value).dtype.name
    if name not in NUMPY:       # float16: np.sqrt of int8 or bool arrays
        raise TypeRuleError(f"NumPy's result would be a {name} array, a dtype kiln does not "
                            f"support: convert the operand first (a.astype(np.float32))")
    return name


# ---- the loop ----------------------------------------------------------------------------
def broadcast(cg, operands: list[tuple[ll.Value, Type]]) -> list[ll.Value]:
    """The broadcast shape of the array operands (ValueError when they do not fit)."""
    b = cg.b
    ndim = max(t.ndim for _, t in operands if isinstance(t, Array))
    shape: list[ll.Value] = [i64(1)] * ndim
    bad = ll.Constant(I1, 0)
    for value, t in operands:
        if not isinstance(t, Array):
            continue
        for axis, size in enumerate(shape_of(cg, value, t)):
            k = axis + ndim - t.ndim
            current = shape[k]
            bad = b.or_(bad, b.and_(b.icmp_signed("!=", size, current),
                                    b.and_(b.icmp_signed("!=", size, i64(1)),
                                           b.icmp_signed("!=", current, i64(1)))))
            shape[k] = b.select(b.icmp_signed("==", size, i64(1)), current, size)
    cg.fail_if(bad, "ValueError", "operands could not be broadcast together")
    return shape


def elementwise(cg, operands: list[tuple[ll.Value, Type]], result: Array, compute,
                out: ll.Value | None = None) -> ll.Value:
    """A new C-contiguous array: out[idx] = compute(element of each operand at idx); or
    `out` itself, an array of type `result` and of the operands' broadcast shape."""
    b = cg.b
    shape = broadcast(cg, operands)
    out = allocate(cg, result, shape) if out is None else out
    readers = []
    for value, t in operands:
        if not isinstance(t, Array):
            readers.append(lambda indices, v=value: v)
            continue
        sizes, strides = shape_of(cg, value, t), strides_of(cg, value, t)
        offset = result.ndim - t.ndim
        steps = [b.select(b.icmp_signed("==", size, i64(1)), i64(0), stride)
                 for size, stride in zip(sizes, strides)]

        def read(indices, value=value, t=t, steps=steps, offset=offset):
            position: ll.Value = i64(0)
            for axis, step in enumerate(steps):
                position = b.add(position, b.mul(indices[axis + offset], step))
            pointer = b.bitcast(b.gep(b.extract_value(value, 1), [position]),
                                storage(t).as_pointer())
            return load_element(cg, pointer, t)
        readers.append(read)
    types = [element_type(t) if isinstance(t, Array) else t for _, t in operands]

    def store(pointer, indices):
        store_element(cg, pointer, result, compute(cg, [r(indices) for r in readers], types))
    for_each(cg, out, result, store)
    return out


def array_result(types: tuple[Type, ...], dtype: str) -> Array:
    return Array(dtype, max(t.ndim for t in types if isinstance(t, Array)), "C")


# ---- operators ---------------------------------------------------------------------------
def binary_rule(symbol: str):
    def match(types, consts):
        if len(types) != 2 or not any(isinstance(t, Array) for t in types) or \
                not all(is_operand(t) for t in types):
            return None
        dtype = result_dtype(OPS.get(symbol) or COMPARE_FUNCTIONS[symbol], types)
        if dtype is None:
            raise TypeRuleError(f"NumPy does not support {symbol} between "
                                f"{types[0]} and {types[1]}")
        if symbol == "**" and isinstance(types[0], Array):
            dtype = constant_power_dtype(types[0], consts[1]) or dtype
        result = array_result(types, dtype)
        element = NUMPY[dtype]
        if kind_of(element) == "c" and symbol not in COMPLEX_OPS:
            raise TypeRuleError(f"{symbol} of complex numbers is not supported yet")
        if symbol in COMPARISONS:
            def compute(cg, values, value_types):
                return emit_compare(cg, symbol, values, tuple(value_types),
                                    in_array_loop=True)
        else:
            def compute(cg, values, value_types):
                return emit_arithmetic(cg, symbol, values, tuple(value_types), element,
                                       in_array_loop=True)
            if symbol == "**" and dtype_kind(types[0]) == "f" and \
                    not isinstance(types[1], Array) and dtype_kind(types[1]) == "f":
                compute = power_of_half_is_sqrt(compute, element)
        return elementwise_impl(result, compute, types)
    return match


COMPARE_FUNCTIONS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
                     "==": operator.eq, "!=": operator.ne}


def run(cg, args, types, result, compute):
    return elementwise(cg, list(zip(args, types)), result, compute)


def elementwise_impl(result: Array, compute, types: tuple[Type, ...]) -> Impl:
    """A new array computed element by element (fusion.py may merge it into its consumer)."""
    return Impl(result, lambda cg, a, ts, r: run(cg, a, ts, r, compute), types, owned=True,
                element=compute)


for _symbol in list(OPS) + list(COMPARISONS):
    rule(_symbol)(binary_rule(_symbol))


def constant_power_dtype(base: Array, exponent) -> str | None:
    """The dtype of `array ** constant` as this NumPy makes it. NumPy takes other functions
    for some exponents (np.square for 2, and for 2.0 before NumPy 2.3), whose dtypes can
    differ from np.power's: bool_array ** 2 is int8, not int64."""
    if type(exponent) not in (int, float, bool):
        return None
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            name = (np.ones((1,) * max(base.ndim, 1), dtype=base.dtype) ** exponent).dtype.name
    except (TypeError, ValueError, OverflowError, ZeroDivisionError):
        return None
    return name if name in NUMPY else None


def power_of_half_is_sqrt(compute, element):
    """float_array ** e, where NumPy takes np.sqrt when e == 0.5 (its fast path for a scalar
    exponent), which differs from pow at -0.0 (-0.0, not 0.0) and -inf (NaN, not inf)."""
    def power(cg, values, value_types):
        general = compute(cg, values, value_types)
        base = cast(cg, values[0], value_types[0], element, weak_check=False)
        exponent = cast(cg, values[1], value_types[1], NUMPY["float64"], weak_check=False)
        half = cg.b.fcmp_ordered("==", exponent, ll.Constant(ll.DoubleType(), 0.5))
        return cg.b.select(half, float_call(cg, "sqrt", base), general)
    return power


def inplace_rule(symbol: str):
    """a += b for an array a: NumPy computes a + b and writes it into a (cast back with the
    'same_kind' rule; a may not grow by broadcasting). A number is applied in one pass; an
    array operand goes through a new array first, since it may overlap a."""
    compute_rule = binary_rule(symbol)
    name = OPS[symbol].__name__.strip("_")

    def match(types, consts):
        target, operand = types
        if not isinstance(target, Array) or not is_operand(operand):
            return None
        if target.readonly:
            raise TypeRuleError("output array is read-only", "pass a writeable array")
        impl = compute_rule(types, consts)
        dtype = impl.result.dtype
        if not np.can_cast(dtype, target.dtype, "same_kind"):
            raise TypeRuleError(f"Cannot cast ufunc '{name}' output from dtype('{dtype}') to "
                                f"dtype('{target.dtype}') with casting rule 'same_kind'",
                                f"a = a {symbol} b makes a new array of the wider type")
        grows = impl.result.ndim > target.ndim

        def emit(cg, args, ts, result):
            if grows:
                cg.fail_if(ll.Constant(I1, 1), "ValueError",
                           "non-broadcastable output operand")
            elif isinstance(operand, Array):
                fresh = impl.emit(cg, args, ts, impl.result)
                copy_broadcast(cg, args[0], target, fresh, impl.result, fresh=True)
                nrt.decref(cg.b, cg.b.extract_value(fresh, 0))
            else:
                def cast_back(cg, values, value_types):
                    return cast(cg, impl.element(cg, values, value_types), NUMPY[dtype],
                                element_type(target), weak_check=False)
                elementwise(cg, list(zip(args, ts)), target, cast_back, out=args[0])
            return args[0]
        return Impl(target, emit, types)
    return match


for _symbol in OPS:
    rule(f"{_symbol}=")(inplace_rule(_symbol))


def unary_rule(symbol: str, function):
    def match(types, consts):
        if len(types) != 1 or not isinstance(types[0], Array):
            return None
        dtype = result_dtype(function, types)
        if dtype is None:
            raise TypeRuleError(f"NumPy does not support {symbol} on {types[0]}")
        def compute(cg, values, value_types):
            return emit_unary(cg, symbol, values[0], kind_of(value_types[0]), in_array_loop=True)
        return elementwise_impl(array_result(types, dtype), compute, types)
    return match


rule("unary-")(unary_rule("unary-", operator.neg))
rule("unary+")(unary_rule("unary+", operator.pos))
rule("unary~")(unary_rule("unary~", operator.invert))
rule("abs", callable_=True)(unary_rule("abs", abs))


# ---- ufunc functions: np.sqrt(x), np.minimum(x, y), np.where(c, x, y) -----------------------
FLOAT_UFUNCS = {"sqrt": ("llvm.sqrt", True), "exp": ("exp", False), "log": ("log", False),
                "sin": ("sin", False), "cos": ("cos", False), "tan": ("tan", False),
                "floor": ("llvm.floor", True), "ceil": ("llvm.ceil", True),
                "trunc": ("llvm.trunc", True), "rint": ("llvm.rint", True)}
COMPLEX_UFUNCS = ("sqrt", "exp", "log", "sin", "cos", "tan")     # NumPy: floor etc. refuse


def float_call(cg, name: str, value) -> ll.Value:
    """sqrt/exp/... in the value's own precision (libm's float versions end in 'f')."""
    symbol, intrinsic = FLOAT_UFUNCS[name]
    if intrinsic:
        return cg.intrinsic(f"{symbol}.{suffix(value)}", value.type, [value])
    return cg.call_extern(symbol + ("f" if suffix(value) == "f32" else ""), value.type,
                          [value.type], [value])


def ufunc(name: str, function, compute_element, complex_ok: bool = False):
    """np.<name>(x, ...): an array for any array argument, else a NumPy scalar."""
    def match(types, consts):
        if not types or not all(is_operand(t) for t in types):
            return None
        dtype = result_dtype(function, types)
        if dtype is None:
            raise TypeRuleError(f"np.{name} does not support {', '.join(map(str, types))}")
        if not complex_ok and "c" in (dtype_kind(t) for t in types):
            raise TypeRuleError(f"np.{name} of complex numbers is not supported yet")
        element = NUMPY[dtype]

        def compute(cg, values, value_types):
            return compute_element(cg, values, tuple(value_types), element)
        if any(isinstance(t, Array) for t in types):
            return elementwise_impl(array_result(types, dtype), compute, types)
        return Impl(element, lambda cg, a, ts, r: compute(cg, a, ts), types)
    rule(f"np.{name}", callable_=True)(match)


def complex_call(cg, name: str, value) -> ll.Value:
    """The C library's complex function (csqrt, cexp, ...): NumPy calls the same one, and
    their results agree to the bit, special values included (a probe of 1.3 million values
    against NumPy 2.4 and glibc). A C `double complex` travels as two doubles each way."""
    real, imag = parts(cg, value)
    return cg.call_extern("c" + name, value.type, [real.type, imag.type], [real, imag])


def unary_float(name):
    def compute(cg, values, types, element):
        value = cast(cg, values[0], types[0], element, weak_check=False)
        if kind_of(element) == "c":
            return complex_call(cg, name, value)
        if kind_of(element) != "f":          # np.floor of integers keeps them (NumPy 2)
            return value
        return float_call(cg, name, value)
    return compute


for _name in FLOAT_UFUNCS:
    ufunc(_name, _name, unary_float(_name), complex_ok=_name in COMPLEX_UFUNCS)


def absolute(cg, values, types, element):
    if kind_of(types[0]) == "c":
        return emit_unary(cg, "abs", values[0], "c", in_array_loop=True)
    value = cast(cg, values[0], types[0], element, weak_check=False)
    return emit_unary(cg, "abs", value, kind_of(element))


ufunc("abs", "abs", absolute, complex_ok=True)
ufunc("absolute", "absolute", absolute, complex_ok=True)


def conjugate(cg, values, types, element):
    value = cast(cg, values[0], types[0], element, weak_check=False)
    return complex_conjugate(cg, value) if kind_of(element) == "c" else value


ufunc("conj", "conj", conjugate, complex_ok=True)
ufunc("conjugate", "conjugate", conjugate, complex_ok=True)


def extreme(symbol: str):
    """np.minimum / np.maximum: NaN wins, like NumPy's loops (complex: complex_stays)."""
    def compute(cg, values, types, element):
        a, b_ = (cast(cg, v, t, element, weak_check=True) for v, t in zip(values, types))
        if kind_of(element) == "c":
            keep = complex_stays(cg, symbol, a, b_)
        elif kind_of(element) == "f":
            keep = cg.b.or_(cg.b.fcmp_ordered(symbol, a, b_), cg.b.fcmp_unordered("uno", a, a))
        elif kind_of(element) in "ub":      # True is 1, not the signed i1's -1
            keep = cg.b.icmp_unsigned(symbol, a, b_)
        else:
            keep = cg.b.icmp_signed(symbol, a, b_)
        return cg.b.select(keep, a, b_)
    return compute


ufunc("minimum", "minimum", extreme("<="), complex_ok=True)
ufunc("maximum", "maximum", extreme(">="), complex_ok=True)


def where(cg, values, types, element):
    condition = cast(cg, values[0], types[0], NUMPY["bool"], weak_check=False)
    a, b_ = (cast(cg, v, t, element, weak_check=True) for v, t in zip(values[1:], types[1:]))
    return cg.b.select(condition, a, b_)


ufunc("where", "where", where, complex_ok=True)
