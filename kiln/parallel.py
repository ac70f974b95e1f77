"""prange loops under parallel=True: what the loop body shares, keeps private and reduces, and
the function its body becomes.

    total = 0.0                         def f.prange@4($lo, $hi, $start, $step, a, $outer.total):
    for i in prange(n):              ->          total = identity+($outer.total)   # -0.0 here
        total += a[i] * 2.0                          for i in range($start + $lo, $start + $hi):
                                                         total += a[i] * 2.0
                                                 return (total,)

Names the body only reads are passed in (captured). Names it assigns are private to each
iteration, except reductions: a name whose every assignment in the body is `x += e`, `x -= e`,
`x *= e`, `x |= e`, `x &= e`, `x ^= e`, `x = min(x, e)` or `x = max(x, e)` and which the body
reads nowhere else. Each chunk of iterations starts a reduction from its operator's identity
(min and max from the value before the loop); the caller combines the chunks' results in chunk
order, so the result does not depend on the number of threads. A private name must be assigned
before it is read in every iteration (a value carried from one iteration to the next would
depend on the schedule), and after the loop private names are unbound, except the loop
variable, which holds its last value as in Python. The frontend emits the `ParallelFor`.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from typing import Any, Callable

from .errors import CompileError
from .source import positions

AUGMENTED = {ast.Add: "+", ast.Sub: "+", ast.Mult: "*", ast.BitOr: "|", ast.BitAnd: "&",
             ast.BitXor: "^"}
REDUCTION_FORMS = "x += e, x -= e, x *= e, x |= e, x &= e, x ^= e, x = min(x, e), x = max(x, e)"


def not_a_number(t: Any) -> str:
    return f"a prange reduction combines numbers, not {t}"


@dataclass(eq=False)
class ParallelBody:
    """A prange loop's body as a function: the key inference compiles it under."""

    func: Any                      # the Python function the loop is in (source, globals)
    tree: ast.FunctionDef          # the outlined body
    reads: dict[str, Any]          # the enclosing function's record of names read outside
    reductions: list[tuple[str, str]]   # (name, operator): the body starts each from its
                                        # operator's identity (min and max from the value)

    def __post_init__(self) -> None:   # named like a function, for symbols and messages
        self.__name__ = self.tree.name
        self.__qualname__ = f"{self.func.__qualname__}.{self.tree.name}"


@dataclass
class LoopPlan:
    captured: list[str]
    reductions: list[tuple[str, str]]        # (name, combining operator)
    privates: set[str]
    target: str
    tree: ast.FunctionDef = field(init=False)


def plan(loop: ast.For, function: ast.FunctionDef, outer_locals: set[str],
         name_of: Callable[[ast.expr], str | None],
         error: Callable[..., CompileError]) -> LoopPlan:
    """Classify the loop body's names and outline it (see the module docstring)."""
    if not isinstance(loop.target, ast.Name):
        raise error(loop.target, "a prange loop variable must be a single name")
    if loop.orelse:
        raise error(loop, "a prange loop cannot have an `else:` clause")
    check_exits(loop.body, error)
    target = loop.target.id
    stores, loads = {target}, {}
    for node in walk(loop.body):
        if isinstance(node, ast.Name):
            if isinstance(node.ctx, ast.Store):
                stores.add(node.id)
            else:
                loads[node.id] = loads.get(node.id, 0) + 1
    reductions = [(n, op) for n in sorted(stores - {target})
                  if (op := reduction_operator(n, loop.body, loads.get(n, 0), name_of))]
    privates = stores - {n for n, _ in reductions} | {target}
    check_assigned_before_read(loop.body, {target}, privates, error)
    captured = sorted(n for n in loads if n in outer_locals and n not in stores)
    recomputed = shape_definitions(function, loop)
    shapes = {name: dims for name, dims in
              created_shapes(function, loop, recomputed, set(captured), name_of).items()
              if not {n for d in dims for n in names_in(d)} & stores}
    needed = set(captured) | {n for dims in shapes.values() for d in dims for n in names_in(d)}
    prelude = [(n, recomputed[n]) for n in recomputed if n in needed]
    captured = sorted({n for n in captured if n not in recomputed} |
                      {n for _, value in prelude for n in names_in(value)})
    result = LoopPlan(captured, reductions, privates, target)
    result.tree = outline(loop, result, prelude, shapes,
                          f"{function.name}.prange@{loop.lineno}")
    return result


