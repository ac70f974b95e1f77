"""llvmlite.binding, and nothing else: initialise once, one target machine for this host, the
new pass manager pipeline, one MCJIT engine that every compiled module joins."""
from __future__ import annotations

import contextlib
import functools

import llvmlite.binding as llb

from . import config


@functools.lru_cache(maxsize=None)
def target_machine() -> llb.TargetMachine:
    llb.initialize_native_target()
    llb.initialize_native_asmprinter()
    target = llb.Target.from_default_triple()
    name, features = cpu()
    return target.create_target_machine(cpu=name, features=features, opt=min(config.OPT, 3),
                                        jit=True)


@functools.cache
def cpu() -> tuple[str, str]:
    """This host's CPU and its features ("+avx2,+fma,..."), as LLVM names them."""
    return llb.get_host_cpu_name(), llb.get_host_cpu_features().flatten()


@functools.lru_cache(maxsize=None)
def engine() -> llb.ExecutionEngine:
    """MCJIT, for object code only: it is created with a module, which is removed at once,
    or its first finalize_object would run the code generator on that empty module."""
    tm = target_machine()
    empty = llb.parse_assembly("")
    empty.triple = tm.triple
    ee = llb.create_mcjit_compiler(empty, tm)
    ee.remove_module(empty)
    return ee


def parse(text: str) -> llb.ModuleRef:
    module = llb.parse_assembly(text)
    module.triple = target_machine().triple
    module.data_layout = str(target_machine().target_data)
    module.verify()
    return module


def optimize(module: llb.ModuleRef) -> None:
    if config.OPT <= 0:
        return
    options = llb.PipelineTuningOptions(speed_level=min(config.OPT, 3))
    options.loop_vectorization = True
    # No SLP vectoriser (packing straight-line scalar code into vectors): on nbody's pair
    # loop it packs two of the three coordinates and adds shuffles to the chain through
    # vel[i]: kiln bench nbody 0.95 of Numba with it, 1.05 without (script, alternating
    # runs); the other kernels' machine code is the same or their times are (loops still
    # vectorise through the loop vectoriser).
    options.slp_vectorization = False
    builder = llb.create_pass_builder(target_machine(), options)
    with _kiln_options():
        builder.getModulePassManager().run(module, builder)


def emit_object(module: llb.ModuleRef) -> bytes:
    with _kiln_options():
        return target_machine().emit_object(module)


def assembly(module: llb.ModuleRef) -> str:
    with _kiln_options():
        return target_machine().emit_assembly(module)


# LLVM's options are global to the process: kiln sets its own only while it optimises or
# generates code, and puts LLVM's defaults back, so other users of LLVM in the process (Numba)
# keep theirs.
KILN_OPTIONS = (
    # The loop vectoriser may vectorise a float sum that must keep its order (no fastmath):
    # the products in vector registers, the adds one by one in the original order, so the
    # result is bit for bit the sequential one. x86 leaves this off by default; gcc does it.
    # The yardstick's pairwise distances kernel, timed beside Numba's in one script: 0.95 of
    # Numba's speed without it, 1.2 with it.
    ("force-ordered-reductions", "true", "false"),
    # The x86 back end turns a loop's compare-and-select (cmov) into a branch when it guesses
    # the branch predictable; on a min() chain such as edit distance's, it is not (1.74 ms
    # against 1.18 with the select; gcc keeps the select too).
    ("x86-cmov-converter", "false", "true"),
)


@contextlib.contextmanager
def _kiln_options():
    for name, ours, _ in KILN_OPTIONS:
        llb.set_option("", f"-{name}={ours}")
    try:
        yield
    finally:
        for name, _, default in KILN_OPTIONS:
            llb.set_option("", f"-{name}={default}")


def load_object(code: bytes) -> None:
    """Link relocatable object code into the process and make its functions callable."""
    ee = engine()
    ee.add_object_file(llb.ObjectFileRef.from_data(code))
    ee.finalize_object()


def host() -> dict[str, str]:
    """What decides whether machine code runs here: the CPU, its features, LLVM's version."""
    name, features = cpu()
    return {"cpu": name, "features": features, "triple": llb.get_process_triple(),
            "llvm": ".".join(map(str, llb.llvm_version_info))}


def address(symbol: str) -> int:
    return engine().get_function_address(symbol)


def add_symbol(name: str, address_: int) -> None:
    llb.add_symbol(name, address_)
