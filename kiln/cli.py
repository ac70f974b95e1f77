"""The `kiln` command: one argparse subcommand per tool, each a (help, configure, handle) entry in
`COMMANDS`. Handlers import what they need lazily, so `kiln --help` stays fast.

    kiln bench [--size small|bench] [--repeat N] [--kernels fib,primes] [--impls cpython,numba]
               [--sections kernels,calls,gil,startup] [--json FILE] [--plain]

A later `kiln cache info` / `kiln cache clear` is one more entry whose configure function adds
its own subparsers.
"""

from __future__ import annotations

import argparse
import faulthandler
from collections.abc import Callable
from pathlib import Path


def _names(text: str) -> tuple[str, ...]:
    """'fib, primes' -> ('fib', 'primes')."""
    return tuple(name.strip() for name in text.split(",") if name.strip())


def _configure_bench(parser: argparse.ArgumentParser) -> None:
    from kiln.bench.model import SIZE_NAMES, Options

    defaults = Options()
    parser.add_argument("--size", choices=SIZE_NAMES, default=defaults.size,
                        help="kernel arguments: 'small' takes milliseconds, 'bench' (default) "
                             "about a second of CPython per call")
    parser.add_argument("--repeat", type=int, default=defaults.repeat, metavar="N",
                        help=f"interleaved rounds; the best counts (default {defaults.repeat})")
    parser.add_argument("--kernels", type=_names, default=(), metavar="A,B",
                        help="only these kernels (default: all)")
    parser.add_argument("--impls", type=_names, default=defaults.impls, metavar="A,B",
                        help=f"implementations, from {','.join(defaults.impls)} (default: all; "
                             "cpython is always run, it is the reference)")
    parser.add_argument("--sections", type=_names, default=defaults.sections, metavar="A,B",
                        help=f"sections, from {','.join(defaults.sections)} (default: all)")
    parser.add_argument("--json", type=Path, default=None, metavar="FILE", dest="json_path",
                        help="also write the raw numbers to FILE")
    parser.add_argument("--plain", action="store_true",
                        help="plain text output even when rich is installed")


def _run_bench(args: argparse.Namespace) -> int:
    import kiln.bench as bench

    faulthandler.enable()  # a crash inside compiled code still shows which kernel was running
    options = bench.Options(size=args.size, repeat=args.repeat, kernels=args.kernels,
                            impls=args.impls, sections=args.sections, json_path=args.json_path,
                            plain=args.plain)
    problem = bench.validate(options)
    if problem:
        args.subparser.error(problem)
    return bench.run(options)


Configure = Callable[[argparse.ArgumentParser], None]
Handle = Callable[[argparse.Namespace], int]

COMMANDS: dict[str, tuple[str, Configure, Handle]] = {
    "bench": ("time kernels under CPython, kiln and Numba", _configure_bench, _run_bench),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiln", description="kiln: a JIT compiler for Python.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (summary, configure, handle) in COMMANDS.items():
        subparser = commands.add_parser(name, help=summary, description=summary)
        configure(subparser)
        subparser.set_defaults(handle=handle, subparser=subparser)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `kiln` script and of `python -m kiln`; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    status: int = args.handle(args)
    return status
