"""The two kernel sections: every kernel under every implementation, as speedups over CPython.

    kernels  the scalar kernels (kiln/bench/kernels): ints, floats, calls
    arrays   the array kernels (kiln/bench/array_kernels), which also run under kiln with
             boundscheck=False, with the issue's targets against Numba reported in the notes

Per kernel: the arguments are built once and every call gets fresh copies of the arrays
(measure.fresh); each JIT's first call (compile + run) is timed once, then `repeat` interleaved
rounds run every implementation once each (measure.rotated), and the best round counts. A JIT's
compile time is its first call minus its best run. Every result is checked against CPython's.

    kernel | CPython s | kiln x | Numba x | kiln/Numba | kiln compile s | Numba compile s | ...
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from kiln.bench import impls as impl_table
from kiln.bench.impls import Impl, Kernel
from kiln.bench.measure import as_json, describe, fresh, geomean, rotated, same_result, timed
from kiln.bench.model import MISMATCH, NONE, Options, SectionResult, Table, error_cell, error_text
from kiln.bench.report import Display, Tick, number

# The array kernels' goals (Numba time / kiln time), reported, not asserted: bounds-checked kiln
# within 1.25x of Numba's time, kiln without bounds checks at least as fast as Numba (which
# checks none).
ARRAY_TARGETS = {"kiln": 0.8, "kiln_unchecked": 1.0}


@dataclass
class Outcome:
    """One kernel under one implementation. `status` is "ok" or the text of its cells; `value`
    is the first result (only one is kept: arrays can be large), and later ones must agree."""

    status: str = "ok"
    error: str = ""
    first_call: float | None = None
    times: list[float] = field(default_factory=list)
    value: Any = None
    has_value: bool = False

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

    def record(self, value: Any) -> None:
        """Keep the first result; a later one that differs from it is a MISMATCH."""
        if not self.has_value:
            self.value, self.has_value = value, True
        elif not same_result(self.value, value):
            self.status = MISMATCH
            self.error = f"returned {describe(value)}, earlier {describe(self.value)}"

    def raw(self) -> dict[str, Any]:
        return {"status": self.status, "error": self.error or None,
                "first_call": self.first_call, "times": self.times, "best": self.best,
                "compile": self.compile_time, "result": as_json(self.value)}


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
                seconds, value = timed(entry, *fresh(args))
                outcomes[impl.name].first_call = seconds
                outcomes[impl.name].record(value)
        except Exception as exc:  # a young compiler: report the cell, keep going
            outcomes[impl.name].fail(exc)
            continue
        entries[impl.name] = entry
    return entries


def _measure(kernel: Kernel, impls: list[Impl], options: Options,
             tick: Tick) -> dict[str, Outcome]:
    args = kernel.arguments(options.size)
    outcomes = {impl.name: Outcome() for impl in impls}
    entries = _first_calls(kernel, args, impls, outcomes, tick)
    for round_index in range(options.repeat):
        for impl in rotated([i for i in impls if i.name in entries], round_index):
            tick(f"{kernel.name}: {impl.label} round {round_index + 1}")
            try:
                seconds, value = timed(entries[impl.name], *fresh(args))
            except Exception as exc:
                outcomes[impl.name].fail(exc)
                del entries[impl.name]
                continue
            outcomes[impl.name].times.append(seconds)
            outcomes[impl.name].record(value)
    _check(outcomes)
    return outcomes


def _check(outcomes: dict[str, Outcome]) -> None:
    """Mark MISMATCH wherever a result differs from CPython's."""
    reference = outcomes["cpython"]
    if not reference.ok:
        return
    expected = reference.value
    for outcome in outcomes.values():
        if outcome.ok and not same_result(expected, outcome.value):
            outcome.status = MISMATCH
            outcome.error = f"returned {describe(outcome.value)}, CPython {describe(expected)}"


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


def _vs_numba(outcomes: dict[str, Outcome], name: str) -> Entry:
    """Numba time / `name`'s time: above 1, `name` is faster."""
    own, numba = outcomes[name], outcomes["numba"]
    return _ratio(numba.best, own.best), _pair_status(own, numba)


