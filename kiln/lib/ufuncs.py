"""Whole-array operations: elementwise arithmetic with broadcasting, and ufuncs.

    a + b, a * 2.0, a < b, -a, abs(a)    -> a new array (NumPy's result dtype and broadcasting)
    np.sqrt(a), np.minimum(a, b), np.where(c, a, b)
    np.add(a, b), np.negative(a)           -> the operator's own rule (OPERATOR_FUNCTIONS)

Each element is computed by the NumPy-scalar rules in npscalars (so `uint8 + int` wraps and
`int // 0` is 0, exactly as in NumPy's loops); result dtypes are asked of NumPy itself. The
functions whose rounding is NumPy's own (np.exp, np.log, float `**`, ...) are computed by
NumPy's inner loops (numpy_loops.py), over whole lines of an array (bulk_loop).
Reductions (a.sum(), ...) live in reductions.py.
"""
from __future__ import annotations

import functools
import operator
import warnings

from llvmlite import ir as ll

from ..llvm_ir import counted_loop
from ..types import (BOOL, FLOAT, INT, NONE, NUMPY, Array, Scalar, Type, is_number,
                     numpy_dtype, np)
from ..runtime import nrt
from .arrays import (allocate, cg_lltype, copy_broadcast, element_type, for_each, i64,
                     itemsize, load_element, product, shape_of, storage, store_element,
                     strides_of)
from .mathlib import is_finite, is_infinite, is_nan
from .npscalars import (COMPARISONS, COMPLEX_OPS, OPS, cast, complex_conjugate, complex_stays,
                        emit_arithmetic, emit_compare, emit_unary, kind_of, suffix)
from .numbers import fconst
from .numpy_loops import BINARY, UNARY, call_loop, computed_by_numpy, has_loop, numpy_loop
from .registry import Impl, TypeRuleError, resolve, rule
from .selection import nonzero_rule

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
        if symbol == "**" and kind_of(element) == "f":
            return float_power_impl(result, *types)
        if symbol in COMPARISONS:
            def compute(cg, values, value_types):
                return emit_compare(cg, symbol, values, tuple(value_types),
                                    in_array_loop=True)
        else:
            def compute(cg, values, value_types):
                return emit_arithmetic(cg, symbol, values, tuple(value_types), element,
                                       in_array_loop=True)
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


def float_power_impl(result: Array, base: Type, exponent: Type) -> Impl:
    """x ** e with a float result, where x or e is an array, as NumPy computes it. NumPy's
    `**` first looks for a fast path (numpy_fast_powers): for some exponents it calls another
    function on x (np.square for 2, np.reciprocal for -1, np.sqrt for 0.5, ...), whose
    rounding can differ from its power loop's (float32 1/x against 1.0/x in double); kiln
    tests the exponent for the same values and calls the same function. Otherwise NumPy's
    power loop over whole lines (bulk_loop; for a number e it has fast paths of its own)."""
    element = NUMPY[result.dtype]
    fast = numpy_fast_powers(base, exponent)

    def unary(function):
        if function in ("square", "reciprocal"):
            return lambda cg, args, types, r: bulk_loop(cg, function, args[:1], types[:1], r)

        def compute(cg, values, value_types):
            x = cast(cg, values[0], value_types[0], element, weak_check=False)
            return {"sqrt": lambda: exact_call(cg, "sqrt", x),
                    "positive": lambda: x,
                    "ones": lambda: cg.const(element, 1)}[function]()
        return lambda cg, args, types, r: elementwise(cg, [(args[0], types[0])], r, compute)

    def emit(cg, args, types, r):
        if not fast:
            return bulk_loop(cg, "power", args, types, r)
        b = cg.b
        out = cg.local(cg_lltype(r))
        e = cast(cg, args[1], types[1], NUMPY["float64"], weak_check=False)
        done = b.append_basic_block("power.done")
        for value, function in fast.items():
            then, following = (b.append_basic_block(f"power.{part}") for part in
                               ("fast", "next"))
            b.cbranch(b.fcmp_ordered("==", e, ll.Constant(ll.DoubleType(), value)), then,
                      following)
            b.position_at_end(then)
            b.store(unary(function)(cg, args, types, r), out)
            b.branch(done)
            b.position_at_end(following)
        b.store(bulk_loop(cg, "power", args, types, r), out)
        b.branch(done)
        b.position_at_end(done)
        return b.load(out)
    return Impl(result, emit, (base, exponent), owned=True)


