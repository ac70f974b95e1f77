"""The identity each prange reduction starts a chunk from, in the reduced variable's own type
(so a float sum stays a float in the loop): 0 for + | ^, 1 for *, all bits set for &, and -0.0
for a float sum (-0.0 + x is x for every x, -0.0 included)."""
from __future__ import annotations

from ..types import BOOL, FLOAT, INT, NUMPY, is_number, members
from ..parallel import REDUCTION_FORMS, not_a_number
from .registry import Impl, TypeRuleError, rule

IDENTITIES = {"+": 0, "|": 0, "^": 0, "*": 1, "&": -1}


def identity_rule(op: str):
    def match(types, consts):
        (t,) = types
        if not is_number(t):
            raise TypeRuleError(not_a_number(t), REDUCTION_FORMS)
        member = INT if INT in members(t) else members(t)[0]   # an int stays an int
        if member == BOOL:
            value = op in ("*", "&")
        elif op == "+" and member in (FLOAT, NUMPY["float32"], NUMPY["float64"]):
            value = -0.0
        else:
            value = IDENTITIES[op]

        def emit(cg, args, argtypes, result):
            return cg.convert(cg.const(member, value), member, result)
        return Impl(t, emit, types)
    return match


for _op in IDENTITIES:
    rule(f"prange.identity{_op}", unions=True)(identity_rule(_op))
