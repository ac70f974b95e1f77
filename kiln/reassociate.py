"""The order in which min() and max() of ints combine their arguments, on typed IR (after
inference, before codegen): an argument carried over from the loop's previous iteration is
combined last, so the loop's chain of dependent instructions crosses one compare-and-select
instead of one per argument (gcc's reassociation ranks operands the same way).

    for j in range(1, m + 1):                      the chain: d[i, j] is read back as
        d[i, j] = min(d[i - 1, j] + 1,             d[i, j - 1] one iteration later
                      d[i, j - 1] + 1,     ->      %m = call min(%up, %diag, %left)
                      d[i - 1, j - 1] + cost)      (edit distance: 1.6x faster)

Equal ints are indistinguishable, so min and max give the same value in any order; only calls
whose arguments all have one integer type are reordered (`max(1, 1.0)` must stay `1`). The
arguments are values computed before the call, left to right as before: only the order of the
comparisons changes.

An argument is carried when the arithmetic that computes it reads
- a local variable that an innermost range loop assigns, before any assignment in the same
  block (`best = min(best, a[j], b[j])`), or
- an element of an array that the loop stores to, at the store's index but one position
  shifted back or ahead by a constant in a variable the loop assigns: `d[i, j - 1]` against
  `d[i, j] = ...` in a loop over j. A stored element read back one iteration later is a value
  LLVM keeps in a register, on the chain.
A wrong guess costs speed, never a different result.
"""
from __future__ import annotations

from . import ir
from .types import INT, NUMPY

INTEGERS = {INT} | {t for name, t in NUMPY.items() if name.startswith(("int", "uint"))}


def reassociate(fn: ir.Function) -> None:
    definitions = {instr.dest.id: instr for instr in fn.instructions() if hasattr(instr, "dest")}
    for region in fn.regions:
        if region.innermost:
            Loop(region, definitions).reorder()


class Loop:
    def __init__(self, region: ir.LoopRegion, definitions: dict[int, ir.Instr]):
        self.region = region
        self.definitions = definitions
        self.assigned = {instr.name for block in region.blocks for instr in block.instrs
                         if isinstance(instr, ir.Store)}
        self.array_stores = [(self.local_name(instr.args[0]), instr.args[1:-1])
                             for block in region.blocks for instr in block.instrs
                             if isinstance(instr, ir.Call) and instr.target == "setitem"]

    def reorder(self) -> None:
        for block in self.region.blocks:
            stored_before: set[str] = set()
            for instr in block.instrs:
                if isinstance(instr, ir.Store):
                    stored_before.add(instr.name)
                if isinstance(instr, ir.Call) and instr.target in ("min", "max") \
                        and len(instr.args) > 2 and len({a.type for a in instr.args}) == 1 \
                        and instr.args[0].type in INTEGERS:
                    carried = [self.carried(a, stored_before) for a in instr.args]
                    instr.args = [a for a, c in zip(instr.args, carried) if not c] + \
                                 [a for a, c in zip(instr.args, carried) if c]

    def carried(self, value: ir.Value, stored_before: set[str]) -> bool:
        instr = self.definitions.get(value.id)
        if isinstance(instr, ir.Load):
            return instr.name in self.assigned and instr.name not in stored_before
        if isinstance(instr, (ir.BinOp, ir.UnaryOp)):
            operands = (instr.left, instr.right) if isinstance(instr, ir.BinOp) else (instr.operand,)
            return any(self.carried(v, stored_before) for v in operands)
        if isinstance(instr, ir.Call) and instr.target == "getitem":
            array = self.local_name(instr.args[0])
            return any(name == array and self.one_step_apart(instr.args[1:], index)
                       for name, index in self.array_stores)
        return False

    def one_step_apart(self, read: list[ir.Value], written: list[ir.Value]) -> bool:
        """Equal indices but one, where the read is the written index plus or minus a constant
        and that index changes in the loop."""
        if len(read) != len(written):
            return False
        different = [(r, w) for r, w in zip(read, written) if not self.same(r, w)]
        if len(different) != 1:
            return False
        r, w = different[0]
        step = self.definitions.get(r.id)
        return isinstance(step, ir.BinOp) and step.op in ("+", "-") \
            and isinstance(self.definitions.get(step.right.id), ir.Const) \
            and self.same(step.left, w) and self.varies(w)

    def varies(self, value: ir.Value) -> bool:
        instr = self.definitions.get(value.id)
        return isinstance(instr, ir.Load) and instr.name in self.assigned

    def same(self, a: ir.Value, b: ir.Value) -> bool:
        """The same expression of locals and constants (a read of x, i - 1, ...)."""
        x, y = self.definitions.get(a.id), self.definitions.get(b.id)
        if type(x) is not type(y):
            return False
        if isinstance(x, ir.Load):
            return x.name == y.name
        if isinstance(x, ir.Const):
            return type(x.value) is type(y.value) and x.value == y.value
        if isinstance(x, ir.BinOp):
            return x.op == y.op and self.same(x.left, y.left) and self.same(x.right, y.right)
        return False

    def local_name(self, value: ir.Value) -> str | None:
        instr = self.definitions.get(value.id)
        return instr.name if isinstance(instr, ir.Load) else None
