"""Whole-array operations: elementwise arithmetic with broadcasting, ufuncs, reductions.

    a + b, a * 2.0, a < b, -a, abs(a)    -> a new array (NumPy's result dtype and broadcasting)
    np.sqrt(a), np.minimum(a, b), np.where(c, a, b)
    a.sum(), np.sum(a), a.min(), a.max(), a.mean(), a.prod(), a.argmin(), a.argmax()

Each element is computed by the NumPy-scalar rules in npscalars (so `uint8 + int` wraps and
`int // 0` is 0, exactly as in NumPy's loops); result dtypes are asked of NumPy itself.
Float sums use NumPy's pairwise summation, so results match it bit for bit.
"""
from __future__ import annotations

import functools
import operator
import warnings

from llvmlite import ir as ll

from ..types import (BOOL, FLOAT, INT, NUMPY, Array, Scalar, Type, is_number,
                     numpy_dtype, np)
from .arrays import (allocate, cg_lltype, element_type, for_each, i64, load_element,
                     product, shape_of, storage, store_element, strides_of)
from .npscalars import (COMPARISONS, OPS, cast, emit_arithmetic, emit_compare, emit_unary,
                        kind_of, suffix)
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
    return np.asarray(value).dtype.name


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


def elementwise(cg, operands: list[tuple[ll.Value, Type]], result: Array, compute) -> ll.Value:
    """A new C-contiguous array: out[idx] = compute(element of each operand at idx)."""
    b = cg.b
    shape = broadcast(cg, operands)
    out = allocate(cg, result, shape)
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
        result = array_result(types, dtype)
        element = NUMPY[dtype]
        if symbol in COMPARISONS:
            def compute(cg, values, value_types):
                return emit_compare(cg, symbol, values, tuple(value_types))
        else:
            def compute(cg, values, value_types):
                return emit_arithmetic(cg, symbol, values, tuple(value_types), element)
        return Impl(result, lambda cg, a, ts, r: run(cg, a, ts, r, compute), types, owned=True)
    return match


COMPARE_FUNCTIONS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
                     "==": operator.eq, "!=": operator.ne}


def run(cg, args, types, result, compute):
    return elementwise(cg, list(zip(args, types)), result, compute)


for _symbol in list(OPS) + list(COMPARISONS):
    rule(_symbol)(binary_rule(_symbol))


def unary_rule(symbol: str, function):
    def match(types, consts):
        if len(types) != 1 or not isinstance(types[0], Array):
            return None
        dtype = result_dtype(function, types)
        if dtype is None:
            raise TypeRuleError(f"NumPy does not support {symbol} on {types[0]}")
        kind = np.dtype(dtype).kind

        def compute(cg, values, value_types):
            return emit_unary(cg, symbol, values[0], kind)
        return Impl(array_result(types, dtype), lambda cg, a, ts, r: run(cg, a, ts, r, compute),
                    types, owned=True)
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


def float_call(cg, name: str, value) -> ll.Value:
    """sqrt/exp/... in the value's own precision (libm's float versions end in 'f')."""
    symbol, intrinsic = FLOAT_UFUNCS[name]
    if intrinsic:
        return cg.intrinsic(f"{symbol}.{suffix(value)}", value.type, [value])
    return cg.call_extern(symbol + ("f" if suffix(value) == "f32" else ""), value.type,
                          [value.type], [value])


def ufunc(name: str, function, compute_element):
    """np.<name>(x, ...): an array for any array argument, else a NumPy scalar."""
    def match(types, consts):
        if not types or not all(is_operand(t) for t in types):
            return None
        dtype = result_dtype(function, types)
        if dtype is None:
            raise TypeRuleError(f"np.{name} does not support {', '.join(map(str, types))}")
        element = NUMPY[dtype]

        def compute(cg, values, value_types):
            return compute_element(cg, values, tuple(value_types), element)
        if any(isinstance(t, Array) for t in types):
            return Impl(array_result(types, dtype),
                        lambda cg, a, ts, r: run(cg, a, ts, r, compute), types, owned=True)
        return Impl(element, lambda cg, a, ts, r: compute(cg, a, ts), types)
    rule(f"np.{name}", callable_=True)(match)


def unary_float(name):
    def compute(cg, values, types, element):
        value = cast(cg, values[0], types[0], element, weak_check=False)
        if kind_of(element) != "f":          # np.floor of integers keeps them (NumPy 2)
            return value
        return float_call(cg, name, value)
    return compute


for _name in FLOAT_UFUNCS:
    ufunc(_name, _name, unary_float(_name))


def absolute(cg, values, types, element):
    value = cast(cg, values[0], types[0], element, weak_check=False)
    return emit_unary(cg, "abs", value, kind_of(element))


ufunc("abs", "abs", absolute)
ufunc("absolute", "absolute", absolute)


