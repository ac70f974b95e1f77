"""Small array functions that tests/test_array_properties.py compiles with kiln and runs under
CPython + NumPy (the oracle). kiln reads source with `inspect`, so they live in this real file;
the test module keeps one dispatcher per function, so each type signature compiles once.

Nothing here is a test: every function is plain Python that CPython runs as it is.
"""

import numpy as np

# --- reading: a[i], a[i, j], a[i, j, k] (a scalar, an (n-k)-d view, or IndexError) ------------


def get1(a, i):
    return a[i]


def get2(a, i, j):
    return a[i, j]


def get3(a, i, j, k):
    return a[i, j, k]


# --- writing: a[i] = v, a[i, j] = v, a[i, j, k] = v with NumPy's casts --------------------------


def put1(a, i, v):
    a[i] = v


def put2(a, i, j, v):
    a[i, j] = v


def put3(a, i, j, k, v):
    a[i, j, k] = v


# --- writing through a row view made in compiled code -----------------------------------------


def fill_row2(a, i, v):
    r = a[i]
    for j in range(r.shape[0]):
        r[j] = v


def fill_row3(a, i, v):
    r = a[i]
    for j in range(r.shape[0]):
        for k in range(r.shape[1]):
            r[j, k] = v


# --- sums by nested index loops: a Python number that becomes a NumPy scalar (NEP 50) --------


def sum1(a):
    s = 0
    for i in range(a.shape[0]):
        s += a[i]
    return s


def sum2(a):
    s = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s += a[i, j]
    return s


def sum3(a):
    s = 0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                s += a[i, j, k]
    return s


def fsum1(a):
    s = 0.0
    for i in range(len(a)):
        s += a[i]
    return s


def fsum2(a):
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s += a[i, j]
    return s


def fsum3(a):
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                s += a[i, j, k]
    return s


def sum2_rows(a):
    """The same sum as sum2, reading each row through a view."""
    s = 0
    for i in range(a.shape[0]):
        r = a[i]
        for j in range(len(r)):
            s += r[j]
    return s


def sum3_rows(a):
    """The same sum as sum3, reading through a view of a view."""
    s = 0
    for i in range(len(a)):
        r = a[i]
        for j in range(len(r)):
            q = r[j]
            for k in range(len(q)):
                s += q[k]
    return s


# --- attributes ---------------------------------------------------------------------------------


def attributes(a):
    return a.shape, a.size, a.ndim, len(a), a.T.shape


def transpose(a):
    return a.T


# --- reductions of the whole array --------------------------------------------------------------


def folds_whole(a):
    return a.sum(), a.prod(), a.mean(), np.sum(a), np.prod(a)


def spread(a):
    return a.var(), a.std(), np.var(a, ddof=1), np.std(a, ddof=2)


# --- reductions along one axis (a constant: one function per axis) ---------------------------


def spread0(a):
    return a.var(axis=0), a.std(axis=0, ddof=1), np.var(a, axis=0, keepdims=True)


def spread1(a):
    return a.var(axis=1), np.std(a, 1), a.var(axis=1, ddof=2, keepdims=True)


def spread_last(a):
    return np.var(a, axis=-1), a.std(axis=-1, keepdims=True)


def folds0(a):
    return a.sum(axis=0), a.prod(axis=0), a.mean(axis=0)


def folds1(a):
    return a.sum(axis=1), a.prod(axis=1), a.mean(axis=1)


def folds_last(a):
    return a.sum(axis=-1), a.prod(axis=-1), a.mean(axis=-1)


def extremes0(a):
    return a.min(axis=0), a.max(axis=0), a.argmin(axis=0), a.argmax(axis=0)


def extremes1(a):
    return a.min(axis=1), a.max(axis=1), a.argmin(axis=1), a.argmax(axis=1)


def extremes_last(a):
    return a.min(axis=-1), a.max(axis=-1), a.argmin(axis=-1), a.argmax(axis=-1)


# --- sorting ------------------------------------------------------------------------------------


