"""Which loops get a bounds guard, and which indices it covers (kiln/bounds.py). That the
guarded loops still raise where CPython does is tested on values: tests/cases/recurrences.py
(table_rows) and test_array_properties.py (loops with guarded indices)."""
from __future__ import annotations

import math

import numpy as np

from kiln import bounds, pipeline
from kiln.types import typeof

SEQ = np.arange(5, dtype=np.int64)
TABLE = np.zeros((6, 6), dtype=np.int64)


def table_rows(a, b, d):
    for i in range(1, a.shape[0] + 1):
        for j in range(1, b.shape[0] + 1):
            d[i, j] = min(d[i - 1, j] + 1, d[i, j - 1] + 1, d[i - 1, j - 1] + (a[i - 1] != b[j - 1]))


def rebinds_the_array(a, b, d):
    for j in range(1, b.shape[0]):
        d[0, j] = a[j - 1]
        d = a.reshape(1, a.shape[0])


def moves_the_variable(a, b, d):
    for j in range(1, b.shape[0]):
        j = j + 1
        d[0, j] = a[0]


def assigns_the_fixed_index(a, b, d):
    k = 0
    for j in range(1, b.shape[0]):
        d[k, j] = a[k]
        k = j


def steps_by_two(a, b, d):
    for j in range(0, b.shape[0], 2):
        d[0, j] = a[j]


def guards_of(fn) -> list[set[tuple[str, int, int]]]:
    """Each guarded loop's terms as (array, axis, offset from the loop variable)."""
    build = pipeline.compile_function(fn, (typeof(SEQ), typeof(SEQ), typeof(TABLE)), {})
    return [{(t.array, t.axis, t.offset) for t in guard.terms}
            for guard in bounds.facts(build.functions[0])[1] if guard.terms]


def test_a_recurrence_over_a_table_is_covered():
    """The inner loop's indices j - 1 and j; i - 1 and i do not change in it (LLVM moves
    their checks out by itself)."""
    assert guards_of(table_rows) == [{("b", 0, -1), ("d", 1, 0), ("d", 1, -1)}]


def test_what_changes_in_the_loop_is_left_to_its_own_checks():
    assert guards_of(rebinds_the_array) == [{("a", 0, -1)}]      # d is rebound
    assert guards_of(moves_the_variable) == []                   # j assigned twice
    assert guards_of(assigns_the_fixed_index) == [{("d", 1, 0)}]
    assert guards_of(steps_by_two) == [{("d", 1, 0), ("a", 0, 0)}]    # with step > 0


# ---- float signs: which checks are left out (their values: tests/cases/float_signs.py) ----
def nbody_pair(dx, dy, dz, dt):
    d2 = dx * dx + dy * dy + dz * dz
    return dt / (d2 * math.sqrt(d2))


def lorentz_and_rms(x, n):
    s = 0.0
    for i in range(n):
        s += x * x
    return 1.0 / (1.0 + x * x), math.sqrt(s), math.log(1 + abs(x)), x / max(x, 1e-9)


def unproven(x, y):
    s = x * x
    s -= 1.0
    return math.sqrt(s), 1.0 / (x * x), math.log(x * x), x / max(x, y), math.sqrt(x * y)


def sign_proofs(fn, types) -> list[str]:
    """The checks left out by sign: "/" for a division, the function for a math call."""
    build = pipeline.compile_function(fn, tuple(typeof(t) for t in types), {})
    function = build.functions[0]
    proven = bounds.sign_proven_checks(function, bounds.ranges(function))
    return [getattr(i, "op", None) or i.target for i in function.instructions()
            if id(i) in proven]


def test_squares_and_their_sums_are_non_negative():
    """d2 * sqrt(d2) may be 0: that division keeps its check."""
    assert sign_proofs(nbody_pair, (1.0, 1.0, 1.0, 1.0)) == ["math.sqrt"]


def test_positive_sums_and_a_local_summing_squares():
    assert sign_proofs(lorentz_and_rms, (1.0, 3)) == ["/", "math.sqrt", "math.log", "/"]


def test_what_signs_do_not_settle_keeps_its_check():
    assert sign_proofs(unproven, (1.0, 1.0)) == []


# ---- float chains: which checks a loop's guard takes over (values: tests/cases/float_chains.py)
def midpoint_rule(a, h, n):
    total = 0.0
    for i in range(n):
        x = a + (i + 0.5) * h
        total += math.sin(x) * math.exp(-0.1 * x) + math.sqrt(x) / x
    return total


def not_monotonic(a, n):
    total = 0.0
    for i in range(n):
        x = a + i
        total += math.sqrt(x * x - 1.0) + math.log(1.0 / x) + math.sqrt(a / x)
        if i > 2:
            x = -x
        total += math.sqrt(x)
    return total


def chain_checks(fn, types) -> list[str]:
    build = pipeline.compile_function(fn, tuple(typeof(t) for t in types), {})
    function = build.functions[0]
    guards = bounds.facts(function)[1]
    moot = {i for guard in guards for i in guard.proven}
    return [getattr(i, "op", None) or i.target for i in function.instructions()
            if id(i) in moot]


def test_a_grid_point_moves_steadily_so_its_checks_go_to_the_guard():
    assert chain_checks(midpoint_rule, (0.0, 0.1, 10)) == ["math.sin", "math.exp",
                                                            "math.sqrt", "/"]


def test_squares_quotients_by_the_point_and_rebound_names_keep_their_checks():
    """Only the divisions by x itself go (x keeps one sign if it does at both ends)."""
    assert chain_checks(not_monotonic, (1.0, 10)) == ["/", "/"]
