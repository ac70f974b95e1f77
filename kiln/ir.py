"""kiln's intermediate representation: a control-flow graph of blocks of small instructions.

The frontend builds it untyped; inference fills in `Value.type` and each call's target. Every
instruction carries the `Span` of the Python construct it came from. Printed form::

    fn fib(n)
    block0:
      %0 = param 0                 # n
      store n, %0
      %1 = load n
      %2 = const 2
      %3 = compare < %1, %2
      branch %3, block1, block2
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import Span
from .types import Type


@dataclass(eq=False)
class Value:
    """An SSA temporary; its type is set by inference."""

    id: int
    type: Type | None = None

    def __str__(self) -> str:
        return f"%{self.id}"


@dataclass(eq=False)
class Instr:
    span: Span


@dataclass(eq=False)
class Param(Instr):
    """`%d = param 0`: the function's argument at an index."""

    dest: Value
    index: int


@dataclass(eq=False)
class Const(Instr):
    """`%d = const 2.5`: a compile-time constant (int, float, bool, None or tuple of them)."""

    dest: Value
    value: Any


@dataclass(eq=False)
class Load(Instr):
    """`%d = load x`: read a local variable (UnboundLocalError if never assigned on this path)."""

    dest: Value
    name: str


@dataclass(eq=False)
class Store(Instr):
    """`store x, %v`: assign a local variable."""

    name: str
    value: Value


@dataclass(eq=False)
class BinOp(Instr):
    """`%d = binop + %a, %b`: an arithmetic or bitwise operator; `binop += %a, %b` for an
    augmented assignment, which updates an array in place (numbers as `+`)."""

    dest: Value
    op: str
    left: Value
    right: Value
    impl: Any = None   # set by inference: the registry Impl, or the callee Function
    inplace: bool = False


@dataclass(eq=False)
class UnaryOp(Instr):
    """`%d = unary - %a` for `-`, `+`, `~` (`not` becomes Truth and a branch)."""

    dest: Value
    op: str
    operand: Value
    impl: Any = None   # set by inference: the registry Impl, or the callee Function


@dataclass(eq=False)
class Compare(Instr):
    """`%d = compare < %a, %b`: one link of a comparison chain (also `is`, `is not`)."""

    dest: Value
    op: str
    left: Value
    right: Value
    impl: Any = None   # set by inference: the registry Impl, or the callee Function


@dataclass(eq=False)
class Truth(Instr):
    """`%d = truth %a`: Python's truth value of %a, as a bool."""

    dest: Value
    value: Value
    impl: Any = None   # set by inference: the registry Impl, or the callee Function


@dataclass(eq=False)
class Call(Instr):
    """`%d = call math.sqrt(%a)` or `%d = call fib(%a)`.

    `target` is a library function name ("math.sqrt", "abs") or a Python function object,
    whose keyword arguments and defaults the frontend has already placed positionally.
    """

    dest: Value
    target: Any
    args: list[Value]
    impl: Any = None   # set by inference: the registry Impl, or the callee Function


@dataclass(eq=False)
class MakeTuple(Instr):
    """`%d = tuple(%a, %b)`."""

    dest: Value
    items: list[Value]


@dataclass(eq=False)
class GetItem(Instr):
    """`%d = getitem %t, 1`: a constant index into a tuple."""

    dest: Value
    value: Value
    index: int


@dataclass(eq=False)
class Jump(Instr):
    """`jump block3`."""

    target: "Block"


@dataclass(eq=False)
class Branch(Instr):
    """`branch %c, block1, block2` on a bool value."""

    cond: Value
    then: "Block"
    orelse: "Block"


@dataclass(eq=False)
class Return(Instr):
    """`return %v`."""

    value: Value


@dataclass(eq=False)
class Raise(Instr):
    """`raise ValueError("message")`: a builtin exception class and a constant message."""

    exc: str
    message: str | None


@dataclass(eq=False)
class Unbind(Instr):
    """`unbind x`: x has no value any more (a prange loop's private variable after the loop)."""

    name: str


@dataclass(eq=False)
class ParallelFor(Instr):
    """`%d = parallel_for body(%n, %args...)`: a prange loop on the thread pool.

    `body` (a `ParallelBody`) is the loop outlined as a function of (lo, hi, args...) that runs
    iterations lo..hi-1 and returns the values of its reductions; the pool runs chunks of
    range(%n) through it. `%d` is the tuple of each reduction's outer value (`outer`) combined
    with every chunk's result, in chunk order, by its operator (`combine`: "+", "min", ...).
    """

    dest: Value
    body: Any
    count: Value
    args: list[Value]
    outer: list[Value]
    combine: list[str]
    impl: Any = None                      # set by inference: the body's typed Function
    combine_impls: list[Any] = field(default_factory=list)   # and each operator's Impl


TERMINATORS = (Jump, Branch, Return, Raise)


