"""The cache section: fresh interpreters that import a module of five compiled functions and call
each once, with an empty machine-code cache (cold) and with the cache a previous run left (warm).

    python -c "import numpy"                 the floor: kiln and Numba both import NumPy
    kiln cold / kiln warm                    @kiln.jit(cache=True), KILN_CACHE_DIR per run
    Numba cold / Numba warm                  @numba.njit(cache=True), NUMBA_CACHE_DIR per run

The module is written to a temporary directory once per implementation; `poly_sum` calls `poly`
and `norm` takes a NumPy array.
Every process shares one PYTHONPYCACHEPREFIX, so Python's own bytecode is cached for all of them
alike (even when the caller set PYTHONDONTWRITEBYTECODE), as in a user's installation.
Each round runs every probe once in rotating order; the median counts. A warm probe that found
nothing to load would only measure a cold start twice, so after the rounds one untimed warm kiln
run under KILN_DEBUG=1 (which prints typed IR whenever the compiler runs) proves it loaded.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiln.bench.impls import Impl
from kiln.bench.measure import median, rotated
from kiln.bench.micro import PROBE_TIMEOUT, _environment, _failure
from kiln.bench.model import MISMATCH, NONE, Options, SectionResult, Table
from kiln.bench.report import Display, number

FUNCTIONS = '''
def poly(x):
    return (3.0 * x - 2.0) * x + 1.0


def poly_sum(n):
    total = 0.0
    for i in range(n):
        total += poly(i * 0.001)
    return total


def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def norm(a):
    total = 0.0
    for i in range(a.shape[0]):
        total += a[i] * a[i]
    return float(total) ** 0.5
'''
CALLS = ("poly(1.5)", "poly_sum(1000)", "collatz(27)", "gcd(1071, 462)",
         "norm(numpy.arange(10.0))")
MAIN = f"import numpy\nimport bench_module as m\nprint({', '.join('m.' + call for call in CALLS)})\n"
WARM_TARGET_MS = 150.0  # warm kiln at most this much above `import numpy`
NUMBA_TARGET = 3.0  # and at least this many times faster than warm Numba


def module_text(impl: Impl) -> str:
    """The five functions, each under `impl`'s decorator with cache=True."""
    decorated = FUNCTIONS.replace("\ndef ", f"\n@{impl.decorator}(cache=True)\ndef ")
    return f"import numpy\nimport {impl.module}\n\n{decorated}"


def expected_output() -> str:
    import numpy
    namespace: dict[str, Any] = {"numpy": numpy}
    exec(FUNCTIONS, namespace)  # noqa: S102 - our own constant source, run as plain Python
    return " ".join(str(eval(call, namespace)) for call in CALLS)  # noqa: S307


@dataclass
class _Probe:
    """`python ARGS` in `cwd`; a warm probe reuses `cache`, a cold one gets a fresh directory."""

    label: str
    args: list[str]
    cwd: Path
    cache: Path | None = None  # None: a new empty cache directory every run
    status: str = "ok"
    error: str = ""
    times: list[float] = field(default_factory=list)


def _cache_env(cache: Path, scratch: Path) -> dict[str, str]:
    env = _environment(str(cache / "kiln"))
    env["NUMBA_CACHE_DIR"] = str(cache / "numba")
    env["XDG_CACHE_HOME"] = str(cache / "xdg")  # nothing escapes into ~/.cache
    env.pop("KILN_CACHE", None)  # this section times the cache: KILN_CACHE=0 would turn it off
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode cached for every contender alike,
    env["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")  # as a user's installation has it
    return env


def _run(probe: _Probe, expect: str, scratch: Path, debug: bool = False) -> str:
    """One timed run; the stderr it printed."""
    cache = probe.cache or Path(tempfile.mkdtemp(prefix="cold-", dir=scratch))
    env = _cache_env(cache, scratch)
    if debug:
        env["KILN_DEBUG"] = "1"
    start = time.perf_counter()
    done = subprocess.run([sys.executable, *probe.args], cwd=probe.cwd, env=env, text=True,
                          capture_output=True, timeout=PROBE_TIMEOUT, check=False)
    elapsed = time.perf_counter() - start
    if probe.cache is None:
        shutil.rmtree(cache, ignore_errors=True)
    if done.returncode != 0:
        probe.status, probe.error = _failure(done)
    elif expect and done.stdout.strip() != expect:
        probe.status, probe.error = MISMATCH, f"printed {done.stdout.strip()[:80]!r}"
    elif not debug:
        probe.times.append(elapsed)
    return done.stderr


