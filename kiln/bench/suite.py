"""The kernel sections: every kernel under every implementation, as speedups over CPython.

    kernels  the scalar kernels (kiln/bench/kernels): ints, floats, calls
    arrays   the array kernels (kiln/bench/array_kernels), which also run under kiln with
             boundscheck=False, with the issue's targets against Numba reported in the notes
    (the parallel kernels run through `run_kernels` too, from kiln.bench.parallel)

Per kernel: the arguments are built once and every call gets fresh copies of the arrays
(measure.fresh); each JIT's first call (compile + run) is timed once, then `repeat` interleaved
rounds run every implementation in turn (measure.rotated), and the best round counts. A round
of a short kernel is the best of a few back-to-back calls (measure.timed_round). A JIT's
compile time is its first call minus its best run. Every result is checked against CPython's.
Warnings raised while compiling are kept for the notes, not printed.

    kernel | CPython s | kiln x | Numba x | kiln/Numba | kiln compile s | Numba compile s | ...

A ratio column A/B is B's time over A's: A's rival (kiln/Numba) or, for a parallel run on all
threads, its 1-thread base (kiln 2t/kiln 1t).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from kiln.bench import impls as impl_table
from kiln.bench.impls import Impl, Kernel
from kiln.bench.measure import (
    as_json,
    describe,
    fresh,
    geomean,
    rotated,
    same_result,
    timed,
    timed_round,
)
from kiln.bench.model import (
    MISMATCH,
    NONE,
    Options,
    SectionResult,
    Table,
    error_cell,
    error_text,
    warning_text,
)
from kiln.bench.report import Display, Tick, number

# The array kernels' goals, per ratio column "A/B" (B's time / A's time), reported, not
# asserted: bounds-checked kiln within 1.25x of Numba's time, kiln without bounds checks at least
# as fast as Numba (which checks none).
ARRAY_TARGETS = {"kiln/numba": 0.8, "kiln_unchecked/numba": 1.0}


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
    warnings: list[str] = field(default_factory=list)

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
                "compile": self.compile_time, "result": as_json(self.value),
                "warnings": self.warnings}


def _first_calls(kernel: Kernel, args: tuple[Any, ...], impls: list[Impl],
                 outcomes: dict[str, Outcome], tick: Tick) -> dict[str, Callable[..., Any]]:
    """Load the kernel per implementation; time each JIT's first call. Returns what can run."""
    entries = {}
    for impl in impls:
        outcome = outcomes[impl.name]
        if not impl.available:
            outcome.status = impl.missing or NONE
            continue
        if impl.is_jit:
            tick(f"{kernel.name}: {impl.label} first call (compile + run)")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            entry = _first_call(kernel, args, impl, outcome)
        outcome.warnings = list(dict.fromkeys(warning_text(w) for w in caught))
        if entry is not None:
            entries[impl.name] = entry
    return entries


def _first_call(kernel: Kernel, args: tuple[Any, ...], impl: Impl,
                outcome: Outcome) -> Callable[..., Any] | None:
    """The kernel compiled by `impl`, after one timed call when `impl` is a JIT; None (and the
    error in `outcome`) when either failed."""
    try:
        impl.warm_up()
        entry = impl_table.load(kernel, impl)
        if impl.is_jit:
            impl.use_threads()
            outcome.first_call, value = timed(entry, *fresh(args))
            outcome.record(value)
    except Exception as exc:  # a young compiler: report the cell, keep going
        outcome.fail(exc)
        return None
    return entry


def _measure(kernel: Kernel, impls: list[Impl], options: Options,
             tick: Tick) -> dict[str, Outcome]:
    args = kernel.arguments(options.size)
    outcomes = {impl.name: Outcome() for impl in impls}
    entries = _first_calls(kernel, args, impls, outcomes, tick)
    for round_index in range(options.repeat):
        for impl in rotated([i for i in impls if i.name in entries], round_index):
            tick(f"{kernel.name}: {impl.label} round {round_index + 1}")
            try:
                impl.use_threads()
                seconds, value = timed_round(entries[impl.name], args)
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


def _speedup(outcomes: dict[str, Outcome], name: str, other: str) -> Entry:
    """`other`'s time / `name`'s time: above 1, `name` is faster."""
    own, theirs = outcomes[name], outcomes[other]
    return _ratio(theirs.best, own.best), _pair_status(own, theirs)


