"""Type inference: give every IR value a type, every operation its implementation, to a fixpoint.

    s = 0                  s: int | float   (an int here, a float after the loop body runs)
    for i in range(n):
        s += x * 0.5       %7 = binop + %5: int | float, %6: float  -> float

Locals take the union of what is stored in them; int and float (and bool) mix into a tagged
number, anything else is a conflict reported with both types and both lines. Calls to Python
functions are inferred for their argument types; recursion starts from "no value yet" and
iterates until every return type is stable.
"""
from __future__ import annotations

import itertools
import secrets
from typing import Any

from . import ir, parallel
from .errors import CompileError, Span
from .frontend import lower_function, reachable
from .lib import registry
from .types import (BOTTOM, INT, NONE, NUMBER_ORDER, Array, Bottom, Tuple, Type, Union,
                    is_number, members, typeof, union_of)

MAX_ROUNDS = 50
_symbols = itertools.count()
_PROCESS = secrets.token_hex(6)   # symbols of cached code from other processes never clash


def operation_key(instr: ir.Instr) -> str:
    if isinstance(instr, ir.BinOp) and instr.inplace and isinstance(instr.left.type, Array):
        return f"{instr.op}="                       # a += b: a updated in place
    if isinstance(instr, ir.UnaryOp):
        return instr.op if instr.op == "not" else f"unary{instr.op}"
    if isinstance(instr, ir.Truth):
        return "truth"
    if isinstance(instr, ir.Call):
        return instr.target
    return instr.op


def operands(instr: ir.Instr) -> list[ir.Value]:
    match instr:
        case ir.BinOp() | ir.Compare():
            return [instr.left, instr.right]
        case ir.UnaryOp():
            return [instr.operand]
        case ir.Truth():
            return [instr.value]
        case ir.Call():
            return instr.args
        case ir.ParallelFor():
            return [instr.count, *instr.args, *instr.outer]
    return []


def values_used(instr: ir.Instr) -> list[ir.Value]:
    """Every value `instr` reads: its operands, a stored, returned or tested value, items."""
    named = [getattr(instr, name) for name in ("value", "cond")
             if isinstance(getattr(instr, name, None), ir.Value)]
    return operands(instr) + named + list(getattr(instr, "items", []))


