"""Outcomes of one call and the rule for when two outcomes agree.

An outcome is a returned value, a raised exception (compared by type only), or kiln's refusal to
compile. Values agree when their types are identical, recursively through tuples (`True` is not
`1`, `1` is not `1.0`), and their values are equal; floats compare bit for bit, so `-0.0` differs
from `0.0`, except that any NaN equals any NaN.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass

VALUE = "value"
RAISED = "raised"
COMPILE_ERROR = "compile error"


@dataclass(frozen=True)
class Outcome:
    """What one call did: returned `value`, raised `error` (a type name), or did not compile."""

    kind: str
    value: object = None
    error: str = ""
    message: str = ""


def error_name(exc: BaseException) -> str:
    """`ZeroDivisionError` for builtins, `module.Qualname` for anything else."""
    cls = type(exc)
    if cls.__module__ == "builtins":
        return cls.__qualname__
    return f"{cls.__module__}.{cls.__qualname__}"


def same_value(a: object, b: object) -> bool:
    """Exact type match (recursively for tuples) and exact value, NaN equal to NaN."""
    if type(a) is not type(b):
        return False
    if isinstance(a, tuple):
        assert isinstance(b, tuple)
        return len(a) == len(b) and all(map(same_value, a, b))
    if isinstance(a, float):
        assert isinstance(b, float)
        if math.isnan(a) or math.isnan(b):
            return math.isnan(a) and math.isnan(b)
        return struct.pack("<d", a) == struct.pack("<d", b)
    return bool(a == b)


def same_outcome(expected: Outcome, actual: Outcome) -> bool:
    """Both returned the same value, or both raised the same exception type."""
    if expected.kind != actual.kind:
        return False
    if expected.kind == VALUE:
        return same_value(expected.value, actual.value)
    return expected.error == actual.error


def describe_value(value: object) -> str:
    """`int 3`, `float -0.0 (-0x0.0p+0)`, `tuple (int 1, bool True)`: type always shown."""
    if isinstance(value, tuple):
        return "tuple (" + ", ".join(describe_value(item) for item in value) + ")"
    if isinstance(value, float) and math.isfinite(value):
        return f"float {value!r} ({value.hex()})"
    return f"{type(value).__name__} {value!r}"


def describe(outcome: Outcome) -> str:
    """One line for a report."""
    if outcome.kind == VALUE:
        return describe_value(outcome.value)
    if outcome.kind == RAISED:
        return f"raised {outcome.error}: {outcome.message}"
    return f"CompileError: {outcome.message}"


def signature(expected: Outcome, actual: Outcome) -> str:
    """A short class of mismatch for grouping failures, e.g. `float -> int`."""
    return f"{_shape(expected)} -> {_shape(actual)}"


def _shape(outcome: Outcome) -> str:
    if outcome.kind == VALUE:
        return _type_shape(outcome.value)
    return outcome.error if outcome.kind == RAISED else "CompileError"


def _type_shape(value: object) -> str:
    if isinstance(value, tuple):
        return "(" + ", ".join(_type_shape(item) for item in value) + ")"
    return type(value).__name__
