"""How the runner talks to the user: progress on stderr while measuring, then tables on stdout.

Two displays share one interface: `RichDisplay` (rich.progress bars and rich.table tables) and
`PlainDisplay` (lines of text), chosen by `make_display` when rich is missing or --plain is given.
Also the one number format every cell uses: three significant digits, no exponent.
"""

from __future__ import annotations

import contextlib
import math
import sys
from collections.abc import Callable, Iterator
from typing import Protocol

from kiln.bench.model import MISMATCH, NA, NONE, Table

Tick = Callable[[str], None]  # tick("fib: Numba round 2"): the previous step is done


def number(value: float | None) -> str:
    """1.317 -> '1.32', 498.3 -> '498', 0.000512 -> '0.000512'; None -> '-'."""
    if value is None or math.isnan(value):
        return NONE
    if value == 0 or math.isinf(value):
        return f"{value:g}"
    digits = max(0, 2 - math.floor(math.log10(abs(value))))
    return f"{value:.{digits}f}"


class Display(Protocol):
    def header(self, facts: dict[str, str]) -> None: ...

    def progress(self, title: str, total: int) -> contextlib.AbstractContextManager[Tick]: ...

    def table(self, table: Table) -> None: ...


class PlainDisplay:
    """Progress as one stderr line per step; tables as aligned text."""

    def header(self, facts: dict[str, str]) -> None:
        print("kiln bench: " + ", ".join(f"{k} {v}" for k, v in facts.items()), flush=True)

    @contextlib.contextmanager
    def progress(self, title: str, total: int) -> Iterator[Tick]:
        done = 0

        def tick(description: str) -> None:
            nonlocal done
            done += 1
            print(f"{title} {done}/{total}: {description}", file=sys.stderr, flush=True)

        yield tick

    def table(self, table: Table) -> None:
        grid = [table.columns, *table.rows]
        widths = [max(len(row[i]) for row in grid) for i in range(len(table.columns))]

        def line(cells: list[str]) -> str:
            first = cells[0].ljust(widths[0])
            rest = (cell.rjust(width) for cell, width in zip(cells[1:], widths[1:], strict=True))
            return "  ".join([first, *rest]).rstrip()

        print(f"\n{table.title}")
        print(line(table.columns))
        print(line(["-" * width for width in widths]))
        for row in table.rows:
            print(line(row))
        for note in table.notes:
            print(note)
        sys.stdout.flush()


def _cell_style(cell: str) -> str:
    if cell == MISMATCH:
        return "bold red"
    if cell.startswith("error:"):
        return "yellow"
    if cell in (NA, NONE) or cell.startswith("not installed"):
        return "dim"
    return ""


class RichDisplay:
    """rich.progress bars on stderr, rich.table tables on stdout (wide when stdout is a file)."""

    def __init__(self) -> None:
        from rich.console import Console

        self.out = Console(width=None if sys.stdout.isatty() else 200)
        self.err = Console(stderr=True)

    def header(self, facts: dict[str, str]) -> None:
        from rich.text import Text

        line = Text("kiln bench", style="bold")
        for key, value in facts.items():
            line.append(f"  {key} ", style="dim").append(value)
        self.out.print(line, soft_wrap=True)

    @contextlib.contextmanager
    def progress(self, title: str, total: int) -> Iterator[Tick]:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        columns = (TextColumn(f"{title:<8}", markup=False), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), TextColumn("{task.description}", markup=False))
        with Progress(*columns, console=self.err, redirect_stdout=False,
                      redirect_stderr=False) as bar:
            task = bar.add_task("", total=total)
            started = False

            def tick(description: str) -> None:
                nonlocal started
                bar.update(task, advance=1 if started else 0, description=description)
                started = True

            yield tick
            bar.update(task, completed=total, description="done")

    def table(self, table: Table) -> None:
        from rich.table import Table as RichTable
        from rich.text import Text

        shown = RichTable()
        label_width = max(len(cell) for cell in [table.columns[0], *(r[0] for r in table.rows)])
        shown.add_column(table.columns[0], min_width=label_width)  # narrow screens wrap headers
        for column in table.columns[1:]:
            shown.add_column(column, justify="right")
        for row in table.rows:
            shown.add_row(*(Text(cell, style=_cell_style(cell)) for cell in row))
        self.out.print()
        self.out.print(Text(table.title, style="bold"), soft_wrap=True)
        self.out.print(shown)
        for note in table.notes:
            self.out.print(Text(note, style="dim"), soft_wrap=True)


def make_display(plain: bool) -> Display:
    """Rich output when rich is importable and --plain was not given."""
    if not plain:
        try:
            import rich  # noqa: F401
        except ImportError:
            pass
        else:
            return RichDisplay()
    return PlainDisplay()
