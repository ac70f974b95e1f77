"""The `kiln` command: one argparse subcommand per tool, each a (help, configure, handle) entry in
`COMMANDS`. Handlers import what they need lazily, so `kiln --help` stays fast.

    kiln bench [--size small|bench] [--repeat N] [--kernels fib,primes] [--impls cpython,numba]
               [--sections kernels,arrays,parallel,calls,gil,startup,cache] [--json FILE]
               [--plain]
    kiln cache info [PATHS...] [--plain]     where the machine-code cache lives, entries, bytes
    kiln cache clear [PATHS...]              delete those entries

`cache` looks in the user's cache directory (or KILN_CACHE_DIR) and in every __pycache__/kiln
under PATHS (default: the current directory).
"""

from __future__ import annotations

import argparse
import faulthandler
import os
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


def _configure_cache(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="cache_action", metavar="ACTION")
    info = actions.add_parser("info", help="list cache directories, entries and bytes")
    clear = actions.add_parser("clear", help="delete every cache entry found")
    for action in (info, clear):
        action.add_argument("paths", nargs="*", type=Path, default=[Path(".")], metavar="PATHS",
                            help="also the __pycache__/kiln directories under these "
                                 "(default: the current directory)")
    info.add_argument("--plain", action="store_true",
                      help="plain text output even when rich is installed")


def _cache_rows(paths: list[Path]) -> list[tuple[str, int, int]]:
    """(directory, entries, bytes) for every cache directory found."""
    from kiln import cache

    rows = []
    for directory in cache.directories(paths):
        sizes = []
        for entry in cache.entries(directory):
            try:
                sizes.append(entry.stat().st_size)
            except OSError:  # removed by a concurrent trim
                pass
        rows.append((os.path.abspath(directory), len(sizes), sum(sizes)))
    return rows


def _print_plain(facts: list[str], rows: list[tuple[str, int, int]], total: str) -> None:
    print("\n".join(facts))
    width = max([len("directory")] + [len(r[0]) for r in rows])
    print(f"{'directory'.ljust(width)}  {'entries':>7}  {'bytes':>12}")
    for directory, count, size in rows:
        print(f"{directory.ljust(width)}  {count:>7}  {size:>12,}")
    print(total)


def _print_rich(facts: list[str], rows: list[tuple[str, int, int]], total: str) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    for fact in facts:
        console.print(fact, highlight=False, soft_wrap=True)
    table = Table("directory", "entries", "bytes")
    for column in table.columns[1:]:
        column.justify = "right"
    for directory, count, size in rows:
        table.add_row(directory, str(count), f"{size:,}")
    console.print(table)
    console.print(total, highlight=False)


def _has_rich() -> bool:
    try:
        import rich  # noqa: F401
    except ImportError:
        return False
    return True


def _cache_info(args: argparse.Namespace) -> int:
    from kiln import cache, config

    rows = _cache_rows(args.paths)
    state = "on" if config.CACHE else "off (KILN_CACHE=0)"
    facts = [f"cache: {state}; user cache directory: {cache.user_cache_root()}",
             f"size bound: {config.CACHE_SIZE:,} bytes per directory, least recently used "
             "entries removed first"]
    total = (f"total: {sum(r[1] for r in rows)} entries, {sum(r[2] for r in rows):,} bytes "
             f"in {len(rows)} director{'y' if len(rows) == 1 else 'ies'}")
    show = _print_plain if args.plain or not _has_rich() else _print_rich
    show(facts, rows, total)
    return 0


def _cache_clear(args: argparse.Namespace) -> int:
    from kiln import cache

    found = cache.directories(args.paths)
    removed = cache.clear(args.paths)
    print(f"removed {removed} entr{'y' if removed == 1 else 'ies'} from {len(found)} "
          f"director{'y' if len(found) == 1 else 'ies'}")
    return 0


CACHE_ACTIONS = {"info": _cache_info, "clear": _cache_clear}


def _run_cache(args: argparse.Namespace) -> int:
    if args.cache_action is None:
        args.subparser.print_help()
        return 2
    return CACHE_ACTIONS[args.cache_action](args)


Configure = Callable[[argparse.ArgumentParser], None]
Handle = Callable[[argparse.Namespace], int]

COMMANDS: dict[str, tuple[str, Configure, Handle]] = {
    "bench": ("time kernels under CPython, kiln and Numba", _configure_bench, _run_bench),
    "cache": ("show or clear the on-disk machine-code cache", _configure_cache, _run_cache),
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
