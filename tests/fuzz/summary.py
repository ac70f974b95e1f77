"""Counting what a fuzzing session saw, and the summary printed at its end.

    programs 10000  runs 55012  matches 41234 (75.0%)  compile errors 12000 runs (21.8%) in ...
    failures 31 runs in 9 programs (crashes 1, timeouts 0)  invalid 0  skipped 0
    failures by kind:   float -> int: 12   OverflowError -> int: 7 ...
    compile errors by reason (top 8): ...
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .compare import signature
from .runner import COMPILE, INVALID, MATCH, MISMATCH, SKIPPED, ProgramReport

CRASH = "crash"
TIMEOUT = "timeout"


def _reason(message: str) -> str:
    """A compile error message with paths and numbers blanked, so like errors group together."""
    text = re.sub(r"\S*/\S*", "<path>", message)
    return re.sub(r"\d+", "N", text)[:120]


@dataclass
class Tally:
    """Running totals over program reports."""

    programs: int = 0
    runs: int = 0
    verdicts: Counter[str] = field(default_factory=Counter)
    failed_programs: int = 0
    compile_error_programs: int = 0  # programs with at least one call refused
    problems: Counter[str] = field(default_factory=Counter)  # crash / timeout / load
    signatures: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    reason_examples: dict[str, str] = field(default_factory=dict)  # reason -> first label
    oracle_errors: Counter[str] = field(default_factory=Counter)
    slowest: tuple[float, str] = (0.0, "")

    def add(self, report: ProgramReport) -> None:
        """Count one program."""
        self.programs += 1
        self.runs += len(report.runs)
        if report.failed:
            self.failed_programs += 1
        if report.problem:
            self.problems[report.problem.split(":")[0].split(" (")[0]] += 1
        if any(run.verdict == COMPILE for run in report.runs):
            self.compile_error_programs += 1
        for run in report.runs:
            self.verdicts[run.verdict] += 1
            if run.expected.error:
                self.oracle_errors[run.expected.error] += 1
            if run.verdict == COMPILE and run.actual is not None:
                reason = _reason(run.actual.message)
                self.reasons[reason] += 1
                self.reason_examples.setdefault(reason, report.label)
            if run.verdict == MISMATCH and run.actual is not None:
                self.signatures[signature(run.expected, run.actual)] += 1
            if run.verdict == INVALID:
                self.signatures["invalid program: " + signature(run.expected, run.expected)] += 1
        if report.oracle_seconds > self.slowest[0]:
            self.slowest = (report.oracle_seconds, report.label)

    def render(self) -> str:
        """The summary, a few lines."""
        runs = max(self.runs, 1)
        compile_runs = self.verdicts[COMPILE]
        lines = [
            f"programs {self.programs}  runs {self.runs}  "
            f"matches {self.verdicts[MATCH]} ({100 * self.verdicts[MATCH] / runs:.1f}%)  "
            f"compile errors {compile_runs} runs ({100 * compile_runs / runs:.1f}%) "
            f"in {self.compile_error_programs} programs",
            f"failures {self.verdicts[MISMATCH]} runs in {self.failed_programs} programs  "
            f"(crashes {self.problems[CRASH]}, timeouts {self.problems[TIMEOUT]}, "
            f"invalid runs {self.verdicts[INVALID]})  skipped {self.verdicts[SKIPPED]}",
            "oracle exceptions: " + _top(self.oracle_errors, 6),
            f"slowest oracle program: {self.slowest[1]} ({self.slowest[0] * 1000:.1f} ms)",
        ]
        other = {k: v for k, v in self.problems.items() if k not in (CRASH, TIMEOUT)}
        if other:
            lines.append("other problems: " + _top(Counter(other), 6))
        if self.signatures:
            lines.append("failures by kind (CPython -> kiln): " + _top(self.signatures, 10))
        if self.reasons:
            lines.append("compile errors by reason:")
            lines += [
                f"  {count:6d}  {reason}  (e.g. {self.reason_examples[reason]})"
                for reason, count in self.reasons.most_common(8)
            ]
        return "\n".join(lines)


def _top(counter: Counter[str], limit: int) -> str:
    if not counter:
        return "none"
    return ", ".join(f"{key}: {count}" for key, count in counter.most_common(limit))
