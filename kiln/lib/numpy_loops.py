"""NumPy's own inner loops, called from compiled code.

Some NumPy functions round the way NumPy's own code rounds: on a CPU with AVX-512 its exp, log,
power, ... are SIMD code that differs from the C library's in the last bit for a few percent
of arguments. For those kiln calls the loop NumPy itself would run (a `PyUFuncGenericFunction`,
`loop(char **args, npy_intp *count, npy_intp *steps, void *data)`), found once per process in
the ufunc object (runtime/capi.py) and named to LLVM as a symbol, so cached code links to the
running NumPy's loop:

    kiln_np_loop.exp.dd           np.exp's float64 loop (type characters: operands, result)
    kiln_np_loop_data.hypot.ddd   its data pointer, for the loops that have one

call_loop emits one call; lib/ufuncs.py runs it over whole lines of arrays (as NumPy does)
and numpy_loop here on one NumPy scalar.
"""
from __future__ import annotations

from llvmlite import ir as ll

from ..llvm_ir import external_data
from ..types import Scalar, numpy_dtype
from .arrays import i64

I32, I64 = ll.IntType(32), ll.IntType(64)
I8P = ll.IntType(8).as_pointer()

UNARY = ("exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
         "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh",
         "cbrt", "degrees", "radians", "deg2rad", "rad2deg", "reciprocal")
BINARY = ("power", "arctan2", "hypot", "fmax", "fmin", "fmod", "logaddexp", "logaddexp2",
          "copysign", "nextafter")
TERNARY = ("clip",)    # its float loop picks its formula by the bounds' steps (0: constant)
COMPLEX_ONLY = ("sqrt",)      # a real square root is exact: an intrinsic gives NumPy's bits
FAST_POWERS = ("square", "reciprocal")   # what NumPy's `**` calls for some exponents
LOOP_CHARS = {"float32": "f", "float64": "d", "complex128": "D"}   # NumPy's type characters


def loop_symbols(name: str, dtype: str, arity: int) -> tuple[str, str]:
    """The symbols of NumPy's loop for np.<name> on `dtype` elements (arity operands and the
    result, all of that dtype) and of its data pointer."""
    chars = LOOP_CHARS[dtype] * (arity + 1)
    return f"kiln_np_loop.{name}.{chars}", f"kiln_np_loop_data.{name}.{chars}"


def computed_by_numpy(name: str, element: Scalar) -> bool:
    """Does kiln call NumPy's loop for np.<name> with `element` results?"""
    char = LOOP_CHARS.get(numpy_dtype(element) or "")
    return char is not None and (name in UNARY or name in BINARY or name in TERNARY or
                                 char == "D" and name in COMPLEX_ONLY)


def ufunc_object(name: str):
    """The ufunc behind np.<name> (np.clip is a Python function over umath's clip)."""
    import numpy as np
    function = getattr(np, name)
    return function if isinstance(function, np.ufunc) else getattr(np._core.umath, name)


def has_loop(name: str, element: Scalar, arity: int) -> bool:
    """Does the running NumPy have that loop?"""
    from ..runtime import capi
    return loop_symbols(name, numpy_dtype(element), arity)[0] in capi.numpy_loops()


def call_loop(cg, name: str, element: Scalar, pointers: list[ll.Value], steps: list[ll.Value],
              count: ll.Value) -> None:
    """loop(args, &count, steps, data): NumPy's loop for np.<name> on `element`s, over
    `count` elements from each of `pointers` (the operands', then the result's), each
    advancing by its byte step."""
    from ..runtime import capi
    b = cg.b
    function, data = loop_symbols(name, numpy_dtype(element), len(pointers) - 1)
    args = cg.local(ll.ArrayType(I8P, len(pointers)))
    step_array = cg.local(ll.ArrayType(I64, len(pointers)))
    length = cg.local(I64)
    for k, (pointer, step) in enumerate(zip(pointers, steps)):
        index = [i64(0), ll.Constant(I32, k)]
        b.store(b.bitcast(pointer, I8P), b.gep(args, index))
        b.store(step, b.gep(step_array, index))
    b.store(count, length)
    data_pointer = external_data(cg.unit.module, data) if \
        data in capi.numpy_loop_data_symbols() else ll.Constant(I8P, None)
    cg.call_extern(function, ll.VoidType(), [I8P.as_pointer(), I64.as_pointer(),
                                            I64.as_pointer(), I8P],
                   [b.bitcast(args, I8P.as_pointer()), length,
                    b.bitcast(step_array, I64.as_pointer()), data_pointer])


def numpy_loop(cg, name: str, operands: list[ll.Value], element: Scalar) -> ll.Value:
    """NumPy's loop on one element of each operand, as NumPy calls it for NumPy scalars:
    steps of 0, the result in a place of its own (written over the first operand, a binary
    loop takes the call for a reduction: np.fmax(0.0, -0.0) came out -0.0 that way)."""
    slots = [cg.local(value.type) for value in operands + operands[:1]]
    for slot, value in zip(slots, operands):
        cg.b.store(value, slot)
    call_loop(cg, name, element, slots, [i64(0)] * len(slots), i64(1))
    return cg.b.load(slots[-1])
