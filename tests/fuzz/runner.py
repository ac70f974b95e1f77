"""Run one program under the oracle and under kiln, and judge every call.

Owns loading programs from real files (kiln reads source through `inspect`), choosing the "jit"
(kiln's, or the identity when `KILN_ORACLE_SELF=1`), the verdict of each call, and the text of a
failure report and of a reproducer file. Verdicts:

    match           kiln agreed with the oracle
    compile error   kiln raised kiln.CompileError (acceptable, counted)
    mismatch        anything else: a kiln bug (or a fuzzer bug)
    invalid         the oracle itself raised an unexpected exception, or returned something
                    other than bool / int64 / float / a tuple of them: a fuzzer bug, and the
                    program says nothing about kiln
    skipped         not compared: CPython's answer is unspecified (checked.UnspecifiedResult),
                    or, in self-check mode, the oracle overflowed int64 (the plain rendering
                    would build huge ints in CPython, so it is not run)
"""

from __future__ import annotations

import importlib.util
import itertools
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .checked import UnspecifiedResult
from .compare import COMPILE_ERROR, RAISED, VALUE, Outcome, describe, error_name, same_outcome
from .generator import FUNCTION_NAME, generate
from .oracle import render_oracle
from .values import INT64_MAX, INT64_MIN, value_source

SELF_CHECK_DEFAULT = os.environ.get("KILN_ORACLE_SELF", "") == "1"
ALLOWED_ERRORS = frozenset({"ZeroDivisionError", "ValueError", "OverflowError"})
SCALAR_TYPES = (bool, int, float)
UNSPECIFIED = error_name(UnspecifiedResult())

MATCH, COMPILE, MISMATCH, INVALID, SKIPPED = (
    "match", "compile error", "mismatch", "invalid", "skipped"
)

_module_ids = itertools.count()


@dataclass
class Run:
    """One call: its arguments, the oracle's outcome, kiln's outcome, and the verdict."""

    args: tuple[object, ...]
    expected: Outcome
    actual: Outcome | None
    verdict: str


@dataclass
class ProgramReport:
    """Everything one program did; `problem` is set when the program could not run at all."""

    label: str
    source: str
    calls: list[tuple[object, ...]]
    runs: list[Run] = field(default_factory=list)
    problem: str = ""
    oracle_seconds: float = 0.0
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        """A kiln bug (mismatch, crash, hang) or a fuzzer bug (invalid program) was seen."""
        return bool(self.problem) or any(run.verdict in (MISMATCH, INVALID) for run in self.runs)


class _NeverRaised(Exception):
    """Stands in for kiln.CompileError in self-check mode."""


def jit_under_test(self_check: bool) -> tuple[Callable[[Callable[..., object]], object], type]:
    """kiln.jit and kiln.CompileError, or the identity and a never-raised error."""
    if self_check:
        return (lambda fn: fn), _NeverRaised
    import kiln

    jit = getattr(kiln, "jit", None)
    error = getattr(kiln, "CompileError", None)
    if jit is None or error is None:
        raise RuntimeError("kiln.jit / kiln.CompileError are not available yet; "
                           "set KILN_ORACLE_SELF=1 to check the fuzzer against itself")
    return jit, error


def load_module(source: str, directory: Path, stem: str) -> object:
    """Write `source` to `directory/stem.py` and import it as module `stem`."""
    path = directory / f"{stem}.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location(stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[stem] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[stem]
        raise
    return module


def capture(fn: Callable[..., object], args: Sequence[object], compile_error: type) -> Outcome:
    """Call `fn(*args)` and record what happened."""
    try:
        value = fn(*args)
    except compile_error as exc:
        return Outcome(COMPILE_ERROR, error=error_name(exc), message=_first_line(exc))
    except Exception as exc:  # every exception is an outcome to compare
        return Outcome(RAISED, error=error_name(exc), message=_first_line(exc))
    return Outcome(VALUE, value=value)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:300] if text else ""


def _is_valid_result(value: object) -> bool:
    """A bool, an int64, a float, or a tuple of those: what a generated program may return."""
    if type(value) is tuple:
        return all(type(item) is not tuple and _is_valid_result(item) for item in value)
    if type(value) is int:
        return INT64_MIN <= value <= INT64_MAX
    return type(value) in SCALAR_TYPES


def verdict_for(expected: Outcome, actual: Outcome) -> str:
    """Match, compile error or mismatch for one call."""
    if actual.kind == COMPILE_ERROR:
        return COMPILE
    return MATCH if same_outcome(expected, actual) else MISMATCH


