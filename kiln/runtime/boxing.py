"""Box/unbox pairs, one per kiln type: Python object <-> native value, in generated LLVM IR.

    unbox(obj: PyObject*, int)   -> i64   (PyLong_AsLongLongAndOverflow; OverflowError past int64)
    box(i64, int)                -> PyObject* (PyLong_FromLongLong)

Unboxing assumes the object already has the right Python type (the entry checked it, or the
dispatcher's typeof did); it still reports conversion failures by returning a failure flag
with the Python error set.
"""
from __future__ import annotations

from llvmlite import ir as ll

from ..llvm_ir import declare, external_data, private_function, string
from . import nrt
from ..types import (BOOL, FLOAT, INT, NONE, NUMBER_ORDER, Array, Scalar, Tuple, Type, Union,
                     numpy_dtype)

I1, I8, I32, I64, DOUBLE = ll.IntType(1), ll.IntType(8), ll.IntType(32), ll.IntType(64), \
    ll.DoubleType()
OBJ = I8.as_pointer()
SIGNATURES = {
    "PyLong_AsLongLongAndOverflow": (I64, [OBJ, I32.as_pointer()]),
    "PyLong_FromLongLong": (OBJ, [I64]),
    "PyFloat_AsDouble": (DOUBLE, [OBJ]),
    "PyFloat_FromDouble": (OBJ, [DOUBLE]),
    "PyBool_FromLong": (OBJ, [I64]),
    "PyTuple_New": (OBJ, [I64]),
    "PyTuple_GetItem": (OBJ, [OBJ, I64]),
    "PyTuple_SetItem": (I32, [OBJ, I64, OBJ]),
    "PyTuple_Size": (I64, [OBJ]),
    "PyEval_SaveThread": (OBJ, []),
    "PyEval_RestoreThread": (ll.VoidType(), [OBJ]),
    "PyErr_SetString": (ll.VoidType(), [OBJ, OBJ]),
    "PyErr_SetNone": (ll.VoidType(), [OBJ]),
    "PyErr_Occurred": (OBJ, []),
    "Py_IncRef": (ll.VoidType(), [OBJ]),
    "Py_DecRef": (ll.VoidType(), [OBJ]),
    "PyObject_GetAttrString": (OBJ, [OBJ, OBJ]),
    "PyObject_Call": (OBJ, [OBJ, OBJ, OBJ]),
    "PyCapsule_New": (OBJ, [OBJ, OBJ, OBJ]),
    "PyCapsule_GetPointer": (OBJ, [OBJ, OBJ]),
}
# NumPy's C-API, by its index in the table of pointers that numpy._core's _ARRAY_API capsule
# holds (the same indices in NumPy 1.x and 2.x); runtime.capi finds the table on first use.
NUMPY_FUNCTIONS = {
    "PyArray_DescrFromType": (45, OBJ, [I32]),
    "PyArray_Scalar": (60, OBJ, [OBJ, OBJ, OBJ]),
    "PyArray_NewFromDescr": (94, OBJ, [OBJ, OBJ, I32, I64.as_pointer(), I64.as_pointer(), OBJ,
                                       I32, OBJ]),
    "PyArray_SetBaseObject": (282, I32, [OBJ, OBJ]),
}
NUMPY_ARRAY_TYPE = 2            # the table's entry for &PyArray_Type
DESCR_TYPE_NUM = 28             # PyArray_Descr's type_num (int), in NumPy 1.x and 2.x
# PyArrayObject fields (the same in NumPy 1.x and 2.x): data, nd, dimensions, strides, flags
ARRAY_DATA, ARRAY_ND, ARRAY_DIMS, ARRAY_STRIDES, ARRAY_DESCR, ARRAY_FLAGS = 16, 24, 32, 40, 56, 64
C_CONTIGUOUS, F_CONTIGUOUS, WRITEABLE = 0x1, 0x2, 0x400


class Api:
    """Declarations of C-API functions and objects in one LLVM module."""

    def __init__(self, module: ll.Module):
        self.module = module

    def __getattr__(self, name: str) -> ll.Function:
        ret, args = SIGNATURES[name]
        return declare(self.module, name, ret, args)

    def data(self, name: str) -> ll.Value:
        return external_data(self.module, name)

    def exception(self, builder: ll.IRBuilder, index: ll.Value) -> ll.Value:
        table = self.module.globals.get("kiln_exceptions") or ll.GlobalVariable(
            self.module, ll.ArrayType(OBJ, 0), "kiln_exceptions")
        return builder.load(builder.gep(table, [ll.Constant(I64, 0), index]))

    def cstring(self, text: str) -> ll.Value:
        return string(self.module, text)


