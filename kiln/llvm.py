"""llvmlite.binding, and nothing else: initialise once, one target machine for this host, the
new pass manager pipeline, one MCJIT engine that every compiled module joins."""
from __future__ import annotations

import functools

import llvmlite.binding as llb

from . import config


@functools.lru_cache(maxsize=None)
def target_machine() -> llb.TargetMachine:
    llb.initialize_native_target()
    llb.initialize_native_asmprinter()
    target = llb.Target.from_default_triple()
    return target.create_target_machine(cpu=llb.get_host_cpu_name(),
                                        features=llb.get_host_cpu_features().flatten(),
                                        opt=min(config.OPT, 3), jit=True)


@functools.lru_cache(maxsize=None)
def engine() -> llb.ExecutionEngine:
    tm = target_machine()
    empty = llb.parse_assembly("")
    empty.triple = tm.triple
    return llb.create_mcjit_compiler(empty, tm)


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
    options.slp_vectorization = True
    builder = llb.create_pass_builder(target_machine(), options)
    builder.getModulePassManager().run(module, builder)


def emit_object(module: llb.ModuleRef) -> bytes:
    return target_machine().emit_object(module)


def load_object(code: bytes) -> None:
    """Link relocatable object code into the process and make its functions callable."""
    ee = engine()
    ee.add_object_file(llb.ObjectFileRef.from_data(code))
    ee.finalize_object()


def host() -> dict[str, str]:
    """What decides whether machine code runs here: the CPU, its features, LLVM's version."""
    target_machine()
    return {"cpu": llb.get_host_cpu_name(), "features": llb.get_host_cpu_features().flatten(),
            "triple": llb.get_process_triple(),
            "llvm": ".".join(map(str, llb.llvm_version_info))}


def address(symbol: str) -> int:
    return engine().get_function_address(symbol)


def assembly(module: llb.ModuleRef) -> str:
    return target_machine().emit_assembly(module)


def add_symbol(name: str, address_: int) -> None:
    llb.add_symbol(name, address_)