def extreme(symbol: str):
    """np.minimum / np.maximum: NaN wins, like NumPy's loops."""
    def compute(cg, values, types, element):
        a, b_ = (cast(cg, v, t, element, weak_check=True) for v, t in zip(values, types))
        if kind_of(element) == "f":
            keep = cg.b.or_(cg.b.fcmp_ordered(symbol, a, b_), cg.b.fcmp_unordered("uno", a, a))
        elif kind_of(element) == "u":
            keep = cg.b.icmp_unsigned(symbol, a, b_)
        else:
            keep = cg.b.icmp_signed(symbol, a, b_)
        return cg.b.select(keep, a, b_)
    return compute


ufunc("minimum", "minimum", extreme("<="))
ufunc("maximum", "maximum", extreme(">="))


def where(cg, values, types, element):
    condition = cast(cg, values[0], types[0], NUMPY["bool"], weak_check=False)
    a, b_ = (cast(cg, v, t, element, weak_check=True) for v, t in zip(values[1:], types[1:]))
    return cg.b.select(condition, a, b_)


ufunc("where", "where", where)


# ---- reductions over the whole array -----------------------------------------------------
def reduction(name: str, function, emit):
    """a.name() and np.name(a) for the whole array (axis= is not supported yet)."""
    def match(types, consts):
        if len(types) != 1 or not isinstance(types[0], Array):
            if len(types) > 1 and isinstance(types[0], Array):
                raise TypeRuleError(f"{name}() with axis or other arguments is not supported "
                                    "yet", f"a.{name}() over the whole array")
            return None
        if types[0].dtype == "complex128":
            raise TypeRuleError(f"{name}() of complex arrays is not supported yet")
        dtype = result_dtype(function, types)
        return Impl(NUMPY[dtype], lambda cg, a, ts, r: emit(cg, a[0], ts[0], r), types)
    rule(f"method.{name}")(match)
    rule(f"np.{name}", callable_=True)(match)


def flat_contiguous(cg, value, t: Array) -> tuple[ll.Value, Array, bool]:
    """The array itself when its elements lie one after another in memory (C, F or 1-d),
    else a C-ordered copy (owned: the caller releases it)."""
    from .arrays import emit_copy
    if t.layout in ("C", "F") or t.ndim <= 1:
        return value, t, False
    copy_t = Array(t.dtype, t.ndim, "C")
    return emit_copy(cg, [value], (t,), copy_t), copy_t, True


def emit_sum(cg, value, t: Array, result):
    b = cg.b
    kind = kind_of(result)
    if kind != "f":
        total = cg.b.alloca(cg_lltype(result))
        b.store(ll.Constant(cg_lltype(result), 0), total)

        def add(pointer, _):
            item = cast(cg, load_element(cg, pointer, t), element_type(t), result,
                        weak_check=False)
            b.store(b.add(b.load(total), item), total)
        for_each(cg, value, t, add)
        return b.load(total)
    flat, flat_t, copied = flat_contiguous(cg, value, t)
    count = product(cg, shape_of(cg, flat, flat_t))
    stride = strides_of(cg, flat, flat_t)[0] if flat_t.ndim == 1 else \
        i64(np.dtype(flat_t.dtype).itemsize)
    helper = cg.helper(f"kiln.pairwise.{flat_t.dtype}.{result}", cg_lltype(result),
                       [ll.IntType(8).as_pointer(), I64, I64],
                       lambda bd, fn: build_pairwise(bd, fn, flat_t, result))
    total = b.fadd(ll.Constant(cg_lltype(result), 0.0),
                   b.call(helper, [b.extract_value(flat, 1), count, stride]))
    if copied:
        from ..runtime import nrt
        nrt.decref(b, b.extract_value(flat, 0))
    return total


def build_pairwise(b: ll.IRBuilder, fn: ll.Function, t: Array, result: Type) -> None:
    """NumPy's pairwise_sum: below 8 a plain loop; up to 128 eight running sums combined as
    ((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7)) plus the tail; above that, halves (a multiple of 8
    first) summed recursively."""
    data, n, stride = fn.args
    kind = cg_lltype(result)
    element = NUMPY[t.dtype]

    def load(index):
        pointer = b.bitcast(b.gep(data, [b.mul(index, stride)]), cg_lltype(element).as_pointer()
                            if t.dtype != "bool" else ll.IntType(8).as_pointer())
        raw = b.load(pointer)
        return raw if raw.type == kind else (b.fpext(raw, kind) if isinstance(raw.type, (
            ll.FloatType, ll.DoubleType)) else b.sitofp(raw, kind))

    def loop(start, stop, body):
        entry = b.block
        head, inside, done = (b.append_basic_block(n_) for n_ in ("head", "body", "done"))
        b.branch(head)
        b.position_at_end(head)
        i = b.phi(I64)
        i.add_incoming(start, entry)
        b.cbranch(b.icmp_signed("<", i, stop), inside, done)
        b.position_at_end(inside)
        body(i)
        i.add_incoming(b.add(i, i64(body.step)), b.block)
        b.branch(head)
        b.position_at_end(done)

    zero = ll.Constant(kind, 0.0)
    with b.if_then(b.icmp_signed("<", n, i64(8))):
        acc = b.alloca(kind)
        b.store(zero, acc)

        def small(i):
            b.store(b.fadd(b.load(acc), load(i)), acc)
        small.step = 1
        loop(i64(0), n, small)
        b.ret(b.load(acc))
    with b.if_then(b.icmp_signed("<=", n, i64(128))):
        sums = [b.alloca(kind) for _ in range(8)]
        for j, slot in enumerate(sums):
            b.store(load(i64(j)), slot)
        whole = b.sub(n, b.srem(n, i64(8)))

        def block(i):
            for j, slot in enumerate(sums):
                b.store(b.fadd(b.load(slot), load(b.add(i, i64(j)))), slot)
        block.step = 8
        loop(i64(8), whole, block)
        r = [b.load(slot) for slot in sums]
        res = b.fadd(b.fadd(b.fadd(r[0], r[1]), b.fadd(r[2], r[3])),
                     b.fadd(b.fadd(r[4], r[5]), b.fadd(r[6], r[7])))
        acc = b.alloca(kind)
        b.store(res, acc)

        def tail(i):
            b.store(b.fadd(b.load(acc), load(i)), acc)
        tail.step = 1
        loop(whole, n, tail)
        b.ret(b.load(acc))
    half = b.sdiv(n, i64(2))
    half = b.sub(half, b.srem(half, i64(8)))
    left = b.call(fn, [data, half, stride])
    right = b.call(fn, [b.gep(data, [b.mul(half, stride)]), b.sub(n, half), stride])
    b.ret(b.fadd(left, right))


