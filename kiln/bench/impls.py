"""What the benchmarks compare: the implementations (CPython, kiln, Numba; for the array kernels
also kiln with boundscheck=False; for the parallel kernels each JIT with parallel=True at 1 thread
and at every CPU) and the kernels they run, each kernel loaded as a private module copy whose
public functions one implementation has compiled.

    load(fib, numba): a fresh copy of kernels/fib.py in which
        copy.fib    = numba.njit(original fib)     # recursion reaches compiled code
        copy.kernel = numba.njit(original kernel)  # and so do helper calls
        copy.prange = numba.prange                 # when the module has one (parallel kernels)
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
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from kiln.bench import array_kernels, kernels, parallel_kernels
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
    compile time. Tables compare this one's time with its `rival`'s ("numba"), and, for a
    parallel version run on several threads, with its `base`, the same run on 1 thread.
    `threads` > 0 runs every call with `module.set_num_threads(threads)` (see `use_threads`)."""

    name: str
    label: str
    decorate: Decorate | None
    missing: str | None = None
    module: str = ""
    decorator: str = ""
    importable: bool = True
    variant_of: str = ""
    rival: str = ""
    base: str = ""
    threads: int = 0

    @property
    def is_jit(self) -> bool:
        return self.name != "cpython"

    @property
    def available(self) -> bool:
        return self.missing is None

    @property
    def prange(self) -> Callable[..., Any]:
        """What `prange` means in this implementation's kernel copies: its module's prange
        (kiln.prange, numba.prange), the builtin range under CPython."""
        if not self.is_jit:
            return range
        prange: Callable[..., Any] = importlib.import_module(self.module).prange
        return prange

    def warm_up(self) -> None:
        """Right before a first call whose compile time is measured: compile and call a trivial
        function, so the JIT's compiler is loaded ("LLVM already loaded", as the goal states
        it) and its code and data have just been used. On the VMs measured here, memory left
        untouched for a second costs up to 10 us a page to touch again (summing a 16 MB array:
        1 ms, 42 ms after 3 s of other work). Without this, the JIT whose first call followed
        the other's found LLVM's code already warm, and the one after the CPython rounds paid
        for both: kiln's fib compiled in 27 ms warm and 100 ms in that place."""
        if self.is_jit and self.available:
            from kiln.bench.micro import add_one
            self.decorate(add_one)(1)

    def use_threads(self) -> None:
        """Before a call (outside its timing): pin the thread count of the calling thread's
        parallel loops to `threads`; nothing when `threads` is 0. An implementation without
        `set_num_threads` raises AttributeError, which becomes its cell."""
        if self.threads:
            importlib.import_module(self.module).set_num_threads(self.threads)


def _cpython() -> Impl:
    def decorate(fn: Callable[..., Any], nogil: bool = False) -> Callable[..., Any]:
        return fn

    return Impl("cpython", "CPython", decorate)


def _kiln(name: str = "kiln", label: str = "kiln", variant_of: str = "",
          **options: Any) -> Impl:
    """kiln.jit with `options`, raced against Numba."""
    import kiln

    shared = {"module": "kiln", "decorator": "kiln.jit", "variant_of": variant_of,
             "rival": "numba"}
    jit = getattr(kiln, "jit", None)
    if jit is None:
        return Impl(name, label, None, NA, **shared)

    def decorate(fn: Callable[..., Any], nogil: bool = False) -> Callable[..., Any]:
        # kiln releases the GIL in every call; no disk cache, or a second run would time cache
        # loads as compile times (Numba's cache is off by default)
        compiled: Callable[..., Any] = jit(cache=False, **options)(fn)
        return compiled

    return Impl(name, label, decorate, None, **shared)


def _kiln_unchecked() -> Impl:
    # a short label: it heads two columns
    return _kiln("kiln_unchecked", "kiln unchecked", variant_of="kiln", boundscheck=False)


def _numba(**options: Any) -> Impl:
    """numba.njit with `options` (and nogil when a section asks for it)."""
    try:
        import numba
    except ImportError:
        return Impl("numba", "Numba", None, NUMBA_MISSING, "numba", "numba.njit", False)

    def decorate(fn: Callable[..., Any], nogil: bool = False) -> Callable[..., Any]:
        return numba.njit(nogil=nogil, **options)(fn)

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

PARALLEL_VERSIONS: dict[str, Callable[[], Impl]] = {
    "kiln": lambda: _kiln(parallel=True),  # kiln.jit(parallel=True)
    "numba": lambda: _numba(parallel=True),  # numba.njit(parallel=True)
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


def _on_threads(impl: Impl, threads: int, suffix: str, base: str = "") -> Impl:
    """impl pinned to `threads` threads: ("kiln", 2, "all_threads") -> kiln_all_threads,
    labelled "kiln 2t" and raced against numba_all_threads."""
    return replace(impl, name=f"{impl.name}_{suffix}", label=f"{impl.label} {threads}t",
                   rival=f"{impl.rival}_{suffix}" if impl.rival else "", base=base,
                   threads=threads)


def parallel_versions(impls: list[Impl], threads: int) -> list[Impl]:
    """CPython, then each JIT's parallel version on 1 thread, and on `threads` threads (when
    that is more) with the 1-thread run as its base:
    [cpython, kiln_1_thread, kiln_all_threads, numba_1_thread, numba_all_threads]."""
    versions = []
    for impl in impls:
        if not impl.is_jit:
            versions.append(impl)
            continue
        parallel = PARALLEL_VERSIONS[impl.name]()
        single = _on_threads(parallel, 1, "1_thread")
        versions.append(single)
        if threads > 1:
            versions.append(_on_threads(parallel, threads, "all_threads", base=single.name))
    return versions


@dataclass(frozen=True)
class Kernel:
    """One kernel module. `section` names the package it lives in (a key of PACKAGES); `sizes`
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
    "parallel": parallel_kernels,  # prange loops, with reductions
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
    """The kernel's entry point in a fresh copy whose public functions `impl` compiled, and
    whose `prange`, if it has one, is `impl`'s."""
    assert impl.decorate is not None, impl.missing
    module = _private_copy(kernel, impl)
    if hasattr(module, "prange"):
        module.prange = impl.prange
    for name, value in list(vars(module).items()):
        own = inspect.isfunction(value) and value.__module__ == module.__name__
        if own and not name.startswith("_"):
            setattr(module, name, impl.decorate(value))
    entry: Callable[..., Any] = module.kernel
    return entry
