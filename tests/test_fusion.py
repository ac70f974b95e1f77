"""Fused elementwise chains (kiln/fusion.py): one loop and one new array per chain, the same
values and exceptions as the unfused operations (NumPy's)."""
from __future__ import annotations

import gc

import numpy as np
import pytest

import kiln
from fusion import funcs
from kiln.runtime import nrt
from support import assert_same_result, outcome

A = np.linspace(0.0, 1.0, 101)
B = np.linspace(1.0, 0.0, 101)


def new_blocks(fn, *args) -> int:
    gc.collect()
    before = nrt.stats()[0]
    fn(*args)
    return nrt.stats()[0] - before


@pytest.mark.parametrize("fn, args, blocks", [
    (funcs.chain, (A, B, 2.0), 1),
    (funcs.masks, (A, B), 1),
    (funcs.small_ints, (np.arange(256, dtype=np.uint8),), 1),
    (funcs.broadcast_chain, (A.reshape(-1, 1), B[:7]), 1),
    (funcs.reused, (A,), 2),
])
def test_a_chain_makes_one_array_with_numpys_values(fn, args, blocks):
    compiled = kiln.jit(fn)
    assert_same_result(outcome(lambda: fn(*args)), outcome(lambda: compiled(*args)))
    assert new_blocks(compiled, *args) == blocks


def test_a_call_between_keeps_the_order_of_evaluation():
    want, got = A.copy(), A.copy()
    assert_same_result(outcome(lambda: funcs.call_between(want)),
                       outcome(lambda: kiln.jit(funcs.call_between)(got)))
    assert_same_result(want, got)


def test_the_first_error_is_still_the_first():
    """a + b fails to broadcast before c[10] is read: ValueError, not IndexError."""
    args = (np.ones(3), np.ones(4), np.ones(2))
    with pytest.raises(ValueError):
        funcs.error_order(*args)
    with pytest.raises(ValueError):
        kiln.jit(funcs.error_order)(*args)