def numpy_fast_powers(base: Type, exponent: Type) -> dict[float, str]:
    """{exponent value: the function NumPy's `array ** exponent` calls instead of np.power}
    for these operand types (fast_scalar_power in NumPy's number.c): the base a float array
    and, since NumPy 2.3, the exponent a Python int (2, -1) or float (0.5); before, any
    number (1, -1, 0, 0.5, 2)."""
    if not (isinstance(base, Array) and dtype_kind(base) == "f") or isinstance(exponent, Array):
        return {}
    if np.lib.NumpyVersion(np.__version__) < "2.3.0":
        return {1.0: "positive", -1.0: "reciprocal", 0.0: "ones", 0.5: "sqrt", 2.0: "square"}
    return {INT: {2.0: "square", -1.0: "reciprocal"}, FLOAT: {0.5: "sqrt"}}.get(exponent, {})


def inplace_rule(symbol: str):
    """a += b for an array a: NumPy computes a + b and writes it into a (cast back with the
    'same_kind' rule; a may not grow by broadcasting). A number is applied in one pass; an
    array operand goes through a new array first, since it may overlap a, and so does an
    operation computed by NumPy's loops (float `**`), which makes its own array."""
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
            elif isinstance(operand, Array) or impl.element is None:
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
# Correctly rounded in IEEE arithmetic, so any implementation gives NumPy's bits: an intrinsic
# (the others, numpy_loops.UNARY and BINARY, are NumPy's own loops).
EXACT_UFUNCS = {"sqrt": "llvm.sqrt", "floor": "llvm.floor", "ceil": "llvm.ceil",
                "trunc": "llvm.trunc", "rint": "llvm.rint", "fabs": "llvm.fabs"}


def loop_impl(name: str, result: Array, types: tuple[Type, ...]) -> Impl:
    """np.<name> with an array operand: one call of NumPy's loop per line (bulk_loop)."""
    return Impl(result, lambda cg, a, ts, r: bulk_loop(cg, name, a, ts, r), types, owned=True)


