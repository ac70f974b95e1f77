"""Differential tests from tests/cases/*.py: CPython is the oracle, every `# run:` line is a test.

A case file is a plain module that CPython runs as-is. Anywhere in it, a comment

    # run: EXPR                          one test: EXPR must give the same outcome in both worlds
    # run: EXPR  # kiln: OverflowError   a deliberate divergence: kiln must raise OverflowError

is evaluated twice: in the globals of a plain copy of the module, and in the globals of a second,
fresh copy whose every own function was replaced by `kiln.jit(fn)` (so calls between functions
go through kiln too; functions named `_...` are input builders and stay plain Python). Outcomes
are compared by `support.assert_same_result`: exact types, NaN-aware, -0.0 != 0.0, tuples
recursively, NumPy scalars by exact type, arrays by dtype, shape and contents; if CPython raises,
kiln must raise the same class.

A module constant `JIT_OPTIONS = ("parallel",)` turns those options on in every kiln.jit of the file
(a dict gives their values: `JIT_OPTIONS = {"boundscheck": False}`).

When EXPR is a call `f(ARGS)`, each side evaluates `f` and the arguments once, into fresh
objects, then calls; afterwards every argument that is an ndarray (also inside a tuple argument)
must be equal on both sides, so in-place mutation is compared too (also when the call raised).
NumPy's warnings are silenced on both sides (`support.quiet`).

kiln's ints are int64: a line on which CPython produces any int outside [-2**63, 2**63 - 1]
(argument, intermediate or result) must say `# kiln: OverflowError`.

Three lints keep the corpus honest, with CPython alone, in every mode:
  test_line_is_sound              the mark is there exactly when CPython leaves int64 (found by a
                                  copy of the module whose functions are instrumented; NumPy's
                                  integers do not count, they wrap by design), arguments and
                                  results are subset values (arrays of the subset's dtypes; NumPy
                                  scalars as results only), building the arguments does not
                                  raise, CPython raises no NameError & co.
  test_case_file_is_typeable      each variable keeps one type per specialization (numbers may
                                  mix: int-or-float, and Python numbers with NumPy scalars as in
                                  `s = 0.0; s += a[i]`; arrays keep dtype and ndim), observed
                                  with sys.settrace
  test_case_file_is_plain_python  `python file.py` runs silently; module constants are readable

KILN_ORACLE_SELF=1 replaces kiln.jit by the identity: marked lines then expect CPython's own result.
"""

from __future__ import annotations

import ast
import builtins
import functools
import linecache
import re
import subprocess
import sys
import types
from dataclasses import dataclass, field
from pathlib import Path
from types import CodeType
from typing import Any

import numpy as np
import pytest

from support import (
    INT64_MAX,
    INT64_MIN,
    NUMPY_DTYPES,
    NUMPY_SCALARS,
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
    quiet,
    same_value,
)

CASES_DIR = TESTS_DIR / "cases"

RUN = re.compile(r"#\s*run:\s*(?P<expr>[^#]*?)\s*(?P<directives>#.*)?$")
DIRECTIVE = re.compile(r"#\s*(?P<key>\w+):\s*(?P<value>[^#]*?)\s*(?=#|$)")

# Exceptions that, raised by CPython, mean the case itself is wrong rather than a behaviour to test.
CORPUS_BUGS = (NameError, AttributeError, RecursionError, ImportError)
SUPPORTED_VALUES = (int, float, bool, type(None))


@dataclass(frozen=True)
class Argument:
    """One argument of a run line's call: `kind` is "*" (starred), "**", a keyword's name, or
    "" (positional); `text` is its source."""

    kind: str
    text: str
    code: CodeType


@dataclass(frozen=True)
class Call:
    """A run line of the form `f(ARGS)`, taken apart so each side evaluates the arguments once."""

    function: CodeType
    arguments: tuple[Argument, ...]

    @staticmethod
    def parse(expr: str, where: str) -> Call | None:
        node = ast.parse(expr, where, mode="eval").body
        if not isinstance(node, ast.Call):
            return None

        def code(part: ast.expr) -> CodeType:
            return compile(ast.Expression(part), where, "eval")

        arguments = [
            Argument("*", ast.unparse(a.value), code(a.value)) if isinstance(a, ast.Starred)
            else Argument("", ast.unparse(a), code(a))
            for a in node.args
        ]
        arguments += [
            Argument(k.arg or "**", ast.unparse(k.value), code(k.value)) for k in node.keywords
        ]
        return Call(code(node.func), tuple(arguments))


@dataclass
class Evaluation:
    """A run line evaluated on one side: its outcome, and each argument after the call as
    (its source, its value)."""

    result: Any
    arguments: list[tuple[str, Any]] = field(default_factory=list)
    called: bool = False  # False if the line raised before the call (evaluating its arguments)

    def arrays(self) -> list[tuple[str, np.ndarray]]:
        """The ndarray arguments (also inside tuples), named by source and position."""
        found = []

        def visit(name: str, value: Any) -> None:
            if isinstance(value, np.ndarray):
                found.append((name, value))
            elif isinstance(value, tuple):
                for i, item in enumerate(value):
                    visit(f"{name}[{i}]", item)

        for name, value in self.arguments:
            visit(name, value)
        return found


