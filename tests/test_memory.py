"""Arrays created in compiled code are freed exactly once: no leak on any path, exceptions
included, and views keep their base alive."""
from __future__ import annotations

import gc

import numpy as np
import pytest

import kiln
from memory import funcs


def resident_bytes() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096


def growth(action, repeat: int) -> int:
    action()                                    # compile and warm up first
    gc.collect()
    before = resident_bytes()
    for _ in range(repeat):
        action()
    gc.collect()
    return resident_bytes() - before


pytestmark = pytest.mark.skipif(not __import__("os").path.exists("/proc/self/statm"),
                                reason="needs /proc to read the resident size")
LIMIT = 8 * 2**20          # 100,000 leaked 1 KiB arrays would be ~100 MiB


def test_returned_arrays_are_freed_with_their_numpy_owner():
    make = kiln.jit(funcs.make)
    assert growth(lambda: make(128), 100_000) < LIMIT


def test_arrays_dropped_inside_a_loop_are_freed():
    churn = kiln.jit(funcs.churn)
    assert churn(10, 4) == funcs.churn(10, 4)
    assert growth(lambda: churn(100_000, 128), 3) < LIMIT


def test_raising_while_holding_temporaries_frees_them():
    raise_holding = kiln.jit(funcs.raise_holding)

    def call():
        with pytest.raises(ValueError):
            raise_holding(128, 1)
    assert raise_holding(4, 0) == 1.0
    assert growth(call, 50_000) < LIMIT


def test_tuples_of_new_arrays():
    pair = kiln.jit(funcs.pair)
    a, b = pair(5)
    assert a.dtype == np.int64 and list(a) == [0, 1, 2, 3, 4] and b.shape == (5, 2)
    assert growth(lambda: pair(64), 50_000) < LIMIT


def test_reassigned_locals_release_the_old_array():
    keep_last = kiln.jit(funcs.keep_last)
    assert list(keep_last(3, 2)) == [2, 2]
    assert growth(lambda: keep_last(100_000, 64), 3) < LIMIT


def test_views_keep_their_base_alive():
    row = kiln.jit(funcs.row)
    grid = np.arange(12.0).reshape(3, 4)
    view = row(grid, 1)
    del grid
    gc.collect()
    assert list(view) == [4.0, 5.0, 6.0, 7.0]


def test_returned_arrays_own_their_memory_and_are_writeable():
    make = kiln.jit(funcs.make)
    a = make(3)
    a[1] = 5.0
    assert a.flags.writeable and list(a) == [0.0, 5.0, 0.0]
    assert a.base is not None          # the owner that frees the block when NumPy is done
