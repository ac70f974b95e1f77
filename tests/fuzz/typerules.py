"""Static types of generated expressions and the result-type rule of every operation.

A static type is a frozenset of the names 'bool', 'int', 'float': the exact Python types an
expression may have at run time. Rules are not written by hand. Each operation is run by CPython
on one sample value per type, so the table agrees with Python by construction:

    result_type(operator.add, (BOOL_T, BOOL_T))      -> {'int'}     (True + True == 2)
    result_type(operator.and_, (BOOL_T, BOOL_T))     -> {'bool'}    (True & False is False)
    result_type(operator.lshift, (FLOAT_T, INT_T))   -> None        (TypeError: not allowed)

The one value-dependent rule, `int ** int` (a float when the exponent is negative), is left to the
caller, which controls the exponent's sign. Samples are positive, so they describe that case only.
"""

from __future__ import annotations

import functools
import itertools
import operator
from collections.abc import Callable

Ty = frozenset[str]

BOOL, INT, FLOAT = "bool", "int", "float"
BOOL_T: Ty = frozenset({BOOL})
INT_T: Ty = frozenset({INT})
FLOAT_T: Ty = frozenset({FLOAT})
INT_FLOAT_T: Ty = frozenset({INT, FLOAT})
INTLIKE_T: Ty = frozenset({BOOL, INT})
NUM_T: Ty = frozenset({BOOL, INT, FLOAT})

# The operand types an operation may be asked to accept, tried in turn by the generator.
OPERAND_TYPES: tuple[Ty, ...] = (BOOL_T, INT_T, FLOAT_T, INTLIKE_T, INT_FLOAT_T, NUM_T)

_SAMPLES: dict[str, tuple[object, ...]] = {BOOL: (True,), INT: (3,), FLOAT: (1.5,)}


@functools.cache
def result_type(fn: Callable[..., object], operands: tuple[Ty, ...]) -> Ty | None:
    """Every type `fn` returns over all combinations of operand types; None on any TypeError."""
    found: set[str] = set()
    for names in itertools.product(*(sorted(ty) for ty in operands)):
        for sample in itertools.product(*(_SAMPLES[name] for name in names)):
            try:
                found.add(type(fn(*sample)).__name__)
            except TypeError:
                return None
    return frozenset(found)


@functools.cache
def valid_operands(
    fn: Callable[..., object], arity: int, want: Ty, choices: tuple[Ty, ...] = OPERAND_TYPES
) -> tuple[tuple[Ty, ...], ...]:
    """Operand-type tuples from `choices` that `fn` accepts, giving a result within `want`."""
    found: list[tuple[Ty, ...]] = []
    for operands in itertools.product(choices, repeat=arity):
        result = result_type(fn, operands)
        if result is not None and result <= want:
            found.append(operands)
    return tuple(found)


def subtypes(want: Ty) -> list[Ty]:
    """The operand types from OPERAND_TYPES that fit inside `want`."""
    return [ty for ty in OPERAND_TYPES if ty <= want]


def divmod_quotient(a: object, b: object) -> object:
    """`divmod(a, b)[0]`, as a function the rule table can sample."""
    return divmod(a, b)[0]


def round_digits(x: object) -> object:
    """`round(x, 1)`, as a function the rule table can sample."""
    return round(x, 1)  # type: ignore[call-overload]


ARITH_OPS = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "//": operator.floordiv, "%": operator.mod,
}
BIT_OPS = {"&": operator.and_, "|": operator.or_, "^": operator.xor}
