"""min() and max() of ints combine the argument carried from the loop's previous iteration
last (kiln/reassociate.py); tests/cases/recurrences.py checks that the values do not change."""
from __future__ import annotations

import importlib.util

import numpy as np
import pytest
from support import TESTS_DIR

from kiln import ir, pipeline
from kiln.types import typeof

spec = importlib.util.spec_from_file_location("recurrences", TESTS_DIR / "cases" / "recurrences.py")
cases = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cases)


def combine_order(fn, *args) -> list[list[int]]:
    """For each min/max call of three or more arguments: where each argument was in the source."""
    build = pipeline.compile_function(fn, tuple(typeof(a) for a in args), {})
    orders = []
    for instr in build.functions[0].instructions():
        if isinstance(instr, ir.Call) and instr.target in ("min", "max") and len(instr.args) > 2:
            ids = [a.id for a in instr.args]
            orders.append([sorted(ids).index(i) for i in ids])
    return orders


SEQ = np.arange(5, dtype=np.int64)


@pytest.mark.parametrize("fn, args, orders", [
    (cases.edit_distance, (SEQ, SEQ), [[0, 2, 1]]),           # d[i, j - 1] last
    (cases.edit_distance_columns, (SEQ, SEQ), [[1, 2, 0]]),   # d[i - 1, j] last
    (cases.common_subsequence, (SEQ, SEQ), [[0, 2, 1]]),
    (cases.running_minimum, (SEQ, SEQ), [[0, 1, 2]]),   # int and np.int64: Python's order
    (cases.python_ints, (5,), [[1, 2, 3, 0], [1, 0, 2]]),     # previous, then best
    (cases.mixed_types, (5,), [[0, 1, 2], [0, 1, 2]]),        # int and float: Python's order
])
def test_the_carried_argument_is_combined_last(fn, args, orders):
    assert combine_order(fn, *args) == orders