# What the body may compute again from the arrays it receives rather than take as numbers:
# `n = x.shape[0]` before the loop, with `x` a parameter the function never rebinds. Then LLVM
# sees, inside the body, that a row index below n is inside x, and drops those bounds checks.
PURE = (ast.Name, ast.Constant, ast.Attribute, ast.Subscript, ast.BinOp, ast.UnaryOp, ast.Load,
        ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.USub)


def shape_definitions(function: ast.FunctionDef, loop: ast.For) -> dict[str, ast.expr]:
    """name -> expression, for each name assigned once in `function`, at its top level before
    the loop, from constants, parameters never rebound and names already in the result,
    through attributes (`.shape`), constant subscripts and + - * //."""
    assigned: dict[str, int] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            assigned[node.id] = assigned.get(node.id, 0) + 1
    stable = {a.arg for a in function.args.args if a.arg not in assigned}
    found: dict[str, ast.expr] = {}
    for stmt in function.body:
        if stmt.lineno >= loop.lineno:
            break
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and
                isinstance(stmt.targets[0], ast.Name)) or assigned[stmt.targets[0].id] != 1:
            continue
        value = stmt.value
        pure = all(isinstance(n, PURE) for n in ast.walk(value)) and all(
            not isinstance(n, ast.Subscript) or isinstance(n.slice, ast.Constant)
            for n in ast.walk(value))
        if pure and all(n in stable or n in found for n in names_in(value)):
            found[stmt.targets[0].id] = value
    return found


# Arrays the body writes were often made before the loop from those sizes: `out =
# np.empty((n, n))`. The body then checks their shape once (a check that cannot fail), so LLVM
# knows `out` is n by n wherever it indexes it, and drops those bounds checks too.
CREATORS = ("np.empty", "np.zeros", "np.ones", "np.full")


def created_shapes(function: ast.FunctionDef, loop: ast.For, recomputed: dict[str, ast.expr],
                   captured: set[str], name_of: Callable[[ast.expr], str | None]
                   ) -> dict[str, list[ast.expr]]:
    """name -> its shape, for each captured array assigned once in `function`, at its top
    level before the loop, by np.empty/zeros/ones/full with a shape of constants and names
    the body can compute again (see shape_definitions)."""
    assigned: dict[str, int] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            assigned[node.id] = assigned.get(node.id, 0) + 1
    found: dict[str, list[ast.expr]] = {}
    for stmt in function.body:
        if stmt.lineno >= loop.lineno:
            break
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and
                isinstance(stmt.targets[0], ast.Name) and isinstance(stmt.value, ast.Call)):
            continue
        name, call = stmt.targets[0].id, stmt.value
        if name not in captured or assigned[name] != 1 or name_of(call.func) not in CREATORS:
            continue
        shape = call.args[0] if call.args else next(
            (k.value for k in call.keywords if k.arg == "shape"), None)
        dims = shape.elts if isinstance(shape, ast.Tuple) else [shape]
        if shape is not None and all(
                isinstance(d, ast.Constant) and type(d.value) is int or
                isinstance(d, ast.Name) and d.id in recomputed for d in dims):
            found[name] = dims
    return found


