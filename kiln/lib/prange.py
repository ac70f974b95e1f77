"""The identity each prange reduction starts a chunk from, in the reduced variable's own type
(so a float sum stays a float in the loop): 0 for + | ^, 1 for *, all bits set for &, and -0.0
for a float sum (-0.0 + x is x for every x, -0.0 included)."""
from __future__ import annotations

from ..types import BOOL, FLOAT, INT, NUMPY, Union, is_number
from ..parallel import REDUCTION_FORMS, not_a_number
from .registry import Impl, TypeRuleError, rule

IDENTITIES = {"+": 0, "|": 0, "^": 0, "*": 1, "&": -1}


def identity_rule(op: str):
    def match(types, consts):
        (t,) = types
        if not is_number(t):
            raise TypeRuleError(not_a_number(t), REDUCTION_FORMS)
        if isinstance(t, Union):             # a tagged value: start from the int identity
            value, member = IDENTITIES[op], INT
        elif t == BOOL:
            value, member = op in ("*", "&"), BOOL
        elif op == "+" and t in (FLOAT, NUMPY["float32"], NUMPY["float64"]):
            value, member = -0.0, t
        else:
            value, member = IDENTITIES[op], t

        def emit(cg, args, argtypes, result):
            return cg.convert(cg.const(member, value), member, result)
        return Impl(t, emit, types)
    return match


for _op in IDENTITIES:
    rule(f"prange.identity{_op}", unions=True)(identity_rule(_op))
