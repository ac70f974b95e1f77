"""The three micro-benchmark sections, each running its implementations interleaved by round:

    calls    f(x) = x + 1, first(a) = a[0] and twice(a) = a * 2.0 (a of 3 floats) called from a
             Python for-loop: the cost of entering compiled code and of returning an int, a
             NumPy scalar and a new array
    gil      a CPU-bound compiled loop in 1 thread, then the same work in each of 2 threads at
             once: throughput 2 * t1 / t2 is near 2 when calls release the GIL, 1 when they hold it
    startup  fresh interpreters: bare, `import X`, and import + the first result of a small
             function (compile included), median of the runs

The functions they compile (`add_one`, `first`, `twice`, `spin`, `work`) live here, in a real
file, so that a JIT can read their source.
"""

from __future__ import annotations

import inspect
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiln.bench.impls import Impl
from kiln.bench.measure import median, rotated, same_result, timed
from kiln.bench.model import MISMATCH, NONE, Options, SectionResult, Table, error_cell, error_text
from kiln.bench.report import Display, number

CALLS = {"small": 20_000, "bench": 1_000_000}  # calls per timing
GIL_SECONDS = {"small": 0.01, "bench": 0.2}  # single-thread work per timing
WORK_ARG = 1_000  # the start-up probe's first call
PROBE_TIMEOUT = 300.0


def add_one(x: int) -> int:
    return x + 1


def first(a: Any) -> Any:
    return a[0]


def twice(a: Any) -> Any:
    return a * 2.0


def spin(n: int) -> float:
    """n dependent multiply-adds: a float recurrence LLVM can neither fold nor vectorise."""
    x = 0.0
    for _ in range(n):
        x = x * 0.999999 + 1.0
    return x