class Inference:
    """Typed functions for (Python function, argument types) pairs reached from one root."""

    def __init__(self, parallel: bool = False) -> None:
        self.functions: dict[tuple[Any, tuple[Type, ...]], ir.Function] = {}
        self.changed = False
        self.parallel = parallel        # prange loops run on the thread pool

    def root(self, func: Any, arg_types: tuple[Type, ...]) -> ir.Function:
        fn = self.function(func, arg_types)
        for _ in range(MAX_ROUNDS):
            self.changed = False
            for other in list(self.functions.values()):
                self.run(other)
            if not self.changed:
                break
        else:
            raise CompileError(f"type inference of {func.__name__} did not settle", fn.span)
        for other in self.functions.values():
            prune(other)
            self.check_complete(other)
        check_returnable(fn)
        return fn

    def function(self, func: Any, arg_types: tuple[Type, ...]) -> ir.Function:
        key = (func, arg_types)
        if key not in self.functions:
            fn = lower_function(func, self.parallel)
            fn.arg_types = arg_types
            fn.return_type = BOTTOM
            fn.symbol = f"kiln.{func.__qualname__}.{_PROCESS}.{next(_symbols)}"
            self.functions[key] = fn
            self.run(fn)
        return self.functions[key]

    # ---- one pass over a function --------------------------------------------------------
    def run(self, fn: ir.Function) -> None:
        """Type the blocks reachable from the entry, skipping branches the types decide
        (`if x is None` for an x that is never None), until nothing changes."""
        while True:
            before = (dict(fn.local_types), fn.return_type, set(fn.live))
            state, typed = PassState(), set()
            fn.live = {id(fn.blocks[0])}
            while len(typed) < len(fn.live):
                for block in fn.blocks:
                    if id(block) in fn.live and id(block) not in typed:
                        typed.add(id(block))
                        for instr in block.instrs:
                            self.type_instr(fn, instr, state)
                        fn.live.update(id(b) for b in live_successors(block, state.known))
            fn.known = state.known
            if (fn.local_types, fn.return_type, fn.live) == before:
                return
            self.changed = True

    def type_instr(self, fn: ir.Function, instr: ir.Instr, state: "PassState") -> None:
        dest = getattr(instr, "dest", None)
        if dest is not None:
            state.defs[dest.id] = instr
        try:
            getattr(self, f"type_{type(instr).__name__}")(fn, instr, state)
        except CompileError as error:
            if error.span is None:
                error.span = instr.span
            raise

    def type_Param(self, fn, instr: ir.Param, state) -> None:
        instr.dest.type = fn.arg_types[instr.index]

    def type_Const(self, fn, instr: ir.Const, state) -> None:
        instr.dest.type = typeof(instr.value)

    def type_Load(self, fn, instr: ir.Load, state) -> None:
        instr.dest.type = fn.local_types.get(instr.name, BOTTOM)

    def type_Store(self, fn, instr: ir.Store, state) -> None:
        value_type = instr.value.type
        seen = fn.local_spans.setdefault(instr.name, [])
        if isinstance(value_type, Bottom):
            return
        for member in getattr(value_type, "members", (value_type,)):
            if member not in [t for t, _ in seen]:
                seen.append((member, instr.span))
        current = fn.local_types.get(instr.name, BOTTOM)
        merged = union_of([current, value_type])
        if merged is None:
            raise conflict(f"variable '{instr.name}' is" if not instr.name.startswith("$")
                           else "this expression's result is", seen, instr.span)
        fn.local_types[instr.name] = merged

    def type_operation(self, fn, instr, state) -> None:
        args = operands(instr)
        types = tuple(a.type for a in args)
        if any(isinstance(t, Bottom) for t in types):
            instr.dest.type, instr.impl = BOTTOM, None
            return
        defs = state.defs
        consts = tuple(defs[a.id].value if isinstance(defs.get(a.id), ir.Const)
                       else registry.NO_CONST for a in args)
        key = operation_key(instr)
        try:
            impl = registry.resolve(key, types, consts)
        except registry.TypeRuleError as error:
            raise CompileError(str(error), instr.span, types=describe_types(args, state.defs),
                               hint=error.hint) from None
        if impl is None:
            raise unsupported(instr, key, args, state.defs)
        instr.impl, instr.dest.type = impl, impl.result
        known = impl.known if isinstance(impl, registry.Impl) else None
        if isinstance(instr, ir.Truth):
            source = defs.get(args[0].id)
            known = bool(source.value) if isinstance(source, ir.Const) else \
                state.known.get(args[0].id, known)
        elif isinstance(instr, ir.UnaryOp) and instr.op == "not" and args[0].id in state.known:
            known = not state.known[args[0].id]
        if known is not None:
            state.known[instr.dest.id] = known

    type_BinOp = type_UnaryOp = type_Compare = type_Truth = type_operation

    def type_Call(self, fn, instr: ir.Call, state) -> None:
        if isinstance(instr.target, str):
            return self.type_operation(fn, instr, state)
        arg_types = tuple(a.type for a in instr.args)
        if any(isinstance(t, Bottom) for t in arg_types):
            instr.dest.type, instr.impl = BOTTOM, None
            return
        try:
            callee = self.function(instr.target, arg_types)
        except CompileError as error:
            error.add_context(f"while compiling call to {instr.target.__name__}"
                              f"({', '.join(map(str, arg_types))}) at {instr.span}")
            raise
        instr.impl, instr.dest.type = callee, callee.return_type

    def type_ParallelFor(self, fn, instr: ir.ParallelFor, state) -> None:
        """Type the outlined body for its arguments, then each reduction's combination of the
        outer value with the chunks' results (a type that holds both, e.g. int | float)."""
        arg_types = tuple(a.type for a in [instr.count, *instr.args, *instr.outer])
        if any(isinstance(t, Bottom) for t in arg_types):
            instr.dest.type, instr.impl = BOTTOM, None
            return
        body = self.function(instr.body, (INT, INT) + tuple(a.type for a in instr.args))
        instr.impl = body
        if isinstance(body.return_type, Bottom):
            instr.dest.type = BOTTOM
            return
        partials = body.return_type.items if instr.combine else ()
        combined, instr.combine_impls = [], []
        for op, value, partial in zip(instr.combine, instr.outer, partials):
            if not all(is_number(t) for t in members(value.type) + members(partial)):
                raise CompileError(parallel.not_a_number(value.type), instr.span,
                                   hint=parallel.REDUCTION_FORMS)
            acc = value.type
            for _ in range(len(NUMBER_ORDER)):
                impl = registry.resolve(op, (acc, partial))
                wider = union_of([acc, impl.result]) if impl is not None else None
                if wider is None:
                    raise CompileError(f"cannot combine prange results of types {acc} and "
                                       f"{partial} with {op}", instr.span)
                if wider == acc:
                    break
                acc = wider
            combined.append(acc)
            instr.combine_impls.append(impl)
        instr.dest.type = Tuple(tuple(combined))

    def type_Unbind(self, fn, instr: ir.Unbind, state) -> None:
        pass

    def type_MakeTuple(self, fn, instr: ir.MakeTuple, state) -> None:
        types = tuple(i.type for i in instr.items)
        bottom = any(isinstance(t, Bottom) for t in types)
        instr.dest.type = BOTTOM if bottom else Tuple(types)

    def type_GetItem(self, fn, instr: ir.GetItem, state) -> None:
        t = instr.value.type
        if isinstance(t, Bottom):
            instr.dest.type = BOTTOM
            return
        if not isinstance(t, Tuple):
            raise CompileError(f"cannot index a value of type {t}", instr.span,
                               hint="constant indices into tuples")
        if not -len(t.items) <= instr.index < len(t.items):
            raise CompileError(f"tuple index {instr.index} out of range for {t}", instr.span)
        instr.dest.type = t.items[instr.index]

    def type_Return(self, fn, instr: ir.Return, state) -> None:
        value_type = instr.value.type
        seen = fn.local_spans.setdefault("$return", [])
        if isinstance(value_type, Bottom):
            return
        for member in getattr(value_type, "members", (value_type,)):
            if member not in [t for t, _ in seen]:
                seen.append((member, instr.span))
        merged = union_of([fn.return_type, value_type])
        if merged is None:
            raise conflict(f"function {fn.name}() returns", seen, instr.span)
        fn.return_type = merged

    def type_Jump(self, fn, instr, state) -> None:
        pass

    type_Branch = type_Raise = type_Jump

    def check_complete(self, fn: ir.Function) -> None:
        for instr in fn.instructions():
            dest = getattr(instr, "dest", None)
            if dest is not None and isinstance(dest.type, Bottom) and \
                    not isinstance(instr, ir.Load):
                raise CompileError("cannot infer a type here: the value comes from a call that "
                                   "never returns (recursion without a base case?)", instr.span)


