"""Kernels on NumPy complex128 values, for test_complex_semantics.py: each reads its complex
operands from arrays (kiln has NumPy's complex128, not Python's complex type or constants), so
CPython runs them with NumPy's own scalar and array arithmetic as the oracle."""

import numpy as np


def add(a, b):
    return a[0] + b[0]


def sub(a, b):
    return a[0] - b[0]


def mul(a, b):
    return a[0] * b[0]


def truediv(a, b):
    return a[0] / b[0]


def with_float(a, x):
    z = a[0]
    return z + x, x - z, z * x, z / x, x / z


def with_int(a, k):
    z = a[0]
    return z + k, k - z, z * k, z / k


def with_float32(a, f):
    z = a[0]
    y = f[0]
    return z + y, z * y, y / z


def compare(a, b):
    x = a[0]
    y = b[0]
    return x == y, x != y, x < y, x <= y, x > y, x >= y


def unary(a):
    z = a[0]
    return -z, +z, abs(z), bool(z), z.real, z.imag, z.conjugate()


def elementwise(a, b):
    return a * b - a / b, -a, abs(a), a == b, a < b


def running_sum(a):
    return a.cumsum()


def accumulate(a):
    s = a[0]
    for k in range(1, a.shape[0]):
        s = s * a[k] + a[k]
        if s == a[k]:
            s = s - 1
    return s


def real_parts(a, x, k):
    y = a[0]
    return y.real, y.imag, y.conjugate(), x.real, x.imag, x.conjugate(), k.real, k.imag


def choose(c, a, b):
    return np.where(c, a, b)


def to_real(a):
    return a.astype(np.float64), a.astype(np.float32), a.astype(np.int16), a.astype(np.bool_)


def reductions(a):
    return a.sum(), np.sum(a), a.mean(), a.prod(), np.prod(a), np.mean(a)


def math_functions(a):
    z = a[0]
    return (np.sqrt(a), np.exp(a), np.log(a), np.sin(a), np.cos(a), np.tan(a),
            np.sqrt(z), np.exp(z), np.log(z), np.sin(z), np.cos(z), np.tan(z))


def rounded(a):
    return np.round(a), np.round(a, 2), a.round(-1), np.around(a[0], 1)


def norm_of(a):
    return np.linalg.norm(a), np.linalg.norm(a.reshape(1, -1))


def classes_and_truths(a):
    return (np.isnan(a), np.isinf(a), np.isfinite(a), np.isnan(a[0]), a.any(), a.all(),
            np.any(a.reshape(1, -1), axis=1))


def nonzero_indices(a):
    return np.nonzero(a), np.flatnonzero(a), np.argwhere(a), np.where(a), a.nonzero()


def elementwise_extremes(a, b):
    return np.minimum(a, b), np.maximum(a, b), np.minimum(a[0], b[0]), np.maximum(a, b[0])


def spread(a):
    return a.var(), a.std(), np.var(a, ddof=1)


def extremes(a):
    return a.min(), a.max(), a.argmin(), a.argmax(), np.min(a), np.argmax(a)


def array_parts(a):
    return a.real, a.imag, np.real(a), np.imag(a), np.conj(a), np.conjugate(a), a.imag[1:]


def write_parts(a):
    a.imag[:] = -a.imag
    a.real[0] = 5.0
    return a.real.sum()


def scalar_parts(a):
    z = a[0]
    return np.real(z), np.imag(z), np.conj(z)


def joined(a, b, c):
    return (np.concatenate((a, b)), np.concatenate((b, c, a), axis=None),
            np.stack((a, a[::-1], b), axis=-1), np.hstack((c, a)), np.vstack((a, c)))
