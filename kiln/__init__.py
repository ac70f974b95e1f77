"""kiln: a just-in-time compiler for Python functions, through LLVM, with Python's semantics.

Public API re-exports only; importing kiln does not load LLVM (that happens at the first
compile).
"""
from .dispatch import Dispatcher, KilnWarning, jit, njit, prange
from .errors import CompileError, KilnError
from .runtime.pool import get_num_threads, set_num_threads

__version__ = "0.1.0"
__all__ = ["jit", "njit", "prange", "set_num_threads", "get_num_threads", "Dispatcher",
           "CompileError", "KilnError", "KilnWarning"]
