"""Random typed expressions: given the static type wanted, build an `ast.expr` that has it.

Each production picks operand types first, asks `typerules` whether the result fits the wanted
type, and only then builds the operands, so an expression's static type is always a subset of
what was asked for. A production that cannot fit returns None and another is tried; a leaf (a
variable, a tuple element or a literal) always fits.

    expr(INT_T, depth=2)    ->   (a0 % 7) ** 3 - int(v1)
    expr(FLOAT_T, depth=2)  ->   math.sqrt(abs(v0)) + a1 / 3
    condition(depth=1)      ->   v0 < a1 <= 2.5

Exponents and shift counts are kept small on most paths (a literal, or `e % k`), because an
unbounded one overflows int64 almost always; a few unbounded ones are still generated.
"""

from __future__ import annotations

import ast
import math
import operator
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .typerules import (
    ARITH_OPS, BIT_OPS, BOOL_T, FLOAT_T, INT_T, INTLIKE_T, NUM_T, OPERAND_TYPES, Ty,
    divmod_quotient, result_type, round_digits, subtypes, valid_operands,
)
from .values import const, literal_float, literal_int

OP_NODES: dict[str, type[ast.operator]] = {
    "+": ast.Add, "-": ast.Sub, "*": ast.Mult, "/": ast.Div, "//": ast.FloorDiv, "%": ast.Mod,
    "**": ast.Pow, "&": ast.BitAnd, "|": ast.BitOr, "^": ast.BitXor, "<<": ast.LShift,
    ">>": ast.RShift,
}
COMPARE_NODES: tuple[type[ast.cmpop], ...] = (ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Eq, ast.NotEq)

MATH_FLOAT_1 = ("sqrt", "sin", "cos", "exp", "log", "log1p", "fabs")
MATH_DOMAIN_1 = frozenset({"sqrt", "log", "log1p"})  # sometimes given abs(x) to stay in domain
MATH_INT_1 = ("floor", "ceil", "trunc")
MATH_FLOAT_2 = ("fmod", "hypot", "copysign", "atan2")
MATH_PREDICATES = ("isnan", "isinf", "isfinite")
LITERAL_WEIGHTS = {"bool": 1.0, "int": 3.0, "float": 3.0}
BOOL_ONLY_WEIGHT = 0.3  # operands that can only be bools: mostly constants, often zero


@dataclass
class Scope:
    """The variables an expression may read: scalars by static type, tuples by element types."""

    scalars: dict[str, Ty] = field(default_factory=dict)
    tuples: dict[str, tuple[str, ...]] = field(default_factory=dict)


def name(ident: str) -> ast.Name:
    """A variable read."""
    return ast.Name(ident, ast.Load())


def call(func: str, *args: ast.expr) -> ast.Call:
    """`func(args)`, where func is a builtin name or a dotted `math.name`."""
    if "." in func:
        module, attr = func.split(".")
        target: ast.expr = ast.Attribute(name(module), attr, ast.Load())
    else:
        target = name(func)
    return ast.Call(target, list(args), [])


def _is_literal(node: ast.expr) -> bool:
    """A constant, possibly negated."""
    if isinstance(node, ast.UnaryOp):
        node = node.operand
    return isinstance(node, ast.Constant)


def binop(left: ast.expr, symbol: str, right: ast.expr) -> ast.BinOp:
    """`left <symbol> right`."""
    return ast.BinOp(left, OP_NODES[symbol](), right)