def sorted_copies(a):
    return np.sort(a), np.sort(a, axis=0), np.sort(a, axis=None)


def sort_in_place(a):
    a.sort()


# --- products -----------------------------------------------------------------------------------


def dot(a, b):
    return np.dot(a, b)


def matmul(a, b):
    return a @ b


def gather(a, idx):
    return a[idx]


def masked(a, mask):
    return a[mask]


def nonzero_indices(a):
    return np.nonzero(a), a.nonzero(), np.where(a), np.flatnonzero(a), np.argwhere(a)


def scatter(a, idx, v):
    a[idx] = v


# --- casts from floats -------------------------------------------------------------------------


def to_integers(a):
    return (a.astype(np.int8), a.astype(np.uint8), a.astype(np.int16), a.astype(np.uint16),
            a.astype(np.int32), a.astype(np.int64), a.astype(np.uint64))


def to_uint32(a):
    return a.astype(np.uint32)


# --- loops a guard covers: every index the loop variable plus a constant, or a local the loop
# never assigns (kiln tests such a loop's bounds once and runs it unchecked when all are in
# range, see kiln/bounds.py; otherwise it must raise where CPython does, writes before included)


def guarded_shift(a, start, stop):
    for j in range(start, stop):
        a[j - 1] = a[j + 1] + a[j]


def guarded_invariant(a, k, start, stop):
    for j in range(start, stop):
        a[j] = a[k - 1] + a[-2 + j]


def guarded_rows(a, i, start, stop):
    for j in range(start, stop):
        a[i, j] = a[i - 1, j + 1] + a[i, j - 1]


def guarded_row_views(a, start, stop):
    for j in range(start, stop):
        row = a[j + 1]
        a[j, 0] = row[row.shape[0] - 1]


def guarded_steps(a, start, stop, step):
    for j in range(start, stop, step):
        a[j] = a[j - 1] + a[j]
    return a[start - 1]


def jammed_products(a, b, c, rows, cols, depth):
    """A loop nest kiln jams (kiln/loops.py): four trips of the loop over j at once, where a
    guard proves them in bounds and c does not overlap a or b."""
    for i in range(rows):
        for j in range(cols):
            s = 0.0
            for k in range(depth):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return c


def rearranged(a):
    """Views and copies in another arrangement, for any layout (tests/cases/arrays_views.py
    and arrays_rearranged.py have the edge cases)."""
    return (np.flip(a), np.flip(a, 0), np.expand_dims(a, -1), np.atleast_3d(a),
            np.swapaxes(a, 0, -1), np.ascontiguousarray(a), np.roll(a, 2), np.roll(a, -1, 0),
            np.repeat(a, 2), np.tile(a, 2), a[None], a[:, None])


def matrix_parts(m):
    return np.trace(m), np.diagonal(m).copy(), np.triu(m, 1), np.tril(m), np.diag(m)


SUMS = {1: (sum1, fsum1), 2: (sum2, fsum2, sum2_rows), 3: (sum3, fsum3, sum3_rows)}
FOLDS = {0: folds0, 1: folds1, -1: folds_last}
SPREADS = {0: spread0, 1: spread1, -1: spread_last}
EXTREMES = {0: extremes0, 1: extremes1, -1: extremes_last}
GETS = {1: get1, 2: get2, 3: get3}
PUTS = {1: put1, 2: put2, 3: put3}
FUNCTIONS = (
    get1, get2, get3, put1, put2, put3, fill_row2, fill_row3,
    sum1, sum2, sum3, fsum1, fsum2, fsum3, sum2_rows, sum3_rows, attributes, transpose,
    folds_whole, folds0, folds1, folds_last, spread0, spread1, spread_last, extremes0,
    extremes1, extremes_last, sorted_copies,
    sort_in_place, dot, matmul, gather, masked, nonzero_indices, scatter, to_integers,
    to_uint32, spread, guarded_shift, guarded_invariant, guarded_rows, guarded_row_views,
    guarded_steps, jammed_products, rearranged, matrix_parts,
)