def bulk_loop(cg, name: str, args, types, result: Array) -> ll.Value:
    """A new C-ordered array computed by NumPy's loop, called once per line along the last
    axis with each operand's own step there (0 where it is broadcast or a number), as NumPy's
    iterator calls it for a new result: the same code (SIMD where NumPy has it) gives the same
    bits. Operands of another dtype are cast into a temporary first, as NumPy casts them
    through a buffer. Not fused with its neighbours: NumPy's loops run over whole lines."""
    b = cg.b
    element = NUMPY[result.dtype]
    operands, temporaries = [], []
    for value, t in zip(args, types):
        if isinstance(t, Array) and t.dtype != result.dtype:
            converted = Array(result.dtype, t.ndim, "C")
            value = elementwise(cg, [(value, t)], converted, lambda cg_, vs, ts: cast(
                cg_, vs[0], ts[0], element, weak_check=False))
            temporaries.append(value)
            t = converted
        elif not isinstance(t, Array):
            slot = cg.local(cg_lltype(element))
            b.store(cast(cg, value, t, element, weak_check=False), slot)
            value = slot
        operands.append((value, t))
    shape = broadcast(cg, operands)
    out = allocate(cg, result, shape)
    width = i64(itemsize(result))
    out_steps = strides_of(cg, out, result)
    # Each operand's byte step along every axis of the result, as NumPy passes them: when
    # every array operand has the result's shape its steps are the arrays' own (a "trivial"
    # loop); otherwise its iterator runs, which gives an axis of length 1 a step of 0. (The
    # power and clip loops take another formula for steps of 0.)
    trivial = ll.Constant(I1, 1)
    for value, t in operands:
        if isinstance(t, Array):
            same = [b.icmp_signed("==", size, shape[result.ndim - t.ndim + k])
                    for k, size in enumerate(shape_of(cg, value, t))]
            trivial = functools.reduce(b.and_, same, trivial) if t.ndim == result.ndim else \
                ll.Constant(I1, 0)
    steps = []
    for value, t in operands:
        if not isinstance(t, Array):
            steps.append([i64(0)] * result.ndim)
            continue
        sizes, strides = shape_of(cg, value, t), strides_of(cg, value, t)
        own = [b.select(b.or_(trivial, b.icmp_signed("!=", size, i64(1))), stride, i64(0))
               for size, stride in zip(sizes, strides)]
        steps.append([i64(0)] * (result.ndim - t.ndim) + own)

    def start(value, t, offset):
        if not isinstance(t, Array):
            return value
        return b.gep(b.extract_value(value, 1), [offset])

    def lines(axis: int, offsets: list[ll.Value], out_offset: ll.Value) -> None:
        if axis >= result.ndim - 1:
            count = shape[-1] if result.ndim else i64(1)
            inner = [own[-1] if result.ndim else i64(0) for own in steps]
            pointers = [start(v, t, o) for (v, t), o in zip(operands, offsets)]
            with b.if_then(b.icmp_signed(">", count, i64(0))):
                call_loop(cg, name, element, pointers + [b.gep(b.extract_value(out, 1),
                                                               [out_offset])],
                          inner + [width], count)
            return
        counted_loop(b, i64(0), shape[axis], lambda k: lines(
            axis + 1, [b.add(o, b.mul(k, own[axis])) for o, own in zip(offsets, steps)],
            b.add(out_offset, b.mul(k, out_steps[axis]))))
    lines(0, [i64(0)] * len(operands), i64(0))
    for temporary in temporaries:
        nrt.decref(b, b.extract_value(temporary, 0))
    return out


def exact_call(cg, name: str, value) -> ll.Value:
    """np.sqrt, np.floor, ... of one float: its LLVM intrinsic (EXACT_UFUNCS)."""
    return cg.intrinsic(f"{EXACT_UFUNCS[name]}.{suffix(value)}", value.type, [value])


def ufunc(name: str, function, compute_element, method: bool = False, operands: int = 0):
    """np.<name>(x, ...) (and x.<name>(...) with `method`): an array for any array argument,
    else a NumPy scalar. Float and complex results of NumPy's rounding-dependent functions
    (computed_by_numpy) come from NumPy's own loop, over whole lines of an array.

    It takes exactly `operands` arguments (default: the NumPy ufunc's `nin`). A further one
    would be NumPy's `out`, which kiln does not write: `np.sqrt(a, b)` used to return a new
    array and leave b as it was."""
    def match(types, consts):
        if not types or not all(is_operand(t) for t in types):
            return None
        arity = operands or getattr(np, name).nin     # (NumPy loads on a first array use)
        if len(types) != arity:
            raise TypeRuleError(arity_error(name, arity, len(types)))
        dtype = result_dtype(function, types)
        if dtype is None:
            raise TypeRuleError(f"np.{name} does not support {', '.join(map(str, types))}")
        element = NUMPY[dtype]

        arrays = any(isinstance(t, Array) for t in types)
        if computed_by_numpy(name, element):
            if not has_loop(name, element, len(types)):
                raise TypeRuleError(f"np.{name} of {element} is not supported in compiled code")
            if arrays:
                return loop_impl(name, array_result(types, dtype), types)
            return Impl(element, lambda cg, a, ts, r: numpy_loop(cg, name, [
                cast(cg, v, t, element, weak_check=False) for v, t in zip(a, ts)], element), types)

        if compute_element is None:
            raise TypeRuleError(f"np.{name} of {element} is not supported in compiled code")

        def compute(cg, values, value_types):
            return compute_element(cg, values, tuple(value_types), element)
        if arrays:
            return elementwise_impl(array_result(types, dtype), compute, types)
        return Impl(element, lambda cg, a, ts, r: compute(cg, a, ts), types)
    rule(f"np.{name}", callable_=True)(match)
    if method:
        rule(f"method.{name}")(match)


