"""Which range loops LLVM should not vectorise (and, for a step known only at run time, not
unroll by a count known only at run time). Read from the typed IR; codegen marks the loops'
branches.

Two kinds of loop lose by vectorising:

    for j in range(i * i, n, i):      # a step known only at run time: every access is
        flags[j] = 0                  # strided by it, which the vectoriser emulates element
                                      # by element (sieve: 264 ms vectorised, 17 ms scalar)

    for k in range(m):                # a float sum (kept in order: kiln vectorises such sums
        s += a[i, k] * b[k, j]        # only as in-order reductions) over a read that is not
                                      # contiguous in k: each vector is gathered an element
                                      # at a time, and the adds stay one by one (yardstick
                                      # matmul in one script: 2.9 ms vectorised, 2.3 scalar)

A read is contiguous in the loop when only its array's fastest-varying index (the last for C
arrays, the first for Fortran ones) changes with the loop; arrays of any other layout have
strides known only at run time.
"""
from __future__ import annotations

from . import ir
from .infer import values_used
from .types import FLOAT, Array, members, numpy_dtype


def scalar_loops(fn: ir.Function) -> list[ir.LoopRegion]:
    """The innermost range loops of `fn` that LLVM should not vectorise (see the module doc)."""
    return [region for region in fn.regions
            if region.runtime_step or region.innermost and strided_float_sum(fn, region)]


def strided_float_sum(fn: ir.Function, region: ir.LoopRegion) -> bool:
    """Does the loop carry a float sum and read an array element along a strided axis?"""
    instrs = [instr for block in region.blocks for instr in block.instrs]
    assigned = {instr.name for instr in instrs if isinstance(instr, ir.Store)}
    loaded = {instr.name for instr in instrs if isinstance(instr, ir.Load)}
    if not any(is_float(fn.local_types.get(name)) for name in assigned & loaded):
        return False
    varying: set[int] = set()     # values that change from one iteration to the next
    for instr in instrs:
        dest = getattr(instr, "dest", None)
        if dest is None:
            continue
        if isinstance(instr, ir.Load) and instr.name in assigned or \
                any(value.id in varying for value in values_used(instr)):
            varying.add(dest.id)
        if isinstance(instr, ir.Call) and instr.target == "getitem" and \
                strided_read(instr, varying):
            return True
    return False


def strided_read(call: ir.Call, varying: set[int]) -> bool:
    array, *indices = call.args
    kind = array.type
    if not isinstance(kind, Array) or len(indices) != kind.ndim:
        return False
    moving = [k for k, index in enumerate(indices) if index.id in varying]
    contiguous = {"C": kind.ndim - 1, "F": 0}.get(kind.layout)
    return any(k != contiguous for k in moving)


def is_float(t) -> bool:
    return t is not None and any(
        m == FLOAT or (numpy_dtype(m) or "").startswith("float") for m in members(t))
