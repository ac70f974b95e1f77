"""What the benchmarks compare: the implementations (CPython, kiln, Numba, and for the array
kernels kiln with boundscheck=False) and the kernels they run, each kernel loaded as a private
module copy whose public functions one implementation has compiled.

    load(fib, numba): a fresh copy of kernels/fib.py in which
        copy.fib    = numba.njit(original fib)     # recursion reaches compiled code
        copy.kernel = numba.njit(original kernel)  # and so do helper calls
    and the result is copy.kernel.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import itertools
import pkgutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from kiln.bench import array_kernels, kernels
from kiln.bench.model import NA

Decorate = Callable[..., Callable[..., Any]]
NUMBA_MISSING = "not installed: pip install -e .[bench]"


@dataclass(frozen=True)
class Impl:
    """One implementation. `decorate(fn, nogil=False)` compiles a function (identity for
    CPython); when `missing` is set the implementation cannot run and that is its cell text.
    `module` and `decorator` name it for the start-up subprocesses ("numba", "numba.njit");
    `importable` is False when that module is not installed. `variant_of` names the
    implementation this one is a compile option of ("kiln"): tables show its speed, not its
    compile time."""

    name: str
    label: str
    decorate: Decorate | None
    missing: str | None = None
    module: str = ""
    decorator: str = ""
    importable: bool = True
    variant_of: str = ""

    @property
    def is_jit(self) -> bool:
        return self.name != "cpython"

    @property
    def available(self) -> bool:
        return self.missing is None


def _cpython() -> Impl:
    def decorate(fn: Callable[..., Any], nogil: bool = False) -> Callable[..., Any]:
        return fn

    return Impl("cpython", "CPython", decorate)


def _kiln() -> Impl:
    import kiln

    jit = getattr(kiln, "jit", None)
    if jit is None:
        return Impl("kiln", "kiln", None, NA, "kiln", "kiln.jit")

    def decorate(fn: Callable[..., Any], nogil: bool = False) -> Callable[..., Any]:
        # kiln releases the GIL in every call; no disk cache, or a second run would time cache
        # loads as compile times (Numba's cache is off by default)
        compiled: Callable[..., Any] = jit(cache=False)(fn)
        return compiled

    return Impl("kiln", "kiln", decorate, None, "kiln", "kiln.jit")


def _kiln_unchecked() -> Impl:
    import kiln

    name, label = "kiln_unchecked", "kiln unchecked"  # short: it heads two columns
    jit = getattr(kiln, "jit", None)
    if jit is None:
        return Impl(name, label, None, NA, variant_of="kiln")

    def decorate(fn: Callable[..., Any], nogil: bool = False) -> Callable[..., Any]:
        compiled: Callable[..., Any] = jit(boundscheck=False, cache=False)(fn)
        return compiled

    return Impl(name, label, decorate, variant_of="kiln")


def _numba() -> Impl:
    try:
        import numba
    except ImportError:
        return Impl("numba", "Numba", None, NUMBA_MISSING, "numba", "numba.njit", False)

    def decorate(fn: Callable[..., Any], nogil: bool = False) -> Callable[..., Any]:
        return numba.njit(nogil=nogil)(fn)

    return Impl("numba", "Numba", decorate, None, "numba", "numba.njit")


FACTORIES: dict[str, Callable[[], Impl]] = {
    "cpython": _cpython,  # always measured: the reference for results and speedups
    "kiln": _kiln,
    "numba": _numba,
}
IMPL_NAMES = tuple(FACTORIES)


ARRAY_VARIANTS: dict[str, Callable[[], Impl]] = {
    "kiln": _kiln_unchecked,  # the array kernels also run without bounds checks
}


def select(names: tuple[str, ...]) -> list[Impl]:
    """The named implementations in canonical order, CPython always first."""
    wanted = set(names) | {"cpython"}
    return [factory() for name, factory in FACTORIES.items() if name in wanted]


def with_array_variants(impls: list[Impl]) -> list[Impl]:
    """`impls`, each followed by its array-kernel variant if it has one."""
    extended = []
    for impl in impls:
        extended.append(impl)
        if impl.name in ARRAY_VARIANTS:
            extended.append(ARRAY_VARIANTS[impl.name]())
    return extended


@dataclass(frozen=True)
class Kernel:
    """One kernel module. `section` is the package it lives in ("kernels" or "arrays"); `sizes`
    holds the kernel's arguments, or, when the module defines `_inputs`, that function's
    parameters (the array kernels build their arrays from a few numbers)."""

    name: str
    path: Path
    section: str
    sizes: dict[str, tuple[Any, ...]]
    inputs: Callable[..., tuple[Any, ...]] | None = None

    def arguments(self, size: str) -> tuple[Any, ...]:
        """The kernel's arguments at `size` (the runner builds them once per kernel and hands
        every call fresh copies of the arrays, see measure.fresh)."""
        params = self.sizes[size]
        return self.inputs(*params) if self.inputs else params

    def call_text(self, size: str) -> str:
        """`mandelbrot(400, 300, 256)`, or with `_inputs` its parameters: `matmul(n=150)`."""
        params = self.sizes[size]
        if self.inputs is None:
            return f"{self.name}({', '.join(repr(a) for a in params)})"
        names = inspect.signature(self.inputs).parameters
        return f"{self.name}({', '.join(f'{n}={a!r}' for n, a in zip(names, params))})"


PACKAGES: dict[str, ModuleType] = {
    "kernels": kernels,  # scalar Python: ints, floats, calls
    "arrays": array_kernels,  # explicit loops over NumPy arrays
}


def discover(section: str | None = None) -> list[Kernel]:
    """Every kernel module of `section` (default: of every section), by name; `_`-prefixed
    modules are helpers, not kernels."""
    found = []
    for name, package in PACKAGES.items():
        if section not in (None, name):
            continue
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            if info.name.startswith("_"):
                continue
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            found.append(Kernel(info.name, Path(inspect.getfile(module)), name,
                                dict(module.SIZES), getattr(module, "_inputs", None)))
    return found


_copies = itertools.count()


def _private_copy(kernel: Kernel, impl: Impl) -> ModuleType:
    name = f"_kiln_bench_{kernel.name}_{impl.name}_{next(_copies)}"
    spec = importlib.util.spec_from_file_location(name, kernel.path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # some compilers look a function's module up by name
    spec.loader.exec_module(module)
    return module


def load(kernel: Kernel, impl: Impl) -> Callable[..., Any]:
    """The kernel's entry point in a fresh copy whose public functions `impl` compiled."""
    assert impl.decorate is not None, impl.missing
    module = _private_copy(kernel, impl)
    for name, value in list(vars(module).items()):
        own = inspect.isfunction(value) and value.__module__ == module.__name__
        if own and not name.startswith("_"):
            setattr(module, name, impl.decorate(value))
    entry: Callable[..., Any] = module.kernel
    return entry
