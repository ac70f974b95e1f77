"""Products of vectors and matrices: np.dot(a, b) and a @ b for 1-d and 2-d arrays, np.outer,
and the norm np.linalg.norm(a).

    v @ w, np.dot(v, w)    -> a NumPy scalar, the sum of v[k] * w[k]
    m @ v, v @ m           -> a new vector;    m @ n -> a new matrix
    a shape mismatch       -> ValueError, as in NumPy
    np.linalg.norm(a)      -> sqrt of the sum of squares of every element (NumPy's dot of the
                              flattened array with itself, real and imaginary parts apart)
    np.cross(a, b)         -> 3-vectors' cross products, NumPy's formula in the common dtype

The result dtype is NumPy's; elements are cast to it, and each result element adds its
products in k order. Every case is one loop nest over matrices (a vector is a 1 x n row on
the left, an n x 1 column on the right), run i-k-j and tiled (see `multiply`):

    out = 0;  for i: for k: out[i, :] += a[i, k] * b[k, :]

so the innermost loop walks a row of b and of the result, which vectorises. NumPy hands
float products to BLAS, whose summation order (and fused multiply-adds) differ: float results
agree with NumPy's to rounding, not to the bit (complex ones too). Integer results are exact
(wrapping, as in NumPy); bool products are `any(a[i, k] and b[k, j])`.
"""
from __future__ import annotations

import operator
from dataclasses import dataclass

from llvmlite import ir as ll

from ..llvm_ir import counted_loop
from ..runtime import nrt
from ..types import NONE, NUMPY, Array, Scalar, np, numpy_dtype
from .arrays import (
    allocate,
    cg_lltype,
    element_of,
    element_type,
    for_each,
    i64,
    load_element,
    shape_of,
    storage,
    store_element,
    strides_of,
)
from .npscalars import cast, emit_arithmetic, kind_of
from .registry import Impl, TypeRuleError, rule
from .reshaping import emit_flatten
from .ufuncs import exact_call, result_dtype

I8P = ll.IntType(8).as_pointer()
TILE_ROWS, TILE_DEPTH = 8, 4          # a float matrix product's tile, kept in registers
BLOCK_COLS, BLOCK_DEPTH = 512, 128     # a block of `right` that stays in cache for all rows
MISMATCH = {"np.dot": "shapes not aligned",
            "@": "matmul: Input operand 1 has a mismatch in its core dimension 0"}


@dataclass(frozen=True)
class Matrix:
    """rows x cols elements of `t` (only its dtype counts) from the byte address `data`."""

    data: ll.Value
    rows: ll.Value
    cols: ll.Value
    row_stride: ll.Value
    col_stride: ll.Value
    t: Array

    def pointer(self, cg, i, j) -> ll.Value:
        b = cg.b
        offset = b.add(b.mul(i, self.row_stride), b.mul(j, self.col_stride))
        return b.bitcast(b.gep(self.data, [offset]), storage(self.t).as_pointer())


def as_matrix(cg, value, t: Array, left: bool) -> Matrix:
    """A 2-d array as itself; a vector as a 1 x n row (left) or an n x 1 column (right)."""
    shape, strides = shape_of(cg, value, t), strides_of(cg, value, t)
    data = cg.b.extract_value(value, 1)
    if t.ndim == 2:
        return Matrix(data, shape[0], shape[1], strides[0], strides[1], t)
    if left:
        return Matrix(data, i64(1), shape[0], i64(0), strides[0], t)
    return Matrix(data, shape[0], i64(1), strides[0], i64(0), t)


