"""Whole-array operations: elementwise arithmetic with broadcasting, ufuncs, reductions."""
import numpy as np


def _vec(n, dtype=np.float64):
    return (np.arange(n) * 1.5 - 3).astype(dtype)


def _noise(n, seed):
    return np.random.default_rng(seed).standard_normal(n)


def add(a, b):
    return a + b
# run: add(_vec(5), np.ones(5))
# run: add(np.arange(5), 2)
# run: add(np.arange(5, dtype=np.uint8), 250)
# run: add(np.arange(5, dtype=np.uint8), 300)
# run: add(np.arange(6.0).reshape(2, 3), np.arange(3.0))
# run: add(np.arange(3.0).reshape(3, 1), np.arange(4.0))
# run: add(np.arange(3.0), np.arange(4.0))
# run: add(np.arange(5, dtype=np.int8), np.arange(5, dtype=np.uint8))
# run: add(np.arange(4, dtype=np.float32), 0.1)
# run: add(np.arange(4, dtype=np.int32), np.float32(0.5))
# run: add(2.5, np.arange(3))


def arithmetic(a, b):
    return a - b, a * b, a / b, a // b, a % b
# run: arithmetic(np.arange(-3, 3), 2)
# run: arithmetic(np.arange(-3, 3), 0)
# run: arithmetic(_vec(6), -1.5)
# run: arithmetic(_vec(4), np.array([0.0, -0.0, 2.0, np.inf]))
# run: arithmetic(np.arange(5, dtype=np.uint16), np.arange(5, dtype=np.uint16) + 1)


def compare(a, b):
    return a < b, a == b, a >= b
# run: compare(np.arange(5), 2)
# run: compare(_vec(4), np.array([np.nan, 0.0, 0.0, 1.5]))
# run: compare(np.arange(5, dtype=np.uint8), -1)


def unary(a):
    return -a, abs(a), +a
# run: unary(np.arange(-2, 3))
# run: unary(np.arange(4, dtype=np.uint8))
# run: unary(_vec(4))


def expression(a, b):
    return (a + 1.0) * b - a / 2.0
# run: expression(np.arange(4.0), np.arange(4.0).reshape(4, 1))
# run: expression(np.arange(3), 2)


def ufuncs(a):
    return np.sqrt(a), np.abs(a), np.floor(a), np.ceil(a)
# run: ufuncs(_vec(6))
# run: ufuncs(np.arange(5))
# run: ufuncs(np.arange(4, dtype=np.float32))


def scalar_ufuncs(x):
    return np.sqrt(x), np.abs(x), np.floor(x)
# run: scalar_ufuncs(4.0)
# run: scalar_ufuncs(-2)
# run: scalar_ufuncs(np.float32(2.25))


def extremes(a, b):
    return np.minimum(a, b), np.maximum(a, b)
# run: extremes(_vec(5), 0.0)
# run: extremes(np.array([1.0, np.nan, 3.0]), np.array([np.nan, 2.0, 1.0]))
# run: extremes(np.arange(5), np.arange(5)[::-1])


def choose(a):
    return np.where(a > 2, a, -a), np.where(a % 2 == 0, 1.5, a)
# run: choose(np.arange(6))
# run: choose(_vec(4))


def reductions(a):
    return a.sum(), a.min(), a.max(), a.argmin(), a.argmax(), a.mean(), a.prod()
# run: reductions(_vec(7))
# run: reductions(np.arange(1, 8))
# run: reductions(np.arange(10, dtype=np.uint8))
# run: reductions(np.array([True, False, True]))
# run: reductions(np.array([2.0, np.nan, 1.0]))
# run: reductions(np.zeros(0))
# run: reductions(np.arange(12.0).reshape(3, 4))


def pairwise_sums(a):
    return a.sum(), np.sum(a), a.mean()
# run: pairwise_sums(_noise(1001, 1))
# run: pairwise_sums(_noise(7, 2))
# run: pairwise_sums(_noise(128, 3))
# run: pairwise_sums(_noise(129, 4))
# run: pairwise_sums(_noise(5000, 5).astype(np.float32))
# run: pairwise_sums(_noise(1200, 6).reshape(30, 40))
# run: pairwise_sums(_noise(1200, 7).reshape(30, 40).T)
# run: pairwise_sums(_noise(1200, 8).reshape(30, 40)[::2, ::3])
# run: pairwise_sums(_noise(999, 9)[::-3])


def normalise(a):
    return (a - a.mean()) / (a.max() - a.min())
