"""The kernel section: every kernel under every implementation, as speedups over CPython.

Per kernel: each JIT's first call (compile + run) is timed once, then `repeat` interleaved rounds
run every implementation once each (measure.rotated), and the best round counts. A JIT's compile
time is its first call minus its best run. Every result is checked against CPython's.

    kernel | CPython s | kiln x | Numba x | kiln/Numba | kiln compile s | Numba compile s | ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiln.bench import impls as impl_table
from kiln.bench.impls import Impl, Kernel
from kiln.bench.measure import geomean, rotated, same_result, timed
from kiln.bench.model import MISMATCH, NONE, Options, SectionResult, Table, error_cell, error_text
from kiln.bench.report import Display, Tick, number


@dataclass
class Outcome:
    """One kernel under one implementation. `status` is "ok" or the text of its cells."""

    status: str = "ok"
    error: str = ""
    first_call: float | None = None
    times: list[float] = field(default_factory=list)
    values: list[Any] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == "ok" and bool(self.times)

    @property
    def best(self) -> float | None:
        return min(self.times) if self.ok else None

    @property
    def compile_time(self) -> float | None:
        if self.best is None or self.first_call is None:
            return None
        return max(0.0, self.first_call - self.best)

    def fail(self, exc: BaseException) -> None:
        self.status, self.error = error_cell(exc), error_text(exc)

    def raw(self) -> dict[str, Any]:
        return {"status": self.status, "error": self.error or None,
                "first_call": self.first_call, "times": self.times, "best": self.best,
                "compile": self.compile_time, "result": self.values[0] if self.values else None}


def _first_calls(kernel: Kernel, args: tuple[Any, ...], impls: list[Impl],
                 outcomes: dict[str, Outcome], tick: Tick) -> dict[str, Callable[..., Any]]:
    """Load the kernel per implementation; time each JIT's first call. Returns what can run."""
    entries = {}
    for impl in impls:
        if not impl.available:
            outcomes[impl.name].status = impl.missing or NONE
            continue
        if impl.is_jit:
            tick(f"{kernel.name}: {impl.label} first call (compile + run)")
        try:
            entry = impl_table.load(kernel, impl)
            if impl.is_jit:
                seconds, value = timed(entry, *args)
                outcomes[impl.name].first_call = seconds
                outcomes[impl.name].values.append(value)
        except Exception as exc:  # a young compiler: report the cell, keep going
            outcomes[impl.name].fail(exc)
            continue
        entries[impl.name] = entry
    return entries


def _measure(kernel: Kernel, impls: list[Impl], options: Options,
             tick: Tick) -> dict[str, Outcome]:
    args = kernel.sizes[options.size]
    outcomes = {impl.name: Outcome() for impl in impls}
    entries = _first_calls(kernel, args, impls, outcomes, tick)
    for round_index in range(options.repeat):
        for impl in rotated([i for i in impls if i.name in entries], round_index):
            tick(f"{kernel.name}: {impl.label} round {round_index + 1}")
            try:
                seconds, value = timed(entries[impl.name], *args)
            except Exception as exc:
                outcomes[impl.name].fail(exc)
                del entries[impl.name]
                continue
            outcomes[impl.name].times.append(seconds)
            outcomes[impl.name].values.append(value)
    _check(outcomes)
    return outcomes


def _check(outcomes: dict[str, Outcome]) -> None:
    """Mark MISMATCH wherever a result differs from CPython's first result."""
    reference = outcomes["cpython"]
    if not reference.ok:
        return
    expected = reference.values[0]
    for outcome in outcomes.values():
        wrong = [v for v in outcome.values if not same_result(expected, v)]
        if outcome.ok and wrong:
            outcome.status, outcome.error = MISMATCH, f"returned {wrong[0]!r}, CPython {expected!r}"


def _total_steps(kernels: list[Kernel], impls: list[Impl], repeat: int) -> int:
    runnable = [impl for impl in impls if impl.available]
    per_kernel = sum(impl.is_jit for impl in runnable) + repeat * len(runnable)
    return len(kernels) * per_kernel


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return numerator / denominator


Entry = tuple[float | None, str]  # a column's number and status ("ok" or the cell text)


