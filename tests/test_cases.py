"""Differential tests from tests/cases/*.py: CPython is the oracle, every `# run:` line is a test.

A case file is a plain module that CPython runs as-is. Anywhere in it, a comment

    # run: EXPR                          one test: EXPR must give the same outcome in both worlds
    # run: EXPR  # kiln: OverflowError   a deliberate divergence: kiln must raise OverflowError

is evaluated twice: in the globals of a plain copy of the module, and in the globals of a second,
fresh copy whose every own function was replaced by `kiln.jit(fn)` (so calls between functions
go through kiln too). Outcomes are compared by `support.assert_same_result`: exact types,
NaN-aware, -0.0 != 0.0, tuples recursively; if CPython raises, kiln must raise the same class.

kiln's ints are int64: a line on which CPython produces any int outside [-2**63, 2**63 - 1]
(argument, intermediate or result) must say `# kiln: OverflowError`.

Three lints keep the corpus honest, with CPython alone, in every mode:
  test_line_is_sound              the mark is there exactly when CPython leaves int64 (found by a
                                  copy of the module whose functions are instrumented), results
                                  are subset values, CPython raises no NameError & co.
  test_case_file_is_typeable      each variable keeps one type per specialization (int-or-float
                                  is the only mix), observed with sys.settrace
  test_case_file_is_plain_python  `python file.py` runs silently; module constants are readable

KILN_ORACLE_SELF=1 replaces kiln.jit by the identity: marked lines then expect CPython's own result.
"""

from __future__ import annotations

import builtins
import functools
import linecache
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from types import CodeType
from typing import Any

import pytest

from support import (
    INT64_MAX,
    INT64_MIN,
    ORACLE_SELF,
    TESTS_DIR,
    Raised,
    TypeRecorder,
    assert_same_result,
    describe,
    jit_decorator,
    jit_module,
    load_module,
    load_probed_module,
    outcome,
    same_value,
)

CASES_DIR = TESTS_DIR / "cases"

RUN = re.compile(r"#\s*run:\s*(?P<expr>[^#]*?)\s*(?P<directives>#.*)?$")
DIRECTIVE = re.compile(r"#\s*(?P<key>\w+):\s*(?P<value>[^#]*?)\s*(?=#|$)")

# Exceptions that, raised by CPython, mean the case itself is wrong rather than a behaviour to test.
CORPUS_BUGS = (NameError, AttributeError, RecursionError, ImportError)
SUPPORTED_VALUES = (int, float, bool, type(None))


@dataclass(frozen=True)
class RunLine:
    """One `# run:` line: where it is, the expression, and kiln's declared divergence if any."""

    path: Path
    lineno: int
    expr: str
    code: CodeType
    kiln_raises: type[BaseException] | None

    @property
    def id(self) -> str:
        return f"{self.path.stem}:{self.lineno}:{self.expr}"


def parse_directives(text: str, where: str) -> type[BaseException] | None:
    """The `# kiln: ExceptionName` after the expression (the only directive there is)."""
    kiln_raises = None
    for match in DIRECTIVE.finditer(text):
        key, value = match["key"], match["value"]
        if key != "kiln":
            raise ValueError(f"{where}: unknown directive '# {key}:' (known: '# kiln:')")
        kiln_raises = getattr(builtins, value, None)
        if not (isinstance(kiln_raises, type) and issubclass(kiln_raises, Exception)):
            raise ValueError(f"{where}: '# kiln: {value}' is not a builtin exception class")
    return kiln_raises


def parse_case_file(path: Path) -> list[RunLine]:
    lines = []
    for lineno, line in enumerate(path.read_text().splitlines(), start=1):
        match = RUN.search(line)
        if match is None:
            continue
        where = f"{path.name}:{lineno}"
        code = compile(match["expr"], where, "eval")
        kiln_raises = parse_directives(match["directives"] or "", where)
        lines.append(RunLine(path, lineno, match["expr"], code, kiln_raises))
    return lines


CASE_FILES = sorted(CASES_DIR.glob("*.py"))
RUN_LINES = [run for path in CASE_FILES for run in parse_case_file(path)]


# Modules are loaded once per file and side: dispatchers then keep their compiled specializations
# across the run lines of one file, as they would in a program.

@functools.cache
def python_globals(path: Path) -> dict[str, Any]:
    return vars(load_module(path, "py"))


@functools.cache
def jit_globals(path: Path) -> dict[str, Any]:
    module = load_module(path, "jit")
    jit_module(module, jit_decorator())
    return vars(module)


