"""Every KILN_* environment variable, read once at import.

KILN_DEBUG      0 (default) to 4: dump each stage to stderr (1 IR, 2 typed IR, 3 LLVM IR,
                4 optimised LLVM IR and assembly)
KILN_OPT        LLVM optimisation level, 0 to 3 (default 3)
"""
from __future__ import annotations

import os


def _int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


DEBUG = _int("KILN_DEBUG", 0)
OPT = _int("KILN_OPT", 3)
