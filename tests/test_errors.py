"""Compile-error tests from tests/errors/*.py: the expected error is written on the offending line.

Each file is a plain module with

    x = [1, 2]   # error: list             the line the error must point at, and the words it must
                                          contain (case-insensitive; `int | tuple` = both words)
    # call: f(1)                          the call that triggers compilation
    # raises: TypeError                   optional: the exception class, kiln.CompileError if absent

Every own function of a fresh copy of the module is replaced by `kiln.jit(fn)` (except `_...`
input builders, which stay plain Python, e.g. one that makes a read-only array), then the call is
evaluated. It must raise the expected class (or a subclass), and str(error) must contain
`<file name>:<line of the # error comment>:` and every word.

When the offender is the call itself (an argument of a type kiln cannot compile), the `# error:`
is written on the `# call:` line: `# call: f("ab")  # error: str`. The message then needs the
words but no location in the file.

KILN_ORACLE_SELF=1 skips these (there is no compiler to raise anything); the files are still
checked for being well formed.
"""

from __future__ import annotations

import builtins
import re
from dataclasses import dataclass
from pathlib import Path
from types import CodeType

import pytest

from support import ORACLE_SELF, TESTS_DIR, jit_decorator, jit_module, load_module

ERRORS_DIR = TESTS_DIR / "errors"

ERROR = re.compile(r"#\s*error:\s*(?P<words>.+?)\s*$")
CALL = re.compile(r"^\s*#\s*call:\s*(?P<expr>.+?)(?:\s+#\s*error:\s*(?P<words>.+?))?\s*$")
RAISES = re.compile(r"^\s*#\s*raises:\s*(?P<name>\w+)\s*$")


@dataclass(frozen=True)
class ErrorCase:
    """One error file: where the error must point, what it must say, how to trigger it."""

    path: Path
    lineno: int | None  # None: the call is the offender, no location in the file to check
    words: tuple[str, ...]
    call: CodeType
    raises: str  # "CompileError" (kiln's) or the name of a builtin exception class


def words_of(text: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split("|"))


def parse_error_file(path: Path) -> ErrorCase:
    errors, calls, raises = [], [], []
    for lineno, line in enumerate(path.read_text().splitlines(), start=1):
        if match := CALL.search(line):
            calls.append(compile(match["expr"], f"{path.name}:{lineno}", "eval"))
            if match["words"]:
                errors.append((None, words_of(match["words"])))
        elif match := RAISES.search(line):
            raises.append(match["name"])
        elif match := ERROR.search(line):
            errors.append((lineno, words_of(match["words"])))
    if len(errors) != 1 or len(calls) != 1 or len(raises) > 1:
        raise ValueError(
            f"{path.name}: needs one '# error:', one '# call:' and at most one '# raises:'"
        )
    (lineno, words), (call,) = errors[0], calls
    assert all(words), f"{path.name}:{lineno}: empty word in '# error:'"
    raises_name = raises[0] if raises else "CompileError"
    assert raises_name == "CompileError" or isinstance(getattr(builtins, raises_name, None), type)
    return ErrorCase(path, lineno, words, call, raises_name)


ERROR_CASES = [parse_error_file(path) for path in sorted(ERRORS_DIR.glob("*.py"))]


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda case: case.path.stem)
def test_compile_error(case: ErrorCase) -> None:
    if ORACLE_SELF:
        pytest.skip("KILN_ORACLE_SELF=1: no compiler to raise errors")
    import kiln

    expected = getattr(builtins, case.raises, kiln.CompileError)
    module = load_module(case.path, "err")
    jit_module(module, jit_decorator())
    with pytest.raises(expected) as info:
        eval(case.call, vars(module))
    message = str(info.value)
    if case.lineno is not None:
        where = f"{case.path.name}:{case.lineno}:"
        assert where in message, f"the message does not point at {where}:\n{message}"
    missing = [word for word in case.words if word.lower() not in message.lower()]
    assert not missing, f"the message lacks {missing}:\n{message}"


@pytest.mark.parametrize("case", ERROR_CASES, ids=lambda case: case.path.stem)
def test_error_file_is_well_formed(case: ErrorCase) -> None:
    """The file imports cleanly and its call names one of its own functions."""
    module = load_module(case.path, "errlint")
    called = set(case.call.co_names)
    assert called & set(vars(module)), f"{case.path.name}: the call names no function of the file"