def exact_function(name):
    """np.sqrt, np.floor, ...: the intrinsic for floats (complex results are NumPy's loops);
    np.floor of integers keeps them (NumPy 2)."""
    def compute(cg, values, types, element):
        value = cast(cg, values[0], types[0], element, weak_check=False)
        return exact_call(cg, name, value) if kind_of(element) == "f" else value
    return compute


for _name in EXACT_UFUNCS:
    ufunc(_name, _name, exact_function(_name))


def integer_power(cg, values, types, element):
    """np.power of integers (its float and complex results are NumPy's loop)."""
    return emit_arithmetic(cg, "**", values, tuple(types), element, in_array_loop=True)


for _name in (*UNARY, *BINARY):       # their float and complex results: NumPy's loops
    ufunc(_name, _name, integer_power if _name == "power" else None)


def absolute(cg, values, types, element):
    if kind_of(types[0]) == "c":
        return emit_unary(cg, "abs", values[0], "c", in_array_loop=True)
    value = cast(cg, values[0], types[0], element, weak_check=False)
    return emit_unary(cg, "abs", value, kind_of(element))


ufunc("abs", "abs", absolute)
ufunc("absolute", "absolute", absolute)


def conjugate(cg, values, types, element):
    value = cast(cg, values[0], types[0], element, weak_check=False)
    return complex_conjugate(cg, value) if kind_of(element) == "c" else value


ufunc("conj", "conj", conjugate)
ufunc("conjugate", "conjugate", conjugate)


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


ufunc("minimum", "minimum", extreme("<="))
ufunc("maximum", "maximum", extreme(">="))


# ---- classes and signs: np.isnan(x), np.isinf, np.isfinite, np.signbit, np.sign ----------
FLOAT_CLASSES = {"isnan": is_nan, "isinf": is_infinite, "isfinite": is_finite}


def classify(test: str):
    """np.isnan / np.isinf / np.isfinite: of a complex number, of either part (isfinite: of
    both); integers and bools are finite numbers."""
    def compute(cg, values, types, element):
        value, kind, float_class = values[0], dtype_kind(types[0]), FLOAT_CLASSES[test]
        if kind == "f":
            return float_class(cg, value)
        if kind == "c":
            real, imag = (cg.b.extract_value(value, k) for k in (0, 1))
            combine = cg.b.and_ if test == "isfinite" else cg.b.or_
            return combine(float_class(cg, real), float_class(cg, imag))
        return ll.Constant(I1, int(test == "isfinite"))
    return compute


for _name in FLOAT_CLASSES:
    ufunc(_name, _name, classify(_name))


def signbit(cg, values, types, element):
    """The sign bit of the value as a float (-0.0 and a negative NaN have it)."""
    x = cast(cg, values[0], types[0], NUMPY["float64"], weak_check=False) \
        if dtype_kind(types[0]) != "f" else values[0]
    bits = cg.b.bitcast(x, ll.IntType(64 if isinstance(x.type, ll.DoubleType) else 32))
    return cg.b.icmp_signed("<", bits, ll.Constant(bits.type, 0))


ufunc("signbit", "signbit", signbit)