class _Columns:
    """The table's columns for the selected implementations, and one kernel's entries: a
    speedup per JIT, Numba's time over each other JIT's, and compile times (variants such as
    kiln unchecked show no compile time of their own)."""

    def __init__(self, impls: list[Impl]) -> None:
        self.jits = [impl for impl in impls if impl.is_jit]
        self.built = [impl for impl in self.jits if not impl.variant_of]
        names = [impl.name for impl in self.jits]
        has_numba = "numba" in names
        self.paired = [impl for impl in self.jits if impl.name != "numba"] if has_numba else []
        self.build_pair = has_numba and "kiln" in names

    def headers(self) -> list[str]:
        speed = [f"{impl.label} x" for impl in self.jits]
        pairs = [f"{impl.label}/Numba" for impl in self.paired]
        build = [f"{impl.label} compile s" for impl in self.built]
        build_pair = ["compile kiln/Numba"] if self.build_pair else []
        return ["kernel", "CPython s", *speed, *pairs, *build, *build_pair]

    def entries(self, outcomes: dict[str, Outcome]) -> list[Entry]:
        """One (number, status) per column after the label."""
        cpython = outcomes["cpython"]
        jits = [outcomes[impl.name] for impl in self.jits]
        speed = [(_ratio(cpython.best, o.best), o.status if cpython.ok else NONE) for o in jits]
        pairs = [_vs_numba(outcomes, impl.name) for impl in self.paired]
        build = [(outcomes[impl.name].compile_time, outcomes[impl.name].status)
                 for impl in self.built]
        build_pair: list[Entry] = []
        if self.build_pair:
            kiln, numba = outcomes["kiln"], outcomes["numba"]
            build_pair = [(_ratio(numba.compile_time, kiln.compile_time),
                           _pair_status(kiln, numba))]
        return [(cpython.best, cpython.status), *speed, *pairs, *build, *build_pair]


def _cells(entries: list[Entry]) -> list[str]:
    return [number(value) if status == "ok" else status for value, status in entries]


def _geomean_row(rows: list[list[Entry]]) -> list[str]:
    cells = ["geomean"]
    for column in zip(*rows, strict=True):
        present = [value for value, status in column if status == "ok" and value]
        partial = f" ({len(present)}/{len(column)})" if 0 < len(present) < len(column) else ""
        cells.append(number(geomean(present)) + partial)
    return cells


def _target_notes(columns: _Columns, results: dict[str, dict[str, Outcome]],
                  targets: dict[str, float]) -> list[str]:
    """Per target: how many kernels meet it, and the ratios of those that miss."""
    notes = []
    for impl in columns.paired:
        if impl.name not in targets:
            continue
        goal = targets[impl.name]
        misses, met = [], 0
        for kernel, outcomes in results.items():
            ratio, status = _vs_numba(outcomes, impl.name)
            if status == "ok" and ratio is not None and ratio >= goal:
                met += 1
            else:
                misses.append(f"{kernel} {number(ratio) if status == 'ok' else status}")
        missed = f"; missed by {', '.join(misses)}" if misses else ""
        notes.append(f"target {impl.label}/Numba >= {goal:g}: met by {met}/{len(results)}"
                     f"{missed}.")
    return notes


def _notes(columns: _Columns, results: dict[str, dict[str, Outcome]],
           targets: dict[str, float]) -> list[str]:
    notes = ["x = CPython time / implementation time (best of the rounds)."]
    if columns.paired:
        notes.append("A/Numba = Numba time / A's time, compile kiln/Numba = Numba compile / "
                     "kiln compile: above 1, kiln is faster.")
    if any(impl.name == "kiln_unchecked" for impl in columns.jits):
        notes.append("kiln unchecked = kiln.jit(boundscheck=False); kiln checks bounds by "
                     "default, Numba does not.")
    notes.append("compile s = first call (compile + run) - best run.")
    notes.extend(_target_notes(columns, results, targets))
    for kernel, outcomes in results.items():
        for name, outcome in outcomes.items():
            if outcome.error:
                notes.append(f"{kernel} under {name}: {outcome.error}")
    return notes


def _run(section: str, title: str, impls: list[Impl], options: Options, display: Display,
         targets: dict[str, float]) -> SectionResult:
    """Benchmark the selected kernels of `section`; one row per kernel plus geometric means."""
    kernels = [k for k in impl_table.discover(section)
               if not options.kernels or k.name in options.kernels]
    columns = _Columns(impls)
    results: dict[str, dict[str, Outcome]] = {}
    with display.progress(section, _total_steps(kernels, impls, options.repeat)) as tick:
        for kernel in kernels:
            results[kernel.name] = _measure(kernel, impls, options, tick)
    title = f"{title} (size {options.size}, best of {options.repeat})"
    notes = _notes(columns, results, targets) if kernels else ["no kernel of this section "
                                                               "was selected (--kernels)"]
    table = Table(title, columns.headers(), notes=notes)
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


def scalar_kernels(options: Options, impls: list[Impl], display: Display) -> SectionResult:
    """The scalar kernels under the selected implementations."""
    return _run("kernels", "Kernels", impls, options, display, targets={})


def array_kernels(options: Options, impls: list[Impl], display: Display) -> SectionResult:
    """The array kernels, kiln also with boundscheck=False; the notes report ARRAY_TARGETS."""
    impls = impl_table.with_array_variants(impls)
    return _run("arrays", "Array kernels", impls, options, display, ARRAY_TARGETS)