class ExprGen:
    """Builds random expressions over one scope with one random stream."""

    def __init__(self, rng: random.Random, scope: Scope) -> None:
        self.rng = rng
        self.scope = scope
        self.productions: list[tuple[float, Callable[[Ty, int], ast.expr | None]]] = [
            (5.0, self.arith), (1.0, self.power), (1.5, self.bitwise), (1.0, self.shift),
            (1.5, self.unary), (2.0, self.compare), (1.0, self.boolop), (1.0, self.ifexp),
            (2.0, self.math_call), (2.5, self.builtin_call),
        ]
        self.weights = [weight for weight, _ in self.productions]

    # ---- entry points -------------------------------------------------------------------------

    def expr(self, want: Ty, depth: int) -> ast.expr:
        """An expression whose run-time type is always in `want`, nested about `depth` deep."""
        if depth <= 0 or self.rng.random() < 0.2:
            return self.leaf(want)
        for _ in range(8):
            _, production = self.rng.choices(self.productions, self.weights)[0]
            node = production(want, depth - 1)
            if node is not None:
                return node
        return self.leaf(want)

    def condition(self, depth: int) -> ast.expr:
        """A test for if/while/ternaries: usually a comparison, sometimes any scalar's truth."""
        if self.rng.random() < 0.6:
            node = self.compare(BOOL_T, depth)
            assert node is not None
            return node
        return self.expr(NUM_T, depth)

    def leaf(self, want: Ty) -> ast.expr:
        """A variable, a constant-index tuple element, or a literal, of a type in `want`."""
        names = [ident for ident, ty in self.scope.scalars.items() if ty <= want]
        elements = [
            (ident, index, len(shape))
            for ident, shape in self.scope.tuples.items()
            for index, element in enumerate(shape)
            if element in want
        ]
        roll = self.rng.random()
        if names and roll < 0.75:
            return name(self.rng.choice(names))
        if elements and roll < 0.85:
            ident, index, size = self.rng.choice(elements)
            if self.rng.random() < 0.3:
                index -= size
            return ast.Subscript(name(ident), const(index), ast.Load())
        return self.literal(want)

    def literal(self, want: Ty) -> ast.expr:
        """A literal of a random type in `want` (bools less often: they are mostly 0 and 1)."""
        kinds = sorted(want)
        kind = self.rng.choices(kinds, [LITERAL_WEIGHTS[kind] for kind in kinds])[0]
        if kind == "bool":
            return const(self.rng.random() < 0.5)
        if kind == "int":
            return const(literal_int(self.rng))
        return const(literal_float(self.rng))

    def small_count(self, limit: int, depth: int, literal_share: float = 0.6) -> ast.expr:
        """A non-negative int below `limit`: a literal or `(e % k)`."""
        if self.rng.random() < literal_share:
            return const(self.rng.randint(0, min(limit - 1, 5)))
        operand = self.expr(INTLIKE_T, depth)
        return binop(operand, "%", const(self.rng.randint(1, limit)))

    def pick_type(self, choices: Sequence[Ty]) -> Ty:
        """One operand type, bool-only types less often."""
        weights = [BOOL_ONLY_WEIGHT if ty == BOOL_T else 1.0 for ty in choices]
        return self.rng.choices(choices, weights)[0]

    def pick(self, options: Sequence[tuple[Ty, ...]]) -> tuple[Ty, ...]:
        """One operand-type tuple, those with bool-only operands less often."""
        weights = [BOOL_ONLY_WEIGHT ** option.count(BOOL_T) for option in options]
        return self.rng.choices(options, weights)[0]

    # ---- productions: each returns None when it cannot produce `want` -------------------------

    def arith(self, want: Ty, depth: int) -> ast.expr | None:
        """`a + b`, `a - b`, `a * b`, `a / b`, `a // b`, `a % b` over any numeric operands."""
        symbol = self.rng.choice(list(ARITH_OPS))
        options = valid_operands(ARITH_OPS[symbol], 2, want)
        if not options:
            return None
        if symbol in ("/", "//", "%"):
            options = self.nonbool_divisors(options)
        left, right = self.pick(options)
        if symbol in ("/", "//", "%"):
            return binop(self.expr(left, depth), symbol, self.divisor(right, depth))
        return binop(self.expr(left, depth), symbol, self.expr(right, depth))

    def nonbool_divisors(self, options: Sequence[tuple[Ty, ...]]) -> Sequence[tuple[Ty, ...]]:
        """Mostly drop operand pairs whose divisor may be a bool (False half the time)."""
        nonbool = [pair for pair in options if BOOL_T.isdisjoint(pair[1])]
        return nonbool if nonbool and self.rng.random() < 0.9 else options

    def divisor(self, want: Ty, depth: int) -> ast.expr:
        """A right operand of / // % divmod: often `(e or k)`, k a nonzero literal.

        Without this, a zero divisor (False, 0, a difference of equal values) makes about a third
        of all calls end in ZeroDivisionError. `e or k` has e's type when k's type is in want.
        """
        node = self.expr(want, depth)
        if self.rng.random() < 0.7 and want != BOOL_T and not _is_literal(node):
            fallback = self.rng.choice((1, 2, 3, 7, -1, -2))
            literal = const(float(fallback) if want == FLOAT_T else fallback)
            return ast.BoolOp(ast.Or(), [node, literal])
        if isinstance(node, ast.Constant) and not node.value:
            return const(type(node.value)(1))  # a literal zero divisor only ever raises
        return node

    def power(self, want: Ty, depth: int) -> ast.expr | None:
        """`a ** b` or `pow(a, b)`, with the exponent's sign and size under control."""
        operands = self.power_operands(want, depth)
        if operands is None:
            return None
        if self.rng.random() < 0.25:
            return call("pow", *operands)
        return binop(operands[0], "**", operands[1])

    def power_operands(self, want: Ty, depth: int) -> tuple[ast.expr, ast.expr] | None:
        """Base and exponent for a power whose result fits `want` and is never complex.

        A possibly-float exponent gets `abs(base)`: a negative base to a fractional power is
        complex in CPython. A possibly-negative int exponent makes `int ** int` a float.
        """
        mode = self.rng.choice(("small", "small", "small", "negative", "float", "wild"))
        base_types = list(OPERAND_TYPES)
        self.rng.shuffle(base_types)
        for base in base_types:
            if mode == "small":
                result = result_type(operator.pow, (base, INT_T))
                exponent_type = INT_T
            elif mode == "negative":
                result, exponent_type = FLOAT_T, INT_T
            elif mode == "float":
                exponent_type = self.rng.choice((FLOAT_T, NUM_T))
                abs_base = result_type(abs, (base,))
                assert abs_base is not None
                result = result_type(operator.pow, (abs_base, exponent_type))
            else:
                result = result_type(operator.pow, (base, INT_T))
                exponent_type = INT_T
                if result is not None:
                    result = result | FLOAT_T
            if result is None or not result <= want:
                continue
            base_node = self.expr(base, depth)
            if mode == "small":
                # kiln types `int ** (e % k)` as int | float (it cannot see that e % k >= 0),
                # and int-only places (`&`, `<<`, range) reject that: there, literal exponents.
                share = 0.6 if FLOAT_T <= want else 1.0
                return base_node, self.small_count(9, depth, share)
            if mode == "negative":
                return base_node, const(-self.rng.randint(1, 3))
            if mode == "float":
                return call("abs", base_node), self.expr(exponent_type, depth)
            return base_node, self.expr(exponent_type, depth)
        return None

    def bitwise(self, want: Ty, depth: int) -> ast.expr | None:
        """`a & b`, `a | b`, `a ^ b` over ints and bools (bool & bool stays bool)."""
        symbol = self.rng.choice(list(BIT_OPS))
        options = valid_operands(BIT_OPS[symbol], 2, want, (BOOL_T, INT_T, INTLIKE_T))
        if not options:
            return None
        left, right = self.pick(options)
        return binop(self.expr(left, depth), symbol, self.expr(right, depth))

    def shift(self, want: Ty, depth: int) -> ast.expr | None:
        """`a << n`, `a >> n`: counts mostly small, sometimes any int (negative or huge)."""
        if not INT_T <= want:
            return None
        left = self.expr(self.rng.choice((INT_T, INTLIKE_T)), depth)
        symbol = self.rng.choice(("<<", ">>"))
        roll = self.rng.random()
        if roll < 0.5:
            count = const(self.rng.randint(0, 8 if symbol == "<<" else 70))
        elif roll < 0.65:
            count = const(self.rng.randint(0, 70))
        elif roll < 0.9:
            count = self.small_count(64, depth)
        else:
            count = self.expr(INT_T, depth)
        return binop(left, symbol, count)

    def unary(self, want: Ty, depth: int) -> ast.expr | None:
        """`-a`, `+a`, `~a` (ints only: `~True` is deprecated) and `not a` (any scalar)."""
        kind = self.rng.choice(("-", "-", "+", "~", "not"))
        if kind == "not":
            if not BOOL_T <= want:
                return None
            return ast.UnaryOp(ast.Not(), self.expr(NUM_T, depth))
        if kind == "~":
            if not INT_T <= want:
                return None
            return ast.UnaryOp(ast.Invert(), self.expr(INT_T, depth))
        fn = operator.neg if kind == "-" else operator.pos
        options = valid_operands(fn, 1, want)
        if not options:
            return None
        node: ast.unaryop = ast.USub() if kind == "-" else ast.UAdd()
        return ast.UnaryOp(node, self.expr(self.pick(options)[0], depth))

    def compare(self, want: Ty, depth: int) -> ast.expr | None:
        """`a < b`, and chains such as `a <= b < c`, over any scalars."""
        if not BOOL_T <= want:
            return None
        count = self.rng.choice((1, 1, 1, 2, 2, 3))
        operands = [self.expr(self.pick_type(OPERAND_TYPES), depth) for _ in range(count + 1)]
        ops = [self.rng.choice(COMPARE_NODES)() for _ in range(count)]
        return ast.Compare(operands[0], ops, operands[1:])

    def boolop(self, want: Ty, depth: int) -> ast.expr | None:
        """`a and b`, `a or b or c`: the result is one of the operands, so each fits `want`."""
        choices = subtypes(want)
        if not choices:
            return None
        op: ast.boolop = ast.And() if self.rng.random() < 0.5 else ast.Or()
        count = self.rng.choice((2, 2, 3))
        values = [self.expr(self.pick_type(choices), depth) for _ in range(count)]
        return ast.BoolOp(op, values)

    def ifexp(self, want: Ty, depth: int) -> ast.expr | None:
        """`a if test else b`."""
        test = self.condition(depth)
        return ast.IfExp(test, self.expr(want, depth), self.expr(want, depth))

    def math_call(self, want: Ty, depth: int) -> ast.expr | None:
        """`math.f(x)` for the float, int-valued, two-argument and predicate functions."""
        kind = self.rng.choice(("float1", "float1", "int1", "float2", "predicate"))
        arg_type = self.pick_type(OPERAND_TYPES)
        if kind == "int1":
            func = self.rng.choice(MATH_INT_1)
            options = valid_operands(getattr(math, func), 1, want)
            if not options:
                return None
            return call(f"math.{func}", self.expr(self.pick(options)[0], depth))
        needed = BOOL_T if kind == "predicate" else FLOAT_T
        if not needed <= want:
            return None
        if kind == "predicate":
            return call(f"math.{self.rng.choice(MATH_PREDICATES)}", self.expr(arg_type, depth))
        if kind == "float2":
            second = self.expr(self.pick_type(OPERAND_TYPES), depth)
            return call(f"math.{self.rng.choice(MATH_FLOAT_2)}", self.expr(arg_type, depth), second)
        func = self.rng.choice(MATH_FLOAT_1)
        arg = self.expr(arg_type, depth)
        if func in MATH_DOMAIN_1 and self.rng.random() < 0.5:
            arg = call("abs", arg)
        return call(f"math.{func}", arg)

    def builtin_call(self, want: Ty, depth: int) -> ast.expr | None:
        """`abs`, `int`, `float`, `round` (1 and 2 args), `min`, `max`, `divmod(a, b)[k]`."""
        kind = self.rng.choice(("abs", "int", "float", "round", "round2", "minmax", "divmod"))
        if kind in ("int", "float"):
            if not (INT_T if kind == "int" else FLOAT_T) <= want:
                return None
            return call(kind, self.expr(self.pick_type(OPERAND_TYPES), depth))
        if kind == "minmax":
            choices = subtypes(want)
            count = self.rng.choice((2, 2, 3))
            args = [self.expr(self.pick_type(choices), depth) for _ in range(count)]
            return call(self.rng.choice(("min", "max")), *args)
        if kind == "divmod":
            options = valid_operands(divmod_quotient, 2, want)
            if not options:
                return None
            left, right = self.pick(self.nonbool_divisors(options))
            quotient = call("divmod", self.expr(left, depth), self.divisor(right, depth))
            return ast.Subscript(quotient, const(self.rng.randint(0, 1)), ast.Load())
        fn = {"abs": abs, "round": round, "round2": round_digits}[kind]
        options = valid_operands(fn, 1, want)
        if not options:
            return None
        arg = self.expr(self.pick(options)[0], depth)
        if kind == "round2":
            return call("round", arg, const(self.rng.randint(-3, 4)))
        return call(kind, arg)
