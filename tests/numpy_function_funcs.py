"""NumPy's rounding-dependent elementwise functions, which kiln computes with NumPy's own inner
loops (tests/test_numpy_functions.py compiles these and runs them under NumPy too). kiln reads
source with `inspect`, so they live in this real file. Nothing here is a test."""

import numpy as np


def real_functions(a):
    return (np.exp(a), np.exp2(a), np.expm1(a), np.log(a), np.log2(a), np.log10(a),
            np.log1p(a), np.sin(a), np.cos(a), np.tan(a), np.arcsin(a), np.arccos(a),
            np.arctan(a), np.sinh(a), np.cosh(a), np.tanh(a), np.arcsinh(a), np.arccosh(a),
            np.arctanh(a), np.cbrt(a), np.degrees(a), np.radians(a), np.deg2rad(a),
            np.rad2deg(a))


def real_functions_of_one(a):
    x = a[0]
    return (np.exp(x), np.exp2(x), np.expm1(x), np.log(x), np.log2(x), np.log10(x),
            np.log1p(x), np.sin(x), np.cos(x), np.tan(x), np.arcsin(x), np.arccos(x),
            np.arctan(x), np.sinh(x), np.cosh(x), np.tanh(x), np.arcsinh(x), np.arccosh(x),
            np.arctanh(x), np.cbrt(x))


def complex_functions(a):
    return (np.sqrt(a), np.exp(a), np.exp2(a), np.expm1(a), np.log(a), np.log2(a),
            np.log10(a), np.log1p(a), np.sin(a), np.cos(a), np.tan(a), np.arcsin(a),
            np.arccos(a), np.arctan(a), np.sinh(a), np.cosh(a), np.tanh(a), np.arcsinh(a),
            np.arccosh(a), np.arctanh(a), np.sqrt(a[0]), np.exp(a[0]), np.log(a[0]))


def powers(a, b):
    """`**` with a number takes NumPy's fast paths for some exponents (np.square for 2,
    np.reciprocal for -1, np.sqrt for 0.5; before NumPy 2.3 for any number, also 1 and 0).
    NumPy's two-argument loops, of arrays and of single elements (np.fmax(a[0], b[0]))."""
    return (a ** b, np.power(a, b), a ** b[0], np.power(a, b[0]), a[0] ** b, a ** 0.5,
            a ** 2.7, a ** 2, a ** -1, a ** 1, a ** 0, a ** 2.0, a ** -1.0,
            np.power(a[0], b[0]), np.power(a, 0.5), np.power(a, 2), np.arctan2(a, b),
            np.hypot(a, b), np.arctan2(a[0], b), np.fmax(a, b), np.fmin(a, b), np.fmod(a, b),
            np.logaddexp(a, b), np.logaddexp2(a, b), np.copysign(a, b), np.nextafter(a, b),
            np.fmax(a[0], b[0]), np.fmod(a, 2.5))


def grids(a, b):
    """Broadcast rows against columns: NumPy's loop over each line, a step of 0 for the
    column's element."""
    column = a.reshape(a.shape[0], 1)
    return np.exp(column + b), column ** b, np.arctan2(column, b), np.log(a[::-1])


def from_integers(k):
    return np.exp(k), np.log(k), np.sin(k), k ** 0.5, np.power(k, 1.5), np.degrees(k), \
        np.logaddexp(k, 0.5)


def percentiles(a, q):
    return np.percentile(a, q), np.quantile(a, q / 100)
