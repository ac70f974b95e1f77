"""Small llvmlite.ir helpers that every emitter shares: declare a function once per module,
build a private helper function once, a private NUL-terminated string constant, the two
loop shapes that hand-written loops take, and a loop's hints to LLVM.

    counted_loop(b, start, stop, lambda i: ...)     for i in range(start, stop, step)
    while_loop(b, lambda: cond, lambda: ...)         while cond: ...   (state in entry_slots)
"""
from __future__ import annotations

import hashlib
from typing import Callable

from llvmlite import ir as ll

I8, I64 = ll.IntType(8), ll.IntType(64)


def declare(module: ll.Module, name: str, ret: ll.Type, args: list[ll.Type],
            var_arg: bool = False) -> ll.Function:
    """An external function (libm, libc, the C-API, an intrinsic), declared once."""
    return module.globals.get(name) or ll.Function(
        module, ll.FunctionType(ret, args, var_arg=var_arg), name)


def libm(module: ll.Module, name: str, ret: ll.Type, args: list[ll.Type]) -> ll.Function:
    """A C math library function, declared `nobuiltin`: a call stays a call of the C library,
    as in CPython. LLVM otherwise rewrites such calls by what it knows of them, and it
    compiled `while w < 6 and math.fmod(x, x): w += 1; v = math.atan2(w, 7)` so that the loop
    never ran for a NaN x (found by the fuzzer; the same run times, script)."""
    function = declare(module, name, ret, args)
    function.attributes.add("nobuiltin")
    return function


def external_data(module: ll.Module, name: str) -> ll.Value:
    """The address of a symbol defined outside the module (registered with LLVM by name)."""
    return module.globals.get(name) or ll.GlobalVariable(module, I8, name)


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


def entry_slot(b: ll.IRBuilder, kind: ll.Type, name: str = "") -> ll.Value:
    """A stack slot in the function's entry block, wherever the builder is: mem2reg turns
    only those into registers, and an alloca inside a loop would grow the stack each trip."""
    with b.goto_entry_block():
        return b.alloca(kind, name=name)


def counted_loop(b: ll.IRBuilder, start: ll.Value, stop: ll.Value,
                 body: Callable[[ll.Value], None], step: int = 1) -> None:
    """body(i) for i = start, start + step, ... while i < stop; the builder ends after it.

        head: i = phi [start, entry], [i + step, body]; branch i < stop, body, done
    """
    entry = b.block
    head, inside, done = (b.append_basic_block(f"loop.{part}") for part in
                          ("head", "body", "done"))
    b.branch(head)
    b.position_at_end(head)
    i = b.phi(I64)
    i.add_incoming(start, entry)
    b.cbranch(b.icmp_signed("<", i, stop), inside, done)
    b.position_at_end(inside)
    body(i)
    i.add_incoming(b.add(i, ll.Constant(I64, step)), b.block)
    b.branch(head)
    b.position_at_end(done)


def while_loop(b: ll.IRBuilder, condition: Callable[[], ll.Value],
               body: Callable[[], None]) -> None:
    """while condition(): body(), the condition emitted in the loop's head block."""
    head, inside, done = (b.append_basic_block(f"while.{part}") for part in
                          ("head", "body", "done"))
    b.branch(head)
    b.position_at_end(head)
    b.cbranch(condition(), inside, done)
    b.position_at_end(inside)
    body()
    b.branch(head)
    b.position_at_end(done)


def scalar_loop_id(module: ll.Module, unroll: bool) -> ll.MDValue:
    """Metadata for a loop's branches (`!llvm.loop`): LLVM should not vectorise the loop, nor,
    unless `unroll`, unroll it by a count known only at run time. Each loop needs its own
    node, which names itself first, as LLVM's loop metadata asks."""
    hints = [module.add_metadata([ll.MetaDataString(module, "llvm.loop.vectorize.enable"),
                                  ll.Constant(ll.IntType(1), 0)])]
    if not unroll:
        hints.append(module.add_metadata([ll.MetaDataString(module,
                                                            "llvm.loop.unroll.runtime.disable")]))
    loop_id = ll.MDValue(module, hints, name=str(len(module.metadata)))
    loop_id.operands = (loop_id, *loop_id.operands)
    return loop_id
