"""Value pools for the fuzzer: argument values, source literals, and how both are spelled.

Owns which ints, floats and bools are interesting (int64 edges, NaN, infinities, signed zeros,
subnormals, halfway cases for `round`, floats that are not exact ints) and how a literal becomes an
AST node that survives `ast.unparse` then `ast.parse` unchanged:

    -5        ->  UnaryOp(USub, Constant(5))       (a negative Constant unparses as `-5 ** 2`)
    nan       ->  BinOp(Constant(inf), Sub, Constant(inf))        printed `1e309 - 1e309`
    -2**63    ->  BinOp(UnaryOp(USub, Constant(2**63 - 1)), Sub, Constant(1))
"""

from __future__ import annotations

import ast
import math
import random

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

EDGE_INTS: tuple[int, ...] = (
    INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1, 2**62, -(2**62), 2**62 - 1,
    2**53, 2**53 + 1, -(2**53) - 1, 2**32, 2**31, 2**31 - 1, -(2**31), 3037000499, -3037000500,
    10**18, -(10**18), 4611686018427387903, -4611686018427387905,
)

EDGE_FLOATS: tuple[float, ...] = (
    0.0, -0.0, math.nan, math.inf, -math.inf, 5e-324, -5e-324, 2.2250738585072014e-308,
    2.225073858507201e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1e-300, 1e300,
    -1e300, 0.5, -0.5, 1.5, 2.5, -2.5, 0.1, 1e16, 9007199254740992.0, 9007199254740994.0,
    9.223372036854775807e18, -9.223372036854775808e18, 4.611686018427388e18, 709.0, 710.0,
    -745.0, 1e-7, math.pi, 0.49999999999999994, 1.0, -1.0, 2.0,
)

LITERAL_FLOATS: tuple[float, ...] = (
    0.0, -0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 0.1, 0.25, 10.0, 100.0, 1e-3, 1e10, 1e300, 1e-300,
    math.inf, -math.inf, math.nan, -1.0, -0.5, 1e308, 5e-324,
)


def random_int(rng: random.Random) -> int:
    """An int argument: mostly small, sometimes medium, sometimes at the int64 edges."""
    roll = rng.random()
    if roll < 0.55:
        return rng.randint(-10, 10)
    if roll < 0.75:
        return rng.randint(-(10**6), 10**6)
    if roll < 0.85:
        return rng.randint(INT64_MIN, INT64_MAX)
    return rng.choice(EDGE_INTS)


def random_float(rng: random.Random) -> float:
    """A float argument: special values, small values, integral values and wide magnitudes."""
    roll = rng.random()
    if roll < 0.35:
        return rng.choice(EDGE_FLOATS)
    if roll < 0.65:
        return round(rng.uniform(-10.0, 10.0), rng.randint(0, 3))
    if roll < 0.75:
        return float(rng.randint(-20, 20))
    if roll < 0.9:
        return rng.uniform(-1.0, 1.0) * 10.0 ** rng.randint(-20, 20)
    return math.ldexp(rng.choice((-1.0, 1.0)) * rng.random(), rng.randint(-1074, 1024))


def random_value(rng: random.Random, type_name: str) -> bool | int | float:
    """An argument of the named exact type ('bool', 'int' or 'float')."""
    if type_name == "bool":
        return rng.random() < 0.5
    if type_name == "int":
        return random_int(rng)
    return random_float(rng)


def literal_int(rng: random.Random) -> int:
    """An int literal for generated source: mostly small, rarely an int64 edge."""
    roll = rng.random()
    if roll < 0.8:
        return rng.randint(0, 10)
    if roll < 0.92:
        return rng.randint(-100, 1000)
    return rng.choice(EDGE_INTS)


def literal_float(rng: random.Random) -> float:
    """A float literal for generated source."""
    if rng.random() < 0.7:
        return rng.choice(LITERAL_FLOATS)
    return round(rng.uniform(-5.0, 5.0), rng.randint(0, 2))


def const(value: bool | int | float) -> ast.expr:
    """The AST of a literal, spelled so that unparse then parse gives the same tree."""
    if isinstance(value, bool):
        return ast.Constant(value)
    if isinstance(value, int):
        if value == INT64_MIN:
            return ast.BinOp(const(-INT64_MAX), ast.Sub(), ast.Constant(1))
        if value < 0:
            return ast.UnaryOp(ast.USub(), ast.Constant(-value))
        return ast.Constant(value)
    if math.isnan(value):
        return ast.BinOp(ast.Constant(math.inf), ast.Sub(), ast.Constant(math.inf))
    if math.copysign(1.0, value) < 0:
        return ast.UnaryOp(ast.USub(), ast.Constant(-value))
    return ast.Constant(value)


def value_source(value: object) -> str:
    """Python source that evaluates to exactly `value` (nan and inf included)."""
    if isinstance(value, tuple):
        inner = ", ".join(value_source(item) for item in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, float) and not math.isfinite(value):
        if math.isnan(value):
            return "float('nan')"
        return "float('inf')" if value > 0 else "-float('inf')"
    return repr(value)
