"""Every KILN_* environment variable, read once at import.

KILN_DEBUG      0 (default) to 4: dump each stage to stderr (1 typed IR and IR checks,
                3 LLVM IR, 4 optimised LLVM IR)
KILN_OPT        LLVM optimisation level, 0 to 3 (default 3)
KILN_CACHE      1 (default) to cache machine code on disk, 0 to compile in memory only
KILN_CACHE_DIR  one directory for every cache entry (default: __pycache__/kiln beside each
                source file, else the user's cache directory, e.g. ~/.cache/kiln)
KILN_CACHE_SIZE the most bytes of entries one cache directory keeps (default 256 MiB); the
                least recently used go first
KILN_NUM_THREADS threads in the pool that runs prange loops, the calling thread included
                (default: the CPU count)
"""
from __future__ import annotations

import os


def _int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


DEBUG = _int("KILN_DEBUG", 0)
CACHE = _int("KILN_CACHE", 1) != 0
CACHE_DIR = os.environ.get("KILN_CACHE_DIR", "")
CACHE_SIZE = _int("KILN_CACHE_SIZE", 256 * 2**20)
OPT = _int("KILN_OPT", 3)
NUM_THREADS = max(_int("KILN_NUM_THREADS", 0), 0)
