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

Which loop nests codegen jams (`jam_nests`):

    for j in range(m):                # the parent runs JAM_LANES trips at once: its body is
        s = 0.0                       # emitted once per lane, each lane with its own locals,
        for k in range(inner):        # and the inner loop once around all of them, so four
            s += a[i, k] * b[k, j]    # sums run side by side, each in its own order (kiln
        c[i, j] = s                   # bench's matmul: 0.71 ms against 1.25 for Numba; script)

An inner loop that carries a float sum cannot vectorise (kiln keeps the sum's order) and runs
at the latency of one add per element; jammed, the parent's trips are independent chains.
(A short inner loop gains nothing: the processor already overlaps one trip's chain with the
next. Pairwise distances over 10-d points: 1.08 ms either way; script.)

The new order must be invisible, which asks:
- that nothing in the nest can raise out of order. Ints are proven not to overflow, floats
  only meet + - * and math calls proven safe (bounds.py), and the nest's indices are each
  either `v + c` (v the parent's variable or the inner one's) or a value the nest does not
  change. A guard covers the first kind: the parent's on entry to each four trips, the inner
  loop's once the lanes have computed its range; where it fails, the loop as written runs the
  trips left and raises where CPython does. An index of the second kind fails alike in every
  lane, so the first lane meets the failure where the loop as written would. With
  boundscheck=False, any index will do.
- that the nest writes array elements only after its inner loop, to arrays it does not read
  (their memory is tested for overlap on entry; overlapping arrays run the loop as written).
- that each lane's locals are assigned before they are read, so that a lane never sees
  another's. The last lane keeps the locals' own slots: after the loop they hold the last
  trip's values, as after the loop as written.
A loop that gets copies for short rows is not jammed: it vectorises better in them.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import ir
from .bounds import offset_from
from .infer import values_used
from .types import FLOAT, INT, Array, Tuple, is_number, members, numpy_dtype

SHORT_TRIPS = (2, 3)
SHORT_BODY = 40          # at most this many instructions in the inner loop
SHORT_PARENT = 120       # and in the parent loop, the inner one included
JAM_LANES = 4
JAM_BODY = 60            # at most this many instructions in the parent loop's body
JAM_MATH = ("math.sqrt",)  # calls a lane may make once proven (bounds.py)


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
        parent = parent_of(fn, inner)
        if parent is None:
            continue
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


def parent_of(fn: ir.Function, inner: ir.LoopRegion) -> ir.LoopRegion | None:
    """The range loop right around `inner`, if any."""
    inside = {id(b) for b in inner.blocks}
    parents = [r for r in fn.regions if r is not inner and inside < {id(b) for b in r.blocks}]
    return min(parents, key=lambda r: len(r.blocks)) if parents else None


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


@dataclass(frozen=True)
class JamTerm:
    """An index `v + offset` on `axis` of the array local `array` in the access `access`
    (its id), `v` the parent's variable or (`inner`) the inner loop's: in bounds on every trip
    when the range's start + offset >= 0 and its stop + offset <= the axis's length."""

    access: int
    array: str
    axis: int
    inner: bool
    offset: int


@dataclass(frozen=True)
class Jam:
    """A loop (`parent`) around one inner loop, to run JAM_LANES trips at once (see the module
    doc). `lanes`: the locals each lane keeps for itself (the parent's variable among them);
    `counter`: the parent's trip counter local; `reads`, `writes`: the array locals the nest
    reads and writes, tested for overlap on entry; `terms`: the indices a guard can cover, and
    `guarded`: every other index is one the nest does not change (its check fails alike in
    every lane, so the first to fail is where the loop as written fails); `offsets`: ids of
    the `v + c` operations among the covered indices, which cannot overflow where the guard
    holds."""

    parent: ir.LoopRegion
    inner: ir.LoopRegion
    lanes: tuple[str, ...]
    counter: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    terms: tuple[JamTerm, ...]
    guarded: bool
    offsets: frozenset[int]


def jam_nests(fn: ir.Function, proven: set[int]) -> list[Jam]:
    """The loop nests of `fn` to jam (see the module doc); `proven`: ids of the operations
    whose checks bounds.py proves moot."""
    found = []
    for inner in fn.regions:
        if not inner.innermost or inner.header is None or not one_exit(inner):
            continue
        parent = parent_of(fn, inner)
        jam = jammable(fn, parent, inner, proven) if parent is not None else None
        if jam is not None:
            found.append(jam)
    return found


def jammable(fn: ir.Function, parent: ir.LoopRegion, inner: ir.LoopRegion,
             proven: set[int]) -> Jam | None:
    after = inner.exits[0]
    if parent.variable is None or parent.step is not None or parent.runtime_step or \
            parent.header is None or not one_exit(parent) or inner.variable is None or \
            [id(b) for b in parent.blocks if b not in inner.blocks] != \
            [id(b) for b in parent.blocks if b in (parent.header, parent.body, after,
                                                   parent.latch)] or \
            len(inner.blocks) != 3 or inner.body not in inner.blocks or \
            not jumps_to(parent.body, inner.header) or not jumps_to(after, parent.latch) or \
            not jumps_to(inner.body, inner.latch):
        return None
    body = [i for block in (parent.body, inner.body, after) for i in block.instrs[:-1]]
    if len(body) > JAM_BODY:
        return None
    defs = {i.dest.id: i for i in fn.instructions() if getattr(i, "dest", None)}
    variable = next((i for i in parent.body.instrs if isinstance(i, ir.Store) and
                     i.name == parent.variable), None)
    counter = defs.get(variable.value.id) if variable is not None else None
    if not isinstance(counter, ir.Load):
        return None
    shared = {i.name for i in inner.header.instrs + inner.latch.instrs
              if isinstance(i, (ir.Load, ir.Store))} | {inner.variable}
    stored = [i.name for i in body if isinstance(i, (ir.Store, ir.Unbind))]
    lanes = tuple(dict.fromkeys(name for name in stored if name not in shared))
    if any(name not in fn.local_types or not is_number(fn.local_types[name])
           for name in lanes) or not first_stored(lanes, body, inner.body):
        return None
    by_lane: set[int] = set()       # values that differ from lane to lane
    moving: set[int] = set()        # and values that change in the nest
    reads, writes, terms, guarded = [], [], [], True
    offsets: dict[int, tuple[bool, int]] = {}   # `j + c` ints: they cannot overflow in bounds
    for instr in body:
        dest = getattr(instr, "dest", None)
        from_lanes = any(v.id in by_lane for v in values_used(instr)) or \
            isinstance(instr, ir.Load) and instr.name in lanes
        if from_lanes and dest is not None:
            by_lane.add(dest.id)
        elif from_lanes and isinstance(instr, ir.Store) and instr.name in shared:
            return None
        if dest is not None and (from_lanes or isinstance(instr, ir.Load) and instr.name in
                                 shared or any(v.id in moving for v in values_used(instr))):
            moving.add(dest.id)
        access = array_access(instr, defs)
        if access is None:
            if isinstance(instr, ir.BinOp) and id(instr) not in proven and \
                    (offset := loop_offset(instr.dest, defs, parent, inner)) is not None:
                offsets[id(instr)] = offset
            elif not lane_safe(instr, fn, defs, proven):
                return None
            continue
        name, writing = access
        if writing and instr not in after.instrs:
            return None
        (writes if writing else reads).append(name)
        indices = instr.args[1:-1] if writing else instr.args[1:]
        for axis, index in enumerate(indices):
            offset = loop_offset(index, defs, parent, inner)
            if offset is not None and offset[0] and instr in parent.body.instrs:
                return None             # the inner range is tested after the parent's body
            if offset is not None:
                terms.append(JamTerm(id(instr), name, axis, *offset))
            else:
                guarded = guarded and index.id not in moving
    covered = {(term.inner, term.offset) for term in terms}
    if not writes or set(writes) & set(reads) or set(writes) & set(stored) or \
            not set(offsets.values()) <= covered:
        return None
    return Jam(parent, inner, lanes, counter.name, tuple(dict.fromkeys(reads)),
               tuple(dict.fromkeys(writes)), tuple(terms), guarded, frozenset(offsets))


def loop_offset(value: ir.Value, defs: dict, parent: ir.LoopRegion, inner: ir.LoopRegion
                ) -> tuple[bool, int] | None:
    """(inner, c) when `value` is `v + c`, v the parent's variable or (inner) the inner one's."""
    for inside, loop in ((False, parent), (True, inner)):
        offset = offset_from(value, defs, loop.variable)
        if offset is not None:
            return inside, offset
    return None


def one_exit(region: ir.LoopRegion) -> bool:
    return all(block is region.exits[0] for block in region.exits)


def jumps_to(block: ir.Block, target: ir.Block) -> bool:
    last = block.instrs[-1]
    return isinstance(last, ir.Jump) and last.target is target


def only_floats(t) -> bool:
    return t is not None and all(
        m == FLOAT or (numpy_dtype(m) or "").startswith("float") for m in members(t))


def first_stored(lanes: tuple[str, ...], body: list[ir.Instr], inner_body: ir.Block) -> bool:
    """Is each lane's local assigned before it is read: first met as a store, in the order
    parent body, inner body, after the inner loop, and, if first assigned in the inner body
    (which may run no trips), not read after it?"""
    seen: dict[str, ir.Instr] = {}
    for instr in body:
        if isinstance(instr, (ir.Load, ir.Store)) and instr.name in lanes:
            first = seen.setdefault(instr.name, instr)
            if not isinstance(first, ir.Store):
                return False
            if isinstance(instr, ir.Load) and first in inner_body.instrs and \
                    instr not in inner_body.instrs:
                return False
    return True


def array_access(instr: ir.Instr, defs: dict) -> tuple[str, bool] | None:
    """(array local, writes) for an element read `a[i, j]` or write `a[i, j] = x` of int
    indices into an array loaded from a local; None for anything else."""
    if not isinstance(instr, ir.Call) or instr.target not in ("getitem", "setitem"):
        return None
    writing = instr.target == "setitem"
    array, *indices = instr.args[:-1] if writing else instr.args
    load = defs.get(array.id)
    if not isinstance(array.type, Array) or len(indices) != array.type.ndim or \
            any(index.type != INT for index in indices) or not isinstance(load, ir.Load):
        return None
    if writing and not (only_floats(instr.args[-1].type) and
                        array.type.dtype.startswith("float")):
        return None
    return load.name, writing


def lane_safe(instr: ir.Instr, fn: ir.Function, defs: dict, proven: set[int]) -> bool:
    """Can this instruction run out of its trip's order: nothing it does can raise or be
    seen by another lane?"""
    if isinstance(instr, (ir.Load, ir.Const)):
        return True
    if isinstance(instr, ir.Store):
        return not isinstance(fn.local_types.get(instr.name), Array)
    if isinstance(instr, ir.BinOp):
        if instr.left.type == INT and instr.right.type == INT:
            return id(instr) in proven
        return instr.op in ("+", "-", "*") and \
            only_floats(instr.left.type) and only_floats(instr.right.type)
    if isinstance(instr, ir.UnaryOp):
        return instr.op == "-" and only_floats(instr.operand.type)
    if isinstance(instr, ir.GetItem):
        return True
    if isinstance(instr, ir.Call):
        first = instr.args[0].type if instr.args else None
        return instr.target == "range.int" and first == INT or \
            instr.target in ("attr.shape", "len") and isinstance(first, Array) or \
            instr.target == "getitem" and isinstance(first, Tuple) and \
            isinstance(defs.get(instr.args[1].id), ir.Const) or \
            instr.target in JAM_MATH and id(instr) in proven
    return False