def sign(cg, values, types, element):
    """NumPy's sign: 1, -1 or 0 in the result's dtype; NaN stays NaN (and -0.0 gives 0.0)."""
    b = cg.b
    x = cast(cg, values[0], types[0], element, weak_check=False)
    kind = kind_of(element)
    one, minus_one, zero = (cg.const(element, k) for k in (1, -1, 0))
    if kind == "f":
        nonzero = b.select(b.fcmp_unordered("uno", x, x), x, zero)
        return b.select(b.fcmp_ordered(">", x, zero), one,
                        b.select(b.fcmp_ordered("<", x, zero), minus_one, nonzero))
    if kind in "ub":
        return b.select(b.icmp_unsigned(">", x, zero), one, zero)
    return b.select(b.icmp_signed(">", x, zero), one,
                    b.select(b.icmp_signed("<", x, zero), minus_one, zero))


def real_sign(x):
    """np.sign, for result dtypes: kiln leaves out complex numbers (z / |z| in NumPy 2)."""
    if np.asarray(x).dtype.kind == "c":
        raise TypeError("np.sign of complex numbers")
    return np.sign(x)


ufunc("sign", real_sign, sign)


def clip(cg, values, types, element):
    """np.clip(x, low, high) of integers: min(max(x, low), high). (Float and complex results
    come from NumPy's own loop, which picks its formula by the bounds' steps.)"""
    b = cg.b
    x, low, high = (cast(cg, v, t, element, weak_check=True) for v, t in zip(values, types))
    compare = b.icmp_unsigned if kind_of(element) in "ub" else b.icmp_signed
    raised = b.select(compare(">", x, low), x, low)
    return b.select(compare("<", raised, high), raised, high)


ufunc("clip", "clip", clip, method=True, operands=3)


def arity_error(name: str, operands: int, given: int) -> str:
    extra = "; NumPy's `out` argument is not supported" if given > operands else ""
    noun = "operand" if operands == 1 else "operands"
    return f"np.{name}() takes {operands} {noun} in compiled code, not {given}{extra}"


def where(cg, values, types, element):
    condition = cast(cg, values[0], types[0], NUMPY["bool"], weak_check=False)
    a, b_ = (cast(cg, v, t, element, weak_check=True) for v, t in zip(values[1:], types[1:]))
    return cg.b.select(condition, a, b_)


@rule("np.where", callable_=True)
def where_condition_rule(types, consts):
    """np.where(condition) alone is np.nonzero(condition): the indices where it holds.
    (Registered before the three-operand rule below, which would refuse one operand.)"""
    return nonzero_rule(types, consts, "np.where(condition)") if len(types) == 1 else None


ufunc("where", "where", where, operands=3)


# ---- np.isclose(a, b, rtol, atol, equal_nan), np.allclose --------------------------------
CLOSE_PARAMS = ("a", "b", "rtol", "atol", "equal_nan")


def closeness(types, consts):
    """The element rule of np.isclose for real operands and number tolerances, or None: NumPy
    makes b a float (its dtype with 1.0's), then computes
    |a - b| <= atol + rtol * |b| and isfinite(b), or a == b (or both NaN, with equal_nan),
    each step an operation of NumPy's own, in its dtype."""
    if len(types) < 2 or not all(is_operand(t) for t in types[:2]) or \
            any(dtype_kind(t) == "c" for t in types[:2]):
        return None
    tolerances = types[2:4]
    if not all(t in (INT, FLOAT, NONE) for t in tolerances):
        raise TypeRuleError("np.isclose's rtol and atol are numbers in compiled code")
    equal_nan = consts[4] if len(types) > 4 and types[4] != NONE else False
    if type(equal_nan) is not bool:
        raise TypeRuleError("np.isclose's equal_nan is the constant True or False")
    x_type, y_type = (element_type(t) if isinstance(t, Array) else t for t in types[:2])
    y_float = FLOAT if y_type in (INT, FLOAT) else \
        NUMPY[np.result_type(numpy_dtype(y_type), 1.0).name]

    def step(cg, symbol, a, ta, b, tb):       # Python floats stay Python floats (weak)
        element = FLOAT if {ta, tb} <= {INT, FLOAT} else \
            NUMPY[result_dtype(OPS[symbol], (ta, tb))]
        return emit_arithmetic(cg, symbol, [a, b], (ta, tb), element, in_array_loop=True), \
            element

    def compute(cg, values, value_types, rtol, atol):
        b = cg.b
        x, y = values[0], cast(cg, values[1], value_types[1], y_float, weak_check=False)
        difference, t_difference = step(cg, "-", x, x_type, y, y_float)
        distance = emit_unary(cg, "abs", difference, kind_of(t_difference))
        magnitude = emit_unary(cg, "abs", y, kind_of(y_float))
        scaled, t_scaled = step(cg, "*", rtol, FLOAT, magnitude, y_float)
        tolerance, t_tolerance = step(cg, "+", atol, FLOAT, scaled, t_scaled)
        within = emit_compare(cg, "<=", [distance, tolerance], (t_difference, t_tolerance),
                              in_array_loop=True)
        equal = emit_compare(cg, "==", [x, y], (x_type, y_float), in_array_loop=True)
        close = b.or_(b.and_(within, is_finite(cg, y)), equal)
        if equal_nan and kind_of(x_type) == "f":
            close = b.or_(close, b.and_(is_nan(cg, x), is_nan(cg, y)))
        return close
    return compute