def emit_extreme_reduce(symbol: str, want_index: bool):
    """min/max (NaN propagates) or argmin/argmax (the first such element) in C order."""
    def emit(cg, value, t: Array, result):
        b = cg.b
        element = element_type(t)
        count = product(cg, shape_of(cg, value, t))
        name = ("arg" if want_index else "") + ("min" if symbol == "<" else "max")
        message = f"attempt to get {name} of an empty sequence" if want_index else \
            f"zero-size array to reduction operation {'minimum' if symbol == '<' else 'maximum'}" \
            " which has no identity"
        cg.fail_if(b.icmp_signed("==", count, i64(0)), "ValueError", message)
        best = b.alloca(cg_lltype(element))
        best_index = b.alloca(I64)
        seen = b.alloca(I64)
        b.store(i64(0), seen)
        b.store(i64(0), best_index)
        kind = kind_of(element)

        def visit(pointer, _):
            item = load_element(cg, pointer, t)
            k = b.load(seen)
            current = b.load(best)
            if kind == "f":
                better = b.fcmp_ordered(symbol, item, current)
                nan_now = b.fcmp_unordered("uno", item, item)
                nan_before = b.fcmp_unordered("uno", current, current)
                take = b.or_(b.icmp_signed("==", k, i64(0)),
                             b.and_(b.not_(nan_before), b.or_(better, nan_now)))
            else:
                compare = b.icmp_unsigned if kind in "ub" else b.icmp_signed
                take = b.or_(b.icmp_signed("==", k, i64(0)), compare(symbol, item, current))
            b.store(b.select(take, item, current), best)
            b.store(b.select(take, k, b.load(best_index)), best_index)
            b.store(b.add(k, i64(1)), seen)
        for_each(cg, value, t, visit)
        return b.load(best_index) if want_index else b.load(best)
    return emit


def emit_prod(cg, value, t: Array, result):
    b = cg.b
    total = b.alloca(cg_lltype(result))
    b.store(cg.const(result, 1), total)
    kind = kind_of(result)

    def multiply(pointer, _):
        item = cast(cg, load_element(cg, pointer, t), element_type(t), result, weak_check=False)
        current = b.load(total)
        b.store(b.fmul(current, item) if kind == "f" else b.mul(current, item), total)
    for_each(cg, value, t, multiply)
    return b.load(total)


def emit_mean(cg, value, t: Array, result):
    """sum (pairwise, in float64 for integer arrays) / size, like np.mean."""
    b = cg.b
    source = t if kind_of(element_type(t)) == "f" else None
    if source is None:                   # integers and bools: a float64 copy, then sum it
        float_t = Array("float64", t.ndim, "C")
        copy = elementwise(cg, [(value, t)], float_t, lambda c, v, ts: cast(
            c, v[0], ts[0], NUMPY["float64"], weak_check=False))
        total = emit_sum(cg, copy, float_t, result)
        from ..runtime import nrt
        nrt.decref(b, b.extract_value(copy, 0))
    else:
        total = emit_sum(cg, value, t, result)
    count = product(cg, shape_of(cg, value, t))
    return b.fdiv(total, b.sitofp(count, cg_lltype(result)))


reduction("sum", "sum", emit_sum)
reduction("prod", "prod", emit_prod)
reduction("mean", "mean", emit_mean)
reduction("min", "min", emit_extreme_reduce("<", False))
reduction("max", "max", emit_extreme_reduce(">", False))
reduction("argmin", "argmin", emit_extreme_reduce("<", True))
reduction("argmax", "argmax", emit_extreme_reduce(">", True))