def multiply(cg, left: Matrix, right: Matrix, out: Matrix, element: Scalar,
             tile: tuple[int, int]) -> None:
    """out = left @ right in the dtype `element`: the i-k-j loop, blocked and tiled.

        for j0 in blocks of columns, k0 in blocks of depth:     a block of `right` stays in cache
          for i in tiles of rows:                               right[k, j] read once per tile
            for k in tiles of depth:                            out[i, j] loaded once per tile
              for j in the block: out[i, j] += left[i, k] * right[k, j], for each k in turn

    Every out[i, j] still adds its products one after another in k order. `tile` is (rows,
    depth): larger tiles run faster and take longer to compile."""
    b = cg.b
    kind = kind_of(element)
    zero = cg.const(element, 0)

    def read(m: Matrix, i, j):
        return cast(cg, load_element(cg, m.pointer(cg, i, j), m.t), NUMPY[m.t.dtype], element,
                    weak_check=False)

    def multiply_add(total, x, y):
        if kind == "b":
            return b.or_(total, b.and_(x, y))
        if kind == "f":
            return b.fadd(total, b.fmul(x, y))
        if kind == "c":
            pair = (element, element)
            product = emit_arithmetic(cg, "*", [x, y], pair, element, in_array_loop=True)
            return emit_arithmetic(cg, "+", [total, product], pair, element)
        return b.add(total, b.mul(x, y))

    def block(j0, k0):                   # out[:, j0:j1] += left[:, k0:k1] @ right[k0:k1, j0:j1]
        j1, k1 = end_of_block(j0, BLOCK_COLS, right.cols), end_of_block(k0, BLOCK_DEPTH, left.cols)

        def update_tile(i, k, rows, depth):  # left[i:i+rows, k:k+depth] times right, added
            xs = [[read(left, b.add(i, i64(r)), b.add(k, i64(d))) for d in range(depth)]
                  for r in range(rows)]

            def update(j):
                ys = [read(right, b.add(k, i64(d)), j) for d in range(depth)]
                for r in range(rows):
                    target = out.pointer(cg, b.add(i, i64(r)), j)
                    total = load_element(cg, target, out.t)
                    for x, y in zip(xs[r], ys):
                        total = multiply_add(total, x, y)
                    store_element(cg, target, out.t, total)
            counted_loop(b, j0, j1, update)
        tiled_loop(b, i64(0), left.rows, tile[0], lambda i, rows: tiled_loop(
            b, k0, k1, tile[1], lambda k, depth: update_tile(i, k, rows, depth)))

    def end_of_block(start, size, stop):
        end = b.add(start, i64(size))
        return b.select(b.icmp_signed("<", end, stop), end, stop)

    counted_loop(b, i64(0), out.rows, lambda i: counted_loop(
        b, i64(0), out.cols, lambda j: store_element(cg, out.pointer(cg, i, j), out.t, zero)))
    counted_loop(b, i64(0), right.cols, lambda j0: counted_loop(
        b, i64(0), left.cols, lambda k0: block(j0, k0), step=BLOCK_DEPTH), step=BLOCK_COLS)


def tiled_loop(b, start, stop, size: int, body) -> None:
    """body(i, size) for i = start, start + size, ... while a whole tile fits, then body(i, 1)
    for each index left over."""
    if size == 1:
        counted_loop(b, start, stop, lambda i: body(i, 1))
        return
    whole = b.sub(stop, b.srem(b.sub(stop, start), i64(size)))
    counted_loop(b, start, whole, lambda i: body(i, size), step=size)
    counted_loop(b, whole, stop, lambda i: body(i, 1))


def emit_product(cg, args, types, result, mismatch: str) -> ll.Value:
    b = cg.b
    left = as_matrix(cg, args[0], types[0], True)
    right = as_matrix(cg, args[1], types[1], False)
    cg.fail_if(b.icmp_signed("!=", left.cols, right.rows), "ValueError", mismatch)
    if isinstance(result, Scalar):                   # vector . vector: a 1 x 1 matrix
        slot = cg.local(cg_lltype(result))
        out = Matrix(b.bitcast(slot, I8P), i64(1), i64(1), i64(0), i64(0),
                     Array(numpy_dtype(result), 2, "A"))
        multiply(cg, left, right, out, result, (1, 1))
        return b.load(slot)
    shape = ([left.rows] if types[0].ndim == 2 else []) + \
        ([right.cols] if types[1].ndim == 2 else [])
    array = allocate(cg, result, shape)
    size = i64(np.dtype(result.dtype).itemsize)
    data = b.extract_value(array, 1)
    if result.ndim == 2:
        out = Matrix(data, left.rows, right.cols, b.mul(right.cols, size), size, result)
    elif types[0].ndim == 2:                         # matrix . vector: a column
        out = Matrix(data, left.rows, i64(1), size, i64(0), result)
    else:                                            # vector . matrix: a row
        out = Matrix(data, i64(1), right.cols, i64(0), size, result)
    element = NUMPY[result.dtype]
    fast = result.ndim == 2 and kind_of(element) == "f"     # where speed is worth the code
    multiply(cg, left, right, out, element, (TILE_ROWS, TILE_DEPTH) if fast else (1, 1))
    return array


