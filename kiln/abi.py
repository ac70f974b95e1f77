"""The native calling convention shared by compiled functions, the entry wrapper and the cache.

Every compiled function has the LLVM signature

    { i1 failed, T result } @name(%ExcInfo* exc, args...)

On failure it has written an exception kind (an index into EXCEPTIONS, plus one) and a
pointer to a constant NUL-terminated message (or null) into `exc`; the wrapper turns that into
the Python exception once it holds the GIL again. Values cross the boundary unboxed:
int -> i64, float -> double, bool -> i1, None -> i8, tuple -> struct, int | float -> {i8 tag, i64}.
"""
from __future__ import annotations

import builtins

EXCEPTIONS: tuple[str, ...] = tuple(sorted(
    name for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, BaseException)))


def exception_kind(name: str) -> int:
    return EXCEPTIONS.index(name) + 1