def tolerance_values(cg, args, types):
    """rtol and atol as doubles (NumPy's defaults 1e-05 and 1e-08 where left out)."""
    return [cast(cg, args[k], types[k], FLOAT, weak_check=False)
            if len(types) > k and types[k] != NONE else ll.Constant(ll.DoubleType(), default)
            for k, default in ((2, 1e-05), (3, 1e-08))]


@rule("np.isclose", callable_=True, params=CLOSE_PARAMS)
def isclose_rule(types, consts):
    """np.isclose: a bool array for an array operand, else an np.bool."""
    compute = closeness(types, consts)
    if compute is None:
        return None

    def element(cg, values, value_types, args, arg_types):
        return compute(cg, values, value_types, *tolerance_values(cg, args, arg_types))
    if any(isinstance(t, Array) for t in types[:2]):
        return Impl(array_result(types[:2], "bool"), lambda cg, a, ts, r: elementwise(
            cg, list(zip(a[:2], ts[:2])), r,
            lambda cg_, v, vt: element(cg_, v, vt, a, ts)), types, owned=True)
    return Impl(NUMPY["bool"], lambda cg, a, ts, r: element(cg, a[:2], ts[:2], a, ts), types)


@rule("np.allclose", callable_=True, params=CLOSE_PARAMS)
def allclose_rule(types, consts):
    """np.allclose: whether np.isclose holds for every pair of elements (a Python bool)."""
    compute = closeness(types, consts)
    if compute is None:
        return None

    def emit(cg, args, arg_types, result):
        b = cg.b
        rtol, atol = tolerance_values(cg, args, arg_types)
        if not any(isinstance(t, Array) for t in arg_types[:2]):
            return compute(cg, args[:2], arg_types[:2], rtol, atol)
        flags_t = array_result(arg_types[:2], "bool")
        flags = elementwise(cg, list(zip(args[:2], arg_types[:2])), flags_t,
                            lambda cg_, v, vt: compute(cg_, v, vt, rtol, atol))
        return all_set(cg, flags, flags_t)
    return Impl(BOOL, emit, types)


def all_set(cg, flags, flags_t: Array) -> ll.Value:
    """Whether every element of a new C-ordered bool array is True (an i1); the array is
    released."""
    b = cg.b
    data = b.bitcast(b.extract_value(flags, 1), storage(flags_t).as_pointer())
    every = cg.local(I1)
    b.store(ll.Constant(I1, 1), every)
    counted_loop(b, i64(0), product(cg, shape_of(cg, flags, flags_t)), lambda k: b.store(
        b.and_(b.load(every), load_element(cg, b.gep(data, [k]), flags_t)), every))
    nrt.decref(b, b.extract_value(flags, 0))
    return b.load(every)