def product_rule(key: str, function):
    def match(types, consts):
        if len(types) != 2 or not all(isinstance(t, Array) for t in types):
            return None
        left, right = types
        if not (1 <= left.ndim <= 2 and 1 <= right.ndim <= 2):
            raise TypeRuleError(f"{key} of a {left.ndim}-d and a {right.ndim}-d array is not "
                                "supported yet", "vectors and matrices (1-d and 2-d arrays)")
        dtype = result_dtype(function, types)
        ndim = left.ndim + right.ndim - 2
        result = NUMPY[dtype] if ndim == 0 else Array(dtype, ndim, "C")
        return Impl(result, lambda cg, a, ts, r: emit_product(cg, a, ts, r, MISMATCH[key]),
                    types, owned=ndim > 0)
    return match


rule("np.dot", "method.dot", callable_=True)(product_rule("np.dot", "dot"))
rule("@")(product_rule("@", operator.matmul))


@rule("np.linalg.norm", callable_=True, params=("x", "ord", "axis", "keepdims"))
def norm_rule(types, consts):
    """np.linalg.norm(x): the 2-norm of a vector, the Frobenius norm of a matrix, any array
    taken flat, as NumPy computes it for ord=None and axis=None: sqrt(dot(x, x)) in float64
    (float32 for float32), a complex x as dot(x.real, x.real) + dot(x.imag, x.imag). Like
    np.dot, its sum agrees with NumPy's BLAS to rounding."""
    if not types or not isinstance(types[0], Array):
        return None
    if any(t != NONE for t in types[1:3]) or len(types) > 3 and consts[3] is not False and \
            types[3] != NONE:
        raise TypeRuleError("np.linalg.norm(x) of the whole array (ord=None, axis=None) is "
                            "what compiled code supports")
    dtype = np.linalg.norm(np.ones(1, dtype=types[0].dtype)).dtype.name
    return Impl(NUMPY[dtype], lambda cg, a, ts, r: emit_norm(cg, a[0], ts[0], r), types)


def emit_norm(cg, value, t: Array, result: Scalar) -> ll.Value:
    b = cg.b
    complex_ = kind_of(element_type(t)) == "c"
    sums = [cg.local(cg_lltype(result)) for _ in range(2 if complex_ else 1)]
    for total in sums:
        b.store(cg.const(result, 0.0), total)

    def add(pointer, indices):
        item = load_element(cg, pointer, t)
        parts = [b.extract_value(item, k) for k in (0, 1)] if complex_ else \
            [cast(cg, item, element_type(t), result, weak_check=False)]
        for total, part in zip(sums, parts):
            b.store(b.fadd(b.load(total), b.fmul(part, part)), total)
    for_each(cg, value, t, add)
    square = b.load(sums[0]) if not complex_ else b.fadd(b.load(sums[0]), b.load(sums[1]))
    return exact_call(cg, "sqrt", square)


@rule("np.outer", callable_=True, params=("a", "b", "out"))
def outer_rule(types, consts):
    """np.outer(a, b): out[i, j] = a.ravel()[i] * b.ravel()[j], NumPy's array multiply in its
    result dtype (bools: and)."""
    if len(types) < 2 or not all(isinstance(t, Array) for t in types[:2]):
        return None
    if len(types) > 2 and types[2] != NONE:
        raise TypeRuleError("np.outer(out=...) is not supported in compiled code")
    dtype = result_dtype(operator.mul, types[:2])
    return Impl(Array(dtype, 2, "C"), emit_outer, types, owned=True)


