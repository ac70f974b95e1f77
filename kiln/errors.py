"""Errors kiln reports to users, and the one place that renders a source position.

A `Span` is a source range in a real file (1-based lines, 0-based columns). `CompileError`
renders as::

    demo.py:12:15: unsupported operand types for +: int and str
        return x + name
               ^^^^^^^^
      x: int, name: str
      supported instead: int, float and bool operands
      while compiling f(int, str) at demo.py:10
"""
from __future__ import annotations

import linecache
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """Where a construct sits in its source file."""

    file: str
    line: int
    col: int
    end_line: int
    end_col: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col + 1}"


class KilnError(Exception):
    """Base of every error kiln raises by itself."""


class CompileError(KilnError):
    """Code outside the supported subset, or types that do not fit together."""

    def __init__(self, message: str, span: Span | None = None, *, types: str = "",
                 hint: str = "", notes: tuple[str, ...] = ()):
        self.message = message
        self.span = span
        self.types = types
        self.hint = hint
        self.notes = list(notes)
        super().__init__(message)

    def add_context(self, note: str) -> None:
        """Record an outer layer ("while compiling call to f at x.py:12")."""
        self.notes.append(note)

    def __str__(self) -> str:
        lines = [f"{self.span}: {self.message}" if self.span else self.message]
        if self.span:
            lines += _source_excerpt(self.span)
        if self.types:
            lines.append(f"  types: {self.types}")
        if self.hint:
            lines.append(f"  supported instead: {self.hint}")
        lines += [f"  {note}" for note in self.notes]
        return "\n".join(lines)


def _source_excerpt(span: Span) -> list[str]:
    """The source line and a caret line under the span (clipped to its first line)."""
    text = linecache.getline(span.file, span.line).rstrip("\n")
    if not text:
        return []
    end = span.end_col if span.end_line == span.line else len(text)
    width = max(1, end - span.col)
    return [f"    {text}", "    " + " " * span.col + "^" * width]
