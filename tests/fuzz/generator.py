"""Random well-formed scalar functions: `generate(seed) -> (source, argument tuples)`.

Owns the statement level. Each variable has a fixed type family for the whole function: exactly
int, exactly float, exactly bool, any mix of the three ("num"), or one tuple shape of exact types.
Every local is initialised at the top, so every read is defined on every path; every loop is
bounded (a `while` counts with its own counter, a `range` has small bounds, nesting is at most
two deep), so CPython runs each call in milliseconds. The output looks like:

    import math

    def f(a0, a1):
        v0 = 3
        v1 = a1 * 0.5
        i0 = 0
        for i0 in range(a0 % 8):
            if v1 > i0:
                break
            v0 += i0
        return v0 + v1

The same seed always gives the same source text and the same argument tuples.
"""

from __future__ import annotations

import ast
import random
from collections.abc import Callable

from .exprs import OP_NODES, ExprGen, Scope, binop, call, name
from .typerules import (
    ARITH_OPS, BIT_OPS, BOOL_T, FLOAT_T, INT_FLOAT_T, INT_T, INTLIKE_T, NUM_T, Ty,
    divmod_quotient, result_type, valid_operands,
)
from .values import const, random_value

FUNCTION_NAME = "f"
MAX_LOOP_DEPTH = 2
MAX_WHILE_ITERATIONS = 20
FAMILIES: tuple[tuple[float, Ty], ...] = (
    (3.0, INT_T), (3.0, FLOAT_T), (1.0, BOOL_T), (2.0, NUM_T),
)
ELEMENT_TYPES = ("int", "int", "float", "float", "bool")
AUG_OPS = {**ARITH_OPS, **BIT_OPS}


def store(ident: str) -> ast.Name:
    """A variable write target."""
    return ast.Name(ident, ast.Store())


def assign(ident: str, value: ast.expr) -> ast.Assign:
    """`ident = value`."""
    return ast.Assign([store(ident)], value)