def emit_outer(cg, args, types, result):
    b = cg.b
    flats = [(emit_flatten(cg, [a], [t], Array(t.dtype, 1, "C")), Array(t.dtype, 1, "C"))
             for a, t in zip(args[:2], types[:2])]
    (left, left_t), (right, right_t) = flats
    n, m = shape_of(cg, left, left_t)[0], shape_of(cg, right, right_t)[0]
    out = allocate(cg, result, [n, m])
    element = element_type(result)

    def pointer(array, t: Array, k):
        return b.gep(b.bitcast(b.extract_value(array, 1), storage(t).as_pointer()), [k])

    def row(i):
        x = load_element(cg, pointer(left, left_t, i), left_t)
        counted_loop(b, i64(0), m, lambda j: store_element(
            cg, pointer(out, result, b.add(b.mul(i, m), j)), result, emit_arithmetic(
                cg, "*", [x, load_element(cg, pointer(right, right_t, j), right_t)],
                (element_type(left_t), element_type(right_t)), element, in_array_loop=True)))
    counted_loop(b, i64(0), n, row)
    for flat, _ in flats:
        nrt.decref(b, b.extract_value(flat, 0))
    return out


# ---- np.cross(a, b): cross products of 3-vectors ---------------------------------------------
@rule("np.cross", callable_=True, params=("a", "b"))
def cross_rule(types, consts):
    """np.cross(a, b) of two 3-vectors, or of two stacks of them (n x 3, a stack of one
    repeating): a new array, each component as NumPy's cross computes it in the arrays'
    common dtype (a1 * b2 - a2 * b1, ...; integers wrap). Vectors of another length raise
    ValueError (NumPy's 2-vectors, deprecated since NumPy 2.0, too)."""
    if len(types) != 2 or not all(isinstance(t, Array) for t in types):
        return None
    first, second = types
    if first.ndim != second.ndim or first.ndim not in (1, 2):
        raise TypeRuleError("np.cross of two 3-vectors, or of two n x 3 stacks of them, is what "
                            "compiled code supports")
    dtype = np.promote_types(first.dtype, second.dtype).name
    if kind_of(NUMPY[dtype]) in "bc":
        raise TypeRuleError(f"np.cross of {dtype} vectors is not supported in compiled code")
    result = Array(dtype, first.ndim, "C")

    def emit(cg, args, ts, r):
        b = cg.b
        element = NUMPY[dtype]
        shapes = [shape_of(cg, v, t) for v, t in zip(args, ts)]
        for shape in shapes:
            cg.fail_if(b.icmp_signed("!=", shape[-1], i64(3)), "ValueError",
                       "incompatible dimensions for cross product\n"
                       "(dimension must be 2 or 3)")
        rows = i64(1)
        if first.ndim == 2:
            (m, _), (n, _) = shapes
            cg.fail_if(b.and_(b.icmp_signed("!=", m, n), b.and_(
                b.icmp_signed("!=", m, i64(1)), b.icmp_signed("!=", n, i64(1)))), "ValueError",
                "shape mismatch: objects cannot be broadcast to a single shape")
            rows = b.select(b.icmp_signed("==", m, i64(1)), n, m)
        out = allocate(cg, r, [rows, i64(3)] if first.ndim == 2 else [i64(3)])
        target = b.bitcast(b.extract_value(out, 1), storage(r).as_pointer())

        def component(v, t, shape, row, k):
            here = [b.select(b.icmp_signed("==", shape[0], i64(1)), i64(0), row)] \
                if t.ndim == 2 else []                      # a stack of one repeats
            return cast(cg, element_of(cg, v, t, [*here, k]), element_type(t), element,
                        weak_check=False)

        def times(x, y):
            return emit_arithmetic(cg, "*", [x, y], (element, element), element,
                                   in_array_loop=True)

        def vector(row):
            x = [component(args[0], first, shapes[0], row, i64(k)) for k in range(3)]
            y = [component(args[1], second, shapes[1], row, i64(k)) for k in range(3)]
            for k, (i, j) in enumerate(((1, 2), (2, 0), (0, 1))):
                value = emit_arithmetic(cg, "-", [times(x[i], y[j]), times(x[j], y[i])],
                                        (element, element), element, in_array_loop=True)
                store_element(cg, b.gep(target, [b.add(b.mul(row, i64(3)), i64(k))]), r, value)
        counted_loop(b, i64(0), rows, vector)
        return out
    return Impl(result, emit, types, owned=True)
