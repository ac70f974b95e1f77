"""Smoke tests of `kiln bench`: the runner on the small sizes with one round, and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import kiln
from kiln import cli
from kiln.bench import Options, run, validate
from kiln.bench.impls import discover
from kiln.bench.measure import rotated, same_result
from kiln.bench.report import number

KERNELS = {"collatz", "fib", "integrate", "mandelbrot", "primes"}
REPO = Path(__file__).resolve().parents[1]


def _run(tmp_path: Path, **fields: Any) -> tuple[int, dict[str, Any]]:
    out = tmp_path / "bench.json"
    status = run(Options(size="small", repeat=1, json_path=out, plain=True, **fields))
    return status, json.loads(out.read_text())


def test_kernels_are_discovered_with_both_sizes() -> None:
    kernels = {kernel.name: kernel for kernel in discover()}
    assert set(kernels) == KERNELS
    for kernel in kernels.values():
        assert set(kernel.sizes) == {"small", "bench"}


def test_runner_smoke_cpython_numba(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, raw = _run(tmp_path, impls=("cpython", "numba"))
    assert status == 0
    assert set(raw) == {"machine", "options", "kernels", "calls", "gil", "startup", "cache"}
    assert set(raw["kernels"]) == KERNELS
    for kernel in raw["kernels"].values():
        assert kernel["cpython"]["status"] == "ok"
        assert kernel["numba"]["status"] in ("ok", "not installed: pip install -e .[bench]")
        assert "kiln" not in kernel
    printed = capsys.readouterr().out
    for title in ("Kernels", "Call overhead", "GIL release", "Start-up", "Cache"):
        assert title in printed


def test_kiln_column_degrades(tmp_path: Path) -> None:
    """Whatever state kiln is in, the kernel table gets a number or a status for it."""
    _, raw = _run(tmp_path, impls=("kiln",), sections=("kernels", "calls"))
    for kernel in raw["kernels"].values():
        status = kernel["kiln"]["status"]
        assert status in ("ok", "n/a", "MISMATCH") or status.startswith("error: ")


def test_compile_errors_become_cells(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class CompileError(Exception):
        pass

    def failing_jit(fn: Any) -> Any:
        raise CompileError(f"cannot compile {fn.__name__}")

    monkeypatch.setattr(kiln, "jit", failing_jit, raising=False)
    status, raw = _run(tmp_path, impls=("kiln",), kernels=("fib",), sections=("kernels",))
    assert status == 0
    assert raw["kernels"]["fib"]["kiln"]["status"] == "error: CompileError"


def test_wrong_results_fail_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def off_by_one(fn: Any) -> Any:
        return lambda *args: fn(*args) + 1

    monkeypatch.setattr(kiln, "jit", off_by_one, raising=False)
    status, raw = _run(tmp_path, impls=("kiln",), kernels=("primes",), sections=("kernels",))
    assert status == 1
    assert raw["kernels"]["primes"]["kiln"]["status"] == "MISMATCH"


def test_result_comparison() -> None:
    assert same_result(3, 3) and not same_result(3, 4) and not same_result(3, 3.0)
    assert same_result(1.0, 1.0 + 1e-12) and not same_result(1.0, 1.0 + 1e-6)
    assert same_result(float("nan"), float("nan"))
    assert rotated(["a", "b", "c"], 1) == ["b", "c", "a"]
    assert [number(x) for x in (1.317, 498.3, 0.000512, None)] == ["1.32", "498", "0.000512", "-"]


def test_validate_names_unknown_choices() -> None:
    assert validate(Options()) is None
    problem = validate(Options(kernels=("nbody",)))
    assert problem is not None and "nbody" in problem and "fib" in problem


def test_cli_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--help"])
    assert exit_info.value.code == 0
    assert "bench" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        cli.main(["bench", "--help"])
    bench_help = capsys.readouterr().out
    for flag in ("--size", "--repeat", "--kernels", "--impls", "--json"):
        assert flag in bench_help


def test_python_dash_m_kiln() -> None:
    done = subprocess.run([sys.executable, "-m", "kiln", "bench", "--help"], cwd=REPO,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "--size" in done.stdout