def unbox(api: Api, b: ll.IRBuilder, obj: ll.Value, t: Type) -> tuple[ll.Value, ll.Value]:
    """(native value, failed flag) for a Python object known to be of type `t`."""
    if t == INT:
        overflow = b.alloca(I32)
        value = b.call(api.PyLong_AsLongLongAndOverflow, [obj, overflow])
        too_big = b.icmp_signed("!=", b.load(overflow), ll.Constant(I32, 0))
        with b.if_then(too_big, likely=False):
            b.call(api.PyErr_SetString, [api.exception(b, exception_index("OverflowError")),
                                         api.cstring("Python int too large for kiln's 64-bit "
                                                     "int")])
        error = b.and_(b.icmp_signed("==", value, ll.Constant(I64, -1)),
                       b.icmp_unsigned("!=", b.call(api.PyErr_Occurred, []),
                                       ll.Constant(OBJ, None)))
        return value, b.or_(too_big, error)
    if t == FLOAT:
        value = b.call(api.PyFloat_AsDouble, [obj])
        error = b.and_(b.fcmp_ordered("==", value, ll.Constant(DOUBLE, -1.0)),
                       b.icmp_unsigned("!=", b.call(api.PyErr_Occurred, []),
                                       ll.Constant(OBJ, None)))
        return value, error
    if t == BOOL:
        return b.icmp_unsigned("==", obj, api.data("_Py_TrueStruct")), ll.Constant(I1, 0)
    if t == NONE:
        return ll.Constant(I8, 0), ll.Constant(I1, 0)
    if isinstance(t, Array):
        return unbox_array(b, obj, t), ll.Constant(I1, 0)
    if numpy_dtype(t):
        return unbox_numpy_scalar(api, b, obj, t), ll.Constant(I1, 0)
    if isinstance(t, Tuple):
        from ..codegen import lltype
        value, failed = ll.Constant(lltype(t), ll.Undefined), ll.Constant(I1, 0)
        for i, item_type in enumerate(t.items):
            item = b.call(api.PyTuple_GetItem, [obj, ll.Constant(I64, i)])
            item_value, item_failed = unbox(api, b, item, item_type)
            value = b.insert_value(value, item_value, i)
            failed = b.or_(failed, item_failed)
        return value, failed
    raise TypeError(f"cannot unbox {t}")


def field(b: ll.IRBuilder, obj: ll.Value, offset: int, kind: ll.Type) -> ll.Value:
    return b.load(b.bitcast(b.gep(obj, [ll.Constant(I64, offset)]), kind.as_pointer()))


def unbox_array(b: ll.IRBuilder, obj: ll.Value, t: Array) -> ll.Value:
    """The native struct of a NumPy array: a borrowed view (meminfo = the object | 1)."""
    from ..codegen import lltype
    value = ll.Constant(lltype(t), ll.Undefined)
    tagged = b.inttoptr(b.or_(b.ptrtoint(obj, I64), ll.Constant(I64, 1)), OBJ)
    value = b.insert_value(value, tagged, 0)
    value = b.insert_value(value, field(b, obj, ARRAY_DATA, OBJ), 1)
    dims = field(b, obj, ARRAY_DIMS, I64.as_pointer())
    strides = field(b, obj, ARRAY_STRIDES, I64.as_pointer())
    for axis in range(t.ndim):
        value = b.insert_value(value, b.load(b.gep(dims, [ll.Constant(I64, axis)])), [2, axis])
        value = b.insert_value(value, b.load(b.gep(strides, [ll.Constant(I64, axis)])),
                               [3, axis])
    return value


def unbox_numpy_scalar(api: Api, b: ll.IRBuilder, obj: ll.Value, t: Scalar) -> ll.Value:
    """NumPy scalar objects keep their value right after the object header."""
    from ..codegen import lltype
    kind = lltype(t)
    if kind == I1:
        return b.icmp_unsigned("!=", field(b, obj, 16, I8), ll.Constant(I8, 0))
    return field(b, obj, 16, kind)


