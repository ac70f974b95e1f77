"""Classifying and testing elements: np.isnan, np.isinf, np.isfinite, np.signbit, np.sign (bool
or sign arrays and NumPy scalars), a.any() and a.all() of the whole array or along an axis, and
running sums along an axis (np.cumsum(a, axis=k)), against NumPy, special values included.
(Complex arrays are tests/test_complex_semantics.py's.)"""
import numpy as np

def _specials(dtype=np.float64):
    return np.array([0.0, -0.0, 1.5, -2.0, np.nan, -np.nan, np.inf, -np.inf] * 2).astype(dtype)


def classes(a):
    return np.isnan(a), np.isinf(a), np.isfinite(a), np.isnan(a[4]), np.isinf(a[6])
# run: classes(_specials())
# run: classes(_specials(np.float32))
# run: classes(np.arange(8))
# run: classes(np.array([True, False] * 4))


def signs(a):
    return np.signbit(a), np.sign(a), np.sign(a[1]), np.signbit(a[5])
# run: signs(_specials())
# run: signs(_specials(np.float32))
# run: signs(np.arange(-4, 4))
# run: signs(np.arange(8, dtype=np.uint8))


def truths(a):
    return a.any(), a.all(), np.any(a), np.all(a), a.any(axis=0), np.all(a, axis=-1)
# run: truths(_specials().reshape(2, 8))
# run: truths(np.zeros((3, 2)))
# run: truths(np.ones((2, 3), dtype=np.int8))
# run: truths(np.zeros((0, 3)))
# run: truths(np.array([[True, False], [True, True]]))


def running_sums(a):
    return np.cumsum(a, axis=0), a.cumsum(axis=-1), np.cumsum(a, 1)
# run: running_sums(np.arange(12.0).reshape(3, 4) - 5.5)
# run: running_sums(np.asfortranarray(np.arange(12).reshape(3, 4)))
# run: running_sums(np.arange(24, dtype=np.int8).reshape(2, 3, 4) * 10)
# run: running_sums(_specials().reshape(2, 8))
# run: running_sums(np.zeros((0, 3)))
