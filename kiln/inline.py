"""Calls to small functions of numbers, replaced by the callee's blocks (typed IR -> typed IR,
after inference and before codegen).

    def a_ij(i, j):                           for j in range(n):
        return 1.0 / ((i + j) * (i + j + 1)  ->     (a_ij's blocks, its locals renamed,
                      // 2 + i + 1)                  its return a store and a jump)
    for j in range(n):                              s += a_ij.result * v[j]
        s += a_ij(i, j) * v[j]

LLVM inlines such calls anyway; this is for kiln's own analyses, which stop at a call: the
int ranges of bounds.py see the helper's arithmetic in its caller's loop, where the loop
variable's range is known. Spectral norm's inner loop then has a copy without any check, which
vectorises: the yardstick's spectral_norm went from 0.80 of Numba's speed to 1.87.

A callee is inlined when it is small (MAX_INSTRUCTIONS), has no loops (its blocks only jump
forward) and calls no compiled function itself (so never itself), and every value it takes,
keeps or returns is a number, a bool, None or a tuple of them (no array whose reference must be
counted). The call's arguments have the callee's parameter types exactly, as inference made
them. Everything else, exceptions included, behaves as the call did: a `raise` in the callee
fails the caller the same way, and a pending overflow is raised at the caller's next check.
"""
from __future__ import annotations

import dataclasses
import itertools

from . import ir
from .types import Scalar, Tuple, Type, Union

MAX_INSTRUCTIONS = 60


def inline_calls(fn: ir.Function) -> None:
    """Replace every call in `fn` to an inlinable function by that function's blocks."""
    fresh = itertools.count(1 + max((i.dest.id for i in fn.instructions()
                                     if getattr(i, "dest", None)), default=0))
    count = itertools.count()
    pending = list(fn.blocks)
    while pending:
        block = pending.pop()
        for index, instr in enumerate(block.instrs):
            if isinstance(instr, ir.Call) and inlinable(fn, block, instr):
                after = inline_call(fn, block, index, fresh, next(count))
                pending.append(after)           # the rest of the block may call again
                break


def inlinable(fn: ir.Function, block: ir.Block, call: ir.Call) -> bool:
    callee = call.impl
    if not isinstance(callee, ir.Function) or callee is fn or callee.regions:
        return False
    if any(region.header is block for region in fn.regions):
        return False                        # a loop's test: keep its block whole
    if tuple(a.type for a in call.args) != callee.arg_types:
        return False
    instrs = list(callee.instructions())
    if len(instrs) > MAX_INSTRUCTIONS:
        return False
    if any(isinstance(i, ir.ParallelFor) or isinstance(i, ir.Call) and
           isinstance(i.impl, ir.Function) for i in instrs):
        return False
    order = {id(b): k for k, b in enumerate(callee.blocks)}
    if any(order[id(s)] <= order[id(b)] for b in callee.blocks for s in b.successors()):
        return False                        # a while loop
    types = [*callee.arg_types, callee.return_type, *callee.local_types.values()]
    return all(numeric(t) for t in types)


def numeric(t: Type) -> bool:
    """A number, bool or None, or a tuple of them: nothing whose reference is counted."""
    if isinstance(t, Tuple):
        return all(numeric(item) for item in t.items)
    return isinstance(t, (Scalar, Union))


def inline_call(fn: ir.Function, block: ir.Block, index: int, fresh, number: int) -> ir.Block:
    """Split `block` at its call `index` into the callee's blocks; the block that continues
    after the call (which it returns) starts by loading the callee's result.

        block:  ...; %r = call f(%a); rest     ->   block: ...; jump f.entry
                                                    f's blocks: `return %v` -> store, jump
                                                    after: %r = load f.result; rest
    """
    call = block.instrs[index]
    callee: ir.Function = call.impl
    prefix = f"{callee.name}.{number}."
    result = prefix + "result"
    after = ir.Block(f"{block.label}.after.{callee.name}.{number}",
                     [ir.Load(call.span, call.dest, result)] + block.instrs[index + 1:])
    copies = {id(b): ir.Block(prefix + b.label) for b in callee.blocks}
    mapping: dict[int, ir.Value] = {}
    for instr in callee.instructions():
        if isinstance(instr, ir.Param):
            mapping[instr.dest.id] = call.args[instr.index]

    def value(v: ir.Value) -> ir.Value:
        if v.id not in mapping:
            mapping[v.id] = ir.Value(next(fresh), v.type)
        return mapping[v.id]

    for original in callee.blocks:
        copy = copies[id(original)]
        for instr in original.instrs:
            if isinstance(instr, ir.Param):
                continue
            if isinstance(instr, ir.Return):
                copy.instrs += [ir.Store(instr.span, result, value(instr.value)),
                                ir.Jump(instr.span, after)]
                continue
            copy.instrs.append(copied(instr, value, copies, prefix))
    block.instrs[index:] = [ir.Jump(call.span, copies[id(callee.blocks[0])])]
    added = [copies[id(b)] for b in callee.blocks] + [after]
    position = fn.blocks.index(block) + 1
    fn.blocks[position:position] = added
    for region in fn.regions:
        if any(b is block for b in region.blocks):
            region.blocks += added
            if region.latch is block:
                region.latch = after
    fn.local_types[result] = callee.return_type
    for name, t in callee.local_types.items():
        fn.local_types[prefix + name] = t
    return after


def copied(instr: ir.Instr, value, blocks: dict[int, ir.Block], prefix: str) -> ir.Instr:
    """`instr` with its values, blocks and local names those of the copy."""
    changes = {}
    for f in dataclasses.fields(instr):
        item = getattr(instr, f.name)
        if isinstance(item, ir.Value):
            changes[f.name] = value(item)
        elif isinstance(item, ir.Block):
            changes[f.name] = blocks[id(item)]
        elif isinstance(item, list) and item and isinstance(item[0], ir.Value):
            changes[f.name] = [value(v) for v in item]
        elif f.name == "name":
            changes[f.name] = prefix + item
    return dataclasses.replace(instr, **changes)
