"""Arrays created in compiled code are freed exactly once: no leak on any path, exceptions
included, and views keep their base alive."""
from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import kiln
from kiln.runtime import nrt
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


def test_returned_arguments_and_views_are_numpy_arrays_on_their_base():
    """runtime/boxing.py builds the returned objects through NumPy's C-API: an argument
    returned whole is that very object; a view (also one that starts where its argument does,
    as a.real does) is a new array on the argument's memory, read-only where the argument is;
    NumPy scalars come back as NumPy scalars. None of them leaks."""
    grid = np.arange(12.0).reshape(3, 4)
    frozen = grid.copy()
    frozen.flags.writeable = False
    same, strided = kiln.jit(funcs.same), kiln.jit(funcs.strided)
    assert same(grid) is grid and same(frozen) is frozen
    view = strided(frozen)
    assert np.shares_memory(view, frozen) and not view.flags.writeable
    assert view.strides == frozen[::2, 1:].strides and view.tolist() == frozen[::2, 1:].tolist()
    pairs = np.arange(6.0).view(np.complex128).reshape(1, 3)
    real = kiln.jit(funcs.real_part)(pairs)
    assert real.dtype == np.float64 and real.strides == (48, 16)
    assert real.tolist() == [[0.0, 2.0, 4.0]]
    first = kiln.jit(funcs.first)
    for dtype in (np.float64, np.float32, np.int8, np.uint64, np.bool_, np.complex128):
        value = first(np.ones((2, 2), dtype))
        assert type(value) is dtype and value == 1
    assert growth(lambda: (same(grid), strided(grid), first(grid)), 100_000) < LIMIT


def test_swapping_new_arrays_keeps_both_alive():
    """`a, b = b, a` must not free either array between the two assignments."""
    swap_new = kiln.jit(funcs.swap_new)
    for times in range(4):
        allocated, freed = nrt.stats()
        a, b = swap_new(1000, times)
        expected_a, expected_b = funcs.swap_new(1000, times)
        assert (a == expected_a).all() and (b == expected_b).all()
        assert nrt.stats() == (allocated + 2, freed)      # nothing freed while still returned
        del a, b
        gc.collect()
        assert nrt.stats() == (allocated + 2, freed + 2)  # each freed exactly once
    assert growth(lambda: swap_new(256, 3), 20_000) < LIMIT


def test_swapping_with_a_sole_owner():
    """Here the local is the only owner of the array it gives up in the swap."""
    swap_fresh = kiln.jit(funcs.swap_fresh)
    allocated, freed = nrt.stats()
    result = swap_fresh(100, 5)
    assert (result == 4).all()
    assert nrt.stats() == (allocated + 6, freed + 5)
    del result
    gc.collect()
    assert nrt.stats() == (allocated + 6, freed + 6)


@pytest.mark.parametrize("name, args", [("make", (64,)), ("churn", (100, 8)), ("pair", (10,)),
                                        ("keep_last", (50, 4)), ("swap_new", (16, 5)),
                                        ("swap_fresh", (16, 5)),
                                        ("reduce_sort_multiply", (20, 6)),
                                        ("select_and_scatter", (20, 6)),
                                        ("nonzero_indices", (6, 5)),
                                        ("borrowed_arguments", (20, 4)),
                                        ("join_in_a_loop", (20, 4))])
def test_every_block_is_freed_exactly_once(name, args):
    compiled = kiln.jit(getattr(funcs, name))
    compiled(*args)
    gc.collect()
    allocated, freed = nrt.stats()
    for _ in range(10):
        compiled(*args)
    gc.collect()
    now_allocated, now_freed = nrt.stats()
    assert now_allocated - allocated == now_freed - freed > 0


def test_exceptions_free_every_block_exactly_once():
    raise_holding = kiln.jit(funcs.raise_holding)
    with pytest.raises(ValueError):
        raise_holding(8, 1)
    allocated, freed = nrt.stats()
    for _ in range(10):
        with pytest.raises(ValueError):
            raise_holding(8, 1)
    assert nrt.stats() == (allocated + 20, freed + 20)


def test_an_array_alive_at_exit_is_freed_quietly():
    """The first array a process gets from compiled code, still referenced when the
    interpreter shuts down, is released without an error on stderr."""
    code = ("import sys, kiln\nsys.path.insert(0, sys.argv[1])\nfrom memory import funcs\n"
            "import numpy as np\n"
            "kept = kiln.jit(funcs.make, cache=False)(5)\n")
    done = subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert (done.returncode, done.stderr) == (0, "")


def allocations_of_failing_calls(func, argument) -> tuple[int, int]:
    """Arrays allocated and freed by ten calls of a compiled `func` that raise ValueError
    (after one call that compiles it)."""
    compiled = kiln.jit(func)
    with pytest.raises(ValueError):
        compiled(argument)
    allocated, freed = nrt.stats()
    for _ in range(10):
        with pytest.raises(ValueError):
            compiled(argument)
    now_allocated, now_freed = nrt.stats()
    return now_allocated - allocated, now_freed - freed


def test_a_failing_reduction_frees_what_came_before():
    # two ones and one product a call
    assert allocations_of_failing_calls(funcs.raise_in_reduction, 4) == (30, 30)


def test_a_failing_join_frees_its_inputs():
    # the inputs a call; no result yet
    assert allocations_of_failing_calls(funcs.join_mismatch, 4) == (20, 20)


def test_joins_in_a_loop_do_not_grow():
    join_in_a_loop = kiln.jit(funcs.join_in_a_loop)
    assert join_in_a_loop(3, 4) == funcs.join_in_a_loop(3, 4)
    assert growth(lambda: join_in_a_loop(20_000, 16), 3) < LIMIT


def test_reductions_sorts_and_products_in_a_loop_do_not_grow():
    reduce_sort_multiply = kiln.jit(funcs.reduce_sort_multiply)
    assert reduce_sort_multiply(3, 4) == funcs.reduce_sort_multiply(3, 4)
    assert growth(lambda: reduce_sort_multiply(20_000, 16), 3) < LIMIT


def _transparent_huge_pages() -> str:
    try:
        with open("/sys/kernel/mm/transparent_hugepage/enabled") as setting:
            return setting.read().split("[")[1].split("]")[0]
    except (OSError, IndexError):
        return "unavailable"


@pytest.mark.skipif(_transparent_huge_pages() not in ("always", "madvise"),
                    reason="needs Linux's transparent huge pages")
def test_large_new_arrays_use_huge_pages():
    """A 64 MiB array made in compiled code first-touches in huge pages, as NumPy's do: far
    fewer page faults than its 16,384 small pages (kiln advises the kernel, as NumPy does)."""
    import resource
    ones_total = kiln.jit(funcs.ones_total)
    n = 8 * 2**20
    assert ones_total(n) == n

    def faults() -> int:
        return resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    before = faults()
    assert ones_total(n) == n
    assert faults() - before < 16_384 // 4
