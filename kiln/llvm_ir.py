"""Small llvmlite.ir helpers that every emitter shares: declare a function once per module,
build a private helper function once, and a private NUL-terminated string constant."""
from __future__ import annotations

import hashlib
from typing import Callable

from llvmlite import ir as ll

I8 = ll.IntType(8)


def declare(module: ll.Module, name: str, ret: ll.Type, args: list[ll.Type],
            var_arg: bool = False) -> ll.Function:
    """An external function (libm, libc, the C-API, an intrinsic), declared once."""
    return module.globals.get(name) or ll.Function(
        module, ll.FunctionType(ret, args, var_arg=var_arg), name)


def private_function(module: ll.Module, name: str, ret: ll.Type, args: list[ll.Type],
                     build: Callable[[ll.IRBuilder, ll.Function], None]) -> ll.Function:
    """An internal function of this module, built by `build(builder, function)` on first use."""
    existing = module.globals.get(name)
    if existing is not None:
        return existing
    fn = ll.Function(module, ll.FunctionType(ret, args), name)
    fn.linkage = "internal"
    build(ll.IRBuilder(fn.append_basic_block("entry")), fn)
    return fn


def string(module: ll.Module, text: str) -> ll.Value:
    """An i8* to a private constant holding `text` and a NUL (one per text per module)."""
    name = f".str.{hashlib.sha1(text.encode()).hexdigest()[:16]}"
    var = module.globals.get(name)
    if var is None:
        data = bytearray(text.encode() + b"\0")
        var = ll.GlobalVariable(module, ll.ArrayType(I8, len(data)), name)
        var.initializer = ll.Constant(var.type.pointee, data)
        var.global_constant, var.linkage = True, "private"
    return var.bitcast(I8.as_pointer())