def shape_check(name: str, dims: list[ast.expr], at: dict[str, int]) -> ast.If:
    """if name.shape[0] != dims[0] or ...: raise AssertionError(...)"""
    def dim(k: int) -> ast.Subscript:
        shape = ast.Attribute(ast.Name(name, ast.Load(), **at), "shape", ast.Load(), **at)
        return ast.Subscript(shape, ast.Constant(k, **at), ast.Load(), **at)
    differs = [ast.Compare(dim(k), [ast.NotEq()], [d], **at) for k, d in enumerate(dims)]
    test = differs[0] if len(differs) == 1 else ast.BoolOp(ast.Or(), differs, **at)
    error = ast.Call(ast.Name("AssertionError", ast.Load(), **at),
                     [ast.Constant(f"kiln: the shape of {name} changed", **at)], [], **at)
    return ast.If(test, [ast.Raise(error, None, **at)], [], **at)


def names_in(value: ast.expr) -> set[str]:
    return {n.id for n in ast.walk(value) if isinstance(n, ast.Name)}


def outer_name(name: str) -> str:
    """The outlined body's parameter holding a reduction's value from before the loop."""
    return f"$outer.{name}"


def walk(body: list[ast.stmt]):
    for stmt in body:
        yield from ast.walk(stmt)


def check_exits(body: list[ast.stmt], error: Callable[..., CompileError]) -> None:
    """No `return` anywhere in the body, no `break` out of the parallel loop itself."""
    for stmt in body:
        for node in ast.walk(stmt):
            if isinstance(node, ast.Return):
                raise error(node, "`return` inside a prange loop is not supported",
                            "compute into a variable or an array, return after the loop")
    pending = list(body)
    while pending:
        stmt = pending.pop()
        if isinstance(stmt, ast.Break):
            raise error(stmt, "`break` out of a prange loop is not supported",
                        "every iteration of a parallel loop runs; use range() to stop early")
        if isinstance(stmt, ast.If):
            pending += stmt.body + stmt.orelse     # loops inside may break out of themselves


def reduction_operator(name: str, body: list[ast.stmt], reads: int,
                       name_of: Callable[[ast.expr], str | None]) -> str | None:
    """The combining operator if every assignment of `name` is one reduction form and the body
    reads `name` nowhere else; None when `name` is not a reduction."""
    operators, own_reads = set(), 0
    for node in walk(body):
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and \
                node.target.id == name:
            operators.add(AUGMENTED.get(type(node.op)))
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            named = [n for t in targets for n in ast.walk(t)
                     if isinstance(n, ast.Name) and n.id == name]
            if not named:
                continue
            call = node.value
            if len(targets) != 1 or not isinstance(targets[0], ast.Name) or \
                    not isinstance(call, ast.Call) or name_of(call.func) not in ("min", "max") \
                    or call.keywords or sum(isinstance(a, ast.Name) and a.id == name
                                            for a in call.args) != 1:
                return None
            operators.add(name_of(call.func))
            own_reads += 1
        elif isinstance(node, (ast.For, ast.comprehension)) and any(
                isinstance(n, ast.Name) and n.id == name for n in ast.walk(node.target)):
            return None
    if len(operators) != 1 or None in operators or reads != own_reads:
        return None
    return operators.pop()


def check_assigned_before_read(body: list[ast.stmt], assigned: set[str], privates: set[str],
                               error: Callable[..., CompileError]) -> set[str]:
    """Every read of a private name comes after an assignment on every path of one iteration."""
    def reads(node: ast.AST | None, assigned: set[str]) -> None:
        for n in ast.walk(node) if node is not None else ():
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and n.id in privates \
                    and n.id not in assigned:
                raise error(n, f"'{n.id}' may be read in a prange iteration before that "
                            "iteration assigns it: a value carried from one iteration to the "
                            "next is not supported in a parallel loop",
                            f"assign it first in every iteration, or make it a reduction "
                            f"({REDUCTION_FORMS})")

    def targets(node: ast.AST) -> set[str]:
        return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}

    for stmt in body:
        if isinstance(stmt, ast.If):
            reads(stmt.test, assigned)
            assigned = check_assigned_before_read(stmt.body, set(assigned), privates, error) & \
                check_assigned_before_read(stmt.orelse, set(assigned), privates, error)
        elif isinstance(stmt, (ast.For, ast.While)):
            reads(stmt.iter if isinstance(stmt, ast.For) else stmt.test, assigned)
            inner = assigned | (targets(stmt.target) if isinstance(stmt, ast.For) else set())
            check_assigned_before_read(stmt.body, inner, privates, error)
            check_assigned_before_read(stmt.orelse, set(assigned), privates, error)
        elif isinstance(stmt, (ast.Assign, ast.AnnAssign)):
            reads(stmt.value, assigned)
            for target in (stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]):
                reads(target, assigned)              # a[i] = ...: `a` and `i` are read
                if isinstance(target, (ast.Name, ast.Tuple)):
                    assigned = assigned | targets(target)
        elif isinstance(stmt, ast.AugAssign):
            reads(stmt.value, assigned)
            if isinstance(stmt.target, ast.Name):
                reads(ast.Name(stmt.target.id, ast.Load(), **positions(stmt.target)), assigned)
                assigned = assigned | {stmt.target.id}
            else:
                reads(stmt.target, assigned)
        else:
            reads(stmt, assigned)
    return assigned


