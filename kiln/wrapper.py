"""The native entry points: the path from a Python call to machine code and back.

Per specialisation, a wrapper (a METH_VARARGS function)::

    PyObject *wrap(PyObject *self, PyObject *args)
        check len(args); unbox each argument        -> NULL with TypeError/OverflowError
        ts = PyEval_SaveThread()                    (the GIL is released here ...)
        {failed, result} = f(&excinfo, args...)
        PyEval_RestoreThread(ts)                    (... and taken back here)
        failed ? raise kiln_exceptions[kind](message) : box(result)

Per dispatcher, an entry installed as its class's tp_call: it compares the exact Python types
of the arguments with each specialisation's and calls the first wrapper that fits; anything
else (keywords, new types, subclasses) goes to the Python-level `self._miss(*args, **kw)`.
"""
from __future__ import annotations

from llvmlite import ir as ll

from typing import TYPE_CHECKING

from . import ir
from .runtime.boxing import OBJ, Api, box, exact_type_check, exception_index, tuple_item, unbox
from .types import Type

if TYPE_CHECKING:
    from .codegen import Unit

I1, I32, I64 = ll.IntType(1), ll.IntType(32), ll.IntType(64)


def add_wrapper(unit: "Unit", fn: ir.Function, llfn_symbol: str) -> str:
    """Add the METH_VARARGS wrapper of a compiled root function to its unit; return its name."""
    from .codegen import EXCINFO
    module = unit.module
    api = Api(module)
    name = f"{llfn_symbol}.wrapper"
    wrapper = ll.Function(module, ll.FunctionType(OBJ, [OBJ, OBJ]), name)
    b = ll.IRBuilder(wrapper.append_basic_block("entry"))
    _, args = wrapper.args
    null = ll.Constant(OBJ, None)
    count = len(fn.arg_types)
    wrong = b.icmp_signed("!=", b.call(api.PyTuple_Size, [args]), ll.Constant(I64, count))
    with b.if_then(wrong, likely=False):
        message = f"{fn.name}() takes {count} positional argument{'s' * (count != 1)}"
        b.call(api.PyErr_SetString, [api.exception(b, exception_index("TypeError")),
                                     api.cstring(message)])
        b.ret(null)
    values = []
    for i, t in enumerate(fn.arg_types):
        obj = b.call(api.PyTuple_GetItem, [args, ll.Constant(I64, i)])
        value, failed = unbox(api, b, obj, t)
        with b.if_then(failed, likely=False):
            b.ret(null)
        values.append(value)
    excinfo = b.alloca(EXCINFO)
    state = b.call(api.PyEval_SaveThread, [])
    result = b.call(unit.functions[id(fn)], [excinfo] + values)
    b.call(api.PyEval_RestoreThread, [state])
    with b.if_then(b.extract_value(result, 0), likely=False):
        kind = b.load(b.gep(excinfo, [ll.Constant(I32, 0), ll.Constant(I32, 0)]))
        message = b.load(b.gep(excinfo, [ll.Constant(I32, 0), ll.Constant(I32, 1)]))
        cls = api.exception(b, b.zext(b.sub(kind, ll.Constant(I32, 1)), I64))
        with b.if_else(b.icmp_unsigned("==", message, null)) as (no_message, with_message):
            with no_message:
                b.call(api.PyErr_SetNone, [cls])
            with with_message:
                b.call(api.PyErr_SetString, [cls, message])
        b.ret(null)
    b.ret(box(api, b, b.extract_value(result, 1), fn.return_type))
    return name


def entry_module(name: str, specs: list[tuple[tuple[Type, ...], str]]) -> ll.Module:
    """A module with `PyObject *name(self, args, kwargs)` choosing among wrappers by type."""
    module = ll.Module(name)
    add_entry(module, name, specs)
    return module


def add_entry(module: ll.Module, name: str, specs: list[tuple[tuple[Type, ...], str]]) -> None:
    """Add the entry `PyObject *name(self, args, kwargs)` choosing among wrappers by type."""
    api = Api(module)
    entry = ll.Function(module, ll.FunctionType(OBJ, [OBJ, OBJ, OBJ]), name)
    self, args, kwargs = entry.args
    b = ll.IRBuilder(entry.append_basic_block("entry"))
    miss = entry.append_basic_block("miss")
    null = ll.Constant(OBJ, None)
    positional = entry.append_basic_block("positional")
    b.cbranch(b.icmp_unsigned("==", kwargs, null), positional, miss)
    b.position_at_end(positional)
    size = b.load(b.gep(b.bitcast(args, I64.as_pointer()), [ll.Constant(I64, 2)]))
    for arg_types, wrapper_name in specs:
        wrapper = module.globals.get(wrapper_name) or ll.Function(
            module, ll.FunctionType(OBJ, [OBJ, OBJ]), wrapper_name)
        matches = b.icmp_signed("==", size, ll.Constant(I64, len(arg_types)))
        with b.if_then(matches):
            every = ll.Constant(I1, 1)
            for i, t in enumerate(arg_types):
                every = b.and_(every, exact_type_check(api, b, tuple_item(b, args, i), t))
            with b.if_then(every, likely=True):
                b.ret(b.call(wrapper, [self, args], tail=True))
    b.branch(miss)
    b.position_at_end(miss)
    method = b.call(api.PyObject_GetAttrString, [self, api.cstring("_miss")])
    with b.if_then(b.icmp_unsigned("==", method, null), likely=False):
        b.ret(null)
    result = b.call(api.PyObject_Call, [method, args, kwargs])
    b.call(api.Py_DecRef, [method])
    b.ret(result)
