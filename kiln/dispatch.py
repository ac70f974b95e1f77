"""The object `@kiln.jit` returns: argument types -> specialisation, compile on a miss.

Each jitted function gets its own small subclass of Dispatcher. Once something is compiled,
that class's tp_call points at a native entry (wrapper.py) that checks argument types and
calls machine code directly; the Python `_miss` path below only runs for new types, keyword
arguments and subclasses of int/float.
"""
from __future__ import annotations

import functools
import inspect
import itertools
import threading
import warnings
from dataclasses import dataclass
from typing import Any

from .errors import CompileError
from .types import Type, UnsupportedValue, parse_signature, typeof

_compile_lock = threading.RLock()       # LLVM's engine is shared and not thread-safe
_entries = itertools.count()
SUPPORTED_OPTIONS = {"nogil", "cache", "parallel", "fastmath", "boundscheck", "error_model",
                     "inline", "forceobj", "nopython", "looplift", "_nrt"}


class KilnWarning(UserWarning):
    """An option or construct that kiln accepts but does not honour yet."""


@dataclass
class Specialization:
    """A compiled version: how to call it, and the compiler's output when it ran here."""

    build: Any          # pipeline.Build (typed IR and LLVM IR are missing if it came from disk)
    wrapper: Any        # the Python builtin that enters the machine code

    @property
    def return_type(self) -> Type:
        return self.build.return_type


class Dispatcher:
    """Compiles and calls one Python function, specialised on its argument types."""

    def __init__(self, func: Any, options: dict[str, Any], signatures: list[str]):
        functools.update_wrapper(self, func)
        self.py_func = func
        self.options = options
        self._signature = inspect.signature(func)
        self._params = list(self._signature.parameters)
        self._specs: dict[tuple[Type, ...], Any] = {}
        self._frozen = False
        for text in signatures:
            self.compile_signature(text)
        self._frozen = bool(signatures)

    # ---- calling -------------------------------------------------------------------------
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._miss(*args, **kwargs)

    def _miss(self, *args: Any, **kwargs: Any) -> Any:
        if kwargs or len(args) != len(self._params):
            bound = self._signature.bind(*args, **kwargs)
            bound.apply_defaults()
            args = bound.args
        types = self._types_of(args)
        compiled = self._specs.get(types)
        if compiled is None:
            if self._frozen:
                raise TypeError(f"{self.__name__}() has no compiled version for argument types "
                                f"({', '.join(map(str, types))}); compiled: "
                                f"{'; '.join(self._describe(s) for s in self._specs)}")
            compiled = self.compile(types)
        return compiled.wrapper(*args)

    def _types_of(self, args: tuple[Any, ...]) -> tuple[Type, ...]:
        types = []
        for name, value in zip(self._params, args):
            try:
                types.append(typeof(value))
            except UnsupportedValue as exc:
                raise TypeError(f"{self.__name__}() argument '{name}' has unsupported type "
                                f"{exc}; kiln compiles int, float, bool, None and tuples of "
                                "them") from None
        return tuple(types)

    # ---- compiling -----------------------------------------------------------------------
    def compile(self, types: tuple[Type, ...]) -> Specialization:
        """Machine code for argument types: from the disk cache, else from the compiler."""
        from . import cache, config, pipeline
        with _compile_lock:
            if types in self._specs:
                return self._specs[types]
            use_cache = config.CACHE and self.options.get("cache", True)
            build = cache.load(self.py_func, types, self.options) if use_cache else None
            if build is None:
                build = self._build(types)
                if use_cache:
                    cache.store(self.py_func, build, self.options)
            if self.options.get("parallel"):
                from .runtime import pool
                pool.ensure_loaded()               # prange loops call into the thread pool
            compiled = Specialization(build, pipeline.load(build))
            self._specs[types] = compiled
            self._install_entry()
            return compiled

    def _build(self, types: tuple[Type, ...]) -> Any:
        from . import pipeline
        try:
            return pipeline.compile_function(self.py_func, types, self.options)
        except CompileError as error:
            error.add_context(f"while compiling {self.__name__}({', '.join(map(str, types))})")
            raise error.with_traceback(None) from None

    def _full_build(self, types: tuple[Type, ...]) -> Any:
        """The compiler's complete output (recompiled, not loaded, if it came from disk)."""
        spec = self._specs[types]
        if not spec.build.functions:
            spec.build = self._build(types)
        return spec.build

    def compile_signature(self, text: str) -> None:
        ret, types = parse_signature(text)
        if len(types) != len(self._params):
            raise TypeError(f"signature {text!r} has {len(types)} arguments, "
                            f"{self.__name__}() takes {len(self._params)}")
        compiled = self.compile(types)
        if ret is not None and compiled.return_type != ret:
            raise CompileError(f"signature {text!r} declares a {ret} result, but "
                               f"{self.__name__}() returns {compiled.return_type}",
                               self._full_build(types).functions[0].span)

    def _install_entry(self) -> None:
        """Point the call slot at native code that checks argument types: the one compiled
        with a first specialisation, or a new one choosing among several."""
        from . import llvm
        from .runtime import capi
        if len(self._specs) == 1:
            (only,) = self._specs.values()
            capi.set_call_slot(type(self), llvm.address(only.build.entry_symbol))
            return
        from . import wrapper  # builds LLVM IR: a single specialisation never needs it
        name = f"kiln.entry.{id(self):x}.{next(_entries)}"
        specs = [(types, c.build.wrapper_symbol) for types, c in self._specs.items()]
        module = llvm.parse(str(wrapper.entry_module(name, specs)))   # tiny: no -O3 pipeline
        capi.register_numpy_symbols()
        llvm.load_object(llvm.emit_object(module))
        capi.set_call_slot(type(self), llvm.address(name))

    # ---- introspection -------------------------------------------------------------------
    @property
    def signatures(self) -> list[tuple[Type, ...]]:
        return list(self._specs)

    def _describe(self, types: tuple[Type, ...]) -> str:
        return f"({', '.join(map(str, types))})"

    def _select(self, signature: Any) -> dict[tuple[Type, ...], Any]:
        """Full builds for one signature (or all), compiling afresh those loaded from disk."""
        if signature is None:
            keys = list(self._specs)
        else:
            key = parse_signature(signature)[1] if isinstance(signature, str) else \
                tuple(signature)
            if key not in self._specs:
                raise KeyError(f"no compiled version for {self._describe(key)}")
            keys = [key]
        return {key: self._full_build(key) for key in keys}

    def inspect_llvm(self, signature: Any = None) -> Any:
        found = {k: b.llvm_ir for k, b in self._select(signature).items()}
        return found if signature is None else next(iter(found.values()))

    def inspect_asm(self, signature: Any = None) -> Any:
        from . import llvm
        found = {k: llvm.assembly(llvm.parse(b.llvm_ir)) for k, b in
                 self._select(signature).items()}
        return found if signature is None else next(iter(found.values()))

    def inspect_types(self, signature: Any = None, file: Any = None) -> str:
        from .inspect_types import annotate
        text = "\n\n".join(annotate(self.py_func, b.functions[0])
                            for b in self._select(signature).values())
        if file is not None:
            print(text, file=file)
        return text

    def __repr__(self) -> str:
        return f"<kiln.jit {self.__qualname__} with {len(self._specs)} specialisation(s)>"

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        return self if instance is None else functools.partial(self, instance)


