"""Loop nests that kiln jams with boundscheck=False (kiln/loops.py, jam_nests): the parent loop
runs four trips at once, each lane with its own locals, around one copy of the inner loop; the
trips left over, and nests whose arrays overlap, run the loop as written. Every shape, layout
and overlap must give CPython's result and mutated arrays, and the locals a loop leaves behind
must be its last trip's. Indices stay in bounds: unchecked indexing outside is undefined."""

import math

import numpy as np

JIT_OPTIONS = {"boundscheck": False}


def _grid(n, m, dtype=np.float64):
    return (((np.arange(n * m) * 7.3) % 5.0 - 2.0).reshape(n, m)).astype(dtype)


def matmul(a, b):
    n = a.shape[0]
    inner = a.shape[1]
    m = b.shape[1]
    c = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            s = 0.0
            for k in range(inner):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return c
# run: matmul(_grid(3, 5), _grid(5, 4))
# run: matmul(_grid(3, 5), _grid(5, 9))
# run: matmul(_grid(2, 7), _grid(7, 3))
# run: matmul(_grid(2, 7), _grid(7, 1))
# run: matmul(_grid(2, 7), _grid(7, 0))
# run: matmul(_grid(0, 7), _grid(7, 8))
# run: matmul(_grid(3, 0), _grid(0, 8))
# run: matmul(_grid(4, 6), _grid(6, 13))
# run: matmul(_grid(4, 6), _grid(6, 26)[:, ::2])
# run: matmul(_grid(4, 6), _grid(6, 13)[:, ::-1])
# run: matmul(_grid(4, 6), _grid(13, 6).T)
# run: matmul(np.asfortranarray(_grid(4, 6)), np.asfortranarray(_grid(6, 9)))
# run: matmul(_grid(3, 4, np.float32), _grid(4, 10, np.float32))


def matmul_into(a, b, c):
    """The result goes to an argument, which may be one of the inputs or overlap it: then the
    loop runs as written, each row reading what the rows before it wrote."""
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            s = 0.0
            for k in range(a.shape[1]):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return c
# run: matmul_into(_grid(5, 5), _grid(5, 5), np.zeros((5, 5)))
# run: matmul_into(_grid(6, 6), _grid(6, 6), _grid(6, 6) * 0.5)
# run: matmul_into(*(lambda x: (x, x, x))(_grid(6, 6)))
# run: matmul_into(*(lambda x: (_grid(6, 6), x, x))(_grid(6, 6)))
# run: matmul_into(*(lambda x: (x[:, :6], _grid(6, 9), x[:, 3:]))(_grid(6, 12)))
# run: matmul_into(*(lambda x: (_grid(6, 6), x[:6], x[6:]))(_grid(12, 6)))
# run: matmul_into(*(lambda x: (_grid(6, 6), x[:6], x[5:11]))(_grid(12, 6)))
# run: matmul_into(*(lambda x: (_grid(6, 6), x[::2], x[1::2]))(_grid(12, 6)))
# run: matmul_into(*(lambda x: (_grid(6, 6), x[:, ::-1], x))(_grid(6, 6)))
# run: matmul_into(*(lambda x: (_grid(6, 6), x.T, x))(_grid(6, 6)))


def last_trip(a, b, i):
    """What the loops leave in their locals: the last trip's j and s, whatever m % 4."""
    m = b.shape[1]
    c = np.empty(m)
    j = -1
    s = -1.0
    for j in range(m):
        s = 1.0
        for k in range(a.shape[1]):
            s += a[i, k] * b[k, j]
        c[j] = s
    return c, j, s
# run: last_trip(_grid(2, 3), _grid(3, 8), 1)
# run: last_trip(_grid(2, 3), _grid(3, 9), 1)
# run: last_trip(_grid(2, 3), _grid(3, 3), 0)
# run: last_trip(_grid(2, 3), _grid(3, 0), 0)
# run: last_trip(_grid(2, 0), _grid(0, 7), 0)


def offset_columns(a, w):
    """A parent range that starts at 1, indices j - 1 and j + 1, and a sum of three terms."""
    n, m = a.shape
    out = np.zeros((n, m))
    for i in range(n):
        for j in range(1, m - 1):
            s = 0.0
            for k in range(w.shape[0]):
                s += w[k] * (a[k, j - 1] - 2.0 * a[k, j] + a[k, j + 1])
            out[i, j] = s * 0.5
    return out
# run: offset_columns(_grid(4, 11), np.array([1.0, -0.5, 0.25]))
# run: offset_columns(_grid(4, 6), np.array([1.0, -0.5, 0.25, 2.0]))
# run: offset_columns(_grid(4, 3), np.array([1.0]))
# run: offset_columns(_grid(4, 2), np.array([1.0]))


def distances(x):
    """The yardstick's pairwise distances: math.sqrt of a sum known to be non-negative."""
    n = x.shape[0]
    d = x.shape[1]
    out = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            s = 0.0
            for k in range(d):
                diff = x[i, k] - x[j, k]
                s += diff * diff
            out[i, j] = math.sqrt(s)
    return out
# run: distances(_grid(9, 10))
# run: distances(_grid(13, 4))
# run: distances(_grid(6, 1))
# run: distances(_grid(5, 0))


def triangle(a):
    """The inner loop's count changes with the parent's variable: not jammed."""
    n = a.shape[0]
    out = np.zeros(n)
    for j in range(n):
        s = 0.0
        for k in range(j):
            s += a[k] * a[j - k]
        out[j] = s
    return out
# run: triangle(np.arange(11.0))


def running(a, b):
    """The result is read in the nest (a running sum along the rows): not jammed."""
    n, m = a.shape
    c = np.zeros(m)
    for i in range(n):
        for j in range(m):
            s = c[j]
            for k in range(b.shape[0]):
                s += a[i, j] * b[k]
            c[j] = s
    return c
# run: running(_grid(3, 9), np.array([0.5, 1.5]))


def after_inner(a, b):
    """A local assigned only in the inner loop and read after it: with no inner trips it holds
    the previous trip's value (or an earlier one's), so the nest is not jammed."""
    m = b.shape[1]
    c = np.zeros(m)
    t = 0.0
    for j in range(m):
        s = 0.0
        for k in range(a.shape[0]):
            t = a[k] * b[k, j]
            s += t
        c[j] = s + t
    return c, t
# run: after_inner(np.arange(3.0), _grid(3, 9))
# run: after_inner(np.arange(0.0), _grid(0, 9))


def int_sums(a, b):
    """Int arrays: the sums are NumPy ints, not jammed, and equal to CPython's."""
    m = b.shape[1]
    c = np.zeros(m, dtype=np.int64)
    for j in range(m):
        s = 0
        for k in range(a.shape[0]):
            s += a[k] * b[k, j]
        c[j] = s
    return c
# run: int_sums(np.arange(4), np.arange(36).reshape(4, 9))
