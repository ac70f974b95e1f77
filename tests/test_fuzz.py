"""Differential fuzzing of kiln against CPython: a fixed, seeded slice of `tests.fuzz`.

The generator, oracle and runner live in tests/fuzz (its __init__ maps the modules). Here:
the generator is deterministic and its source round-trips through `ast`; the int64-checked
operations agree with exact arithmetic; generated programs agree with their own oracle under
CPython; and, once kiln has `jit`, kiln agrees with CPython on 200 programs. For more programs:

    python -m tests.fuzz --count 10000 --seed 1 --jobs 2
"""

from __future__ import annotations

import ast
import operator
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `tests.fuzz` is imported as a package from the repository root
    sys.path.insert(0, str(ROOT))

from tests.fuzz import checked  # noqa: E402
from tests.fuzz.generator import generate, generate_tree  # noqa: E402
from tests.fuzz.pool import PoolConfig, run_many  # noqa: E402
from tests.fuzz.runner import (  # noqa: E402
    SELF_CHECK_DEFAULT, ProgramReport, format_failure, jit_under_test, write_reproducer,
)
from tests.fuzz.shrink import shrink  # noqa: E402
from tests.fuzz.summary import Tally  # noqa: E402

KILN_SEEDS = range(1, 201)
SELF_SEEDS = range(100_001, 100_401)
SHOWN_FAILURES = 3
INT64 = st.integers(min_value=checked.INT64_MIN, max_value=checked.INT64_MAX)


def _exact_or_overflow(value: int) -> int | type[OverflowError]:
    return value if checked.INT64_MIN <= value <= checked.INT64_MAX else OverflowError


def _checked_or_overflow(fn: object, *args: int) -> object:
    try:
        return fn(*args)  # type: ignore[operator]
    except OverflowError:
        return OverflowError


def _run(seeds: range, config: PoolConfig, out: Path) -> tuple[Tally, list[str]]:
    tally, failures = Tally(), []

    def on_report(report: ProgramReport) -> None:
        tally.add(report)
        if report.failed:
            path = write_reproducer(report, out, report.label.replace(" ", "_"))
            failures.append(format_failure(report, path))

    run_many(seeds, config, on_report)
    return tally, failures


def _message(tally: Tally, failures: list[str]) -> str:
    shown = "\n\n".join(failures[:SHOWN_FAILURES])
    return f"{len(failures)} failing programs\n{tally.render()}\n\n{shown}"


def test_generate_is_deterministic() -> None:
    for seed in (0, 1, 2, 12345):
        assert generate(seed) == generate(seed)


def test_generated_source_round_trips_through_ast() -> None:
    for seed in range(300):
        tree, _ = generate_tree(seed)
        assert ast.dump(ast.parse(ast.unparse(tree))) == ast.dump(tree), seed


@pytest.mark.parametrize(
    ("fn", "args", "expected"),
    [
        (checked.power, (-2, 63), -(2**63)),
        (checked.power, (2, 63), OverflowError),
        (checked.power, (3, 39), 3**39),
        (checked.power, (3, 40), OverflowError),
        (checked.power, (-1, 2**62 + 1), -1),
        (checked.power, (2, 2**62), OverflowError),
        (checked.power, (2, -1), 0.5),
        (checked.power, (True, 100), 1),
        (checked.lshift, (1, 62), 2**62),
        (checked.lshift, (1, 63), OverflowError),
        (checked.lshift, (-1, 63), -(2**63)),
        (checked.lshift, (0, 1000), 0),
        (checked.floordiv, (-(2**63), -1), OverflowError),
        (checked.mod, (-(2**63), -1), 0),
        (checked.neg, (-(2**63),), OverflowError),
        (checked.invert, (-(2**63),), 2**63 - 1),
        (checked.and_, (True, False), False),
    ],
)
def test_checked_operations_at_int64_edges(fn: object, args: tuple[int, ...],
                                           expected: object) -> None:
    result = _checked_or_overflow(fn, *args)
    assert result == expected and type(result) is type(expected)


def test_checked_calls_check_tuples() -> None:
    with pytest.raises(OverflowError):
        checked.call(divmod, -(2**63), -1)
    with pytest.raises(OverflowError):
        checked.call(abs, -(2**63))
    assert checked.call(round, 2.5) == 2


@given(INT64, INT64, st.sampled_from(["add", "sub", "mul", "floordiv", "mod", "and_", "xor"]))
def test_checked_binary_operations_are_exact_or_overflow(a: int, b: int, name: str) -> None:
    if name in ("floordiv", "mod") and b == 0:
        return
    exact = getattr(operator, name)(a, b)
    assert _checked_or_overflow(getattr(checked, name), a, b) == _exact_or_overflow(exact)


@given(INT64, st.integers(min_value=0, max_value=130))
def test_checked_power_and_shift_are_exact_or_overflow(a: int, b: int) -> None:
    assert _checked_or_overflow(checked.power, a, b) == _exact_or_overflow(a**b)
    assert _checked_or_overflow(checked.lshift, a, b) == _exact_or_overflow(a << b)


def test_shrink_keeps_the_failure_and_drops_the_rest(tmp_path: Path) -> None:
    """A program the oracle rejects (TypeError: a fuzzer bug) shrinks to the offending line."""
    path = tmp_path / "bad.py"
    path.write_text(
        "import math\n\n"
        "def f(a0, a1):\n"
        "    v0 = a0 * 2\n"
        "    for i0 in range(3):\n"
        "        a1 = a1 + math.sqrt(abs(a1))\n"
        "    return (v0 + 1) * (a1 - (a0 << 2.5))\n\n"
        "ARGS = [(1, 2.0), (3, 4.0)]\n"
    )
    smaller = shrink(path, tmp_path, self_check=True)
    assert smaller is not None
    assert "return a0 << 2.5" in smaller and "for" not in smaller and "ARGS = [(1, 2.0)]" in smaller


def test_generated_programs_agree_with_their_oracle(tmp_path: Path) -> None:
    """The identity "jit": plain and oracle renderings agree wherever no int overflowed."""
    tally, failures = _run(SELF_SEEDS, PoolConfig(jobs=0, self_check=True), tmp_path)
    assert not failures, _message(tally, failures)
    assert tally.runs > 3 * len(SELF_SEEDS)


def test_kiln_matches_cpython(tmp_path: Path) -> None:
    """200 seeded programs; a failure shows the source, arguments, outcomes and a reproducer."""
    if not SELF_CHECK_DEFAULT:
        try:
            jit_under_test(False)
        except RuntimeError as exc:
            pytest.skip(str(exc))
    config = PoolConfig(jobs=2, timeout=60.0, self_check=SELF_CHECK_DEFAULT)
    tally, failures = _run(KILN_SEEDS, config, tmp_path)
    assert not failures, _message(tally, failures)