def box(api: Api, b: ll.IRBuilder, value: ll.Value, t: Type) -> ll.Value:
    """A new reference to a Python object for a native value (null if allocation failed)."""
    if isinstance(t, Array):
        return box_array(api, b, value, t)
    if numpy_dtype(t):
        return box_numpy_scalar(api, b, value, t)
    if t == INT:
        return b.call(api.PyLong_FromLongLong, [value])
    if t == FLOAT:
        return b.call(api.PyFloat_FromDouble, [value])
    if t == BOOL:
        return b.call(api.PyBool_FromLong, [b.zext(value, I64)])
    if t == NONE or not isinstance(t, (Tuple, Union)):
        none = api.data("_Py_NoneStruct")
        b.call(api.Py_IncRef, [none])
        return none
    if isinstance(t, Tuple):
        result = b.call(api.PyTuple_New, [ll.Constant(I64, len(t.items))])
        for i, item_type in enumerate(t.items):
            item = box(api, b, b.extract_value(value, i), item_type)
            b.call(api.PyTuple_SetItem, [result, ll.Constant(I64, i), item])
        return result
    tag = b.extract_value(value, 0)
    results = []
    done = b.append_basic_block("box.done")
    for member in t.members:
        is_member = b.icmp_unsigned("==", tag, ll.Constant(I8, NUMBER_ORDER.index(member)))
        with b.if_then(is_member):
            from ..codegen import unpack_member
            results.append((box(api, b, unpack_member(b, value, member), member), b.block))
            b.branch(done)
    b.unreachable()
    b.position_at_end(done)
    phi = b.phi(OBJ)
    for obj, block in results:
        phi.add_incoming(obj, block)
    return phi


def call_python(api: Api, b: ll.IRBuilder, function: str, args: list[ll.Value]) -> ll.Value:
    """Call a kiln runtime function (a PyObject* registered under `function`); steals args."""
    tuple_ = b.call(api.PyTuple_New, [ll.Constant(I64, len(args))])
    for i, arg in enumerate(args):
        b.call(api.PyTuple_SetItem, [tuple_, ll.Constant(I64, i), arg])
    callee = b.load(b.bitcast(api.data(function), OBJ.as_pointer()))
    result = b.call(api.PyObject_Call, [callee, tuple_, ll.Constant(OBJ, None)])
    b.call(api.Py_DecRef, [tuple_])
    return result


def numpy_table(api: Api, b: ll.IRBuilder) -> ll.Value:
    """NumPy's C-API table (runtime.capi.find_numpy_api fills its slot on the first call)."""
    slot = b.bitcast(api.data("kiln_numpy_api"), OBJ.as_pointer().as_pointer())
    with b.if_then(b.icmp_unsigned("==", b.load(slot), ll.Constant(OBJ.as_pointer(), None)),
                   likely=False):
        b.call(api.Py_DecRef, [call_python(api, b, "kiln_find_numpy_api", [])])
    return b.load(slot)


def numpy_call(api: Api, b: ll.IRBuilder, name: str, args: list[ll.Value]) -> ll.Value:
    index, ret, argtypes = NUMPY_FUNCTIONS[name]
    entry = b.load(b.gep(numpy_table(api, b), [ll.Constant(I64, index)]))
    return b.call(b.bitcast(entry, ll.FunctionType(ret, argtypes).as_pointer()), args)


def type_number(t: Array | Scalar) -> ll.Constant:
    """NumPy's type number for the dtype of an array or NumPy scalar type."""
    import numpy as np
    return ll.Constant(I32, np.dtype(t.dtype if isinstance(t, Array) else numpy_dtype(t)).num)


