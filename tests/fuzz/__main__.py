"""Command line: `python -m tests.fuzz` from the repository root.

    python -m tests.fuzz --count 10000 --seed 1 --jobs 2     programs for seeds 1 .. 10000
    python -m tests.fuzz --replay DIR/seed_123.py            run a reproducer file again
    python -m tests.fuzz --shrink DIR/seed_123.py            write a smaller DIR/seed_123.min.py
    KILN_ORACLE_SELF=1 python -m tests.fuzz --count 5000     check the fuzzer against itself

Prints one block per failing program (source, arguments, both outcomes), writes each failing
program as a reproducer to --out, and ends with a summary. Exit status: 0 when nothing failed,
1 when something did, 2 when kiln cannot be tested at all.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from .pool import PoolConfig, run_many
from .runner import SELF_CHECK_DEFAULT, ProgramReport, format_failure, jit_under_test, replay
from .runner import write_reproducer
from .shrink import shrink
from .summary import Tally


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000, help="programs to run (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="first program seed (default 1)")
    parser.add_argument("--jobs", type=int, default=2,
                        help="worker processes; 0 runs in this process without isolation")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds per program before its worker counts as hung")
    parser.add_argument("--out", type=Path, default=None,
                        help="directory for reproducers (default: $TMPDIR/kiln-fuzz-failures-"
                             "<date>-<time>, made only when something fails)")
    parser.add_argument("--show", type=int, default=5,
                        help="print at most this many failing programs in full")
    parser.add_argument("--self-check", action="store_true", default=SELF_CHECK_DEFAULT,
                        help="jit is the identity (also KILN_ORACLE_SELF=1)")
    parser.add_argument("--replay", type=Path, nargs="+", default=None,
                        help="run reproducer files instead of generating programs")
    parser.add_argument("--shrink", type=Path, nargs="+", default=None,
                        help="shrink reproducer files, writing NAME.min.py beside each")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the session the command line asks for; returns the exit status."""
    args = parse_args(argv)
    if not args.self_check:
        try:
            jit_under_test(False)
        except (ImportError, RuntimeError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
    if args.replay:
        return _replay(args.replay, args.self_check)
    if args.shrink:
        return _shrink(args.shrink, args.self_check)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    out = args.out or Path(tempfile.gettempdir()) / f"kiln-fuzz-failures-{stamp}"  # made lazily
    tally = Tally()
    shown = 0
    started = time.monotonic()

    def on_report(report: ProgramReport) -> None:
        nonlocal shown
        tally.add(report)
        if report.failed:
            name = report.label.replace(" ", "_")
            path = write_reproducer(report, out, name)
            if shown < args.show:
                shown += 1
                print(format_failure(report, path), end="\n\n", flush=True)
        if tally.programs % 1000 == 0:
            print(f"... {tally.programs} programs, {tally.failed_programs} failing, "
                  f"{time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)

    mode = " (self-check: jit is the identity)" if args.self_check else ""
    print(f"kiln fuzz: seeds {args.seed} .. {args.seed + args.count - 1}, "
          f"{args.jobs} jobs{mode}", flush=True)
    config = PoolConfig(jobs=args.jobs, timeout=args.timeout, self_check=args.self_check)
    run_many(range(args.seed, args.seed + args.count), config, on_report)
    print(tally.render())
    print(f"time {time.monotonic() - started:.1f} s")
    if tally.failed_programs:
        print(f"reproducers for {tally.failed_programs} failing programs written to {out}")
    return 1 if tally.failed_programs else 0


def _replay(paths: list[Path], self_check: bool) -> int:
    """Run reproducer files in this process and print what each does now."""
    failed = 0
    with tempfile.TemporaryDirectory(prefix="kiln-fuzz-replay-") as workdir:
        for path in paths:
            report = replay(path, Path(workdir), self_check)
            if report.failed:
                failed += 1
                print(format_failure(report), end="\n\n")
            else:
                verdicts = ", ".join(run.verdict for run in report.runs)
                print(f"{path}: no failure ({verdicts})")
    return 1 if failed else 0


def _shrink(paths: list[Path], self_check: bool) -> int:
    """Shrink reproducer files in this process; print and save each smaller program."""
    with tempfile.TemporaryDirectory(prefix="kiln-fuzz-shrink-") as workdir:
        for path in paths:
            smaller = shrink(path, Path(workdir), self_check)
            if smaller is None:
                print(f"{path}: does not fail any more; nothing to shrink")
                continue
            target = path.with_suffix(".min.py")
            target.write_text(smaller)
            print(f"=== {target}\n{smaller}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
