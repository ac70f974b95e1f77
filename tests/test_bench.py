"""Smoke tests of `kiln bench`: the runner on the small sizes with one round, and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import kiln
from kiln import cli
from kiln.bench import Options, run, validate
from kiln.bench.impls import discover, select, with_array_variants
from kiln.bench.measure import describe, fresh, rotated, same_result
from kiln.bench.report import number

KERNELS = {"collatz", "fib", "integrate", "mandelbrot", "primes"}
ARRAY_KERNELS = {"histogram", "jacobi2d", "levenshtein", "matmul", "nbody", "pairwise",
                 "prefix_sum", "sieve"}
PARALLEL_KERNELS = {"mandelbrot", "pairwise", "pi", "row_sums"}
REPO = Path(__file__).resolve().parents[1]


def _run(tmp_path: Path, **fields: Any) -> tuple[int, dict[str, Any]]:
    out = tmp_path / "bench.json"
    status = run(Options(size="small", repeat=1, json_path=out, plain=True, **fields))
    return status, json.loads(out.read_text())


def _jit(compile_: Any) -> Any:
    """A stand-in for kiln.jit that accepts both `jit(fn)` and `jit(**options)(fn)`."""

    def jit(fn: Any = None, **options: Any) -> Any:
        return compile_ if fn is None else compile_(fn)

    return jit


def test_kernels_are_discovered_with_both_sizes() -> None:
    kernels = discover()
    assert {kernel.name for kernel in kernels} == KERNELS | ARRAY_KERNELS | PARALLEL_KERNELS
    assert {kernel.name for kernel in discover("kernels")} == KERNELS
    assert {kernel.name for kernel in discover("arrays")} == ARRAY_KERNELS
    assert {kernel.name for kernel in discover("parallel")} == PARALLEL_KERNELS
    for kernel in kernels:
        assert set(kernel.sizes) == {"small", "bench"}
        if kernel.section != "parallel":
            assert (kernel.inputs is not None) == (kernel.section == "arrays")


def test_array_kernel_inputs_are_deterministic() -> None:
    kernels = {kernel.name: kernel for kernel in discover("arrays")}
    assert kernels["matmul"].call_text("small") == "matmul(n=12)"
    first, second = (kernels["nbody"].arguments("small") for _ in range(2))
    assert all(same_result(a, b) for a, b in zip(first, second, strict=True))
    copies = fresh(first)
    copies[0][0, 0] = 99.0  # a kernel updating its arguments leaves the originals alone
    assert first[0][0, 0] != 99.0 and copies[3] == first[3]


def test_runner_smoke_cpython_numba(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, raw = _run(tmp_path, impls=("cpython", "numba"))
    assert status == 0
    assert set(raw) == {"machine", "options", "kernels", "arrays", "parallel", "calls", "gil",
                        "startup", "cache"}
    assert set(raw["kernels"]) == KERNELS
    assert set(raw["arrays"]) == ARRAY_KERNELS
    assert set(raw["parallel"]["kernels"]) == PARALLEL_KERNELS
    for kernel in [*raw["kernels"].values(), *raw["arrays"].values()]:
        assert kernel["cpython"]["status"] == "ok"
        assert kernel["numba"]["status"] in ("ok", "not installed: pip install -e .[bench]")
        assert "kiln" not in kernel and "kiln_unchecked" not in kernel
    printed = capsys.readouterr().out
    for title in ("Kernels", "Array kernels", "Parallel kernels", "Parallel loop entry",
                  "Call overhead", "GIL release", "Start-up", "Cache"):
        assert title in printed


def test_kiln_column_degrades(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Whatever state kiln is in, the kernel tables get a number or a status for it, the array
    table for kiln with boundscheck=False too, and the notes report the targets."""
    _, raw = _run(tmp_path, impls=("kiln",), sections=("kernels", "arrays", "calls"))
    cells = [kernel["kiln"] for kernel in raw["kernels"].values()]
    for kernel in raw["arrays"].values():
        cells += [kernel["kiln"], kernel["kiln_unchecked"]]
    for cell in cells:
        status = cell["status"]
        assert status in ("ok", "n/a", "MISMATCH") or status.startswith("error: ")
    assert all("kiln_unchecked" not in kernel for kernel in raw["kernels"].values())
    assert "kiln unchecked x" in capsys.readouterr().out


def test_targets_are_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _ = _run(tmp_path, kernels=("sieve",), sections=("arrays",))
    printed = capsys.readouterr().out
    assert status == 0
    for header in ("kiln x", "kiln unchecked x", "kiln/Numba", "kiln unchecked/Numba"):
        assert header in printed
    assert "target kiln/Numba >= 0.8" in printed
    assert "target kiln unchecked/Numba >= 1" in printed