class PassState:
    """What one pass over a function knows: each value's defining instruction, and the bools
    that the types alone decide."""

    def __init__(self) -> None:
        self.defs: dict[int, ir.Instr] = {}
        self.known: dict[int, bool] = {}


def live_successors(block: ir.Block, known: dict[int, bool]) -> list[ir.Block]:
    term = block.terminator
    if isinstance(term, ir.Branch) and term.cond.id in known:
        return [term.then if known[term.cond.id] else term.orelse]
    return block.successors()


def prune(fn: ir.Function) -> None:
    """Turn branches the types decide into jumps and drop the blocks no path reaches, from
    the function and from its loops (a loop whose header, body or latch went is no loop)."""
    for block in fn.blocks:
        term = block.terminator
        if isinstance(term, ir.Branch) and term.cond.id in fn.known:
            target = term.then if fn.known[term.cond.id] else term.orelse
            block.instrs[-1] = ir.Jump(term.span, target)
    fn.blocks = reachable(fn.blocks)
    live = {id(block) for block in fn.blocks}
    fn.regions = [region for region in fn.regions
                  if all(id(b) in live for b in (region.header, region.body, region.latch)
                         if b is not None)]
    for region in fn.regions:
        region.blocks = [b for b in region.blocks if id(b) in live]
        region.exits = [b for b in region.exits if id(b) in live]