@rule("np.array_equal", callable_=True, params=("a1", "a2", "equal_nan"))
def array_equal_rule(types, consts):
    """np.array_equal(a1, a2): the same shape and `a1 == a2` everywhere (a Python bool; NaN
    is never equal to itself: equal_nan=True is not supported)."""
    if len(types) != 2 or not all(isinstance(t, Array) for t in types):
        if len(types) > 2 and types[2] != NONE:
            raise TypeRuleError("np.array_equal(a1, a2, equal_nan=...) is not supported")
        return None
    first, second = types
    if first.ndim != second.ndim:
        return Impl(BOOL, lambda cg, a, ts, r: ll.Constant(I1, 0), types)
    equal = resolve("==", types)

    def emit(cg, args, ts, r):
        b = cg.b
        same = ll.Constant(I1, 1)
        for x, y in zip(shape_of(cg, args[0], first), shape_of(cg, args[1], second)):
            same = b.and_(same, b.icmp_signed("==", x, y))
        answer = cg.local(I1)
        b.store(same, answer)
        with b.if_then(same):
            flags = equal.emit(cg, args, equal.argtypes, equal.result)
            b.store(all_set(cg, flags, equal.result), answer)
        return b.load(answer)
    return Impl(BOOL, emit, types)


# ---- logic: np.logical_and(a, b), np.logical_or, np.logical_xor, np.logical_not ---------
LOGICAL = {"logical_and": "and_", "logical_or": "or_", "logical_xor": "xor", "logical_not": None}


def logical(name: str):
    """The truth of each operand (a NaN is true, as a nonzero), combined; bool results."""
    def compute(cg, values, types, element):
        truths = [cast(cg, v, t, NUMPY["bool"], weak_check=False) for v, t in zip(values, types)]
        if LOGICAL[name] is None:
            return cg.b.not_(truths[0])
        return getattr(cg.b, LOGICAL[name])(*truths)
    return compute


for _name in LOGICAL:
    ufunc(_name, _name, logical(_name))


# ---- np.round(a, decimals=0), np.around, a.round(): NumPy's multiply, rint, divide -------
def power_of_ten(n: int) -> float:
    """10**n as NumPy's round takes it: exact up to 1e8, then multiplied by 10 in turn."""
    value = 1e9 if n > 8 else float(10**n)
    for _ in range(9, n):
        value *= 10.0
    return value


@rule("np.round", "np.around", "method.round", callable_=True,
      params=("a", "decimals", "out"))
def round_rule(types, consts):
    """NumPy's round (PyArray_Round): rint(x * 10**d) / 10**d for d > 0, rint(x) for d = 0,
    rint(x / 10**-d) * 10**-d for d < 0, in the float dtype (complex numbers part by part);
    integers are kept for d >= 0 and go through float64 and back otherwise. A number gives a
    NumPy scalar, as np.round(2.5) is np.float64(2.0)."""
    if not types or not is_operand(types[0]):
        return None
    if len(types) > 2 and types[2] != NONE:
        raise TypeRuleError("round(out=...) is not supported in compiled code")
    given = len(types) > 1 and types[1] != NONE
    decimals = consts[1] if given else 0
    if given and (types[1] != INT or type(decimals) is not int):
        raise TypeRuleError("round's decimals must be an int constant", "np.round(a, 2)")
    t = types[0]
    kind = dtype_kind(t)
    if kind == "b":
        raise TypeRuleError("np.round of bools is not supported", "a.astype(np.int64)")
    element = element_type(t) if isinstance(t, Array) else AS_NUMPY.get(t, t)
    work = NUMPY["float64"] if kind in "iu" else element

    def compute(cg, values, value_types):
        x = cast(cg, values[0], value_types[0], element, weak_check=False)
        if kind in "iu" and decimals >= 0:
            return x
        x = cast(cg, x, element, work, weak_check=False)
        if kind == "c":
            parts = [round_float(cg, cg.b.extract_value(x, k), decimals) for k in (0, 1)]
            return cg.b.insert_value(cg.b.insert_value(x, parts[0], 0), parts[1], 1)
        return cast(cg, round_float(cg, x, decimals), work, element, weak_check=False)

    if isinstance(t, Array):
        result = Array(numpy_dtype(element), t.ndim, "C")
        return Impl(result, lambda cg, a, ts, r: run(cg, a[:1], ts[:1], r, compute), types,
                    owned=True)
    return Impl(element, lambda cg, a, ts, r: compute(cg, a[:1], ts[:1]), types)


