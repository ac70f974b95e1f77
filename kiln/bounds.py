"""Facts about int values that the typed IR proves, so codegen can leave out checks that could
never fire.

Counters
--------
A counter is an int local whose every assignment is a small constant or the counter itself plus
or minus a small step (`count = 0` ... `count += 1`). Starting within 2**40 and moving at most
2**10 per update, it needs more than 2**52 updates to reach the int64 limit: months of nothing
but counting at one update per nanosecond. Its updates are therefore emitted as plain adds with
no overflow branch, which keeps counting loops straight-line code that LLVM can vectorise.
A prange chunk's `+=` reduction counts as starting from 0 (its identity).

Loop guards
-----------
In `for j in range(start, stop)`, an index `j + c` into an array the loop never rebinds is in
bounds on every trip when `start + c >= 0` and `stop + c <= len`. A loop's guard is the `and`
of these conditions over its element accesses, computed once per loop (codegen, at the top of
the body, from values that do not change in the loop). Each covered check becomes `not guard
and outside`: LLVM then versions the loop on the guard (loop unswitching), one copy with no
checks at all and one with every check. The checked copy still raises exactly where CPython
does; the unchecked one only runs when no access can be out of bounds. (An index that does not
change in the loop needs no guard: LLVM moves its check out of the loop by itself.)

A check inside a loop costs more than its compare: a loop with two exits is beyond LLVM's
vectoriser and its loop-carried load elimination (an edit-distance row reads back the
element it stored one trip before: 2.6 ms with one check left in the loop, 0.9 without;
script).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import ir
from .types import INT, Array, Slice

MAX_OFFSET = 2**32

MAX_START = 2**40
MAX_STEP = 2**10
ZERO_IDENTITIES = ("prange.identity+", "prange.identity|", "prange.identity^")


def exact_counter_updates(fn: ir.Function) -> set[int]:
    """ids of the `counter ± step` BinOps in `fn` that cannot overflow (see the module doc)."""
    defs = {i.dest.id: i for i in fn.instructions() if getattr(i, "dest", None)}
    loads = {i.dest.id: i.name for i in defs.values() if isinstance(i, ir.Load)}

    def small_constant(value: ir.Value, limit: int) -> bool:
        instr = defs.get(value.id)
        if isinstance(instr, ir.Call):          # a prange chunk's sum starts from 0
            return instr.target in ZERO_IDENTITIES
        return isinstance(instr, ir.Const) and type(instr.value) is int and \
            abs(instr.value) <= limit

    def update_of(name: str, value: ir.Value) -> ir.BinOp | None:
        instr = defs.get(value.id)
        if not isinstance(instr, ir.BinOp) or instr.op not in ("+", "-") or \
                instr.dest.type != INT:
            return None
        if loads.get(instr.left.id) == name and small_constant(instr.right, MAX_STEP):
            return instr
        if instr.op == "+" and loads.get(instr.right.id) == name and \
                small_constant(instr.left, MAX_STEP):
            return instr
        return None

    stores: dict[str, list[ir.Value]] = {}
    for instr in fn.instructions():
        if isinstance(instr, ir.Store):
            stores.setdefault(instr.name, []).append(instr.value)
    exact: set[int] = set()
    for name, values in stores.items():
        if fn.local_types.get(name) != INT:
            continue
        updates = [update_of(name, v) for v in values]
        starts = [v for v, u in zip(values, updates) if u is None]
        if starts and all(small_constant(v, MAX_START) for v in starts):
            exact |= {id(u) for u in updates if u is not None}
    return exact


@dataclass(frozen=True)
class IndexTerm:
    """An index `variable + offset` on one axis of an array local."""

    array: str
    axis: int
    offset: int


@dataclass(eq=False)
class LoopGuard:
    region: ir.LoopRegion
    terms: list[IndexTerm] = field(default_factory=list)
    covered: dict[int, list[int]] = field(default_factory=dict)   # id(access) -> axes


def loop_guards(fn: ir.Function) -> list[LoopGuard]:
    """The innermost unit-step range loops of `fn` with element accesses a guard can cover
    (see the module doc)."""
    defs = {i.dest.id: i for i in fn.instructions() if getattr(i, "dest", None)}
    guards = []
    for region in fn.regions:
        if not region.innermost or region.variable is None:
            continue
        instrs = [instr for block in region.blocks for instr in block.instrs]
        stored = [instr.name for instr in instrs if isinstance(instr, ir.Store)]
        if stored.count(region.variable) != 1 or fn.local_types.get(region.variable) != INT:
            continue
        guard, rebound = LoopGuard(region), set(stored)
        for instr in instrs:
            for term in index_terms(instr, defs, region.variable, rebound):
                if term not in guard.terms:
                    guard.terms.append(term)
                guard.covered.setdefault(id(instr), []).append(term.axis)
        if guard.terms:
            guards.append(guard)
    return guards


def index_terms(instr: ir.Instr, defs: dict, variable: str, stored: set[str]) -> list[IndexTerm]:
    """The covered indices of an element or view access `a[i, j]` / `a[i, j] = v`."""
    if not isinstance(instr, ir.Call) or instr.target not in ("getitem", "setitem"):
        return []
    array, *indices = instr.args
    if instr.target == "setitem":
        indices = indices[:-1]
    source = defs.get(array.id)
    if not isinstance(source, ir.Load) or source.name in stored or \
            not isinstance(array.type, Array) or len(indices) > array.type.ndim or \
            not all(index.type == INT or isinstance(index.type, Slice) for index in indices):
        return []
    return [IndexTerm(source.name, axis, offset) for axis, index in enumerate(indices)
            if (offset := offset_from(index, defs, variable)) is not None]


def offset_from(value: ir.Value, defs: dict, variable: str) -> int | None:
    """c when `value` is `variable + c` (`j`, `j + 2`, `j - 1`, `2 + j`), else None."""
    def is_variable(operand: ir.Value) -> bool:
        load = defs.get(operand.id)
        return isinstance(load, ir.Load) and load.name == variable

    def constant(operand: ir.Value) -> int | None:
        const = defs.get(operand.id)
        if isinstance(const, ir.Const) and type(const.value) is int and \
                abs(const.value) <= MAX_OFFSET:
            return const.value
        return None

    if is_variable(value):
        return 0
    instr = defs.get(value.id)
    if not isinstance(instr, ir.BinOp) or instr.op not in ("+", "-") or instr.inplace:
        return None
    if is_variable(instr.left) and (c := constant(instr.right)) is not None:
        return c if instr.op == "+" else -c
    if instr.op == "+" and is_variable(instr.right):
        return constant(instr.left)
    return None
