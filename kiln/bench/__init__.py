"""kiln's benchmark runner, behind `kiln bench`: times CPython, kiln and Numba side by side.

`run(Options)` prints a header of machine facts, then runs each requested section in the order of
`SECTIONS`, printing its table as soon as it is done (progress goes to stderr), and writes the raw
numbers to `--json` when asked. It returns the exit status: 1 when any result disagreed with
CPython's, else 0. A kiln that fails to compile something is not a failure: its cell says
`error: <ExceptionType>` and the run goes on.

    kernels/*.py, array_kernels/*.py, parallel_kernels/*.py --impls.load--> compiled copies
        --suite/parallel/micro--> Table --report--> the screen
"""

from __future__ import annotations

import dataclasses
import json
import os
import platform
import sys
from collections.abc import Callable
from importlib import metadata
from typing import Any

from kiln.bench import impls as impl_table
from kiln.bench import cached, micro, parallel, suite
from kiln.bench.impls import Impl
from kiln.bench.model import SIZE_NAMES, Options, SectionResult
from kiln.bench.report import Display, make_display

Section = Callable[[Options, list[Impl], Display], SectionResult]

SECTIONS: dict[str, Section] = {
    "kernels": suite.scalar_kernels,  # scalar kernels: CPython seconds, speedups, compile times
    "arrays": suite.array_kernels,  # array kernels, also kiln without bounds checks; targets
    "parallel": parallel.parallel_kernels,  # prange kernels on 1 and all threads; loop entry
    "calls": micro.call_overhead,  # ns per call of a trivial compiled function
    "gil": micro.gil_release,  # 1 thread vs 2 threads of compiled work
    "startup": micro.startup,  # fresh interpreters: import, first result
    "cache": cached.cache_startup,  # fresh interpreters with a cold and a warm machine-code cache
}

__all__ = ["SECTIONS", "Options", "run", "validate"]


def validate(options: Options) -> str | None:
    """What is wrong with the options, in a sentence, or None."""
    kernel_names = list(dict.fromkeys(kernel.name for kernel in impl_table.discover()))
    wrong = [
        ("kernel", options.kernels, kernel_names),
        ("implementation", options.impls, list(impl_table.IMPL_NAMES)),
        ("section", options.sections, list(SECTIONS)),
        ("size", (options.size,), list(SIZE_NAMES)),
    ]
    for what, given, known in wrong:
        unknown = [name for name in given if name not in known]
        if unknown:
            return f"unknown {what} {', '.join(unknown)} (choose from {', '.join(known)})"
    if options.repeat < 1:
        return "--repeat must be at least 1"
    return None


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _load() -> str:
    """The 1-minute load average: above 0.5 or so, something else competes for the CPUs."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "unknown"


def machine_facts(options: Options) -> dict[str, str]:
    return {
        "size": options.size,
        "repeat": str(options.repeat),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "numba": _version("numba"),
        "llvmlite": _version("llvmlite"),
        "cpus": str(os.cpu_count()),
        "cpu": _cpu_model(),
        "load": _load(),
    }


def run(options: Options) -> int:
    """Run the sections `options` asks for; the exit status (1: some result was wrong)."""
    display = make_display(options.plain)
    facts = machine_facts(options)
    display.header(facts)
    impls = impl_table.select(options.impls)
    report: dict[str, Any] = {"machine": facts, "options": _jsonable(options)}
    failed = False
    for name in options.sections:
        result = SECTIONS[name](options, impls, display)
        for table in (result.table, *result.more_tables):
            display.table(table)
        report[name] = result.raw
        failed = failed or result.mismatch
    if options.json_path is not None:
        options.json_path.write_text(json.dumps(report, indent=2, default=repr) + "\n")
    if failed:
        print("MISMATCH: some results disagree with CPython's", file=sys.stderr)
    return 1 if failed else 0


def _jsonable(options: Options) -> dict[str, Any]:
    fields = dataclasses.asdict(options)
    fields["json_path"] = str(options.json_path) if options.json_path else None
    return fields