def jit(func: Any = None, *args: Any, **options: Any) -> Any:
    """Compile a function on its first call for each combination of argument types.

    @kiln.jit, kiln.jit(f), @kiln.jit(nogil=True, ...), @kiln.jit("float64(float64, int64)").
    """
    signatures: list[str] = []
    if isinstance(func, str) or isinstance(func, (list, tuple)):
        signatures = [func] if isinstance(func, str) else list(func)
        func = None
    unknown = set(options) - SUPPORTED_OPTIONS
    if unknown:
        raise TypeError(f"unknown kiln.jit option(s): {', '.join(sorted(unknown))}; supported: "
                        f"{', '.join(sorted(SUPPORTED_OPTIONS))}")
    if options.get("error_model", "python") != "python":
        warnings.warn("kiln always follows Python's error model (ZeroDivisionError, ...)",
                      KilnWarning, stacklevel=2)

    def decorate(f: Any) -> Dispatcher:
        if isinstance(f, Dispatcher):
            f = f.py_func
        if not inspect.isfunction(f):
            raise TypeError(f"kiln.jit compiles Python functions, not {type(f).__name__}")
        cls = type("Dispatcher", (Dispatcher,), {"__module__": __name__})
        return cls(f, options, signatures)
    return decorate if func is None else decorate(func)


def njit(func: Any = None, *args: Any, **options: Any) -> Any:
    """Numba's name for the same thing (kiln is always in nopython mode)."""
    return jit(func, *args, **options)


def prange(*args: int) -> range:
    """A range whose iterations may run in parallel under parallel=True (a range otherwise)."""
    return range(*args)