# run: normalise(_vec(6))
# run: normalise(np.arange(5))


def shapes(a):
    return a.reshape(2, 3), a.reshape((3, -1)), a.ravel(), a.flatten()
# run: shapes(np.arange(6.0))
# run: shapes(np.arange(6, dtype=np.int16))


def bad_reshape(a):
    return a.reshape(4, 2)
# run: bad_reshape(np.arange(6))


def reshape_inferred(a, n):
    return a.reshape(n, -1).shape
# run: reshape_inferred(np.zeros((0, 3)), 0)
# run: reshape_inferred(np.zeros((0, 3)), 2)
# run: reshape_inferred(np.zeros(6), 0)
# run: reshape_inferred(np.zeros(6), 4)
# run: reshape_inferred(np.zeros(6), 3)


def flat_views(g):
    return g.ravel(), g.flatten()
# run: flat_views(np.arange(6.0).reshape(2, 3).T)
# run: flat_views(np.arange(12).reshape(3, 4)[::2, 1:])


def write_through_ravel(a, rows):
    """ravel is a view of a C-contiguous array (writes reach `a`), else a copy; which one is
    decided at run time for a slice (a slice of whole rows is contiguous)."""
    part = a[rows:]
    flat = part.ravel()
    flat[0] = -1.0
    np.ravel(a)[-1] = -2.0
    return flat.sum()
# run: write_through_ravel(np.arange(12.0).reshape(3, 4), 1)
# run: write_through_ravel(np.arange(12.0).reshape(3, 4)[:, ::2], 1)
# run: write_through_ravel(np.arange(12.0).reshape(3, 4).T, 2)
# run: write_through_ravel(np.arange(12.0).reshape(4, 3)[:, 1:2], 1)
# run: write_through_ravel(np.arange(12.0).reshape(4, 3)[1:2, :], 0)
# run: write_through_ravel(np.arange(8.0)[::2], 1)
# run: write_through_ravel(np.arange(8.0), 3)
# run: write_through_ravel(np.arange(6.0).reshape(3, 2), 3)  # an empty part: IndexError


def ravel_of_new(n):
    total = 0.0
    for k in range(n):
        flat = np.ones((k + 1, 2)).ravel()
        flat[0] = 0.0
        total += flat.sum()
    return total
# run: ravel_of_new(5)


def conversions(a):
    return a.astype(np.int32), a.astype(np.float32), a.astype(np.bool_)
# run: conversions(np.array([1.7, -2.5, 3.0, 0.0]))
# run: conversions(np.arange(4))


def spaced(n):
    return np.linspace(0, 1, n), np.linspace(2.0, 3.0, n, endpoint=False), np.linspace(-1, 1)
# run: spaced(5)
# run: spaced(1)
# run: spaced(0)
# run: spaced(7)


def running(a):
    return np.cumsum(a), a.cumsum()
# run: running(np.arange(5, dtype=np.int8))
# run: running(np.ones((2, 3)))
# run: running(np.array([True, True, False]))
# run: running(np.arange(5, dtype=np.float32) * np.float32(0.1))


def clipped(a, low, high):
    return np.clip(a, low, high), a.clip(low, high), np.clip(a, 0.0, 1.0), a.clip(low[0], high[0])
# run: clipped(np.array([-1.5, 0.0, -0.0, 0.5, 2.0, np.nan, np.inf, -np.inf]), np.zeros(8), np.ones(8))
# run: clipped(np.array([-1.5, 0.0, -0.0, 0.5, 2.0, np.nan]), np.array([-0.0, 0.0, np.nan, 1.0, -1.0, 0.0]), np.array([0.0, -0.0, 1.0, np.nan, 3.0, 1.0]))
# run: clipped(np.arange(-3, 5), np.full(8, -1), np.full(8, 2))
# run: clipped(np.arange(8, dtype=np.uint8), np.full(8, 2, dtype=np.uint8), np.full(8, 5, dtype=np.uint8))
# run: clipped(np.arange(8, dtype=np.float32) - 3.5, np.zeros(8, dtype=np.float32), np.full(8, 2.5, dtype=np.float32))


def transposed_products(a, b):
    return a.transpose(), np.transpose(a), a.dot(b), a[0].dot(b[:, 0]), b.T.dot(a.T)
# run: transposed_products(np.arange(6.0).reshape(2, 3) - 2.5, np.arange(12.0).reshape(3, 4) / 4)
# run: transposed_products(np.arange(6).reshape(2, 3), np.arange(12).reshape(3, 4))
