"""Crash-isolated worker processes that run generated programs by seed.

A JIT under test can segfault or loop forever, so programs run in separate processes (spawned,
so kiln and LLVM start clean), one seed at a time over a pipe. A worker that dies, or takes longer
than the per-program timeout, is killed and replaced, and its seed is reported as a crash or a
timeout. Workers are also replaced every `recycle` programs, so compiled code cannot pile up.

    run_many(range(1, 1001), PoolConfig(jobs=2), on_report=tally.add)
"""

from __future__ import annotations

import multiprocessing
import pickle
import shutil
import signal
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from .compare import VALUE, Outcome
from .generator import generate
from .runner import ProgramReport, run_seed
from .summary import CRASH, TIMEOUT


@dataclass(frozen=True)
class PoolConfig:
    """How to run: worker count (0: in this process), per-program timeout, oracle-self mode."""

    jobs: int = 2
    timeout: float = 60.0
    self_check: bool = False
    recycle: int = 300


def _worker_main(conn: Connection, workdir: str, self_check: bool) -> None:
    """Worker loop: receive a seed, send back its report; None means stop."""
    while True:
        seed = conn.recv()
        if seed is None:
            return
        try:
            report = run_seed(seed, Path(workdir), self_check)
        except Exception:  # a fuzzer bug (or kiln missing): report it, keep the worker
            report = _lost_report(seed, "fuzzer error: " + traceback.format_exc(limit=4))
        try:
            conn.send(report)
        except (pickle.PicklingError, TypeError, AttributeError):
            conn.send(_portable(report))


def _portable(report: ProgramReport) -> ProgramReport:
    """The report with values that cannot cross the pipe replaced by their repr."""
    for run in report.runs:
        actual = run.actual
        if actual is None or actual.kind != VALUE:
            continue
        try:
            pickle.dumps(actual.value)
        except Exception:  # any pickling failure: keep a description instead
            text = f"<unpicklable {type(actual.value).__name__}: {actual.value!r:.200}>"
            run.actual = Outcome(VALUE, value=text)
    return report


class _Worker:
    """One spawned worker process and our end of its pipe."""

    def __init__(self, context: multiprocessing.context.SpawnContext, workdir: Path,
                 self_check: bool) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_worker_main, args=(child, str(workdir), self_check), daemon=True
        )
        self.process.start()
        child.close()
        self.done = 0
        self.seed: int | None = None
        self.deadline = 0.0

    def submit(self, seed: int, timeout: float) -> None:
        self.seed, self.deadline = seed, time.monotonic() + timeout
        self.conn.send(seed)

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(5)
        if self.process.is_alive():
            self.kill()

    def kill(self) -> None:
        self.process.kill()
        self.process.join()
        self.conn.close()


def _lost_report(seed: int, problem: str) -> ProgramReport:
    """The report for a program that did not run to the end: its source, no runs."""
    try:
        source, calls = generate(seed)
    except Exception as exc:  # the generator itself failed on this seed
        source, calls = f"# generate({seed}) raised {exc!r}\n", []
    return ProgramReport(f"seed {seed}", source, calls, problem=problem)


def _exit_text(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return f"exit code {code}, {signal.Signals(-code).name}"
        except ValueError:
            pass
    return f"exit code {code}"


def run_many(seeds: Iterable[int], config: PoolConfig,
             on_report: Callable[[ProgramReport], None]) -> None:
    """Run every seed's program, calling `on_report` as each finishes (in completion order)."""
    root = Path(tempfile.mkdtemp(prefix="kiln-fuzz-"))
    try:
        if config.jobs <= 0:
            for seed in seeds:
                on_report(run_seed(seed, root, config.self_check))
            return
        _run_pool(iter(seeds), config, on_report, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _run_pool(seeds: Iterator[int], config: PoolConfig,
              on_report: Callable[[ProgramReport], None], root: Path) -> None:
    context = multiprocessing.get_context("spawn")
    spawned = 0

    def fresh() -> _Worker:
        nonlocal spawned
        spawned += 1
        workdir = root / f"worker{spawned}"
        workdir.mkdir()
        return _Worker(context, workdir, config.self_check)

    busy: list[_Worker] = []

    def feed(worker: _Worker | None) -> None:
        seed = next(seeds, None)
        if seed is None:
            if worker is not None:
                worker.stop()
            return
        worker = worker or fresh()
        worker.submit(seed, config.timeout)
        busy.append(worker)

    for _ in range(config.jobs):
        feed(None)
    try:
        while busy:
            timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            ready = wait([w.conn for w in busy], timeout)
            for worker in list(busy):
                seed = worker.seed
                assert seed is not None
                if worker.conn in ready:
                    busy.remove(worker)
                    try:
                        report = worker.conn.recv()
                    except (EOFError, OSError):
                        worker.process.join(5)
                        text = _exit_text(worker.process.exitcode)
                        on_report(_lost_report(seed, f"{CRASH}: worker died ({text})"))
                        worker.kill()
                        feed(None)
                        continue
                    on_report(report)
                    worker.done += 1
                    if worker.done >= config.recycle:
                        worker.stop()
                        feed(None)
                    else:
                        feed(worker)
                elif time.monotonic() >= worker.deadline:
                    busy.remove(worker)
                    worker.kill()
                    problem = f"{TIMEOUT}: no answer within {config.timeout:g} s"
                    on_report(_lost_report(seed, problem))
                    feed(None)
    finally:
        for worker in busy:
            worker.kill()