def run_source(
    source: str,
    calls: list[tuple[object, ...]] | None,
    workdir: Path,
    self_check: bool,
    label: str,
) -> ProgramReport:
    """Run every call of one program under the oracle and under the jit; `calls` None: ARGS."""
    jit, compile_error = jit_under_test(self_check)
    started = time.perf_counter()
    stem = f"kiln_fuzz_{os.getpid()}_{next(_module_ids)}"
    report = ProgramReport(label, source, list(calls or []))
    modules = [stem + "_oracle", stem]
    try:
        try:
            oracle = load_module(render_oracle(source), workdir, modules[0])
            plain = load_module(source, workdir, modules[1])
        except Exception as exc:  # a fuzzer bug: generated source that does not even load
            report.problem = f"program does not load: {error_name(exc)}: {_first_line(exc)}"
            return report
        if calls is None:
            report.calls = [tuple(args) for args in getattr(plain, "ARGS")]
        oracle_fn = getattr(oracle, FUNCTION_NAME)
        compiled = _compile(jit, getattr(plain, FUNCTION_NAME), compile_error)
        for args in report.calls:
            report.runs.append(_run_one(oracle_fn, compiled, args, compile_error, self_check,
                                        report))
    finally:
        for module in modules:
            sys.modules.pop(module, None)
            (workdir / f"{module}.py").unlink(missing_ok=True)
        report.seconds = time.perf_counter() - started
    return report


def _compile(jit: Callable[..., object], fn: Callable[..., object],
             compile_error: type) -> Callable[..., object] | Outcome:
    """The dispatcher, or the outcome every call gets if `jit(fn)` itself raised."""
    try:
        return jit(fn)  # type: ignore[return-value]
    except compile_error as exc:
        return Outcome(COMPILE_ERROR, error=error_name(exc), message=_first_line(exc))
    except Exception as exc:
        return Outcome(RAISED, error=error_name(exc), message="in jit(): " + _first_line(exc))


def _run_one(oracle_fn: Callable[..., object], compiled: Callable[..., object] | Outcome,
             args: tuple[object, ...], compile_error: type, self_check: bool,
             report: ProgramReport) -> Run:
    started = time.perf_counter()
    expected = capture(oracle_fn, args, _NeverRaised)
    report.oracle_seconds += time.perf_counter() - started
    if expected.kind == RAISED and expected.error == UNSPECIFIED:
        return Run(args, expected, None, SKIPPED)
    if expected.kind == RAISED and expected.error not in ALLOWED_ERRORS:
        return Run(args, expected, None, INVALID)
    if expected.kind == VALUE and not _is_valid_result(expected.value):
        return Run(args, expected, None, INVALID)
    if self_check and expected.kind == RAISED and expected.error == "OverflowError":
        return Run(args, expected, None, SKIPPED)
    if isinstance(compiled, Outcome):
        return Run(args, expected, compiled, verdict_for(expected, compiled))
    actual = capture(compiled, args, compile_error)
    return Run(args, expected, actual, verdict_for(expected, actual))


def run_seed(seed: int, workdir: Path, self_check: bool) -> ProgramReport:
    """Generate the program for `seed` and run it."""
    source, calls = generate(seed)
    return run_source(source, calls, workdir, self_check, f"seed {seed}")


def replay(path: Path, workdir: Path, self_check: bool) -> ProgramReport:
    """Run a reproducer file (a program with `def f` and `ARGS = [...]`) again."""
    return run_source(path.read_text(), None, workdir, self_check, str(path))


# ---- reports ----------------------------------------------------------------------------------

def failing_runs(report: ProgramReport) -> list[Run]:
    """The calls that show a problem."""
    return [run for run in report.runs if run.verdict in (MISMATCH, INVALID)]


def format_failure(report: ProgramReport, reproducer: Path | None = None) -> str:
    """Source, arguments and both outcomes of every failing call, for humans."""
    lines = [f"=== {report.label}: " + (report.problem or "kiln disagrees with CPython")]
    if reproducer is not None:
        lines.append(f"reproducer: {reproducer}  (python -m tests.fuzz --replay {reproducer})")
    lines += ["", report.source.rstrip(), ""]
    for run in failing_runs(report):
        lines.append(f"f{value_source(run.args)}  [{run.verdict}]")
        lines.append(f"    CPython (int64-checked): {describe(run.expected)}")
        if run.actual is not None:
            lines.append(f"    kiln:                    {describe(run.actual)}")
    if report.problem:
        lines.append(f"calls: {', '.join(value_source(args) for args in report.calls)}")
    return "\n".join(lines)


def reproducer_text(report: ProgramReport) -> str:
    """A standalone program file: the failure as comments, the function, and `ARGS`."""
    lines = [
        "# kiln differential fuzz reproducer: " + report.label,
        "# replay (from the repository root): python -m tests.fuzz --replay THIS_FILE",
    ]
    if report.problem:
        lines.append(f"# problem: {report.problem}")
    for run in failing_runs(report):
        lines.append(f"# f{value_source(run.args)}  [{run.verdict}]")
        lines.append(f"#     CPython (int64-checked): {describe(run.expected)}")
        if run.actual is not None:
            lines.append(f"#     kiln:                    {describe(run.actual)}")
    calls = "".join(f"    {value_source(args)},\n" for args in report.calls)
    return "\n".join(lines) + "\n" + report.source.rstrip() + f"\n\n\nARGS = [\n{calls}]\n"


def write_reproducer(report: ProgramReport, directory: Path, name: str) -> Path:
    """Save the reproducer as `directory/name.py`; returns its path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.py"
    path.write_text(reproducer_text(report))
    return path