def work(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


@dataclass
class _Contender:
    """One implementation's compiled function in a section; `status` is "ok" or its cell."""

    label: str
    fn: Callable[..., Any] | None
    status: str = "ok"
    error: str = ""
    times: dict[str, list[float]] = field(default_factory=dict)
    functions: list[Callable[..., Any]] = field(default_factory=list)   # calls: by column

    def fail(self, exc: BaseException) -> None:
        self.fn, self.status, self.error = None, error_cell(exc), error_text(exc)

    def record(self, key: str, seconds: float) -> None:
        self.times.setdefault(key, []).append(seconds)

    def best(self, key: str) -> float | None:
        return min(self.times[key]) if self.status == "ok" and key in self.times else None


def _contender(impl: Impl, fn: Callable[..., Any], probe: tuple[Any, ...],
               nogil: bool = False,
               build: Callable[[], Callable[..., Any]] | None = None) -> _Contender:
    """impl's version of fn (or what `build` returns: fn as impl compiled it elsewhere), called
    once on impl's threads (compiling it) and checked against fn itself."""
    label = "Python function" if not impl.is_jit else impl.label
    if impl.decorate is None:
        return _Contender(label, None, impl.missing or NONE)
    contender = _Contender(label, None)
    try:
        compiled = build() if build is not None else impl.decorate(fn, nogil=nogil)
        impl.use_threads()
        value = compiled(*probe)
    except Exception as exc:
        contender.fail(exc)
        return contender
    if not same_result(fn(*probe), value):
        contender.status = MISMATCH
        return contender
    contender.fn = compiled
    return contender


def _error_notes(contenders: list[_Contender]) -> list[str]:
    return [f"{c.label}: {c.error}" for c in contenders if c.error]


def _raw(contenders: list[_Contender], **extra: Any) -> dict[str, Any]:
    rows = {c.label: {"status": c.status, "error": c.error or None, "times": c.times}
            for c in contenders}
    return {**extra, "implementations": rows}


# --- calls -------------------------------------------------------------------------------------

def _ns_per_call(fn: Callable[[Any], Any], arg: Any, calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        fn(arg)
    return (time.perf_counter() - start) / calls * 1e9


def _ns_per_pass(calls: int) -> float:
    start = time.perf_counter()
    for _ in range(calls):
        pass
    return (time.perf_counter() - start) / calls * 1e9


def _call_cases() -> list[tuple[str, Callable[[Any], Any], Any]]:
    """(column, function, argument) of each call the section times."""
    import numpy as np
    return [("f(x) = x + 1", add_one, 41), ("a[0]", first, np.arange(3.0)),
            ("a * 2.0", twice, np.arange(3.0))]


def call_overhead(options: Options, impls: list[Impl], display: Display) -> SectionResult:
    """ns per call of add_one, first and twice: plain, and compiled by each JIT, in a tight
    Python loop."""
    calls = CALLS[options.size]
    cases = _call_cases()
    contenders = []
    for impl in impls:          # one contender per implementation, its functions by column
        compiled = [_contender(impl, fn, (arg,)) for _, fn, arg in cases]
        broken = next((c for c in compiled if c.fn is None), None)
        contender = broken or _Contender(compiled[0].label, compiled[0].fn)
        contender.functions = [c.fn for c in compiled]
        contenders.append(contender)
    runnable = [c for c in contenders if c.fn is not None]
    loop: list[float] = []
    with display.progress("calls", options.repeat * (len(runnable) + 1)) as tick:
        for round_index in range(options.repeat):
            tick(f"empty loop, round {round_index + 1}")
            loop.append(_ns_per_pass(calls))
            for contender in rotated(runnable, round_index):
                tick(f"{contender.label}, round {round_index + 1}")
                for (column, _, arg), fn in zip(cases, contender.functions):
                    contender.record(column, _ns_per_call(fn, arg, calls))
    columns = [column for column, _, _ in cases]
    table = Table(f"Call overhead: compiled functions called from a Python loop ({calls} calls, "
                  f"best of {options.repeat}; ns per call, and its ratio to the Python "
                  "function's)", ["function", *(f"{c} ns" for c in columns),
                                  *(f"{c} vs Python" for c in columns)])
    python = {column: contenders[0].best(column) for column in columns}
    for contender in contenders:
        ns = [contender.best(column) for column in columns]
        ratios = [n / python[c] if n is not None and python[c] else None
                  for n, c in zip(ns, columns)]
        cells = [number(v) for v in ns + ratios] if contender.status == "ok" else \
            [contender.status] * (2 * len(columns))
        table.rows.append([contender.label, *cells])
    table.notes.append(f"Each call includes the loop itself: an empty loop costs "
                       f"{number(min(loop))} ns per iteration. a holds 3 floats: a[0] returns "
                       "an np.float64, a * 2.0 a new array.")
    by_label = {c.label: c for c in contenders}
    kiln, numba = by_label.get("kiln"), by_label.get("Numba")
    if kiln and numba and kiln.status == numba.status == "ok":
        ratios = ", ".join(f"{c} {number(numba.best(c) / kiln.best(c))}" for c in columns)
        table.notes.append(f"kiln/Numba (Numba ns / kiln ns: above 1, kiln calls are cheaper): "
                           f"{ratios}.")
    table.notes += _error_notes(contenders)
    return SectionResult(table, _raw(contenders, calls=calls, empty_loop_ns=loop),
                         any(c.status == MISMATCH for c in contenders))


# --- gil ---------------------------------------------------------------------------------------

def _threaded(fn: Callable[[int], Any], n: int, threads: int) -> float:
    """Seconds for `threads` threads, released together, each to run fn(n)."""
    start_line = threading.Barrier(threads + 1)
    errors: list[BaseException] = []

    def worker() -> None:
        start_line.wait()
        try:
            fn(n)
        except Exception as exc:
            errors.append(exc)

    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in workers:
        thread.start()
    start_line.wait()
    start = time.perf_counter()
    for thread in workers:
        thread.join()
    elapsed = time.perf_counter() - start
    if errors:
        raise errors[0]
    return elapsed


def _calibrate(fn: Callable[[int], Any], seconds: float) -> int:
    """The n for which fn(n) takes about `seconds`."""
    n = 1_000
    while True:
        elapsed, _ = timed(fn, n)
        if elapsed >= seconds / 20:
            return max(1, round(n * seconds / elapsed))
        n *= 10


def gil_release(options: Options, impls: list[Impl], display: Display) -> SectionResult:
    """spin(n) in 1 thread vs in each of 2 threads at once, n set per implementation."""
    target = GIL_SECONDS[options.size]
    contenders = [_contender(impl, spin, (1_000,), nogil=True) for impl in impls]
    runnable = [c for c in contenders if c.fn is not None]
    sizes: dict[str, int] = {}
    with display.progress("gil", len(runnable) * (1 + options.repeat)) as tick:
        for contender in runnable:
            tick(f"{contender.label}: calibrating")
            assert contender.fn is not None
            sizes[contender.label] = _calibrate(contender.fn, target)
        for round_index in range(options.repeat):
            for contender in rotated(runnable, round_index):
                tick(f"{contender.label}, round {round_index + 1}")
                assert contender.fn is not None
                n = sizes[contender.label]
                contender.record("1 thread", _threaded(contender.fn, n, 1))
                contender.record("2 threads", _threaded(contender.fn, n, 2))
    columns = ["function", "iterations", "1 thread s", "2 threads s", "throughput x"]
    table = Table(f"GIL release: the same work in 1 thread, then in each of 2 threads at once "
                  f"(best of {options.repeat})", columns)
    for contender in contenders:
        one, two = contender.best("1 thread"), contender.best("2 threads")
        if contender.status != "ok" or one is None or two is None:
            table.rows.append([contender.label, *[contender.status] * 4])
            continue
        n = sizes[contender.label]
        table.rows.append([contender.label, str(n), number(one), number(two),
                           number(2 * one / two)])
    table.notes.append(f"throughput = 2 x (1 thread s) / (2 threads s): near 2 when calls "
                       f"release the GIL, 1 when they hold it ({os.cpu_count()} CPUs here). "
                       "Numba is compiled with nogil=True.")
    table.notes += _error_notes(contenders)
    return SectionResult(table, _raw(contenders, iterations=sizes, target_seconds=target),
                         any(c.status == MISMATCH for c in contenders))


# --- startup -----------------------------------------------------------------------------------

@dataclass
class _Probe:
    """One start-up measurement: `python ARGS` in a fresh process, expected to print `expect`."""

    label: str
    args: list[str]
    expect: str = ""
    status: str = "ok"
    error: str = ""
    times: list[float] = field(default_factory=list)


def _first_result_script(impl: Impl) -> str:
    return (f"import {impl.module}\n\n\n{inspect.getsource(work)}\n\n"
            f"print({impl.decorator}(work)({WORK_ARG}))\n")


def _probes(impls: list[Impl], workdir: Path) -> list[_Probe]:
    """Bare interpreter; each JIT's import; each JIT's import + first result."""
    probes = [_Probe("python -c pass", ["-c", "pass"])]
    jits = [impl for impl in impls if impl.is_jit]
    for impl in jits:
        statement = f"import {impl.module}"
        probe = _Probe(f'python -c "{statement}"', ["-c", statement])
        probe.status = "ok" if impl.importable else impl.missing or NONE
        probes.append(probe)
    for impl in jits:
        script = workdir / f"first_result_{impl.name}.py"
        script.write_text(_first_result_script(impl))
        probe = _Probe(f"{impl.label}: import + first result", [str(script)], str(work(WORK_ARG)))
        probe.status = "ok" if impl.available else impl.missing or NONE
        probes.append(probe)
    return probes


def _environment(cache_dir: str) -> dict[str, str]:
    """The current environment, plus `import kiln` finding this checkout, and an empty cache."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    env["KILN_CACHE_DIR"] = cache_dir
    return env


def _failure(done: subprocess.CompletedProcess[str]) -> tuple[str, str]:
    """Cell and note for a probe that exited badly: `error: ImportError` or `error: SIGSEGV`."""
    if done.returncode < 0:
        name = signal.Signals(-done.returncode).name
        return f"error: {name}", f"killed by {name}"
    lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
    last = lines[-1] if lines else f"exit status {done.returncode}"
    kind = last.split(":", 1)[0].strip()
    if not kind.replace(".", "").replace("_", "").isalnum():
        kind = f"exit {done.returncode}"
    return f"error: {kind.rsplit('.', 1)[-1]}", last[:160]


def _run_probe(probe: _Probe, workdir: Path) -> None:
    env = _environment(tempfile.mkdtemp(prefix="cache-", dir=workdir))
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *probe.args], cwd=workdir, env=env, text=True,
                          capture_output=True, timeout=PROBE_TIMEOUT, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        probe.status, probe.error = _failure(done)
    elif done.stdout.strip() != probe.expect:
        probe.status, probe.error = MISMATCH, f"printed {done.stdout.strip()[:80]!r}"
    else:
        probe.times.append(elapsed)


def startup(options: Options, impls: list[Impl], display: Display) -> SectionResult:
    """Median wall time of fresh interpreters over `repeat` interleaved rounds."""
    with tempfile.TemporaryDirectory(prefix="kiln-bench-") as tmp:
        workdir = Path(tmp)
        probes = _probes(impls, workdir)
        with display.progress("startup", options.repeat * len(probes)) as tick:
            for round_index in range(options.repeat):
                for probe in rotated(probes, round_index):
                    if probe.status == "ok":
                        tick(f"{probe.label}, run {round_index + 1}")
                        _run_probe(probe, workdir)
    bare = median(probes[0].times) if probes[0].times else None
    table = Table(f"Start-up: fresh interpreters (median of {options.repeat})",
                  ["process", "median s", "over bare python s"])
    for probe in probes:
        if probe.status != "ok":
            table.rows.append([probe.label, probe.status, probe.status])
            continue
        seconds = median(probe.times)
        table.rows.append([probe.label, number(seconds),
                           number(seconds - bare) if bare is not None else NONE])
    table.notes.append(f"first result: import, compile and call work({WORK_ARG}) (a small int "
                       "loop), with an empty KILN_CACHE_DIR each run.")
    table.notes += [f"{p.label}: {p.error}" for p in probes if p.error]
    raw = {p.label: {"status": p.status, "error": p.error or None, "times": p.times}
           for p in probes}
    return SectionResult(table, raw, any(p.status == MISMATCH for p in probes))