def round_float(cg, x, decimals: int):
    b = cg.b
    factor = fconst(x, power_of_ten(abs(decimals)))
    if decimals > 0:
        return b.fdiv(exact_call(cg, "rint", b.fmul(x, factor)), factor)
    if decimals < 0:
        return b.fmul(exact_call(cg, "rint", b.fdiv(x, factor)), factor)
    return exact_call(cg, "rint", x)


# ---- NumPy's functions for the operators: np.add(a, b) is a + b --------------------------
OPERATOR_FUNCTIONS = {
    "add": "+", "subtract": "-", "multiply": "*", "divide": "/", "true_divide": "/",
    "floor_divide": "//", "remainder": "%", "mod": "%", "bitwise_and": "&", "bitwise_or": "|",
    "bitwise_xor": "^", "left_shift": "<<", "right_shift": ">>", "equal": "==",
    "not_equal": "!=", "less": "<", "less_equal": "<=", "greater": ">", "greater_equal": ">=",
    "negative": "unary-", "positive": "unary+", "invert": "unary~", "bitwise_not": "unary~",
    "square": "*",
}
AS_NUMPY = {INT: NUMPY["int64"], FLOAT: NUMPY["float64"], BOOL: NUMPY["bool"]}


def operator_function(name: str, symbol: str):
    """np.<name>(x, ...) as the operator `symbol` (np.square(x) as x * x). With an array or a
    NumPy scalar among the operands that is the operator itself, Python numbers staying weak
    (np.add(int8_array, 1) is int8). With Python numbers alone NumPy makes them NumPy scalars
    first, so np.add(2, 3) is np.int64(5), and np.add(True, True) is np.True_.

    Refused where NumPy's function differs from its operator: np.square of bools (an int8
    result) and of complex numbers (NumPy's own formula), np.positive of bools (a TypeError)."""
    operands = 1 if symbol.startswith("unary") or name == "square" else 2

    def match(types, consts):
        if not types or not all(is_operand(t) for t in types):
            return None
        if len(types) != operands:
            raise TypeRuleError(arity_error(name, operands, len(types)))
        refused = {"square": "bc", "positive": "b"}.get(name, "")
        if any(dtype_kind(t) in refused for t in types):
            raise TypeRuleError(f"np.{name} of {types[0]} is not supported in compiled code"
                                + ("; write x * x" if name == "square" else ""))
        if name == "square":
            types, consts = types * 2, consts * 2
        if any(isinstance(t, Array) or numpy_dtype(t) for t in types):
            impl = resolve(symbol, types, consts)
            if impl is None:
                raise TypeRuleError(f"np.{name} does not support {', '.join(map(str, types))}")
            return impl if name != "square" else Impl(
                impl.result, lambda cg, a, t, r: cg.apply(impl, a * 2, types), types[:1],
                owned=impl.owned)
        numpy_types = tuple(AS_NUMPY[t] for t in types)
        impl = resolve(symbol, numpy_types)
        if impl is None:
            raise TypeRuleError(f"np.{name} does not support {', '.join(map(str, types))}")

        def emit(cg, args, arg_types, result):
            values = [cast(cg, v, t, AS_NUMPY[t], weak_check=False)
                      for v, t in zip(args * (2 if name == "square" else 1), types)]
            return cg.apply(impl, values, numpy_types)
        return Impl(impl.result, emit, types[:operands])
    rule(f"np.{name}", callable_=True)(match)


for _name, _symbol in OPERATOR_FUNCTIONS.items():
    operator_function(_name, _symbol)
