"""int64-checked operations: the run-time half of the oracle rendering.

kiln's ints are 64-bit and an int result outside [-2**63, 2**63 - 1] raises OverflowError. The
oracle rendering (see `oracle.py`) routes every int-producing operation through this module, so
CPython raises exactly where kiln must:

    a * b + abs(c)    ->    _kc.add(_kc.mul(a, b), _kc.call(abs, c))

Bool and float results pass through untouched (`True & False` stays bool). `power` and `lshift`
refuse before computing when the exact result would clearly leave int64, so CPython never builds a
huge int; with int64 inputs every other operation's exact result is at most 128 bits.

`copysign` raises UnspecifiedResult where CPython's own answer is an accident of the hardware;
the runner skips such calls instead of comparing them.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1


def check(value: object) -> object:
    """`value` itself, or OverflowError if it is (or a tuple holds) an int outside int64."""
    if type(value) is int and not INT64_MIN <= value <= INT64_MAX:
        raise OverflowError("int64 overflow (kiln oracle)")
    if type(value) is tuple:
        for item in value:
            check(item)
    return value


def _is_int(value: object) -> bool:
    return type(value) is int or type(value) is bool


def _checked(fn: Callable[[object, object], object]) -> Callable[[object, object], object]:
    def apply(a: object, b: object) -> object:
        return check(fn(a, b))

    apply.__name__ = fn.__name__
    return apply


add = _checked(operator.add)
sub = _checked(operator.sub)
mul = _checked(operator.mul)
truediv = _checked(operator.truediv)
floordiv = _checked(operator.floordiv)
mod = _checked(operator.mod)
and_ = _checked(operator.and_)
or_ = _checked(operator.or_)
xor = _checked(operator.xor)
rshift = _checked(operator.rshift)


def power(a: object, b: object) -> object:
    """`a ** b` and `pow(a, b)`: |a| >= 2 with exponent >= 64 is out of int64 before computing."""
    if _is_int(a) and _is_int(b) and b >= 64 and abs(a) >= 2:  # type: ignore[operator]
        raise OverflowError("int64 overflow in ** (kiln oracle)")
    return check(a ** b)  # type: ignore[operator]


def lshift(a: object, b: object) -> object:
    """`a << b`: a nonzero int shifted by 64 or more is out of int64 before computing."""
    if _is_int(a) and _is_int(b) and b >= 64 and a != 0:  # type: ignore[operator]
        raise OverflowError("int64 overflow in << (kiln oracle)")
    return check(a << b)  # type: ignore[operator]


def neg(a: object) -> object:
    """`-a`."""
    return check(-a)  # type: ignore[operator]


def pos(a: object) -> object:
    """`+a`."""
    return check(+a)  # type: ignore[operator]


def invert(a: object) -> object:
    """`~a`."""
    return check(~a)  # type: ignore[operator]


class UnspecifiedResult(Exception):
    """The result depends on something Python leaves to the hardware: the run is not compared."""


def copysign(x: object, y: object) -> object:
    """`math.copysign(x, y)`, refusing a NaN `y`.

    The sign of a NaN made by arithmetic (`inf - inf`) is the hardware's choice, and LLVM may
    fold such an expression at compile time to a NaN of the other sign.
    """
    if isinstance(y, float) and math.isnan(y):
        raise UnspecifiedResult("math.copysign with a NaN sign argument")
    return math.copysign(x, y)  # type: ignore[arg-type]


def call(fn: Callable[..., object], *args: object) -> object:
    """`fn(*args)` for int-producing calls: abs, int, round, divmod, math.floor/ceil/trunc."""
    return check(fn(*args))