def test_parallel_section(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each JIT's parallel=True version on 1 thread and on every CPU: a number or a status per
    cell, whatever state kiln's parallel support is in; CPython's results are the reference."""
    status, raw = _run(tmp_path, sections=("parallel",))
    assert status == 0
    section = raw["parallel"]
    names = ["kiln_1_thread", "numba_1_thread"]
    if section["threads"] > 1:
        names += ["kiln_all_threads", "numba_all_threads"]
    assert set(section["kernels"]) == PARALLEL_KERNELS
    for kernel in section["kernels"].values():
        assert kernel["cpython"]["status"] == "ok"
        for name in names:
            cell = kernel[name]["status"]
            assert cell in ("ok", "n/a") or cell.startswith(("error: ", "not installed"))
    assert set(section["loop_entry"]["loops"]) == set(names)
    printed = capsys.readouterr().out
    for text in ("Parallel kernels", "kiln 1t/Numba 1t", "Parallel loop entry", "loop entry µs"):
        assert text in printed
    threads = section["threads"]
    if threads > 1:
        assert f"kiln {threads}t/Numba {threads}t" in printed
        assert f"target kiln {threads}t/kiln 1t >= 1.8" in printed


def test_parallel_section_pins_threads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every call of a parallel version runs after set_num_threads(its count), with the
    implementation's prange in the kernel's module."""
    counts: list[int] = []
    monkeypatch.setattr(kiln, "jit", _jit(lambda fn: fn), raising=False)
    monkeypatch.setattr(kiln, "set_num_threads", counts.append, raising=False)
    status, raw = _run(tmp_path, impls=("kiln",), kernels=("pi",), sections=("parallel",))
    threads = raw["parallel"]["threads"]
    assert status == 0
    assert raw["parallel"]["kernels"]["pi"]["kiln_1_thread"]["status"] == "ok"
    assert set(counts) == {1, threads}


def test_compile_errors_become_cells(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class CompileError(Exception):
        pass

    def fail(fn: Any) -> Any:
        raise CompileError(f"cannot compile {fn.__name__}")

    monkeypatch.setattr(kiln, "jit", _jit(fail), raising=False)
    status, raw = _run(tmp_path, impls=("kiln",), kernels=("fib", "sieve"),
                       sections=("kernels", "arrays"))
    assert status == 0
    assert raw["kernels"]["fib"]["kiln"]["status"] == "error: CompileError"
    assert raw["arrays"]["sieve"]["kiln_unchecked"]["status"] == "error: CompileError"


@pytest.mark.parametrize("section, kernel", [("kernels", "primes"), ("arrays", "prefix_sum")])
def test_wrong_results_fail_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                    section: str, kernel: str) -> None:
    def off_by_one(fn: Any) -> Any:
        return lambda *args: fn(*args) + 1

    monkeypatch.setattr(kiln, "jit", _jit(off_by_one), raising=False)
    status, raw = _run(tmp_path, impls=("kiln",), kernels=(kernel,), sections=(section,))
    assert status == 1
    assert raw[section][kernel]["kiln"]["status"] == "MISMATCH"


def test_result_comparison() -> None:
    assert same_result(3, 3) and not same_result(3, 4) and not same_result(3, 3.0)
    assert same_result(1.0, 1.0 + 1e-12) and not same_result(1.0, 1.0 + 1e-6)
    assert same_result(float("nan"), float("nan"))
    assert same_result(np.float64(2.5), 2.5) and same_result(np.int64(7), 7)
    floats = np.array([[1.0, np.nan], [0.0, -2.0]])
    assert same_result(floats, floats * (1 + 1e-12))
    assert not same_result(floats, floats * (1 + 1e-6))
    assert not same_result(floats, floats.astype(np.float32))  # dtype
    assert not same_result(floats, floats.reshape(4))  # shape
    assert not same_result(floats, 1.0) and not same_result(1.0, floats)
    ints = np.arange(4)
    assert same_result(ints, np.arange(4)) and not same_result(ints, ints + 1)
    assert describe(np.zeros((2, 3))) == "float64[2, 3] sum 0.0"
    assert [impl.name for impl in with_array_variants(select(("kiln", "numba")))] == [
        "cpython", "kiln", "kiln_unchecked", "numba"]
    assert rotated(["a", "b", "c"], 1) == ["b", "c", "a"]
    assert [number(x) for x in (1.317, 498.3, 0.000512, None)] == ["1.32", "498", "0.000512", "-"]


def test_validate_names_unknown_choices() -> None:
    assert validate(Options()) is None
    assert validate(Options(kernels=("fib", "nbody"), sections=("arrays",))) is None
    problem = validate(Options(kernels=("fft",)))
    assert problem is not None and "fft" in problem and "fib" in problem and "nbody" in problem


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
