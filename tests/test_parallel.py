"""prange and the thread pool beyond the differential corpus (tests/cases/prange.py): the
thread-count API, results that do not depend on the thread count, what a parallel loop rejects,
many Python threads at once, fork, and memory under load."""
from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
import time

import numpy as np
import pytest

import kiln
from kiln.runtime import nrt, pool
from parallel import funcs


@pytest.fixture
def threads():
    """Restore the thread count a test changes."""
    before = kiln.get_num_threads()
    yield
    kiln.set_num_threads(before)


def jit(fn):
    return kiln.jit(fn, parallel=True)


def test_thread_count_api(threads):
    size = kiln.get_num_threads()
    assert size == int(os.environ.get("KILN_NUM_THREADS") or os.cpu_count())
    kiln.set_num_threads(1)
    assert kiln.get_num_threads() == 1
    with pytest.raises(ValueError, match="between 1 and"):
        kiln.set_num_threads(0)
    with pytest.raises(ValueError, match="between 1 and"):
        kiln.set_num_threads(size + 1)
    with pytest.raises(TypeError):
        kiln.set_num_threads(1.5)


def test_float_sum_is_the_same_for_every_thread_count(threads):
    """Chunks are fixed by the iteration count and combined in chunk order."""
    total = jit(funcs.weighted_sum)
    a = np.random.default_rng(1).standard_normal(100_003)
    results = set()
    for n in range(1, kiln.get_num_threads() + 1):
        kiln.set_num_threads(n)
        results.update(total(a) for _ in range(5))
    assert len(results) == 1
    assert results.pop() == pytest.approx(funcs.weighted_sum(a), rel=1e-12)


def test_worker_threads_take_chunks(threads):
    """Not only the calling thread works (with one thread, only it does)."""
    busy = jit(funcs.busy)
    busy(10)
    kiln.set_num_threads(1)
    before = pool.chunks_run_by_workers()
    busy(300)
    assert pool.chunks_run_by_workers() == before
    if (os.cpu_count() or 1) < 2:
        pytest.skip("one CPU")
    kiln.set_num_threads(2)
    busy(3000)
    assert pool.chunks_run_by_workers() > before


def test_private_variable_is_unbound_after_the_loop():
    """Python would give the last iteration's value; kiln raises instead of guessing."""
    with pytest.raises(UnboundLocalError, match="'t'"):
        jit(funcs.private_read_after)(10)


@pytest.mark.parametrize("fn, message", [
    (funcs.carried, "before that iteration assigns it"),
    (funcs.breaks, "`break` out of a prange loop"),
    (funcs.returns, "`return` inside a prange loop"),
    (funcs.reads_reduction, "before that iteration assigns it"),
    (funcs.has_else, "cannot have an `else:`"),
    (funcs.array_reduction, "reduction combines numbers"),
])
def test_what_a_parallel_loop_rejects(fn, message):
    with pytest.raises(kiln.CompileError, match=message):
        jit(fn)(np.ones(10))


def test_without_parallel_prange_is_range():
    assert kiln.jit(funcs.carried)(np.ones(10)) == funcs.carried(np.ones(10))


def test_many_python_threads_at_once(threads):
    """Threads calling parallel functions that allocate, return arrays and raise: correct
    results, no deadlock, every array freed (the pool serves one loop, others run serially)."""
    scale, failing = jit(funcs.scaled), jit(funcs.fails_at)
    a = np.arange(5000.0)
    scale(a, 2.0)
    with pytest.raises(IndexError):
        failing(a, 10)
    before = nrt.stats()
    errors: list[BaseException] = []

    def worker(seed: int) -> None:
        try:
            deadline = time.monotonic() + 2.0
            k = 0
            while time.monotonic() < deadline:
                k += 1
                out = scale(a, float(seed + k))
                assert out[-1] == a[-1] * (seed + k)
                with pytest.raises(IndexError):
                    failing(a, k % 5000)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    pool = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
    for t in pool:
        t.start()
    for t in pool:
        t.join(timeout=60)
    assert not any(t.is_alive() for t in pool), "deadlock"
    assert not errors, errors[0]
    gc.collect()
    allocated, freed = nrt.stats()
    assert allocated - before[0] == freed - before[1] > 0


def test_pool_works_after_fork():
    code = (
        "import os, sys, numpy as np, kiln\n"
        "sys.path.insert(0, sys.argv[1])\n"
        "from parallel import funcs\n"
        "f = kiln.jit(funcs.weighted_sum, parallel=True, cache=False)\n"
        "a = np.ones(10000)\n"
        "want = f(a)\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    os._exit(0 if f(a) == want else 3)\n"
        "_, status = os.waitpid(pid, 0)\n"
        "print(os.waitstatus_to_exitcode(status), f(a) == want)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, os.path.dirname(__file__)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout.split() == ["0", "True"], done.stderr


def test_reference_counts_under_contention(threads):
    """Every thread takes and drops references to one block at once: the atomic counts must
    end where they started, the block freed exactly once."""
    views = jit(funcs.views_under_contention)
    views(4)
    gc.collect()
    before = nrt.stats()
    for _ in range(3):
        m = views(20_000)
        assert m.sum() == 20_000 * 200
        del m
    gc.collect()
    allocated, freed = nrt.stats()
    assert allocated - before[0] == freed - before[1] == 3