def box_array(api: Api, b: ll.IRBuilder, value: ll.Value, t: Array) -> ll.Value:
    """The NumPy array for a native array; the reference the native value held moves to it.

    An argument returned whole is the argument itself. A view of an argument is a new array
    whose base is the argument; an array compiled code made is a new array whose base is a
    capsule that drops the block's reference when NumPy frees it."""
    meminfo, data = b.extract_value(value, 0), b.extract_value(value, 1)
    address = b.ptrtoint(meminfo, I64)
    borrowed = b.icmp_unsigned("!=", b.and_(address, ll.Constant(I64, 1)), ll.Constant(I64, 0))
    base = b.inttoptr(b.and_(address, ll.Constant(I64, ~1)), OBJ)
    shape = [b.extract_value(value, [2, axis]) for axis in range(t.ndim)]
    strides = [b.extract_value(value, [3, axis]) for axis in range(t.ndim)]
    done = b.append_basic_block("box.array.done")
    results = []
    with b.if_then(borrowed):
        dims = field(b, base, ARRAY_DIMS, I64.as_pointer())
        steps = field(b, base, ARRAY_STRIDES, I64.as_pointer())
        whole = b.and_(b.icmp_unsigned("==", field(b, base, ARRAY_DATA, OBJ), data),
                       b.icmp_signed("==", field(b, base, ARRAY_ND, I32),
                                     ll.Constant(I32, t.ndim)))
        descr = field(b, base, ARRAY_DESCR, OBJ)
        whole = b.and_(whole, b.icmp_signed("==", field(b, descr, DESCR_TYPE_NUM, I32),
                                            type_number(t)))
        for axis in range(t.ndim):
            for values, pointer in ((shape, dims), (strides, steps)):
                stored = b.load(b.gep(pointer, [ll.Constant(I64, axis)]))
                whole = b.and_(whole, b.icmp_signed("==", stored, values[axis]))
        with b.if_then(whole):
            b.call(api.Py_IncRef, [base])
            results.append((base, b.block))
            b.branch(done)
    dims, steps = (b.alloca(ll.ArrayType(I64, max(t.ndim, 1))) for _ in range(2))
    for axis in range(t.ndim):
        b.store(shape[axis], b.gep(dims, [ll.Constant(I32, 0), ll.Constant(I32, axis)]))
        b.store(strides[axis], b.gep(steps, [ll.Constant(I32, 0), ll.Constant(I32, axis)]))
    array_type = b.load(b.gep(numpy_table(api, b), [ll.Constant(I64, NUMPY_ARRAY_TYPE)]))
    flags = ll.Constant(I32, 0 if t.readonly else WRITEABLE)
    first = [ll.Constant(I32, 0), ll.Constant(I32, 0)]
    array = numpy_call(api, b, "PyArray_NewFromDescr", [
        array_type, numpy_call(api, b, "PyArray_DescrFromType", [type_number(t)]),
        ll.Constant(I32, t.ndim), b.gep(dims, first), b.gep(steps, first), data, flags,
        ll.Constant(OBJ, None)])
    counted = b.and_(b.not_(borrowed), b.icmp_unsigned("!=", address, ll.Constant(I64, 0)))
    with b.if_then(b.icmp_unsigned("==", array, ll.Constant(OBJ, None)), likely=False):
        with b.if_then(counted):
            nrt.decref(b, meminfo)
        results.append((array, b.block))
        b.branch(done)
    owner = b.alloca(OBJ)
    b.store(ll.Constant(OBJ, None), owner)
    with b.if_else(borrowed) as (view, made):
        with view:
            b.call(api.Py_IncRef, [base])
            b.store(base, owner)
        with made:
            with b.if_then(counted):
                release = b.bitcast(capsule_release(api, b.module), OBJ)
                b.store(b.call(api.PyCapsule_New, [meminfo, ll.Constant(OBJ, None), release]),
                        owner)
    with b.if_then(b.icmp_unsigned("!=", b.load(owner), ll.Constant(OBJ, None))):
        failed = numpy_call(api, b, "PyArray_SetBaseObject", [array, b.load(owner)])
        with b.if_then(b.icmp_signed("<", failed, ll.Constant(I32, 0)), likely=False):
            b.call(api.Py_DecRef, [array])
            results.append((ll.Constant(OBJ, None), b.block))
            b.branch(done)
    results.append((array, b.block))
    b.branch(done)
    b.position_at_end(done)
    phi = b.phi(OBJ)
    for obj, block in results:
        phi.add_incoming(obj, block)
    return phi


def capsule_release(api: Api, module: ll.Module) -> ll.Function:
    """The destructor of an array's capsule: drop the NRT block's reference."""
    def build(b: ll.IRBuilder, fn: ll.Function) -> None:
        nrt.decref(b, b.call(api.PyCapsule_GetPointer, [fn.args[0], ll.Constant(OBJ, None)]))
        b.ret_void()
    return private_function(module, "kiln.nrt.capsule_release", ll.VoidType(), [OBJ], build)


def box_numpy_scalar(api: Api, b: ll.IRBuilder, value: ll.Value, t: Scalar) -> ll.Value:
    """The NumPy scalar of a native value: PyArray_Scalar of its bytes."""
    from ..codegen import lltype
    if lltype(t) == I1:                   # np.bool_ is a byte
        value = b.zext(value, I8)
    slot = b.alloca(value.type)
    b.store(value, slot)
    descr = numpy_call(api, b, "PyArray_DescrFromType", [type_number(t)])
    obj = numpy_call(api, b, "PyArray_Scalar", [b.bitcast(slot, OBJ), descr,
                                                ll.Constant(OBJ, None)])
    b.call(api.Py_DecRef, [descr])
    return obj