def outline(loop: ast.For, plan: LoopPlan, prelude: list[tuple[str, ast.expr]],
            shapes: dict[str, list[ast.expr]], name: str) -> ast.FunctionDef:
    """def name($lo, $hi, $start, $step, *captured, *reductions): the loop over lo..hi-1,
    after the prelude's `n = x.shape[0]` lines and the checks of the shapes of arrays made
    from such sizes. Where the body can compute the prange's own
    start and stop, the unit-step range is clipped to them: the same iterations, and LLVM
    knows they are inside [start, stop)."""
    at = positions(loop)

    def load(n: str) -> ast.Name:
        return ast.Name(n, ast.Load(), **at)

    def add(a: ast.expr, b: ast.expr) -> ast.BinOp:
        return ast.BinOp(a, ast.Add(), b, **at)

    call = loop.iter
    unit_step = len(call.args) < 3 or (isinstance(call.args[2], ast.Constant) and
                                       call.args[2].value == 1)
    if unit_step:        # the plain form, which LLVM sees as a simple counted loop
        bounds = [add(load("$start"), load("$lo")), add(load("$start"), load("$hi"))]
        stop = call.args[0] if len(call.args) == 1 else call.args[1]
        start = ast.Constant(0, **at) if len(call.args) == 1 else call.args[0]
        known = {n for n, _ in prelude} | set(plan.captured)   # names the body has
        for k, (limit, clip) in enumerate(((start, "max"), (stop, "min"))):
            if names_in(limit) <= known and \
                    all(isinstance(n, PURE) for n in ast.walk(limit)):
                bounds[k] = ast.Call(load(clip), [limit, bounds[k]], [], **at)
        loop_ = ast.For(loop.target, ast.Call(load("range"), bounds, [], **at), loop.body, [],
                        **at)
    else:
        index = ast.BinOp(load("$k"), ast.Mult(), load("$step"), **at)
        first = ast.Assign([loop.target], add(load("$start"), index), **at)
        loop_ = ast.For(ast.Name("$k", ast.Store(), **at),
                        ast.Call(load("range"), [load("$lo"), load("$hi")], [], **at),
                        [first] + loop.body, [], **at)
    reduced = [load(n) for n, _ in plan.reductions]
    result = ast.Tuple(reduced, ast.Load(), **at) if reduced else ast.Constant(None, **at)
    params = ["$lo", "$hi", "$start", "$step", *plan.captured,
              *(outer_name(n) for n, _ in plan.reductions)]
    arguments = ast.arguments(posonlyargs=[], args=[ast.arg(p, **at) for p in params],
                              kwonlyargs=[], kw_defaults=[], defaults=[])
    first = [ast.Assign([ast.Name(n, ast.Store(), **at)], value, **at) for n, value in prelude]
    checks = [shape_check(n, dims, at) for n, dims in shapes.items()]
    return ast.FunctionDef(name, arguments, [*first, *checks, loop_, ast.Return(result, **at)],
                           [], **at)