def _probes(impls: list[Impl], workdir: Path) -> list[_Probe]:
    probes = [_Probe('python -c "import numpy"', ["-c", "import numpy"], workdir)]
    for impl in (i for i in impls if i.is_jit):
        home = workdir / impl.name
        home.mkdir()
        (home / "bench_module.py").write_text(module_text(impl))
        (home / "main.py").write_text(MAIN)
        cold = _Probe(f"{impl.label} cold", ["main.py"], home)
        warm = _Probe(f"{impl.label} warm", ["main.py"], home, workdir / f"warm-{impl.name}")
        if not impl.available:
            cold.status = warm.status = impl.missing or NONE
        probes += [cold, warm]
    return probes


def _medians(probes: list[_Probe]) -> dict[str, float | None]:
    return {p.label: median(p.times) if p.status == "ok" and p.times else None for p in probes}


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    return numerator / denominator if numerator is not None and denominator else None


def _notes(seconds: dict[str, float | None], floor: float | None) -> list[str]:
    notes = ["Each run: a fresh interpreter imports a module of five functions (poly_sum calls "
             "poly; norm takes a NumPy array) and calls each once; cold = empty "
             "cache, warm = the cache a previous run wrote."]
    kiln_warm, numba_warm = seconds.get("kiln warm"), seconds.get("Numba warm")
    kiln_cold, numba_cold = seconds.get("kiln cold"), seconds.get("Numba cold")
    if kiln_warm is not None and floor is not None:
        over = (kiln_warm - floor) * 1000
        verdict = "ok" if over <= WARM_TARGET_MS else "over target"
        notes.append(f"kiln warm - import numpy = {number(over)} ms (target <= "
                     f"{WARM_TARGET_MS:.0f} ms: {verdict}).")
    warm_ratio = _ratio(numba_warm, kiln_warm)
    if warm_ratio is not None:
        verdict = "ok" if warm_ratio >= NUMBA_TARGET else "under target"
        notes.append(f"Numba warm / kiln warm = {number(warm_ratio)} (target >= "
                     f"{NUMBA_TARGET:.0f}: {verdict}).")
    cold_ratio = _ratio(numba_cold, kiln_cold)
    if cold_ratio is not None:
        notes.append(f"Numba cold / kiln cold = {number(cold_ratio)} (above 1: kiln is faster).")
    return notes


def cache_startup(options: Options, impls: list[Impl], display: Display) -> SectionResult:
    """Median wall time of cold and warm fresh interpreters over `repeat` interleaved rounds."""
    expect = expected_output()
    with tempfile.TemporaryDirectory(prefix="kiln-bench-cache-") as tmp:
        workdir = Path(tmp)
        probes = _probes(impls, workdir)
        runnable = [p for p in probes if p.status == "ok"]
        fills = [p for p in runnable if p.cache is not None]
        steps = len(fills) + options.repeat * len(runnable) + 1
        with display.progress("cache", steps) as tick:
            for probe in fills:  # untimed: fills the warm cache and Python's bytecode cache
                tick(f"{probe.label}: filling the cache")
                _run(probe, expect, workdir, debug=True)
            for round_index in range(options.repeat):
                for probe in rotated(runnable, round_index):
                    if probe.status == "ok":
                        tick(f"{probe.label}, run {round_index + 1}")
                        _run(probe, "" if probe is probes[0] else expect, workdir)
            for probe in runnable:
                if probe.label == "kiln warm" and probe.status == "ok":
                    tick("kiln warm: checking that nothing was compiled")
                    if "kiln debug" in _run(probe, expect, workdir, debug=True):
                        probe.status, probe.error = "recompiled", "a warm run ran the compiler"
    seconds = _medians(probes)
    floor = seconds[probes[0].label]
    table = Table(f"Cache: import a module of five functions and call each once (median of "
                  f"{options.repeat})", ["process", "median s", "over import numpy s"])
    for probe in probes:
        value = seconds[probe.label]
        if value is None:
            table.rows.append([probe.label, probe.status, probe.status])
            continue
        over = value - floor if floor is not None else None
        table.rows.append([probe.label, number(value), number(over)])
    table.notes += _notes(seconds, floor)
    table.notes += [f"{p.label}: {p.error}" for p in probes if p.error]
    raw = {"expected": expect, "seconds": seconds,
           **{p.label: {"status": p.status, "error": p.error or None, "times": p.times}
              for p in probes}}
    return SectionResult(table, raw, any(p.status == MISMATCH for p in probes))
