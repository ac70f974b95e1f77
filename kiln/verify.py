"""IR invariants, checked after inference in tests and under KILN_DEBUG: every block ends in
exactly one terminator, branches target blocks of the same function, every operand is defined
before use in its block or in a block that dominates it (checked as "defined somewhere"), and
every value has a type."""
from __future__ import annotations

from . import ir
from .infer import values_used


class IRError(AssertionError):
    """A broken invariant: a bug in kiln, never in user code."""


def verify(fn: ir.Function) -> None:
    blocks = {id(b) for b in fn.blocks}
    defined: set[int] = set()
    for block in fn.blocks:
        for instr in block.instrs:
            dest = getattr(instr, "dest", None)
            if dest is not None:
                if dest.id in defined:
                    raise IRError(f"{fn.name}: {dest} defined twice")
                defined.add(dest.id)
    for block in fn.blocks:
        if block.terminator is None:
            raise IRError(f"{fn.name}: {block.label} has no terminator")
        for instr in block.instrs[:-1]:
            if isinstance(instr, ir.TERMINATORS):
                raise IRError(f"{fn.name}: {block.label} has a terminator before its end")
        for succ in block.successors():
            if id(succ) not in blocks:
                raise IRError(f"{fn.name}: {block.label} jumps to a block outside the function")
        for instr in block.instrs:
            for value in values_used(instr):
                if value.id not in defined:
                    raise IRError(f"{fn.name}: {value} used but never defined")
                if value.type is None:
                    raise IRError(f"{fn.name}: {value} has no type")