class _Columns:
    """The table's columns for the selected implementations, and one kernel's entries: a
    speedup per JIT; ratio columns, each parallel run on all threads over its 1-thread base,
    then each JIT over its rival; and, when asked, compile times (variants such as kiln
    unchecked show no compile time of their own)."""

    def __init__(self, impls: list[Impl], compile_times: bool = True) -> None:
        self.jits = [impl for impl in impls if impl.is_jit]
        by_name = {impl.name: impl for impl in self.jits}
        self.ratios = [(impl, by_name[impl.base]) for impl in self.jits if impl.base in by_name]
        self.ratios += [(impl, by_name[impl.rival]) for impl in self.jits
                        if impl.rival in by_name]
        self.built = [impl for impl in self.jits if not impl.variant_of] if compile_times else []
        self.build_pair = compile_times and {"kiln", "numba"} <= set(by_name)

    def headers(self) -> list[str]:
        speed = [f"{impl.label} x" for impl in self.jits]
        ratios = [f"{impl.label}/{other.label}" for impl, other in self.ratios]
        build = [f"{impl.label} compile s" for impl in self.built]
        build_pair = ["compile kiln/Numba"] if self.build_pair else []
        return ["kernel", "CPython s", *speed, *ratios, *build, *build_pair]

    def entries(self, outcomes: dict[str, Outcome]) -> list[Entry]:
        """One (number, status) per column after the label."""
        cpython = outcomes["cpython"]
        jits = [outcomes[impl.name] for impl in self.jits]
        speed = [(_ratio(cpython.best, o.best), o.status if cpython.ok else NONE) for o in jits]
        ratios = [_speedup(outcomes, impl.name, other.name) for impl, other in self.ratios]
        build = [(outcomes[impl.name].compile_time, outcomes[impl.name].status)
                 for impl in self.built]
        build_pair: list[Entry] = []
        if self.build_pair:
            kiln, numba = outcomes["kiln"], outcomes["numba"]
            build_pair = [(_ratio(numba.compile_time, kiln.compile_time),
                           _pair_status(kiln, numba))]
        return [(cpython.best, cpython.status), *speed, *ratios, *build, *build_pair]


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
    for impl, other in columns.ratios:
        goal = targets.get(f"{impl.name}/{other.name}")
        if goal is None:
            continue
        misses, met = [], 0
        for kernel, outcomes in results.items():
            ratio, status = _speedup(outcomes, impl.name, other.name)
            if status == "ok" and ratio is not None and ratio >= goal:
                met += 1
            else:
                misses.append(f"{kernel} {number(ratio) if status == 'ok' else status}")
        missed = f"; missed by {', '.join(misses)}" if misses else ""
        notes.append(f"target {impl.label}/{other.label} >= {goal:g}: met by "
                     f"{met}/{len(results)}{missed}.")
    return notes


def _problem_notes(results: dict[str, dict[str, Outcome]]) -> list[str]:
    """Each distinct error and compile warning once, with the kernels and implementations it
    came from (`pi, row_sums under kiln, kiln_unchecked: TypeError: ...`)."""
    where: dict[str, dict[str, list[str]]] = {}  # problem -> implementation -> kernels
    for kernel, outcomes in results.items():
        for name, outcome in outcomes.items():
            problems = [outcome.error] if outcome.error else []
            problems += [f"warning {text}" for text in outcome.warnings]
            for problem in problems:
                where.setdefault(problem, {}).setdefault(name, []).append(kernel)
    notes = []
    for problem, kernels_by_impl in where.items():
        impls_by_kernels: dict[tuple[str, ...], list[str]] = {}
        for name, kernels in kernels_by_impl.items():
            impls_by_kernels.setdefault(tuple(kernels), []).append(name)
        notes += [f"{', '.join(kernels)} under {', '.join(names)}: {problem}"
                  for kernels, names in impls_by_kernels.items()]
    return notes


def _notes(columns: _Columns, results: dict[str, dict[str, Outcome]],
           targets: dict[str, float], extra: Sequence[str]) -> list[str]:
    notes = ["x = CPython time / implementation time (best of the rounds; a round calls the "
             "kernel back to back for up to 50 ms, at most 10 times, and keeps its best)."]
    if columns.ratios:
        compile_ratio = (" (compile kiln/Numba: Numba's compile time / kiln's)"
                         if columns.build_pair else "")
        notes.append(f"A/B = B's time / A's time{compile_ratio}: above 1, A is faster.")
    if any(impl.name == "kiln_unchecked" for impl in columns.jits):
        notes.append("kiln unchecked = kiln.jit(boundscheck=False); kiln checks bounds by "
                     "default, Numba does not.")
    if columns.built:
        notes.append("compile s = first call (compile + run) - best run; right before it, the "
                     "same JIT compiled and called a trivial function, so its compiler is "
                     "loaded and warm.")
    notes.extend(extra)
    notes.extend(_target_notes(columns, results, targets))
    notes.extend(_problem_notes(results))
    return notes


def run_kernels(section: str, title: str, impls: list[Impl], options: Options,
                display: Display, targets: dict[str, float], *, compile_times: bool = True,
                notes: Sequence[str] = ()) -> SectionResult:
    """Benchmark the selected kernels of `section`; one row per kernel plus geometric means.
    `targets` maps ratio columns ("kiln/numba": B's time / A's time) to goals the notes report;
    `notes` explain the section's own columns."""
    kernels = [k for k in impl_table.discover(section)
               if not options.kernels or k.name in options.kernels]
    columns = _Columns(impls, compile_times)
    results: dict[str, dict[str, Outcome]] = {}
    with display.progress(section, _total_steps(kernels, impls, options.repeat)) as tick:
        for kernel in kernels:
            results[kernel.name] = _measure(kernel, impls, options, tick)
    title = f"{title} (size {options.size}, best of {options.repeat})"
    table = Table(title, columns.headers())
    table.notes = (_notes(columns, results, targets, notes) if kernels
                   else ["no kernel of this section was selected (--kernels)"])
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
    return run_kernels("kernels", "Kernels", impls, options, display, targets={})


def array_kernels(options: Options, impls: list[Impl], display: Display) -> SectionResult:
    """The array kernels, kiln also with boundscheck=False; the notes report ARRAY_TARGETS."""
    impls = impl_table.with_array_variants(impls)
    return run_kernels("arrays", "Array kernels", impls, options, display, ARRAY_TARGETS)