def describe_types(args: list[ir.Value], defs: dict) -> str:
    names = []
    for a in args:
        d = defs.get(a.id)
        label = d.name if isinstance(d, ir.Load) and not d.name.startswith("$") else None
        names.append(f"{label}: {a.type}" if label else str(a.type))
    return ", ".join(names)


SYMBOL_NAMES = {"truth": "truth value", "unary-": "unary -", "unary+": "unary +",
                "unary~": "unary ~"}


def unsupported(instr: ir.Instr, key: str, args: list[ir.Value], defs: dict) -> CompileError:
    types = " and ".join(str(a.type) for a in args)
    if isinstance(instr, ir.Call) and key.startswith(("method.", "attr.")):
        kind, name = key.split(".", 1)
        owner = args[0].type
        what = f".{name}()" if kind == "method" else f".{name}"
        message = f"{what} of {owner} is not supported in compiled code (yet)"
        hint = ("arrays: .shape .size .ndim .strides .itemsize .dtype .T, .copy() .fill() "
                ".sort() .sum() .prod() .mean() .min() .max() .argmin() .argmax() (these "
                "with an optional constant axis)")
    elif isinstance(instr, ir.Call):
        message = f"{key}() does not accept arguments of type " \
                  f"({', '.join(str(a.type) for a in args)})"
        hint = "number arguments (int, float, bool) and arrays where NumPy takes them"
    elif key in ("is", "is not"):
        message = f"`{key}` is supported only to compare with None (got {types})"
        hint = "== and != for numbers"
    else:
        message = f"unsupported operand type{'s' if len(args) > 1 else ''} for " \
                  f"{SYMBOL_NAMES.get(key, key)}: {types}"
        hint = "1-d and 2-d arrays on both sides" if key == "@" else \
            "int, float and bool operands"
    return CompileError(message, instr.span, types=describe_types(args, defs), hint=hint)


def conflict(what: str, seen: list[tuple[Type, Span]], span: Span) -> CompileError:
    first_type, first_span = seen[0]
    other = [(t, s) for t, s in seen if union_of([first_type, t]) is None] or seen[-1:]
    second_type, second_span = other[-1]
    return CompileError(
        f"{what} {first_type} at line {first_span.line} and {second_type} at line "
        f"{second_span.line}; kiln gives each variable one type (int and float may mix)",
        second_span, types=f"{first_type} (from {first_span}), {second_type}",
        hint="use a separate variable for each type")


__all__ = ["Inference", "Union"]


def check_returnable(fn: ir.Function) -> None:
    """What the compiled function returns to Python must be a Python value: a dtype or a slice
    lives at compile time only (np.float32 returned came back as None)."""
    def returnable(t: Type) -> bool:
        if isinstance(t, Tuple):
            return all(returnable(item) for item in t.items)
        return isinstance(t, (Array, Union, Bottom)) or is_number(t) or t == NONE
    if returnable(fn.return_type):
        return
    span = next((i.span for i in fn.instructions() if isinstance(i, ir.Return) and
                 not returnable(i.value.type)), fn.span)
    raise CompileError(f"{fn.name}() would return {fn.return_type}: a dtype, a slice or a str "
                       "exists only while compiling", span, hint="return numbers, arrays, None "
                       "or tuples of them; a dtype as np.dtype(...) outside the compiled function")