class FunctionGen:
    """Builds one random function and its argument tuples from one random stream."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.scope = Scope()
        self.exprs = ExprGen(rng, self.scope)
        self.assignable: dict[str, Ty] = {}  # scalars statements may write: params and locals
        self.counters: list[str] = []  # loop variables and while counters, read-only, int
        self.budget = rng.randint(3, 18)
        self.return_shape: tuple[str, ...] | None = None  # None: returns a scalar

    # ---- the function -------------------------------------------------------------------------

    def build(self) -> tuple[ast.Module, list[tuple[object, ...]]]:
        """The module (`import math` and `def f`) and 3-8 argument tuples for it."""
        families = [self.family() for _ in range(self.rng.randint(1, 4))]
        params = [f"a{index}" for index in range(len(families))]
        for param, family in zip(params, families):
            self.declare(param, family)
        inits = self.locals()
        if self.rng.random() < 0.2:
            shapes = list(self.scope.tuples.values())
            if shapes and self.rng.random() < 0.5:
                self.return_shape = self.rng.choice(shapes)
            else:
                self.return_shape = self.tuple_shape()
        body = self.block(depth=0, loop_depth=0, count=self.rng.randint(2, 6))
        body.append(ast.Return(self.return_value()))
        counter_inits = [assign(counter, const(0)) for counter in self.counters]
        module = ast.parse(f"import math\n\ndef {FUNCTION_NAME}({', '.join(params)}):\n pass\n")
        function = module.body[1]
        assert isinstance(function, ast.FunctionDef)
        function.body = inits + counter_inits + body
        ast.fix_missing_locations(module)
        calls = [
            tuple(random_value(self.rng, self.concrete(family)) for family in families)
            for _ in range(self.rng.randint(3, 8))
        ]
        return module, calls

    def family(self) -> Ty:
        """A scalar type family for a parameter or local."""
        return self.rng.choices([ty for _, ty in FAMILIES], [w for w, _ in FAMILIES])[0]

    def concrete(self, family: Ty) -> str:
        """One exact type of a family, for one argument value."""
        return self.rng.choice(sorted(family))

    def declare(self, ident: str, family: Ty) -> None:
        """Make a scalar readable and writable from here on."""
        self.scope.scalars[ident] = family
        self.assignable[ident] = family

    def locals(self) -> list[ast.stmt]:
        """`v0 = ...`, `t0 = (...)`: every local initialised before the body reads it."""
        inits: list[ast.stmt] = []
        for index in range(self.rng.randint(1, 4)):
            family = self.family()
            depth = 0 if self.rng.random() < 0.5 else 1
            inits.append(assign(f"v{index}", self.exprs.expr(family, depth)))
            self.declare(f"v{index}", family)
        if self.rng.random() < 0.3:
            shape = self.tuple_shape()
            inits.append(assign("t0", self.tuple_of(shape, 1)))
            self.scope.tuples["t0"] = shape
        return inits

    def tuple_shape(self) -> tuple[str, ...]:
        """The exact element types of a tuple variable or a tuple return."""
        return tuple(self.rng.choice(ELEMENT_TYPES) for _ in range(self.rng.randint(2, 3)))

    def return_value(self) -> ast.expr:
        """A value of the function's return kind: any scalar, or the fixed tuple shape."""
        shape = self.return_shape
        if shape is None:
            want = self.rng.choice((NUM_T, NUM_T, INT_T, FLOAT_T, BOOL_T, INT_FLOAT_T))
            return self.exprs.expr(want, self.rng.randint(1, 3))
        same = [ident for ident, other in self.scope.tuples.items() if other == shape]
        if same and self.rng.random() < 0.3:
            return name(self.rng.choice(same))
        return self.tuple_of(shape, 2)

    def tuple_of(self, shape: tuple[str, ...], depth: int) -> ast.Tuple:
        """`(e1, e2, ...)` with each element exactly of the shape's type."""
        items = [self.exprs.expr(frozenset({element}), depth) for element in shape]
        return ast.Tuple(items, ast.Load())

    # ---- statements ---------------------------------------------------------------------------

    def block(self, depth: int, loop_depth: int, count: int) -> list[ast.stmt]:
        """Up to `count` statements (at least one), drawing on the function's statement budget."""
        statements: list[ast.stmt] = []
        for _ in range(count):
            if self.budget <= 0 and statements:
                break
            self.budget -= 1
            statements.extend(self.statement(depth, loop_depth))
        return statements

    def statement(self, depth: int, loop_depth: int) -> list[ast.stmt]:
        """One random statement kind allowed at this nesting."""
        kinds: list[tuple[float, Callable[[int, int], list[ast.stmt]]]] = [
            (4.0, self.assign_stmt), (3.0, self.augassign_stmt), (1.2, self.tuple_stmt),
            (0.6, self.early_return),
        ]
        if depth < 3:
            kinds.append((2.0, self.if_stmt))
        if loop_depth < MAX_LOOP_DEPTH:
            kinds += [(1.5, self.for_stmt), (1.0, self.while_stmt)]
        if loop_depth > 0:
            kinds.append((1.0, self.break_continue))
        make = self.rng.choices([k for _, k in kinds], [w for w, _ in kinds])[0]
        return make(depth, loop_depth)

    def expr_depth(self, depth: int) -> int:
        """How deep a statement's expressions go: shallower inside nested blocks."""
        if depth == 0 and self.rng.random() < 0.1:
            return 4
        return self.rng.randint(1, 3 if depth < 2 else 2)

    def assign_stmt(self, depth: int, loop_depth: int) -> list[ast.stmt]:
        """`v = expr` with expr inside v's family."""
        ident = self.rng.choice(list(self.assignable))
        value = self.exprs.expr(self.assignable[ident], self.expr_depth(depth))
        return [assign(ident, value)]

    def augassign_stmt(self, depth: int, loop_depth: int) -> list[ast.stmt]:
        """`v op= expr` where `v op expr` stays inside v's family."""
        ident = self.rng.choice(list(self.assignable))
        family = self.assignable[ident]
        symbol = self.rng.choice([*AUG_OPS, "**", "<<", ">>"])
        value: ast.expr | None = None
        if symbol in AUG_OPS:
            options = [
                right for left, right in valid_operands(AUG_OPS[symbol], 2, family)
                if left == family
            ]
            if options and symbol in ("/", "//", "%"):
                options = [pair[1] for pair in self.exprs.nonbool_divisors(
                    [(family, right) for right in options])]
            if options:
                right, depth_ = self.rng.choice(options), self.expr_depth(depth)
                if symbol in ("/", "//", "%"):
                    value = self.exprs.divisor(right, depth_)
                else:
                    value = self.exprs.expr(right, depth_)
        elif symbol == "**":
            # v **= k with a small non-negative int k: never complex, int stays int.
            result = result_type(pow, (family, INT_T))
            if result is not None and result <= family:
                share = 1.0 if family == INT_T else 0.6  # see ExprGen.power_operands
                value = self.exprs.small_count(5, 1, literal_share=share)
        elif family <= INTLIKE_T and family != BOOL_T:
            value = self.exprs.small_count(64 if symbol == "<<" else 70, 1)
        if value is None:
            return self.assign_stmt(depth, loop_depth)
        return [ast.AugAssign(store(ident), OP_NODES[symbol](), value)]

    def if_stmt(self, depth: int, loop_depth: int) -> list[ast.stmt]:
        """`if c: ... [elif c: ...] [else: ...]`."""
        test = self.exprs.condition(2)
        body = self.block(depth + 1, loop_depth, self.rng.randint(1, 3))
        roll = self.rng.random()
        orelse: list[ast.stmt] = []
        if roll < 0.3:
            orelse = self.block(depth + 1, loop_depth, self.rng.randint(1, 3))
        elif roll < 0.5:
            orelse = self.if_stmt(depth + 1, loop_depth)
        return [ast.If(test, body, orelse)]

    def for_stmt(self, depth: int, loop_depth: int) -> list[ast.stmt]:
        """`for iN in range(...)` with 1-3 small bounds, at most about 25 iterations."""
        target = self.counter(f"i{loop_depth}")
        arity = self.rng.choice((1, 2, 2, 3, 3))
        if arity == 1:
            args = [self.bound(0, 12)]
        else:
            low, high = self.bound(-6, 6), self.bound(0, 12)
            step: ast.expr | None = None
            if arity == 3:
                step = const(self.rng.choice((-3, -2, -1, 1, 2, 3)))
                if self.rng.random() < 0.05:  # step may be 0: ValueError in both
                    step = binop(self.bound(0, 4), "-", const(2))
                if self.rng.random() < 0.5:
                    low, high = high, low
            args = [low, high] + ([step] if step is not None else [])
        body = self.block(depth + 1, loop_depth + 1, self.rng.randint(1, 3))
        return [ast.For(store(target), call("range", *args), body, [])]

    def while_stmt(self, depth: int, loop_depth: int) -> list[ast.stmt]:
        """`wN = 0; while wN < K [and c]: wN += 1; ...`: the counter bounds every run."""
        counter = self.counter(f"w{loop_depth}")
        limit = ast.Compare(name(counter), [ast.Lt()],
                            [const(self.rng.randint(1, MAX_WHILE_ITERATIONS))])
        test: ast.expr = limit
        if self.rng.random() < 0.5:
            values = [limit, self.exprs.condition(1)]
            if self.rng.random() < 0.5:
                values.reverse()
            test = ast.BoolOp(ast.And(), values)
        step = ast.AugAssign(store(counter), ast.Add(), const(1))
        body = [step] + self.block(depth + 1, loop_depth + 1, self.rng.randint(1, 3))
        return [assign(counter, const(0)), ast.While(test, body, [])]

    def counter(self, ident: str) -> str:
        """Register a read-only int loop variable (initialised to 0 at the top)."""
        if ident not in self.counters:
            self.counters.append(ident)
            self.scope.scalars[ident] = INT_T
        return ident

    def bound(self, low: int, high: int) -> ast.expr:
        """A small range bound: a literal in [low, high] or `(e % k)` shifted into it."""
        if self.rng.random() < 0.6:
            return const(self.rng.randint(low, high))
        span = self.exprs.small_count(high - low + 1, 1)
        return binop(span, "+", const(low)) if low else span

    def break_continue(self, depth: int, loop_depth: int) -> list[ast.stmt]:
        """`if c: break` or `if c: continue` inside a loop."""
        jump: ast.stmt = ast.Break() if self.rng.random() < 0.6 else ast.Continue()
        return [ast.If(self.exprs.condition(1), [jump], [])]

    def early_return(self, depth: int, loop_depth: int) -> list[ast.stmt]:
        """`if c: return value`."""
        return [ast.If(self.exprs.condition(2), [ast.Return(self.return_value())], [])]

    def tuple_stmt(self, depth: int, loop_depth: int) -> list[ast.stmt]:
        """Tuple packing, unpacking, parallel assignment, swaps and `q, r = divmod(a, b)`."""
        kind = self.rng.choice(("pack", "unpack", "parallel", "swap", "divmod"))
        if kind in ("pack", "unpack") and self.scope.tuples:
            ident, shape = self.rng.choice(list(self.scope.tuples.items()))
            if kind == "pack":
                return [assign(ident, self.tuple_of(shape, self.expr_depth(depth)))]
            targets = self.targets([frozenset({element}) for element in shape])
            if targets:
                return [ast.Assign([self.target_tuple(targets)], name(ident))]
        if kind == "swap":
            pairs = [(a, b) for a in self.assignable for b in self.assignable
                     if a < b and self.assignable[a] == self.assignable[b]]
            if pairs:
                first, second = self.rng.choice(pairs)
                swapped = ast.Tuple([name(second), name(first)], ast.Load())
                return [ast.Assign([self.target_tuple([first, second])], swapped)]
        if kind == "divmod" and len(self.assignable) >= 2:
            first, second = self.rng.sample(list(self.assignable), 2)
            want = self.assignable[first] & self.assignable[second]
            options = valid_operands(divmod_quotient, 2, want)
            if options:
                left, right = self.rng.choice(self.exprs.nonbool_divisors(options))
                depth_ = self.expr_depth(depth)
                value = call("divmod", self.exprs.expr(left, depth_),
                             self.exprs.divisor(right, depth_))
                return [ast.Assign([self.target_tuple([first, second])], value)]
        if len(self.assignable) < 2:
            return self.assign_stmt(depth, loop_depth)
        chosen = self.rng.sample(list(self.assignable), min(len(self.assignable), 3))
        chosen = chosen[: self.rng.randint(2, len(chosen))]
        values = [self.exprs.expr(self.assignable[ident], 1) for ident in chosen]
        return [ast.Assign([self.target_tuple(chosen)], ast.Tuple(values, ast.Load()))]

    def targets(self, types: list[Ty]) -> list[str] | None:
        """Distinct writable scalars whose families hold each of `types`, or None."""
        chosen: list[str] = []
        for ty in types:
            fits = [ident for ident, family in self.assignable.items()
                    if ty <= family and ident not in chosen]
            if not fits:
                return None
            chosen.append(self.rng.choice(fits))
        return chosen

    @staticmethod
    def target_tuple(idents: list[str]) -> ast.Tuple:
        """`a, b` as an assignment target."""
        return ast.Tuple([store(ident) for ident in idents], ast.Store())


def generate_tree(seed: int) -> tuple[ast.Module, list[tuple[object, ...]]]:
    """The generated module as an AST, with its argument tuples."""
    return FunctionGen(random.Random(seed)).build()


def generate(seed: int) -> tuple[str, list[tuple[object, ...]]]:
    """The plain rendering of the program for `seed` (a module defining `f`) and its arguments."""
    module, calls = generate_tree(seed)
    return ast.unparse(module) + "\n", calls
