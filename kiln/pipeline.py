"""The whole compiler, stage by stage: read this file to learn kiln.

    source -> AST -> untyped IR -> typed IR -> LLVM IR -> optimised LLVM IR -> machine code
"""
from __future__ import annotations

import itertools
import sys
from dataclasses import dataclass
from typing import Any

from . import config, ir, llvm
from .types import Type

_units = itertools.count()


@dataclass
class Compiled:
    """One specialisation: machine code for a function at fixed argument types."""

    arg_types: tuple[Type, ...]
    typed: ir.Function            # the root's typed IR (callees hang off its calls)
    functions: list[ir.Function]  # every typed function in the unit
    llvm_ir: str                  # optimised LLVM IR of the unit
    wrapper_symbol: str           # PyObject *(self, args): unbox, call without the GIL, box
    wrapper: Any                  # the same as a Python builtin, for the dispatcher's slow path

    @property
    def return_type(self) -> Type:
        return self.typed.return_type


def compile_function(func: Any, arg_types: tuple[Type, ...]) -> Compiled:
    from . import codegen, wrapper                 # LLVM is loaded on the first compile only
    from .infer import Inference
    from .runtime import capi
    from .verify import verify

    capi.register_symbols()                        # C-API, libm and libc symbols for the linker
    inference = Inference()
    typed = inference.root(func, arg_types)        # frontend + type inference, to a fixpoint
    if config.DEBUG:
        for fn in inference.functions.values():
            verify(fn)                             # IR invariants (a failure is a kiln bug)
    debug(1, lambda: "\n\n".join(ir.format_function(f) for f in inference.functions.values()))
    unit = codegen.Unit(f"kiln.unit{next(_units)}")
    symbol = unit.emit_all(typed)                  # typed IR -> LLVM IR, callees included
    wrapper_symbol = wrapper.add_wrapper(unit, typed, symbol)   # the native entry for Python
    text = str(unit.module)
    debug(3, lambda: text)
    module = llvm.parse(text)                      # LLVM IR -> LLVM's in-memory module
    llvm.optimize(module)                          # the -O3 pipeline, vectorizers on
    optimized = str(module)
    debug(4, lambda: optimized)
    llvm.load(module)                              # machine code, linked into the process
    builtin = capi.builtin_function(func.__name__, llvm.address(wrapper_symbol))
    return Compiled(arg_types, typed, list(inference.functions.values()), optimized,
                    wrapper_symbol, builtin)


def debug(level: int, text) -> None:
    if config.DEBUG >= level:
        print(f"---- kiln debug {level} ----\n{text()}", file=sys.stderr)
