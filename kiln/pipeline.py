"""The whole compiler, stage by stage: read this file to learn kiln.

    source -> AST -> untyped IR -> typed IR (elementwise chains fused) -> LLVM IR
    -> optimised LLVM IR -> object code
    object code -> linked into the process -> a Python builtin (the native entry)

`compile_function` runs the compiler; `load` links object code (fresh, or from the disk
cache, which skips every compiler stage) and returns the callable entry.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from . import config, llvm
from .types import Type

if TYPE_CHECKING:
    from . import ir


@dataclass
class Build:
    """The compiler's output for one function at fixed argument types."""

    name: str
    arg_types: tuple[Type, ...]
    return_type: Type
    wrapper_symbol: str           # PyObject *(self, args): unbox, call without the GIL, box
    object_code: bytes            # relocatable machine code for this host
    functions: list[ir.Function] = field(default_factory=list)  # typed IR, root first
    llvm_ir: str = ""             # optimised LLVM IR

    @property
    def entry_symbol(self) -> str:
        """PyObject *(self, args, kwargs): this specialisation alone as a class's call slot."""
        return entry_symbol(self.wrapper_symbol)


def entry_symbol(wrapper_symbol: str) -> str:
    return f"{wrapper_symbol}.entry"


def compile_function(func: Any, arg_types: tuple[Type, ...],
                     options: dict[str, Any] | None = None) -> Build:
    import secrets
    from . import codegen, fusion, inline, ir, reassociate, wrapper  # the compiler is
    from .infer import Inference                   # imported on its first use: code loaded
    from .verify import verify                     # from the disk cache never needs it

    inference = Inference(parallel=bool((options or {}).get("parallel")))
    typed = inference.root(func, arg_types)        # frontend + type inference, to a fixpoint
    functions = list(inference.functions.values())
    for fn in functions:
        fusion.fuse(fn)                            # elementwise chains -> one loop each
        reassociate.reassociate(fn)                # min/max of ints: the loop-carried one last
    for fn in reversed(functions):                 # callees first: a helper of helpers
        inline.inline_calls(fn)                    # small helpers' blocks in their callers
    if config.DEBUG:
        for fn in functions:
            verify(fn)                             # IR invariants (a failure is a kiln bug)
    debug(1, lambda: "\n\n".join(ir.format_function(f) for f in functions))
    unit = codegen.Unit(f"kiln.{secrets.token_hex(6)}", options)  # unique symbol names
    symbol = unit.emit_all(typed)                  # typed IR -> LLVM IR, callees included
    wrapper_symbol = wrapper.add_wrapper(unit, typed, symbol)   # the native entry for Python
    wrapper.add_entry(unit.module, entry_symbol(wrapper_symbol),  # its type check, for the
                      [(arg_types, wrapper_symbol)])             # call slot (cached with it)
    text = str(unit.module)
    debug(3, lambda: text)
    module = llvm.parse(text)                      # LLVM IR -> LLVM's in-memory module
    llvm.optimize(module)                          # the -O3 pipeline, vectorizers on
    optimized = str(module)
    debug(4, lambda: optimized)
    object_code = llvm.emit_object(module)         # machine code for this host's CPU
    return Build(func.__name__, arg_types, typed.return_type, wrapper_symbol, object_code,
                 functions, optimized)


_loaded: dict[str, Any] = {}   # wrapper symbol -> builtin: each object is linked once


def load(build: Build) -> Any:
    """Link object code into the process; the Python builtin that calls its entry."""
    from .runtime import capi
    if build.wrapper_symbol not in _loaded:
        capi.register_symbols()                    # C-API, libm and libc symbols for the linker
        capi.register_numpy_symbols()
        llvm.load_object(build.object_code)
        _loaded[build.wrapper_symbol] = capi.builtin_function(
            build.name, llvm.address(build.wrapper_symbol))
    return _loaded[build.wrapper_symbol]


def debug(level: int, text) -> None:
    if config.DEBUG >= level:
        print(f"---- kiln debug {level} ----\n{text()}", file=sys.stderr)
