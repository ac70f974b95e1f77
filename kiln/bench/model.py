"""The data the benchmark runner's parts hand each other: options in, tables and raw numbers out.

Sections (``suite``, ``micro``, ...) turn ``Options`` into a ``SectionResult``; ``report`` renders
its tables; ``kiln.bench.run`` gathers the raw numbers into the ``--json`` file.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SIZE_NAMES = ("small", "bench")
NA = "n/a"
NONE = "-"
MISMATCH = "MISMATCH"


@dataclass(frozen=True)
class Options:
    """What `kiln bench` was asked to do; `kernels` empty means every kernel."""

    size: str = "bench"
    repeat: int = 5
    kernels: tuple[str, ...] = ()
    impls: tuple[str, ...] = ("cpython", "kiln", "numba")
    sections: tuple[str, ...] = ("kernels", "arrays", "parallel", "calls", "gil", "startup",
                                 "cache")
    json_path: Path | None = None
    plain: bool = False


@dataclass
class Table:
    """A finished table: the first column is a label, the others hold formatted numbers."""

    title: str
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class SectionResult:
    """One section's table (and any more it prints after it), its raw numbers for --json, and
    whether any result was wrong."""

    table: Table
    raw: dict[str, Any]
    mismatch: bool = False
    more_tables: list[Table] = field(default_factory=list)


def error_cell(exc: BaseException) -> str:
    """The cell shown when an implementation raised: `error: CompileError`."""
    return f"error: {type(exc).__name__}"


def error_text(exc: BaseException) -> str:
    """The exception's type and the first line of its message, for notes and JSON."""
    lines = str(exc).strip().splitlines()
    first = lines[0] if lines else ""
    return f"{type(exc).__name__}: {first}"[:160]


def warning_text(caught: warnings.WarningMessage) -> str:
    """A warning caught while compiling, as error_text shows an exception:
    `KilnWarning: kiln.jit(parallel=True): ...`."""
    lines = str(caught.message).strip().splitlines()
    return f"{caught.category.__name__}: {lines[0] if lines else ''}"[:160]
