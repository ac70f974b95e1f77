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

Which loops codegen emits again for a few trip counts of the loop inside them:

    for j in range(n):                # short_inner_loops: the parent loop gets copies for
        s = 0.0                       # d == 2 and d == 3, where the inner loop's trip count is
        for k in range(d):            # a constant; LLVM unrolls the inner loop completely, and
            t = x[i, k] - x[j, k]     # the parent becomes a loop it can vectorise (pairwise
            s += t * t                # distances over 3-d points: sqrt and all, four j at a
        out[i, j] = math.sqrt(s)      # time; 0.74 ms against 1.48 with the short loop inside)

A short loop inside another is the shape of small-vector code (points, coordinates): the
parent picks a row of a 2-d array and the inner loop walks along it (`x[j, k]`), carrying a
sum (a local it reads and writes), which is what leaves the parent without a vectorisable body
of its own and what a complete unroll turns into straight-line code. The copies run when the
count, an int local the parent does not change, is one of SHORT_TRIPS; the loop as written
runs otherwise. Each copy costs compile time (kiln bench's pairwise compiles in 48 ms with
none, 68 with one and 82 with two; script), so there are copies for 2-d and 3-d points only,
and loops of other shapes (matmul's inner loop runs down a column) get none.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import ir
from .infer import values_used
from .types import FLOAT, INT, Array, members, numpy_dtype

SHORT_TRIPS = (2, 3)
SHORT_BODY = 40          # at most this many instructions in the inner loop
SHORT_PARENT = 120       # and in the parent loop, the inner one included


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


@dataclass(frozen=True)
class ShortInner:
    """A loop (`parent`) around one short loop (`inner`) whose trip count is the int local
    `count` (its stop is `range(count)` of it, computed as `stop`)."""

    parent: ir.LoopRegion
    inner: ir.LoopRegion
    count: str
    stop: ir.Value


def short_inner_loops(fn: ir.Function) -> list[ShortInner]:
    """The loops of `fn` to copy for SHORT_TRIPS trip counts of the loop inside (see the
    module doc)."""
    defs = {i.dest.id: i for i in fn.instructions() if getattr(i, "dest", None)}
    found = []
    for inner in fn.regions:
        if not inner.innermost or inner.variable is None or inner.step is not None or \
                not isinstance(defs.get(inner.start.id), ir.Const):
            continue
        stop = defs.get(inner.stop.id)
        count = defs.get(stop.args[0].id) if isinstance(stop, ir.Call) and \
            stop.target == "range.int" else None
        if not isinstance(count, ir.Load) or fn.local_types.get(count.name) != INT:
            continue
        inside = {id(b) for b in inner.blocks}
        parents = [r for r in fn.regions if r is not inner and inside < {id(b) for b in r.blocks}]
        if not parents:
            continue
        parent = min(parents, key=lambda r: len(r.blocks))
        nested = [r for r in fn.regions if r is not parent and
                  {id(b) for b in r.blocks} <= {id(b) for b in parent.blocks}]
        body = [i for b in inner.blocks for i in b.instrs]
        everything = [i for b in parent.blocks for i in b.instrs]
        stored = {i.name for i in everything if isinstance(i, (ir.Store, ir.Unbind))}
        if nested != [inner] or parent.runtime_step or parent.header is None or \
                count.name in stored or len(body) > SHORT_BODY or \
                len(everything) > SHORT_PARENT or not carries_a_sum(inner, body) or \
                not walks_rows(parent, inner, body, defs):
            continue
        found.append(ShortInner(parent, inner, count.name, inner.stop))
    return found


def walks_rows(parent: ir.LoopRegion, inner: ir.LoopRegion, body: list[ir.Instr],
               defs: dict) -> bool:
    """Does the inner loop read along a row that the parent loop picks (`x[j, k]`: j the
    parent's variable, k the inner one's, on the last axis)? Then the count is the rows'
    length, which small-vector code keeps short (points in 2, 3 or 4 dimensions); a loop
    whose inner variable runs down a column (matmul's `b[k, j]`) is not copied."""
    def loads(value: ir.Value, name: str | None) -> bool:
        load = defs.get(value.id)
        return name is not None and isinstance(load, ir.Load) and load.name == name

    for instr in body:
        if isinstance(instr, ir.Call) and instr.target == "getitem" and \
                isinstance(instr.args[0].type, Array) and len(instr.args) == 3 and \
                loads(instr.args[1], parent.variable) and loads(instr.args[2], inner.variable):
            return True
    return False


def carries_a_sum(region: ir.LoopRegion, body: list[ir.Instr]) -> bool:
    """Does the loop read and write a named local other than its variable (`s += t * t`)?"""
    stored = {i.name for i in body if isinstance(i, ir.Store)}
    loaded = {i.name for i in body if isinstance(i, ir.Load)}
    return any(name != region.variable and name.isidentifier() for name in stored & loaded)