def _pair_status(first: Outcome, second: Outcome) -> str:
    statuses = {first.status, second.status}
    if statuses == {"ok"}:
        return "ok"
    return MISMATCH if MISMATCH in statuses else NONE


class _Columns:
    """The table's columns for the selected implementations, and one kernel's entries."""

    def __init__(self, impls: list[Impl]) -> None:
        self.jits = [impl for impl in impls if impl.is_jit]
        names = [impl.name for impl in self.jits]
        self.pair = ("kiln", "numba") if "kiln" in names and "numba" in names else None

    def headers(self) -> list[str]:
        speed = [f"{impl.label} x" for impl in self.jits]
        build = [f"{impl.label} compile s" for impl in self.jits]
        pair = ["kiln/Numba"] if self.pair else []
        pair_build = ["compile kiln/Numba"] if self.pair else []
        return ["kernel", "CPython s", *speed, *pair, *build, *pair_build]

    def entries(self, outcomes: dict[str, Outcome]) -> list[Entry]:
        """One (number, status) per column after the label."""
        cpython = outcomes["cpython"]
        jits = [outcomes[impl.name] for impl in self.jits]
        speed = [(_ratio(cpython.best, o.best), o.status if cpython.ok else NONE) for o in jits]
        build = [(o.compile_time, o.status) for o in jits]
        pair: list[Entry] = []
        pair_build: list[Entry] = []
        if self.pair:
            kiln, numba = (outcomes[name] for name in self.pair)
            status = _pair_status(kiln, numba)
            pair = [(_ratio(numba.best, kiln.best), status)]
            pair_build = [(_ratio(numba.compile_time, kiln.compile_time), status)]
        return [(cpython.best, cpython.status), *speed, *pair, *build, *pair_build]


def _cells(entries: list[Entry]) -> list[str]:
    return [number(value) if status == "ok" else status for value, status in entries]


def _geomean_row(rows: list[list[Entry]]) -> list[str]:
    cells = ["geomean"]
    for column in zip(*rows, strict=True):
        present = [value for value, status in column if status == "ok" and value]
        partial = f" ({len(present)}/{len(column)})" if 0 < len(present) < len(column) else ""
        cells.append(number(geomean(present)) + partial)
    return cells


def _notes(columns: _Columns, results: dict[str, dict[str, Outcome]]) -> list[str]:
    notes = ["x = CPython time / implementation time (best of the rounds)."]
    if columns.pair:
        notes.append("kiln/Numba = Numba time / kiln time, compile kiln/Numba = Numba compile / "
                     "kiln compile: above 1, kiln is faster.")
    notes.append("compile s = first call (compile + run) - best run.")
    for kernel, outcomes in results.items():
        for name, outcome in outcomes.items():
            if outcome.error:
                notes.append(f"{kernel} under {name}: {outcome.error}")
    return notes


def run(options: Options, impls: list[Impl], display: Display) -> SectionResult:
    """Benchmark the selected kernels; one row per kernel plus the geometric means."""
    kernels = [k for k in impl_table.discover() if not options.kernels or k.name in options.kernels]
    columns = _Columns(impls)
    results: dict[str, dict[str, Outcome]] = {}
    with display.progress("kernels", _total_steps(kernels, impls, options.repeat)) as tick:
        for kernel in kernels:
            results[kernel.name] = _measure(kernel, impls, options, tick)
    title = f"Kernels (size {options.size}, best of {options.repeat})"
    table = Table(title, columns.headers(), notes=_notes(columns, results))
    rows = [columns.entries(results[kernel.name]) for kernel in kernels]
    for kernel, entries in zip(kernels, rows, strict=True):
        table.rows.append([kernel.call_text(options.size), *_cells(entries)])
    if len(kernels) > 1:
        table.rows.append(_geomean_row(rows))
    raw = {kernel.name: {"args": list(kernel.sizes[options.size]),
                         **{name: o.raw() for name, o in results[kernel.name].items()}}
           for kernel in kernels}
    mismatch = any(o.status == MISMATCH for outcomes in results.values() for o in outcomes.values())
    return SectionResult(table, raw, mismatch)