def exception_index(name: str) -> ll.Constant:
    from .. import abi
    return ll.Constant(I64, abi.exception_kind(name) - 1)


def exact_type_check(api: Api, b: ll.IRBuilder, obj: ll.Value, t: Type) -> ll.Value:
    """Is `obj` exactly of Python type `t` (no subclasses)? Reads ob_type, as Py_IS_TYPE does."""
    if t == NONE:
        return b.icmp_unsigned("==", obj, api.data("_Py_NoneStruct"))
    ob_type = b.load(b.gep(b.bitcast(obj, OBJ.as_pointer()), [ll.Constant(I64, 1)]))
    if isinstance(t, Tuple):
        is_tuple = b.icmp_unsigned("==", ob_type, api.data("PyTuple_Type"))
        result = b.alloca(I1)
        b.store(ll.Constant(I1, 0), result)
        with b.if_then(is_tuple):
            size = b.load(b.gep(b.bitcast(obj, I64.as_pointer()), [ll.Constant(I64, 2)]))
            ok = b.icmp_signed("==", size, ll.Constant(I64, len(t.items)))
            with b.if_then(ok):
                every = ll.Constant(I1, 1)
                for i, item_type in enumerate(t.items):
                    item = tuple_item(b, obj, i)
                    every = b.and_(every, exact_type_check(api, b, item, item_type))
                b.store(every, result)
        return b.load(result)
    if isinstance(t, Array):
        return exact_array_check(api, b, obj, ob_type, t)
    if numpy_dtype(t):
        expected = api.data(f"kiln_np_scalar.{numpy_dtype(t)}")
        return b.icmp_unsigned("==", ob_type, expected)
    name = {INT: "PyLong_Type", FLOAT: "PyFloat_Type", BOOL: "PyBool_Type"}[t]
    return b.icmp_unsigned("==", ob_type, api.data(name))


def exact_array_check(api: Api, b: ll.IRBuilder, obj: ll.Value, ob_type: ll.Value,
                      t: Array) -> ll.Value:
    """ndarray of exactly this dtype, ndim, layout and writability (as types.typeof decides).
    NumPy's type objects are named symbols (capi.register_numpy_symbols), so entries cache."""
    result = b.alloca(I1)
    b.store(ll.Constant(I1, 0), result)
    array_type = api.data("kiln_np_ndarray")
    with b.if_then(b.icmp_unsigned("==", ob_type, array_type)):
        descr = api.data(f"kiln_np_dtype.{t.dtype}")
        flags = field(b, obj, ARRAY_FLAGS, ll.IntType(32))
        c_contig = b.icmp_unsigned("!=", b.and_(flags, ll.Constant(flags.type, C_CONTIGUOUS)),
                                   ll.Constant(flags.type, 0))
        f_contig = b.icmp_unsigned("!=", b.and_(flags, ll.Constant(flags.type, F_CONTIGUOUS)),
                                   ll.Constant(flags.type, 0))
        writeable = b.icmp_unsigned("!=", b.and_(flags, ll.Constant(flags.type, WRITEABLE)),
                                    ll.Constant(flags.type, 0))
        layout = {"C": c_contig, "F": b.and_(b.not_(c_contig), f_contig),
                  "A": b.not_(b.or_(c_contig, f_contig))}[t.layout]
        ok = b.and_(b.icmp_unsigned("==", field(b, obj, ARRAY_DESCR, OBJ), descr), layout)
        ok = b.and_(ok, b.icmp_signed("==", field(b, obj, ARRAY_ND, ll.IntType(32)),
                                      ll.Constant(ll.IntType(32), t.ndim)))
        ok = b.and_(ok, b.icmp_unsigned("==", writeable, ll.Constant(I1, int(not t.readonly))))
        b.store(ok, result)
    return b.load(result)


def tuple_item(b: ll.IRBuilder, tup: ll.Value, index: int) -> ll.Value:
    """PyTuple_GET_ITEM: ob_item starts after the 3-word variable-size header."""
    slots = b.bitcast(tup, OBJ.as_pointer())
    return b.load(b.gep(slots, [ll.Constant(I64, 3 + index)]))