@functools.cache
def probed(path: Path) -> tuple[dict[str, Any], Any]:
    module, probe = load_probed_module(path, "probe")
    return vars(module), probe


@pytest.mark.parametrize("run", RUN_LINES, ids=lambda run: run.id)
def test_run_line(run: RunLine) -> None:
    """CPython and kiln agree on the line's outcome (or kiln shows the declared divergence)."""
    if run.kiln_raises is not None and not ORACLE_SELF:
        expected: Any = Raised(run.kiln_raises)
    else:
        expected = outcome(lambda: eval(run.code, python_globals(run.path)))
        if run.kiln_raises is not None:  # test_line_is_sound checks the mark is a divergence
            assert not (isinstance(expected, Raised) and expected.type is run.kiln_raises)
    actual = outcome(lambda: eval(run.code, jit_globals(run.path)))
    assert_same_result(expected, actual)


# ---------------------------------------------------------------------------------------------
# Lints of the corpus itself: CPython only, independent of kiln
# ---------------------------------------------------------------------------------------------

def check_supported_value(value: Any, what: str, *, int64: bool) -> None:
    """`value` is made of the subset's values (and of int64 ints if `int64`)."""
    if isinstance(value, tuple):
        for item in value:
            check_supported_value(item, what, int64=int64)
        return
    assert type(value) in SUPPORTED_VALUES, f"{what} is {describe(value)}, outside the subset"
    if int64 and isinstance(value, int):
        assert INT64_MIN <= value <= INT64_MAX, f"{what} is {value}, outside int64"


def raised_by_raise_statement(raised: Raised) -> bool:
    filename, _, lineno = raised.where.rpartition(":")
    return linecache.getline(filename, int(lineno or 0)).strip().startswith("raise")


@pytest.mark.parametrize("run", RUN_LINES, ids=lambda run: run.id)
def test_line_is_sound(run: RunLine) -> None:
    """The line stays inside the subset under CPython, and carries `# kiln: OverflowError`
    exactly when CPython takes an int outside int64 (argument, intermediate or result)."""
    namespace, probe = probed(run.path)
    probe.excursions.clear()
    result = outcome(lambda: eval(run.code, namespace))
    plain = outcome(lambda: eval(run.code, python_globals(run.path)))
    assert isinstance(result, Raised) == isinstance(plain, Raised)
    assert same_value(result, plain) or isinstance(result, Raised) and result.type is plain.type

    if isinstance(result, Raised):
        assert not issubclass(result.type, CORPUS_BUGS), f"CPython {result} at {result.where}"
        assert result.type is not TypeError or raised_by_raise_statement(result), (
            f"CPython {result} at {result.where}: a TypeError is a corpus bug unless raised "
            f"explicitly"
        )
    else:
        check_supported_value(result, "the result", int64=False)

    excursions = ", ".join(f"line {line}: {value}" for line, value in probe.excursions[:3])
    if run.kiln_raises is OverflowError:
        assert probe.excursions, "marked '# kiln: OverflowError' but CPython stays within int64"
    else:
        assert not probe.excursions, (
            f"CPython leaves int64 ({excursions}): mark the line '# kiln: OverflowError'"
        )
    if run.kiln_raises is not None:
        assert not (isinstance(result, Raised) and result.type is run.kiln_raises), (
            f"'# kiln: {run.kiln_raises.__name__}' on a line where CPython itself {result}"
        )


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda path: path.name)
def test_case_file_is_plain_python(path: Path) -> None:
    """`python file.py` runs silently; it has run lines; its module-level values are constants
    kiln can read (int64 ints, floats, bools, None, tuples of those)."""
    done = subprocess.run(
        [sys.executable, str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert parse_case_file(path), f"{path.name} has no '# run:' line"
    for name, value in python_globals(path).items():
        if name.startswith("__") or callable(value) or type(value).__name__ == "module":
            continue
        check_supported_value(value, f"module constant {name}", int64=True)


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda path: path.name)
def test_case_file_is_typeable(path: Path) -> None:
    """Over all run lines of the file, each variable and return value of each specialization
    (function and argument types) holds one type, int-or-float being the only mix allowed.
    Observed under CPython, so only the paths the run lines take are checked."""
    namespace = python_globals(path)
    recorder = TypeRecorder(str(path))
    previous = sys.gettrace()
    sys.settrace(recorder)
    try:
        for run in parse_case_file(path):
            outcome(lambda: eval(run.code, namespace))
    finally:
        sys.settrace(previous)
    assert not recorder.conflicts(), "\n".join(recorder.conflicts())
