"""The CPython C-API and libc/libm symbols that compiled code calls, made known to LLVM once.

Functions are found through ctypes in the running interpreter and registered with
`llvmlite.binding.add_symbol`, so generated code names them ("PyFloat_FromDouble") and the
JIT linker resolves them; nothing is baked in as a raw address.
"""
from __future__ import annotations

import ctypes
import functools
import sys
from collections.abc import Iterator

from .. import abi, llvm

API_FUNCTIONS = (
    "PyLong_AsLongLongAndOverflow", "PyLong_FromLongLong", "PyFloat_AsDouble",
    "PyFloat_FromDouble", "PyBool_FromLong", "PyTuple_New", "PyTuple_GetItem", "PyTuple_SetItem",
    "PyTuple_Size", "PyEval_SaveThread", "PyEval_RestoreThread", "PyErr_SetString",
    "PyErr_SetNone", "PyErr_Occurred", "Py_IncRef", "Py_DecRef", "PyObject_GetAttrString",
    "PyObject_Call", "PyCapsule_New", "PyCapsule_GetPointer",
)
API_DATA = ("PyLong_Type", "PyFloat_Type", "PyBool_Type", "PyTuple_Type", "_Py_NoneStruct",
            "_Py_TrueStruct", "_Py_FalseStruct")
LIBM = ("sin", "cos", "tan", "asin", "acos", "atan", "atan2", "exp", "expm1", "log", "log2",
        "log10", "log1p", "pow", "fmod", "hypot", "sinh", "cosh", "tanh", "asinh", "acosh",
        "atanh", "erf", "erfc", "exp2", "cbrt", "roundeven", "floor", "ceil", "trunc",
        "copysign", "fabs", "sqrt", "frexp", "ldexp", "fma")
LIBC = ("snprintf", "strtod", "strtol", "strchr", "memcpy", "memset", "aligned_alloc", "calloc", "free",
        "memmove", "madvise")

_keep_alive: list[object] = []


@functools.lru_cache(maxsize=None)
def register_symbols() -> None:
    """Tell LLVM where every external symbol of generated code lives (once per process)."""
    for name in API_FUNCTIONS + API_DATA:
        llvm.add_symbol(name, _address(ctypes.pythonapi, name))
    for name in LIBM + LIBC:
        address = c_function(name)
        if address is not None:
            llvm.add_symbol(name, address)
    table = (ctypes.py_object * len(abi.EXCEPTIONS))(
        *[getattr(__import__("builtins"), name) for name in abi.EXCEPTIONS])
    _keep_alive.append(table)
    llvm.add_symbol("kiln_exceptions", ctypes.addressof(table))
    from . import nrt
    llvm.add_symbol("kiln_nrt_stats", ctypes.addressof(nrt.STATS))
    llvm.add_symbol("kiln_numpy_api", ctypes.addressof(NUMPY_API))
    slot = ctypes.py_object(find_numpy_api)
    _keep_alive.append(slot)
    llvm.add_symbol("kiln_find_numpy_api", ctypes.addressof(slot))


NUMPY_API = ctypes.c_void_p()       # NumPy's C-API table: kiln imports NumPy only when it boxes


def find_numpy_api() -> None:
    """Point NUMPY_API at the table numpy._core._multiarray_umath's _ARRAY_API capsule holds
    (generated code calls this when it first boxes a NumPy array or scalar)."""
    from numpy._core import _multiarray_umath
    capsule = _multiarray_umath._ARRAY_API
    # prototypes of their own: setting argtypes on ctypes.pythonapi's would change them for
    # every other user in the process
    name = ctypes.PYFUNCTYPE(ctypes.c_char_p, ctypes.py_object)(
        ("PyCapsule_GetName", ctypes.pythonapi))
    pointer = ctypes.PYFUNCTYPE(ctypes.c_void_p, ctypes.py_object, ctypes.c_char_p)(
        ("PyCapsule_GetPointer", ctypes.pythonapi))
    NUMPY_API.value = pointer(capsule, name(capsule))


def _address(library: ctypes.CDLL, name: str) -> int:
    """Where `library` defines the function or data `name` (ValueError if it does not)."""
    return ctypes.addressof(ctypes.c_char.in_dll(library, name))


def c_function(name: str) -> int | None:
    """Where libc or libm defines `name`, or None if neither does."""
    for library in _c_libraries(name):
        try:
            return _address(library, name)
        except ValueError:
            pass
    return None


def _c_libraries(name: str) -> Iterator[ctypes.CDLL]:
    yield ctypes.pythonapi         # Python links libc and libm: the process has both
    if name in LIBM:
        yield _libm()              # else libm on disk (finding it runs programs)


@functools.cache
def _libm() -> ctypes.CDLL:
    import ctypes.util
    return ctypes.CDLL(ctypes.util.find_library("m"))


def register_numpy_symbols() -> None:
    """NumPy's array type, dtypes and scalar types, once NumPy is imported (entries that check
    argument types refer to them by name)."""
    if "numpy" in sys.modules:
        _register_numpy()


