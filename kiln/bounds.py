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
the body, from values that do not change in the loop). With a step (`range(i * i, n, i)`),
`step > 0` joins them: j then runs up from start and stays below stop. Each covered check
becomes `not guard and outside`: LLVM then versions the loop on the guard (loop
unswitching), one copy with no checks at all and one with every check. The checked copy still
raises exactly where CPython does; the unchecked one only runs when no access can be out of
bounds. (An index that does not change in the loop needs no guard: LLVM moves its check out
of the loop by itself.)

With boundscheck=False a guard still matters where a negative index could wrap (`wraps`: the
start's interval reaches below -c, or the loop has a step): codegen versions such a loop
itself, its fast copy indexing without the wrap (a sieve's crossing-out loop: 8 instructions
per store with it, 4 without).

A check inside a loop costs more than its compare: a loop with two exits is beyond LLVM's
vectoriser and its loop-carried load elimination (an edit-distance row reads back the
element it stored one trip before: 2.6 ms with one check left in the loop, 0.9 without;
script).

Int ranges
----------
Each int value gets an interval [lo, hi] that holds when the value is computed (`ranges`):
constants, shapes and lengths (>= 0), the variable of `for j in range(start, stop)` (from
start to stop - 1), and +, -, *, //, %, &, >>, unary -, min, max and abs of those. A local's
interval joins every value stored into it; a load right after a store on the same path has the
stored value's. An operation whose interval lies inside int64 cannot overflow, and a float
divided by an int whose interval excludes 0 cannot divide by zero: codegen leaves those checks
out. An interval assumes that the operations before it did not overflow: if one did, its
OverflowError is pending (codegen raises it before anything can see a wrapped value) and what
is computed meanwhile, with plain wrapping instructions, is never seen.

Inside a loop most ints come from values the loop only reads (`n`, an outer loop's `i`), which
can be anything, so little is proven. The loop's guard then also tests that each of them lies
within +-2**k (`small`), chosen as large as proves the loop's checks: in the loop's copy where
the guard holds, those checks are gone too. Spectral norm's `(i + j) * (i + j + 1) // 2 + i
+ 1` with i and j at most 2**30 fits in int64 (and is at least 1, as i and j count up from 0),
so the inner loop's copy for arrays of up to 2**30 elements has no branch out and vectorises.
Codegen emits such a loop twice itself, the guard choosing the copy on entry (see codegen:
LLVM's own versioning declines larger bodies).

Float signs
-----------
Some float checks are moot by sign alone. A number (a Python int or float, a NumPy float, or
a local holding any of them) is known non-negative (>= 0 or NaN) or positive (> 0 or NaN) when
it is (`float_signs`): a constant (positive if at least float32's smallest normal, so it stays
positive as an np.float32), an int whose interval is, a square (`x * x`, `x ** 2`), abs, fabs,
sqrt, exp, exp2 or hypot of anything, cosh (positive), a sum or product of such values
(positive + non-negative stays positive: rounding is monotonic, so the sum is at least the
positive term), a quotient by a positive value, a remainder by a non-negative one (the sign
of its divisor), the min of such values or the max with one, and a local whose every store is
(found optimistically, then lowered until no store contradicts). NaN is allowed everywhere,
as no check fires on it. Then a float divided by a positive value cannot divide by zero
(`1.0 / (1.0 + x * x)`), math.sqrt and math.log1p of a non-negative value and math.log, log2
and log10 of a positive one cannot fail their domain check (`math.sqrt(dx * dx + dy * dy)`,
and a `s += a[k] * a[k]` sum, which holds a float or an np.float64). NumPy's ints are left
out: their products wrap round.

Float chains
------------
In `for i in range(start, stop)`, a float computed from i by `+`, `-`, `*` and unary `-` with
values the loop only reads, and `/` by one (x = a + (i + 0.5) * h), moves steadily with i:
each step is monotonic in its varying operand, and so is rounding. If every step's value is
finite with i at both ends, start and stop - 1, then on every trip each step lies between its
two end values. A math call's check on such a chain (`float_checks`: math.sqrt(x) needs
x >= 0, math.exp(x) x <= 709.78..., math.sin(x) a finite x) then holds on every trip when it
holds at both ends, and a division by it cannot be by zero when both ends have one sign. The
loop's guard computes the chains at both ends, in the preheader, as the loop computes them
(no fast-math flags: under fastmath the guard leaves chains out), and the fast copy runs
without those checks (kiln bench's integrate: 0.97-0.99 of Numba's speed with them,
1.01-1.03 without; script).

A double the loop tested against two values it only reads (`if x >= lo and x < hi:`, in the
blocks that the tests' true branches lead to, while x is not stored again) is such a variable
too, with lo and hi as its ends: a comparison that holds rules out NaN, and x lies between
them. So `int((x - lo) * scale)` in a histogram's loop cannot fail when (lo - lo) * scale and
(hi - lo) * scale lie in int64's range, which the guard tests before the loop (the kernel's
check-free copy runs at 1.03-1.08 of Numba's speed, 0.94-0.97 before; script).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from . import ir
from .types import FLOAT, INT, NUMPY, Array, Slice, Type, Union

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


@dataclass(frozen=True)
class Small:
    """An int the loop only reads, assumed within [lo, hi]: a local, or a value computed
    before the loop (its range's start or stop)."""

    local: str | None
    value: ir.Value | None
    lo: int
    hi: int


@dataclass(frozen=True)
class FloatCheck:
    """A check in the loop on a float `chain` (see the module doc): it cannot fire while the
    chain's value lies in [low, high] (an end included or not), or, with `nonzero`, while it
    keeps one sign."""

    chain: tuple
    low: float = -math.inf
    high: float = math.inf
    closed: tuple[bool, bool] = (False, False)
    nonzero: bool = False


@dataclass(eq=False)
class LoopGuard:
    region: ir.LoopRegion
    terms: list[IndexTerm] = field(default_factory=list)
    covered: dict[int, list[int]] = field(default_factory=dict)   # id(access) -> axes
    small: list[Small] = field(default_factory=list)
    floats: list[FloatCheck] = field(default_factory=list)
    proven: set[int] = field(default_factory=set)     # id(instr): checks the guard makes moot
    wraps: bool = False             # a covered index might be negative without the guard


def facts(fn: ir.Function, chains: bool = True) -> tuple[set[int], list[LoopGuard]]:
    """What codegen may leave out: id(instr) of the checks proven outright, and the guard of
    each loop that has one (with float chains unless `chains` is off: under fastmath a chain
    computed at the loop's ends need not round as in the loop)."""
    values = ranges(fn)
    always = proven_checks(fn.instructions(), values) | sign_proven_checks(fn, values)
    return always, loop_guards(fn, values, always, chains)


def loop_guards(fn: ir.Function, values: dict, always: set[int], chains: bool = True
                ) -> list[LoopGuard]:
    """The innermost range loops of `fn` with element accesses a guard can cover, or (with a
    step of 1) checks that small inputs make moot (see the module doc). `values`: `ranges(fn)`;
    `always`: the checks they prove without a guard."""
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
        guard.wraps = region.step is not None or any(
            values.get(region.start.id, FULL)[0] + term.offset < 0 for term in guard.terms)
        if region.step is None:         # intervals and chains assume steps of 1
            guard.small, guard.proven = small_inputs(fn, region, instrs, values, always)
            if chains:
                guard.floats, moot = float_checks(fn, region, always)
                guard.proven |= moot
        if guard.terms or guard.proven:
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


# ---- int ranges ----------------------------------------------------------------------------
INT_MIN, INT_MAX = -2**63, 2**63 - 1
FULL = (INT_MIN, INT_MAX)
SMALL_EXPONENTS = (8, 48)              # a loop's inputs within +-2**k, k in this range
WIDENING_ROUNDS = 4                    # a local still growing after this many is any int


def ranges(fn: ir.Function, assumed: dict | None = None,
           inside: ir.LoopRegion | None = None, outside: dict | None = None) -> dict[int, tuple]:
    """value id -> (lo, hi) for `fn`'s int values (see the module doc).

    With `assumed` ({local name or value id: interval}), for the loop `inside` only: its
    values are computed again under the assumptions; the others keep `outside`'s intervals
    (the whole function's), as do the stores outside the loop to the locals it assigns."""
    assumed = assumed or {}
    defs = {i.dest.id: i for i in fn.instructions() if getattr(i, "dest", None)}
    counters = range_counters(fn, defs)
    tops = {id(r.body.instrs[0]) for r in fn.regions if r.body is not None and r.body.instrs}
    mine = {id(b) for b in (inside.blocks if inside is not None else fn.blocks)}
    blocks = [b for b in fn.blocks if id(b) in mine]
    values: dict[int, tuple] = dict(outside or {})
    values.update({k: v for k, v in assumed.items() if isinstance(k, int)})
    stored = {i.name for b in blocks for i in b.instrs if isinstance(i, ir.Store)}
    locals_: dict[str, tuple | None] = {}
    for b in fn.blocks:
        if id(b) not in mine:
            for i in b.instrs:
                if isinstance(i, ir.Store) and i.name in stored:
                    locals_[i.name] = join(locals_.get(i.name), values.get(i.value.id, FULL))
    predecessors: dict[int, list[ir.Block]] = {}
    for b in fn.blocks:
        for succ in b.successors():
            predecessors.setdefault(id(succ), []).append(b)

    def of(value: ir.Value) -> tuple:
        return values.get(value.id, FULL) if value.type == INT else FULL

    def load(instr: ir.Load, known: dict) -> tuple:
        name = instr.name
        if name in assumed:
            return assumed[name]
        if name in counters:       # from start up to stop; read at the body's top, < stop
            start, stop = counters[name]
            if id(instr) in tops:
                return (of(start)[0], max(of(start)[0], of(stop)[1] - 1))
            return (of(start)[0], max(of(start)[1], of(stop)[1]))
        if name in known:
            return known[name]
        return locals_.get(name) or FULL

    changes: dict[str, int] = {}
    while True:
        before = dict(locals_)
        ends: dict[int, dict] = {}
        for block in blocks:
            preds = predecessors.get(id(block), [])
            known = dict(ends.get(id(preds[0]), {})) if len(preds) == 1 else {}
            for instr in block.instrs:
                if isinstance(instr, ir.Store) and instr.name not in counters and \
                        fn.local_types.get(instr.name) == INT:
                    known[instr.name] = of(instr.value)       # a bool stored: any int
                    locals_[instr.name] = join(locals_.get(instr.name), known[instr.name])
                elif isinstance(instr, (ir.Store, ir.Unbind)):
                    known.pop(instr.name, None)
                elif isinstance(instr, ir.Load) and instr.dest.type == INT:
                    values[instr.dest.id] = load(instr, known)
                elif getattr(instr, "dest", None) is not None and instr.dest.type == INT:
                    values[instr.dest.id] = interval(instr, of, defs)
            ends[id(block)] = known
        for name, found in locals_.items():
            if found != before.get(name):
                changes[name] = changes.get(name, 0) + 1
                if changes[name] > WIDENING_ROUNDS:
                    locals_[name] = FULL
        if locals_ == before:
            return values


def join(a: tuple | None, b: tuple | None) -> tuple | None:
    if a is None:
        return b
    if b is None:
        return a
    return (min(a[0], b[0]), max(a[1], b[1]))


def clamp(lo: int, hi: int) -> tuple:
    """An int64 result: a value outside int64 raised OverflowError (see the module doc)."""
    return (max(INT_MIN, min(lo, INT_MAX)), min(INT_MAX, max(hi, INT_MIN)))


def range_counters(fn: ir.Function, defs: dict) -> dict[str, tuple]:
    """The hidden counter local of each unit-step `for j in range(start, stop)` loop ->
    (start, stop): it runs from start up to stop, where the loop ends."""
    counters = {}
    for region in fn.regions:
        if region.variable is None or region.step is not None or region.body is None:
            continue
        for instr in region.body.instrs:
            if isinstance(instr, ir.Store) and instr.name == region.variable:
                load = defs.get(instr.value.id)
                if isinstance(load, ir.Load):
                    counters[load.name] = (region.start, region.stop)
                break
    return counters


def interval(instr: ir.Instr, of, defs: dict) -> tuple:
    """The interval of the int that `instr` computes (`of`: its operands')."""
    def shape(value: ir.Value) -> bool:
        source = defs.get(value.id)
        return isinstance(source, ir.Call) and source.target == "attr.shape"

    match instr:
        case ir.Const(value=int() as c):
            return (c, c)
        case ir.BinOp(op=op, left=left, right=right, inplace=False) \
                if left.type == INT and right.type == INT:
            return arithmetic(op, of(left), of(right))
        case ir.UnaryOp(op="-", operand=operand):
            lo, hi = of(operand)
            return clamp(-hi, -lo)
        case ir.Call(target="range.int", args=[value]):
            return of(value)
        case ir.Call(target="len") | ir.Call(target="attr.size"):
            return (0, INT_MAX)
        case ir.Call(target="getitem", args=[value, _]) if shape(value):
            return (0, INT_MAX)
        case ir.GetItem(value=value) if shape(value):
            return (0, INT_MAX)
        case ir.Call(target="min" | "max", args=args) if args and \
                all(a.type == INT for a in args):
            pick = min if instr.target == "min" else max
            parts = [of(a) for a in args]
            return (pick(p[0] for p in parts), pick(p[1] for p in parts))
        case ir.Call(target="abs", args=[value]) if value.type == INT:
            lo, hi = of(value)
            if lo >= 0:
                return (lo, hi)
            return clamp(-hi, -lo) if hi <= 0 else clamp(0, max(-lo, hi))
    return FULL


def arithmetic(op: str, a: tuple, b: tuple) -> tuple:
    (alo, ahi), (blo, bhi) = a, b
    if op in ("+", "-", "*"):
        return clamp(*exact(op, a, b))
    if op == "//" and blo > 0:
        corners = [x // y for x in (alo, ahi) for y in (blo, bhi)]
        return clamp(min(corners), max(corners))
    if op == "%" and blo > 0:
        return (0, bhi - 1) if alo < 0 else (0, min(ahi, bhi - 1))
    if op == "&" and (alo >= 0 or blo >= 0):
        return (0, min(x for x, low in ((ahi, alo), (bhi, blo)) if low >= 0))
    if op == ">>" and blo >= 0:
        corners = [x >> y for x in (alo, ahi) for y in (blo, min(bhi, 64))]
        return (min(corners), max(corners))
    return FULL


def exact(op: str, a: tuple, b: tuple) -> tuple:
    """The interval of a op b in unbounded ints, for op in + - *."""
    (alo, ahi), (blo, bhi) = a, b
    if op == "+":
        return (alo + blo, ahi + bhi)
    if op == "-":
        return (alo - bhi, ahi - blo)
    corners = [x * y for x in (alo, ahi) for y in (blo, bhi)]
    return (min(corners), max(corners))


def checks(instrs) -> list[ir.Instr]:
    """The operations whose checks an interval can make moot: int +, -, * and unary -, and a
    float divided by an int."""
    found = []
    for instr in instrs:
        if isinstance(instr, ir.BinOp) and not instr.inplace:
            ints = instr.left.type == INT and instr.right.type == INT
            if ints and instr.op in ("+", "-", "*") or instr.op == "/" and \
                    instr.left.type == FLOAT and instr.right.type == INT:
                found.append(instr)
        elif isinstance(instr, ir.UnaryOp) and instr.op == "-" and instr.operand.type == INT:
            found.append(instr)
    return found


def proven_checks(instrs, values: dict) -> set[int]:
    """id(instr) of the checks in `instrs` that `values` (ranges) show can never fire."""
    def of(value: ir.Value) -> tuple:
        return values.get(value.id, FULL)

    proven = set()
    for instr in checks(instrs):
        if isinstance(instr, ir.UnaryOp):
            ok = of(instr.operand)[0] > INT_MIN
        elif instr.op == "/":
            lo, hi = of(instr.right)
            ok = lo > 0 or hi < 0
        else:
            lo, hi = exact(instr.op, of(instr.left), of(instr.right))
            ok = INT_MIN <= lo and hi <= INT_MAX
        if ok:
            proven.add(id(instr))
    return proven


def small_inputs(fn: ir.Function, region: ir.LoopRegion, instrs: list[ir.Instr],
                 outside: dict, always: set[int]) -> tuple[list[Small], set[int]]:
    """The assumptions that prove the most of the loop's remaining checks, with the largest
    limit that proves as many, and the checks they prove. (A larger limit proves no more, so
    the search halves the exponents' range.) The loop's test, in its header, runs before
    the guard is known: its checks are not among them."""
    wanted = [i for i in checks(instrs) if id(i) not in always and
              not any(i is h for h in region.header.instrs)]
    stored = {i.name for i in instrs if isinstance(i, (ir.Store, ir.Unbind))}
    read = sorted({i.name for i in instrs if isinstance(i, ir.Load) and i.name not in stored
                   and fn.local_types.get(i.name) == INT})
    inputs = [(name, None, local_interval(fn, name, outside)) for name in read] + \
        [(None, value, outside.get(value.id, FULL)) for value in (region.start, region.stop)]

    def attempt(exponent: int) -> tuple[list[Small], set[int]]:
        limit = 2**exponent
        small = [Small(name, value, max(lo, -limit), min(hi, limit))
                 for name, value, (lo, hi) in inputs]
        if any(s.lo > s.hi for s in small):
            return [], set()
        assumed = {(s.local if s.local is not None else s.value.id): (s.lo, s.hi)
                   for s in small}
        proven = proven_checks(wanted, ranges(fn, assumed, region, outside))
        return [s for s, (_, _, bounds_) in zip(small, inputs) if (s.lo, s.hi) != bounds_], \
            proven

    low, high = SMALL_EXPONENTS
    best = attempt(low) if wanted else ([], set())
    if not best[1]:
        return [], set()
    while low < high:
        middle = (low + high + 1) // 2
        found = attempt(middle)
        if len(found[1]) == len(best[1]):
            low, best = middle, found
        else:
            high = middle - 1
    return best


def local_interval(fn: ir.Function, name: str, values: dict) -> tuple:
    """A local's interval as the whole function's stores give it."""
    found = None
    for instr in fn.instructions():
        if isinstance(instr, ir.Store) and instr.name == name:
            found = join(found, values.get(instr.value.id, FULL))
    return found or FULL


# ---- float signs -----------------------------------------------------------------------------
NONNEGATIVE, POSITIVE = 1, 2           # >= 0 or NaN; > 0 or NaN (absent: nothing known)
# values whose sign is tracked: Python ints and floats and NumPy's floats (NumPy's ints wrap
# round), and a local that holds any of them (s = 0.0; s += a[i] * a[i]: a float or an
# np.float64)
SIGNED = (INT, FLOAT, NUMPY["float64"], NUMPY["float32"])
TINY = 2.0**-126          # a positive constant at least this stays positive as a float32


def signed(t: Type) -> bool:
    return t in SIGNED or isinstance(t, Union) and all(m in SIGNED for m in t.members)
NONNEGATIVE_RESULTS = ("math.sqrt", "math.fabs", "math.exp", "math.exp2", "math.hypot")
DOMAIN_CHECKED = {"math.sqrt": NONNEGATIVE, "math.log1p": NONNEGATIVE, "math.log": POSITIVE,
                  "math.log2": POSITIVE, "math.log10": POSITIVE}


def sign_proven_checks(fn: ir.Function, ints: dict) -> set[int]:
    """id(instr) of the float divisions and math calls whose check the signs of their operands
    make moot (see the module doc). `ints`: `ranges(fn)`."""
    signs = float_signs(fn, ints)

    def sign(value: ir.Value) -> int:
        return sign_of(value, ints, signs)

    proven = set()
    for instr in fn.instructions():
        match instr:
            case ir.BinOp(op="/" | "//" | "%", right=right) if right.type != INT:
                if sign(right) == POSITIVE:
                    proven.add(id(instr))
            case ir.Call(target=str() as target, args=[value]) if target in DOMAIN_CHECKED:
                if sign(value) >= DOMAIN_CHECKED[target]:
                    proven.add(id(instr))
    return proven


def sign_of(value: ir.Value, ints: dict, signs: dict) -> int:
    """An int's sign from its interval, another SIGNED value's from `signs`; else 0."""
    if value.type == INT:
        low = ints.get(value.id, FULL)[0]
        return POSITIVE if low > 0 else NONNEGATIVE if low == 0 else 0
    return signs.get(value.id, 0) if signed(value.type) else 0


def float_signs(fn: ir.Function, ints: dict) -> dict[int, int]:
    """value id -> NONNEGATIVE or POSITIVE for the float values of `fn` known to be so."""
    floats = {name for name, t in fn.local_types.items() if signed(t) and t != INT}
    local_signs = dict.fromkeys(floats, POSITIVE)      # optimistic, lowered below
    while True:
        signs, stored = block_signs(fn, ints, local_signs)
        lowered = {name: min((sign_of(v, ints, signs) for v in stored.get(name, [])),
                             default=POSITIVE)
                   for name in floats}
        if lowered == local_signs:
            return signs
        local_signs = lowered


def block_signs(fn: ir.Function, ints: dict, local_signs: dict) -> tuple[dict, dict]:
    """The signs of `fn`'s float values with its locals' signs assumed, and the values stored
    into each local."""
    signs: dict[int, int] = {}
    stored: dict[str, list[ir.Value]] = {}
    constants = {i.dest.id: i.value for i in fn.instructions() if isinstance(i, ir.Const)}
    loaded: dict[int, tuple] = {}     # a load's value id -> (block, local, stores before it)

    def sign(value: ir.Value) -> int:
        return sign_of(value, ints, signs)

    def same(left: ir.Value, right: ir.Value) -> bool:
        return left is right or left.id in loaded and loaded[left.id] == loaded.get(right.id)

    for block in fn.blocks:
        versions: dict[str, int] = {}
        for instr in block.instrs:
            if isinstance(instr, (ir.Store, ir.Unbind)):
                versions[instr.name] = versions.get(instr.name, 0) + 1
                if isinstance(instr, ir.Store):
                    stored.setdefault(instr.name, []).append(instr.value)
            elif isinstance(instr, ir.Load):
                loaded[instr.dest.id] = (id(block), instr.name, versions.get(instr.name, 0))
            dest = getattr(instr, "dest", None)
            if dest is not None and signed(dest.type) and dest.type != INT:
                found = value_sign(instr, sign, same, constants, local_signs)
                if found:
                    signs[dest.id] = found
    return signs, stored


def value_sign(instr: ir.Instr, sign, same, constants: dict, local_signs: dict) -> int:
    """The sign of the float that `instr` computes, from its operands' (`sign`); `same`: are
    two values one and the same number?"""
    def constant_sign(value: ir.Value) -> int:      # of a constant, which is never NaN
        c = constants.get(value.id)
        if type(c) not in (int, float) or c != c:
            return 0
        return POSITIVE if c >= TINY else NONNEGATIVE if c >= 0 else 0

    match instr:
        case ir.Const(value=float() | int() as c) if type(c) is not bool:
            return POSITIVE if c >= TINY or c != c else NONNEGATIVE if c >= 0 else 0
        case ir.Load(name=name):
            return local_signs.get(name, 0)
        case ir.BinOp(op="*", left=left, right=right) if same(left, right):
            return NONNEGATIVE
        case ir.BinOp(op="**", right=right) if constants.get(right.id) == 2 and \
                type(constants[right.id]) is not bool:
            return NONNEGATIVE
        case ir.BinOp(op=op, left=left, right=right):
            a, b = sign(left), sign(right)
            if op == "+" and min(a, b) >= NONNEGATIVE:
                return max(a, b)
            if op == "*" and min(a, b) >= NONNEGATIVE or op == "/" and a >= NONNEGATIVE and \
                    b == POSITIVE:          # NumPy's x / -0.0 is -inf (Python's raises)
                return NONNEGATIVE
            if op == "%" and b >= NONNEGATIVE:
                return NONNEGATIVE
        case ir.Call(target="abs", args=[_]):
            return NONNEGATIVE
        case ir.Call(target=str() as target) if target in NONNEGATIVE_RESULTS:
            return NONNEGATIVE
        case ir.Call(target="math.cosh"):
            return POSITIVE
        case ir.Call(target="min", args=args) if args:
            return min(sign(a) for a in args)
        case ir.Call(target="max", args=args) if args:
            # one of its arguments: NaN (a NaN first one) or at least any non-NaN one
            return max(min(sign(a) for a in args), max(constant_sign(a) for a in args))
    return 0


# ---- float chains ----------------------------------------------------------------------------
def float_checks(fn: ir.Function, region: ir.LoopRegion, always: set[int]
                 ) -> tuple[list[FloatCheck], set[int]]:
    """The math calls and float divisions of a unit-step loop whose argument (divisor) is a
    chain, and their ids (see the module doc)."""
    from .lib.mathlib import SAFE_ARGUMENTS
    if region.variable is None:
        return [], set()
    chains = loop_chains(fn, region)
    found, proven = [], set()
    for block in region.blocks:
        for instr in block.instrs:
            if id(instr) in always:
                continue
            match instr:
                case ir.Call(target=str() as target, args=[value]) if \
                        target.startswith("math.") and target[5:] in SAFE_ARGUMENTS and \
                        value.id in chains:
                    low, high, *closed = SAFE_ARGUMENTS[target[5:]]
                    found.append(FloatCheck(chains[value.id], low, high, tuple(closed)))
                    proven.add(id(instr))
                case ir.BinOp(op="/" | "//" | "%", left=left, right=right) if \
                        left.type in (INT, FLOAT) and right.id in chains:
                    found.append(FloatCheck(chains[right.id], nonzero=True))
                    proven.add(id(instr))
                case ir.Call(target="int", args=[value]) if value.id in chains:
                    found.append(FloatCheck(chains[value.id], -2.0**63, 2.0**63, (True, False)))
                    proven.add(id(instr))
    return found, proven


def loop_chains(fn: ir.Function, region: ir.LoopRegion) -> dict[int, tuple]:
    """value id -> its chain, for the loop's doubles (Python floats and np.float64) that are
    chains: from the loop's variable, or a double local the loop tested to lie between two
    values it only reads (`if lo <= x and x < hi:`, in the blocks the tests lead to), and
    constants and ints and floats the loop only reads, by `+`, `-`, `*`, unary `-` and `/` by a
    value the loop only reads (each of which keeps the value monotonic in the variable, or in
    x), through locals stored once per trip. A chain is ("counter",), ("between", low, high),
    ("const", c), ("local", name) or (op, chain, chain) / ("neg", chain)."""
    stored = {i.name for b in region.blocks for i in b.instrs
              if isinstance(i, (ir.Store, ir.Unbind))}
    predecessors: dict[int, list[ir.Block]] = {}
    for block in fn.blocks:
        for succ in block.successors():
            predecessors.setdefault(id(succ), []).append(block)
    chains: dict[int, tuple] = {}
    fixed: set[int] = set()          # ids of values the loop only reads (leaves of chains)
    tests: dict[int, tuple] = {}     # a compare's id -> (local, "low" or "high", bound chain)
    ends: dict[int, tuple[dict, dict]] = {}
    for block in trip_order(region):
        loaded: dict[int, str] = {}  # this block's loads -> their locals, while not stored again
        preds = predecessors.get(id(block), [])
        known, limits = ({}, {}) if len(preds) != 1 or id(preds[0]) not in ends else \
            tuple(dict(d) for d in ends[id(preds[0])])
        test = preds[0].terminator if len(preds) == 1 else None
        if isinstance(test, ir.Branch) and test.then is block and test.cond.id in tests:
            name, side, bound = tests[test.cond.id]
            limits[name] = {**limits.get(name, {}), side: bound}
        for instr in block.instrs:
            match instr:
                case ir.Store(name=name, value=value) if value.id in chains and \
                        value.type in DOUBLES:
                    known[name] = chains[value.id]
                    limits.pop(name, None)
                case ir.Store(name=name) | ir.Unbind(name=name):
                    known.pop(name, None)
                    limits.pop(name, None)
                    loaded = {k: v for k, v in loaded.items() if v != name}
                case ir.Load(dest=dest, name=name) if name == region.variable:
                    chains[dest.id] = ("counter",)
                case ir.Load(dest=dest, name=name) if name in known:
                    chains[dest.id] = known[name]
                case ir.Load(dest=dest, name=name) if len(limits.get(name, {})) == 2 and \
                        dest.type in DOUBLES:
                    chains[dest.id] = ("between", limits[name]["low"], limits[name]["high"])
                case ir.Load(dest=dest, name=name) if name not in stored and \
                        dest.type in (INT, FLOAT) and fn.local_types.get(name) in (INT, FLOAT):
                    chains[dest.id] = ("local", name)
                    fixed.add(dest.id)
                case ir.Const(dest=dest, value=value) if type(value) in (int, float):
                    chains[dest.id] = ("const", value)
                    fixed.add(dest.id)
                case ir.UnaryOp(dest=dest, op="-", operand=operand) if \
                        dest.type in DOUBLES and operand.id in chains:
                    chains[dest.id] = ("neg", chains[operand.id])
                    if operand.id in fixed:
                        fixed.add(dest.id)
                case ir.BinOp(dest=dest, op=op, left=left, right=right) if \
                        dest.type in DOUBLES and op in ("+", "-", "*", "/") and \
                        left.id in chains and right.id in chains and \
                        (left.id in fixed or right.id in fixed) and \
                        (op != "/" or right.id in fixed):
                    chains[dest.id] = (op, chains[left.id], chains[right.id])
                    if left.id in fixed and right.id in fixed:
                        fixed.add(dest.id)
                case ir.Compare(dest=dest, op=op, left=left, right=right) if \
                        op in BOUNDING:
                    tested = bounding_test(op, left, right, loaded, fixed, chains, fn)
                    if tested is not None:
                        tests[dest.id] = tested
            if isinstance(instr, ir.Load):
                loaded[instr.dest.id] = instr.name
        ends[id(block)] = (known, limits)
    return {k: v for k, v in chains.items() if k not in fixed and v != ("counter",)}


DOUBLES = (FLOAT, NUMPY["float64"])
BOUNDING = {">=": "low", ">": "low", "<": "high", "<=": "high"}
FLIPPED = {">=": "<=", ">": "<", "<": ">", "<=": ">="}


def bounding_test(op: str, left: ir.Value, right: ir.Value, loaded: dict, fixed: set,
                  chains: dict, fn: ir.Function) -> tuple | None:
    """(local, "low" or "high", bound chain) for `x >= lo`, `x < hi`, `lo <= x`, ...: a double
    local compared with a double the loop only reads. Where the test holds, x lies on that side
    of the bound (and is no NaN)."""
    if right.id in loaded and left.id in fixed:
        left, right, op = right, left, FLIPPED[op]
    name = loaded.get(left.id)
    if name is None or right.id not in fixed or left.type not in DOUBLES or \
            right.type not in DOUBLES or fn.local_types.get(name) not in DOUBLES:
        return None
    return name, BOUNDING[op], chains[right.id]


def trip_order(region: ir.LoopRegion) -> list[ir.Block]:
    """The loop's blocks but its header, each after the block that leads to it when there is
    one: a depth-first walk from the body."""
    inside = {id(b) for b in region.blocks if b is not region.header}
    order, seen, stack = [], set(), [region.body]
    while stack:
        block = stack.pop()
        if id(block) in seen or id(block) not in inside:
            continue
        seen.add(id(block))
        order.append(block)
        stack.extend(reversed(block.successors()))
    return order