@dataclass(frozen=True)
class RunLine:
    """One `# run:` line: where it is, the expression, and kiln's declared divergence if any."""

    path: Path
    lineno: int
    expr: str
    code: CodeType
    kiln_raises: type[BaseException] | None
    call: Call | None = None

    @property
    def id(self) -> str:
        return f"{self.path.stem}:{self.lineno}:{self.expr}"

    def evaluate(self, namespace: dict[str, Any]) -> Evaluation:
        """Evaluate the line in `namespace` (NumPy's warnings off): a call evaluates its function
        and arguments once, in order, calls, and keeps the arguments to compare afterwards."""
        evaluation = Evaluation(None)
        call = self.call

        def run() -> Any:
            if call is None:
                return eval(self.code, namespace)
            function = eval(call.function, namespace)
            args: list[Any] = []
            kwargs: dict[str, Any] = {}
            for argument in call.arguments:
                value = eval(argument.code, namespace)
                if argument.kind == "*":
                    for i, item in enumerate(value):
                        evaluation.arguments.append((f"(*{argument.text})[{i}]", item))
                    args.extend(value)
                    continue
                evaluation.arguments.append((argument.text, value))
                if argument.kind == "":
                    args.append(value)
                elif argument.kind == "**":
                    kwargs.update(value)
                else:
                    kwargs[argument.kind] = value
            evaluation.called = True
            return function(*args, **kwargs)

        with quiet():
            evaluation.result = outcome(run)
        return evaluation


def assert_same_arguments(expected: Evaluation, actual: Evaluation) -> None:
    """Every ndarray argument holds the same dtype, shape and contents on both sides."""
    want, got = expected.arrays(), actual.arrays()
    assert [name for name, _ in want] == [name for name, _ in got], (
        f"arguments differ: {[n for n, _ in want]} vs {[n for n, _ in got]}"
    )
    for (name, e), (_, a) in zip(want, got):
        if not same_value(e, a):
            raise AssertionError(
                f"argument {name} after the call: expected {describe(e)}, got {describe(a)}"
            )


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
        call = Call.parse(match["expr"], where)
        lines.append(RunLine(path, lineno, match["expr"], code, kiln_raises, call))
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
    jit, options = jit_decorator(), getattr(module, "JIT_OPTIONS", ())
    options = dict(options) if isinstance(options, dict) else dict.fromkeys(options, True)
    jit_module(module, (lambda fn: jit(fn, **options)) if options and not ORACLE_SELF else jit)
    return vars(module)


@functools.cache
def probed(path: Path) -> tuple[dict[str, Any], Any]:
    module, probe = load_probed_module(path, "probe")
    return vars(module), probe


@pytest.mark.parametrize("run", RUN_LINES, ids=lambda run: run.id)
def test_run_line(run: RunLine) -> None:
    """CPython and kiln agree on the line's outcome (or kiln shows the declared divergence)."""
    diverges = run.kiln_raises is not None and not ORACLE_SELF
    if diverges:
        expected = Evaluation(Raised(run.kiln_raises))
    else:
        expected = run.evaluate(python_globals(run.path))
        if run.kiln_raises is not None:  # test_line_is_sound checks the mark is a divergence
            result = expected.result
            assert not (isinstance(result, Raised) and result.type is run.kiln_raises)
    actual = run.evaluate(jit_globals(run.path))
    assert_same_result(expected.result, actual.result)
    if diverges:
        if run.kiln_raises is not OverflowError:
            return                      # no CPython run stops where kiln raises
        # the arrays as CPython leaves them when it raises where it first leaves int64
        namespace, probe = probed(run.path)
        probe.raising = True
        try:
            expected = run.evaluate(namespace)
        finally:
            probe.raising = False
    assert_same_arguments(expected, actual)


# ---------------------------------------------------------------------------------------------
# Lints of the corpus itself: CPython only, independent of kiln
# ---------------------------------------------------------------------------------------------

def check_supported_value(
    value: Any, what: str, *, int64: bool, numpy_scalars: bool = False
) -> None:
    """`value` is made of the subset's values (and of int64 ints if `int64`): Python scalars,
    tuples, ndarrays of the subset's dtypes, and NumPy scalars if `numpy_scalars`."""
    if isinstance(value, tuple):
        for item in value:
            check_supported_value(item, what, int64=int64, numpy_scalars=numpy_scalars)
        return
    if type(value) is np.ndarray:
        assert value.dtype in NUMPY_DTYPES, f"{what} is an array of dtype {value.dtype}"
        return
    supported = SUPPORTED_VALUES + (NUMPY_SCALARS if numpy_scalars else ())
    assert type(value) in supported, f"{what} is {describe(value)}, outside the subset"
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
    probed_run = run.evaluate(namespace)
    result = probed_run.result
    plain = run.evaluate(python_globals(run.path)).result
    assert isinstance(result, Raised) == isinstance(plain, Raised)
    assert same_value(result, plain) or isinstance(result, Raised) and result.type is plain.type
    assert probed_run.called or run.call is None, f"evaluating the arguments: CPython {result}"
    for name, value in probed_run.arguments:
        check_supported_value(value, f"argument {name}", int64=False, numpy_scalars=True)

    if isinstance(result, Raised):
        assert not issubclass(result.type, CORPUS_BUGS), f"CPython {result} at {result.where}"
        assert result.type is not TypeError or raised_by_raise_statement(result), (
            f"CPython {result} at {result.where}: a TypeError is a corpus bug unless raised "
            f"explicitly"
        )
    else:
        check_supported_value(result, "the result", int64=False, numpy_scalars=True)

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
        if name.startswith("__") or callable(value) or isinstance(value, types.ModuleType) or \
                name == "JIT_OPTIONS":          # the harness's, not a constant kiln reads
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
            run.evaluate(namespace)
    finally:
        sys.settrace(previous)
    assert not recorder.conflicts(), "\n".join(recorder.conflicts())