@dataclass(eq=False)
class Block:
    label: str
    instrs: list[Instr] = field(default_factory=list)

    @property
    def terminator(self) -> Instr | None:
        last = self.instrs[-1] if self.instrs else None
        return last if isinstance(last, TERMINATORS) else None

    def successors(self) -> list["Block"]:
        term = self.terminator
        if isinstance(term, Jump):
            return [term.target]
        if isinstance(term, Branch):
            return [term.then, term.orelse]
        return []


@dataclass(eq=False)
class LoopRegion:
    """The blocks of one `for ... in range(...)` loop (body, header, latch) and where it exits.
    Codegen may defer overflow checks across such a loop's branches (see codegen).

    `runtime_step`: the range's step is known only when the code runs (`range(i * i, n, i)`).
    The loop's accesses are then strided by an unknown amount, which LLVM's vectoriser turns
    into element-by-element scatters and its runtime unroller into one pointer per unrolled
    copy; codegen asks LLVM for neither (a sieve: 264 ms vectorised, 17 ms as a plain loop).

    `variable`, `start`, `stop`, `step`: for `for i in range(start, stop, step)` with `i` a
    plain name, the loop runs `i` from start towards stop (all three computed before the
    loop; `step` None when it is 1); bounds.loop_guards reads them."""

    blocks: list["Block"]
    exits: list["Block"]
    innermost: bool = True
    header: "Block | None" = None
    body: "Block | None" = None
    latch: "Block | None" = None
    runtime_step: bool = False
    variable: str | None = None
    start: Value | None = None
    stop: Value | None = None
    step: Value | None = None


@dataclass(eq=False)
class Function:
    """One Python function lowered for one tuple of argument types."""

    name: str
    params: list[str]
    blocks: list[Block]
    span: Span
    py_func: Any
    reads: dict[str, Any] = field(default_factory=dict)   # names resolved outside the function
    regions: list[LoopRegion] = field(default_factory=list)  # range loops, for codegen
    local_spans: dict[str, list[tuple[Type, Span]]] = field(default_factory=dict)
    local_types: dict[str, Type] = field(default_factory=dict)
    arg_types: tuple[Type, ...] = ()
    return_type: Type | None = None
    symbol: str = ""
    live: set[int] = field(default_factory=set)       # blocks inference found reachable
    known: dict[int, bool] = field(default_factory=dict)  # bools decided by types alone

    def instructions(self):
        for block in self.blocks:
            yield from block.instrs


def format_instr(instr: Instr) -> str:
    """The printed form of one instruction (the form each class docstring shows)."""
    def v(x: Value) -> str:
        return f"{x}" + (f": {x.type}" if x.type is not None else "")

    match instr:
        case Param():
            return f"{v(instr.dest)} = param {instr.index}"
        case Const():
            return f"{v(instr.dest)} = const {instr.value!r}"
        case Load():
            return f"{v(instr.dest)} = load {instr.name}"
        case Store():
            return f"store {instr.name}, {instr.value}"
        case BinOp() | Compare():
            kind = "binop" if isinstance(instr, BinOp) else "compare"
            op = instr.op + ("=" if getattr(instr, "inplace", False) else "")
            return f"{v(instr.dest)} = {kind} {op} {instr.left}, {instr.right}"
        case UnaryOp():
            return f"{v(instr.dest)} = unary {instr.op} {instr.operand}"
        case Truth():
            return f"{v(instr.dest)} = truth {instr.value}"
        case Call():
            name = instr.target if isinstance(instr.target, str) else instr.target.__name__
            return f"{v(instr.dest)} = call {name}({', '.join(map(str, instr.args))})"
        case MakeTuple():
            return f"{v(instr.dest)} = tuple({', '.join(map(str, instr.items))})"
        case GetItem():
            return f"{v(instr.dest)} = getitem {instr.value}, {instr.index}"
        case Jump():
            return f"jump {instr.target.label}"
        case Branch():
            return f"branch {instr.cond}, {instr.then.label}, {instr.orelse.label}"
        case Return():
            return f"return {instr.value}"
        case Unbind():
            return f"unbind {instr.name}"
        case ParallelFor():
            args = ", ".join(map(str, [instr.count, *instr.args]))
            combined = ", ".join(f"{op} {v}" for op, v in zip(instr.combine, instr.outer))
            return f"{v(instr.dest)} = parallel_for {instr.body.__name__}({args}) [{combined}]"
        case Raise():
            return f"raise {instr.exc}({instr.message!r})"
    raise TypeError(f"no printed form for {type(instr).__name__}")


def format_function(fn: Function) -> str:
    head = f"fn {fn.name}({', '.join(fn.params)})"
    if fn.local_types:
        head += "  locals: " + ", ".join(f"{k}: {t}" for k, t in fn.local_types.items())
    lines = [head]
    for block in fn.blocks:
        lines.append(f"{block.label}:")
        lines += [f"  {format_instr(i)}" for i in block.instrs]
    return "\n".join(lines)
