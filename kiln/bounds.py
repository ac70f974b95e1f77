"""Facts about int values that the typed IR proves, so codegen can leave out checks that could
never fire.

A counter is an int local whose every assignment is a small constant or the counter itself plus
or minus a small step (`count = 0` ... `count += 1`). Starting within 2**40 and moving at most
2**10 per update, it needs more than 2**52 updates to reach the int64 limit: months of nothing
but counting at one update per nanosecond. Its updates are therefore emitted as plain adds with
no overflow branch, which keeps counting loops straight-line code that LLVM can vectorise.
A prange chunk's `+=` reduction counts as starting from 0 (its identity).
"""
from __future__ import annotations

from . import ir
from .types import INT

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
