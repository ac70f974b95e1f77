"""The same kernels over every memory layout: C order, Fortran order (np.asfortranarray), views
with steps (a[::2], a[::-1], a[8:2:-2]), transposes (a.T, a.transpose(2, 0, 1)), a column
(a[:, 1]), a row (a[1, :]), zero strides (np.broadcast_to, read-only), read-only arrays, and
empty ones. Writes through views change the viewed elements only; arguments that alias each
other (two views of one buffer) see each other's writes in program order."""

import numpy as np


def _values(count, dtype):
    """`count` elements: -5, -2, 1, 4, ... (unsigned dtypes wrap the negatives round; floats
    hold halves -2.5, -1.0, 0.5, ...; bools are True, False, False, True, ...)."""
    k = np.arange(count)
    if dtype is np.bool_:
        return k % 3 == 0
    if np.dtype(dtype).kind == "f":
        return ((k * 3 - 5) * 0.5).astype(dtype)
    return (k * 3 - 5).astype(dtype)


def _grid(n, m, dtype):
    return _values(n * m, dtype).reshape(n, m)


def _cube(n, m, p, dtype):
    return _values(n * m * p, dtype).reshape(n, m, p)


def _fortran(a):
    return np.asfortranarray(a)


def _readonly(a):
    a.setflags(write=False)
    return a


def _overlap(n, forward):
    """Two overlapping views of one buffer 0, 1, ..., n-1: (dst, src) = (b[:-1], b[1:]) when
    `forward`, else (b[1:], b[:-1])."""
    base = np.arange(n, dtype=np.float64)
    return (base[:-1], base[1:]) if forward else (base[1:], base[:-1])


def weighted1(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += (i + 1) * a[i]
    return s
# run: weighted1(_values(10, np.float64))
# run: weighted1(_values(10, np.float64)[::-1])
# run: weighted1(_values(10, np.float64)[8:2:-2])
# run: weighted1(_grid(3, 4, np.float64)[:, 1])
# run: weighted1(_fortran(_grid(3, 4, np.float64))[:, 2])
# run: weighted1(_readonly(_values(6, np.float64)[::-2]))
# run: weighted1(np.broadcast_to(np.array([1.5]), (4,)))
# run: weighted1(_values(10, np.int32)[::-3])
# run: weighted1(_grid(4, 3, np.uint16)[:, 0])
# run: weighted1(_values(9, np.float32)[1::4])


def weighted2(a):
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            s += (i + 1) * (j + 3) * a[i, j]
    return s, a[a.shape[0] - 1, 0]
# run: weighted2(_grid(3, 4, np.float64))
# run: weighted2(_fortran(_grid(3, 4, np.float64)))
# run: weighted2(_grid(4, 3, np.float64).T)
# run: weighted2(_grid(6, 4, np.float64)[1::2, ::-1])
# run: weighted2(_grid(5, 6, np.float64)[1:4, 2:5])
# run: weighted2(_fortran(_grid(5, 6, np.float64))[::-2, 1:])
# run: weighted2(_cube(2, 3, 4, np.float64)[:, 2, :])
# run: weighted2(_readonly(_fortran(_grid(3, 2, np.float64))))
# run: weighted2(np.broadcast_to(np.array([1.5, -2.0, 4.0]), (2, 3)))
# run: weighted2(_grid(3, 4, np.int64).T)
# run: weighted2(_fortran(_grid(3, 4, np.int8)))
# run: weighted2(_grid(3, 0, np.float64).T)


def weighted3(a):
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                s += (i + 1) * (j + 2) * (k + 5) * a[i, j, k]
    return s, a[-1, -1, -1]
# run: weighted3(_fortran(_cube(2, 3, 4, np.float64)))
# run: weighted3(_cube(2, 3, 4, np.float64).transpose(2, 0, 1))
# run: weighted3(_cube(4, 3, 4, np.float64)[::2, ::-1, 1:3])
# run: weighted3(_fortran(_cube(2, 2, 3, np.uint8)))
# run: weighted3(_readonly(_cube(2, 3, 2, np.float32)[:, ::2]))
# run: weighted3(np.broadcast_to(np.array([1.0, 2.0]), (2, 3, 2)))


def scale2(a, k):
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            a[i, j] = a[i, j] * k + j
# run: scale2(_fortran(_grid(3, 4, np.float64)), 2)
# run: scale2(_grid(4, 3, np.float64).T, 2)
# run: scale2(_grid(6, 4, np.float64)[::2, ::-1], -1)
# run: scale2(_cube(2, 3, 4, np.float64)[:, 1, :], 10)
# run: scale2(_grid(3, 4, np.int32).T, 3)
# run: scale2(_fortran(_grid(3, 4, np.uint8)), 100)
# run: scale2(_grid(3, 4, np.int8)[::-1], 50)


def negate1(a):
    for i in range(len(a)):
        a[i] = -a[i]
# run: negate1(_values(8, np.float64)[::-1])
# run: negate1(_grid(3, 4, np.float64)[:, 2])
# run: negate1(_fortran(_grid(3, 4, np.int64))[1, :])
# run: negate1(_values(7, np.uint8)[1::3])


def fill3(a):
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            for k in range(a.shape[2]):
                a[i, j, k] = 100 * i + 10 * j + k
# run: fill3(_fortran(np.zeros((2, 3, 4))))
# run: fill3(np.zeros((4, 2, 3)).transpose(1, 2, 0))
# run: fill3(np.zeros((4, 3, 4), dtype=np.int32)[::2, ::-1, 1:3])


def copy_forward(dst, src):
    for i in range(len(dst)):
        dst[i] = src[i]
# run: copy_forward(*_overlap(6, True))
# run: copy_forward(*_overlap(6, False))


def add_into(out, a, b):
    for i in range(len(out)):
        out[i] = a[i] + b[i]
    return out[0]
# run: add_into(*_overlap(5, True), np.ones(4))
# run: add_into(*_overlap(5, False), np.ones(4))
# run: add_into(np.zeros(3), np.arange(3.0), np.arange(3.0)[::-1])


def transpose_into(out, a):
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            out[j, i] = a[i, j]
# run: transpose_into(_fortran(np.zeros((4, 3))), _grid(3, 4, np.float64)[:, ::-1])
# run: transpose_into(np.zeros((3, 4), dtype=np.int64).T, _grid(3, 4, np.int64))
# run: transpose_into(np.zeros((4, 3), dtype=np.int8), _grid(3, 4, np.float64))
