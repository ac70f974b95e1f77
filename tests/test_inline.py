"""Which calls kiln compiles into their callers (kiln/inline.py), and what the int ranges of
kiln/bounds.py then prove about a loop. That the results are CPython's is tested on values:
tests/cases/inlined_calls.py and the loop properties of test_int_semantics.py."""
from __future__ import annotations

import re

import numpy as np

from kiln import bounds, ir, pipeline
from kiln.types import INT, typeof

VECTOR = np.ones(4)


def pair_index(i, j):
    return (i + j) * (i + j + 1) // 2 + i + 1


def rows(v, out):
    for i in range(v.shape[0]):
        s = 0.0
        for j in range(v.shape[0]):
            s += 1.0 / pair_index(i, j) * v[j]
        out[i] = s


def countdown(n):
    if n <= 0:
        return 0
    return 1 + countdown(n - 1)


def summed(n):
    total = 0
    for k in range(n):
        total += k
    return total


def first(a):
    return a[0]


def halving(n):
    while n > 1:
        n //= 2
    return n


def calls(n, v):
    return countdown(n) + summed(n) + first(v) + halving(n) + pair_index(n, n)


def compiled(fn, *args) -> ir.Function:
    return pipeline.compile_function(fn, tuple(typeof(a) for a in args), {}).functions[0]


def called(fn: ir.Function) -> list[str]:
    return [i.impl.name for i in fn.instructions()
            if isinstance(i, ir.Call) and isinstance(i.impl, ir.Function)]


def test_a_small_helper_of_numbers_is_inlined():
    assert called(compiled(rows, VECTOR, VECTOR)) == []


def test_recursion_loops_and_arrays_stay_calls():
    assert sorted(called(compiled(calls, 5, VECTOR))) == ["countdown", "first", "halving",
                                                          "summed"]


def test_the_inlined_helper_leaves_its_callers_loop_free_of_checks_when_inputs_are_small():
    """The six int operations' checks are moot when i and the array's length are at most
    2**30: (i + j) * (i + j + 1) then stays below 2**63. The division's always is: i and j
    count up from 0, so the index is at least 1 (or an overflow came first)."""
    fn = compiled(rows, VECTOR, VECTOR)
    always, guards = bounds.facts(fn)
    (guard,) = guards
    assert len(guard.proven) == 6
    assert [i.op for i in fn.instructions() if id(i) in always] == ["/"]
    assert ("i", 0, 2**30) in {(s.local, s.lo, s.hi) for s in guard.small}
    assert all(s.hi == 2**30 for s in guard.small)


def test_an_offset_of_the_loop_variable_fits_without_a_guard():
    """j + 1 for j in range(n) is at most n, an int64: no check at all."""
    def offsets(n):
        total = 0
        for j in range(n):
            total += (j + 1) * 2
        return total
    fn = pipeline.compile_function(offsets, (INT,), {}).functions[0]
    always, _ = bounds.facts(fn)
    plus_one = [i for i in fn.instructions() if isinstance(i, ir.BinOp) and i.op == "+"
                and not i.inplace]
    assert plus_one and all(id(i) in always for i in plus_one[:1])


def test_the_loops_fast_copy_vectorises():
    """The copy of the inner loop where the guard holds has no check left: LLVM vectorises
    it, the divisions included (the sum stays in order: `force-ordered-reductions`)."""
    import kiln
    compiled_rows = kiln.jit(rows)
    v, out, expected = np.linspace(0.5, 2.0, 50), np.zeros(50), np.zeros(50)
    compiled_rows(v, out)
    rows(v, expected)
    assert out.tolist() == expected.tolist()
    assert re.search(r"fdiv <\d+ x double>", compiled_rows.inspect_llvm(compiled_rows.signatures[0]))