@functools.lru_cache(maxsize=None)
def _register_numpy() -> None:
    import numpy as np
    from ..types import DTYPES
    llvm.add_symbol("kiln_np_ndarray", id(np.ndarray))
    for name in DTYPES:
        llvm.add_symbol(f"kiln_np_dtype.{name}", id(np.dtype(name)))
        llvm.add_symbol(f"kiln_np_scalar.{name}", id(np.dtype(name).type))
    for symbol, (function, data) in numpy_loops().items():
        llvm.add_symbol(symbol, function)
        if data:
            llvm.add_symbol(_data_symbol(symbol), data)


def numpy_loop_data_symbols() -> set[str]:
    """The data symbols of NumPy loops whose data pointer is not null."""
    return {_data_symbol(symbol) for symbol, (_, data) in numpy_loops().items() if data}


def _data_symbol(symbol: str) -> str:
    return symbol.replace("kiln_np_loop.", "kiln_np_loop_data.", 1)


@functools.lru_cache(maxsize=None)
def numpy_loops() -> dict[str, tuple[int, int]]:
    """(function, data) of the NumPy inner loops compiled code may call (lib/numpy_loops.py),
    by the symbol it calls them under."""
    from ..lib.numpy_loops import (BINARY, COMPLEX_ONLY, FAST_POWERS, LOOP_CHARS, TERNARY,
                                   UNARY, loop_symbols, ufunc_object)
    loops = {}
    for names, arity in ((dict.fromkeys((*UNARY, *COMPLEX_ONLY, *FAST_POWERS)), 1), (BINARY, 2),
                         (TERNARY, 3)):
        for name in names:
            found = ufunc_loops(ufunc_object(name))
            for dtype, char in LOOP_CHARS.items():
                signature = char * arity + "->" + char
                if signature in found:
                    loops[loop_symbols(name, dtype, arity)[0]] = found[signature]
    return loops


def ufunc_loops(ufunc) -> dict[str, tuple[int, int]]:
    """A NumPy ufunc's inner loops by type signature ("dd->d"): the addresses of the loop
    function and its data. They are read from the PyUFuncObject (numpy/ufuncobject.h: after
    the object header, int nin, nout, nargs, identity; functions; data; int ntypes; int
    reserved; const char *name), a public struct that NumPy 2 keeps stable; its name and count
    are checked against the ufunc's own before anything is trusted."""
    base = id(ufunc) + object.__basicsize__
    functions = ctypes.c_void_p.from_address(base + 16).value
    data = ctypes.c_void_p.from_address(base + 24).value
    count = ctypes.c_int.from_address(base + 32).value
    name = ctypes.c_char_p.from_address(base + 40).value
    if name != ufunc.__name__.encode() or count != len(ufunc.types) or not functions:
        raise RuntimeError(f"kiln does not know this NumPy's ufunc layout (np.{ufunc.__name__})")
    loops: dict[str, tuple[int, int]] = {}
    for k, signature in enumerate(ufunc.types):     # NumPy takes the first loop that fits:
        loops.setdefault(signature, (                 # np.exp lists d->d twice
            ctypes.c_void_p.from_address(functions + 8 * k).value,
            ctypes.c_void_p.from_address(data + 8 * k).value if data else None))
    return loops


# ---- native methods, and a class's call slot ---------------------------------------------
class PyMethodDef(ctypes.Structure):
    _fields_ = [("ml_name", ctypes.c_char_p), ("ml_meth", ctypes.c_void_p),
                ("ml_flags", ctypes.c_int), ("ml_doc", ctypes.c_char_p)]


METH_VARARGS = 0x0001
_new_function = ctypes.pythonapi.PyCFunction_NewEx
_new_function.restype = ctypes.py_object
_new_function.argtypes = [ctypes.POINTER(PyMethodDef), ctypes.py_object, ctypes.c_void_p]


def builtin_function(name: str, address: int) -> object:
    """A Python builtin calling `PyObject *fn(PyObject *self, PyObject *args)` at `address`."""
    definition = PyMethodDef(name.encode(), address, METH_VARARGS, None)
    function = _new_function(ctypes.byref(definition), None, None)
    _keep_alive.append(definition)
    return function


TP_NAME, TP_BASICSIZE, TP_CALL = 24, 32, 128   # PyTypeObject offsets, CPython 3.10 - 3.13


def _layout_is_known(cls: type) -> bool:
    base = id(cls)
    name = ctypes.c_char_p.from_address(base + TP_NAME).value or b""
    size = ctypes.c_ssize_t.from_address(base + TP_BASICSIZE).value
    return size == cls.__basicsize__ and name.decode().rsplit(".", 1)[-1] == cls.__name__


def set_call_slot(cls: type, address: int) -> bool:
    """Point a heap class's tp_call at native code; False if the type layout is unfamiliar."""
    if not _layout_is_known(cls):
        return False
    ctypes.c_void_p.from_address(id(cls) + TP_CALL).value = address
    return True
