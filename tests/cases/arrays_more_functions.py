"""NumPy functions that name what kiln already does (np.amax, np.copy, np.reshape,
np.full_like), np.fabs, the logical ufuncs and NumPy's round, on arrays and numbers."""

import numpy as np

F = np.array([1.5, -2.25, np.nan, -0.0, np.inf, 2.5, -0.5, 1e300])
I = np.array([15, 25, -35, 0, 127], dtype=np.int8)
M = np.arange(12.0).reshape(3, 4) - 5.5


def extremes(a):
    return np.amax(a), np.amin(a)
# run: extremes(F)
# run: extremes(I)
# run: extremes(np.zeros(0))


def extremes_axis(m):
    return np.amax(m, axis=0), np.amin(m, 1)
# run: extremes_axis(M)
# run: extremes_axis(M.T)


def copies(a):
    b = np.copy(a)
    b[0] = 7
    return a, b
# run: copies(F.copy())
# run: copies(M[:, 1])
# run: copies(M.T.copy())


def reshaped(a, n):
    return np.reshape(a, (n, -1)), np.reshape(a, a.size), np.reshape(a, (a.size,))
# run: reshaped(np.arange(12), 3)
# run: reshaped(np.arange(12), 5)
# run: reshaped(np.arange(12.0).reshape(2, 6), 4)


def filled_like(a, v):
    return np.full_like(a, v), np.full_like(a, v, dtype=np.float32), np.full_like(a, v, np.int16)
# run: filled_like(I, 3)
# run: filled_like(I, 300)
# run: filled_like(I, 2.7)
# run: filled_like(F, np.nan)
# run: filled_like(M, True)
# run: filled_like(np.zeros((2, 0)), 1)


def absolute_float(a):
    return np.fabs(a)
# run: absolute_float(F)
# run: absolute_float(np.array([-3, 4], dtype=np.int64))
# run: absolute_float(np.array([-3, 4], dtype=np.int32))
# run: absolute_float(np.float32(-1.5))
# run: absolute_float(-2)
# run: absolute_float(-0.0)


def logic(a, b):
    return (np.logical_and(a, b), np.logical_or(a, b), np.logical_xor(a, b),
            np.logical_not(a))
# run: logic(np.array([0.0, 1.5, np.nan, -0.0]), np.array([1, 0, 0, 2]))
# run: logic(np.array([True, False]), True)
# run: logic(M, M.T[0])
# run: logic(3, 0)
# run: logic(np.int8(0), 2.5)


def rounded(a, d):
    return np.round(a), np.around(a, 2), a.round(1), np.round(a, -1), np.round(a, 10)
# run: rounded(F, 0)
# run: rounded(np.array([0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 0.125, 1234.5678]), 0)
# run: rounded(np.array([0.5, 1.5, 2.5, 2.675], dtype=np.float32), 0)
# run: rounded(I, 0)
# run: rounded(np.array([15, -25, 2**62 + 5], dtype=np.int64), 0)
# run: rounded(M.T, 0)


def rounded_numbers(x):
    return np.round(x), np.round(x, 2), np.round(x, -2), np.around(x, 12)
# run: rounded_numbers(2.675)
# run: rounded_numbers(-1234.5)
# run: rounded_numbers(7)
# run: rounded_numbers(np.float32(0.125))
# run: rounded_numbers(np.int8(-75))
# run: rounded_numbers(np.uint8(250))
# run: rounded_numbers(1e300)
# run: rounded_numbers(np.nan)


def rounded_far(a):
    return np.round(a, 9), np.round(a, 15), np.round(a, 22), np.round(a, -9), np.round(a, -400)
# run: rounded_far(np.array([1.23456789012345678, 9.87654321e-10, 123456789012.5]))


def products(a):
    return np.cumprod(a), a.cumprod(), np.cumsum(a)
# run: products(np.arange(1, 7))
# run: products(np.arange(1, 7, dtype=np.int8))
# run: products(np.arange(100, 106, dtype=np.uint8))
# run: products(np.array([1.5, -0.0, 2.0, np.inf, np.nan, 3.0]))
# run: products(np.array([-0.0, -0.0, 1.0]))
# run: products(np.array([True, False, True]))
# run: products(np.zeros(0))
# run: products(np.array([2**40, 2**40]))


def products_axis(m):
    return np.cumprod(m, axis=0), m.cumprod(1), np.cumprod(m)
# run: products_axis(M)
# run: products_axis(M.T)
# run: products_axis(np.arange(1, 7, dtype=np.int32).reshape(2, 3))


def differences(a):
    return np.diff(a), np.diff(a[::-2])
# run: differences(np.arange(1, 7) ** 2)
# run: differences(np.array([1, 200, 3], dtype=np.uint8))
# run: differences(np.array([1.5, -0.0, 2.0, np.inf, np.nan, 3.0]))
# run: differences(np.array([True, False, False, True]))
# run: differences(np.zeros(0))
# run: differences(np.zeros(1))
# run: differences(np.array([-2**63, 2**63 - 1, 0]))


def differences_axis(m):
    return np.diff(m), np.diff(m, axis=0), np.diff(m, 1, 0), np.diff(m.T, axis=-2)
# run: differences_axis(M ** 2)
# run: differences_axis(np.zeros((0, 3)))
# run: differences_axis(np.zeros((2, 1)))
# run: differences_axis(np.arange(12, dtype=np.int8).reshape(3, 4)[:, ::2])


def nonzero_counts(a):
    m = a.reshape(2, -1)
    return np.count_nonzero(a), np.count_nonzero(m, axis=1), np.count_nonzero(m, 0)
# run: nonzero_counts(np.arange(6))
# run: nonzero_counts(np.array([0.0, -0.0, np.nan, 1.0, 0.0, 2.0]))
# run: nonzero_counts(np.array([True, False, False, True]))
# run: nonzero_counts(np.zeros(0))
# run: nonzero_counts(np.arange(12)[::2].copy())


def dtype_tests(a, b):
    if a.dtype == np.float64:
        kind = 1
    elif a.dtype != np.int8:
        kind = 2
    else:
        kind = 3
    return kind, a.dtype == b.dtype, a.dtype != b.dtype, np.float32 == a.dtype
# run: dtype_tests(np.zeros(2), np.zeros(2))
# run: dtype_tests(np.zeros(2, dtype=np.int8), np.zeros(2))
# run: dtype_tests(np.zeros(2, dtype=np.uint8), np.zeros(2, dtype=np.uint8))
# run: dtype_tests(np.zeros(2, dtype=np.float32), M)


def middle(a):
    return np.median(a)
# run: middle(np.array([3.0, 1.0, 2.0]))
# run: middle(np.array([4, 1, 3, 2]))
# run: middle(np.array([1.5, np.nan, 0.5]))
# run: middle(np.zeros(0))
# run: middle(np.array([1e308, 1.7e308]))
# run: middle(np.array([1e308, 1.7e308, 0.0]))
# run: middle(np.array([3, 1], dtype=np.int8))
# run: middle(np.array([2**62, 2**62 + 1]))
# run: middle(np.array([True, False, True, True]))
# run: middle(np.array([0.5, 0.25], dtype=np.float32))
# run: middle(M.T)
# run: middle(np.array([-0.0, 0.0]))
# run: middle(np.array([np.inf, -np.inf]))
# run: middle(np.array([7], dtype=np.uint8))


def middles(a):
    """Along an axis: each line's middle, NaN for a line holding NaN or none."""
    return np.median(a, axis=0), np.median(a, axis=-1)
# run: middles(np.array([[3.0, 1.0, 2.0], [0.5, np.nan, 4.0]]))
# run: middles(np.array([[4, 1, 3, 2], [9, -9, 0, 1], [2, 2, 2, 2]]))
# run: middles(np.arange(24, dtype=np.int16).reshape(2, 3, 4)[:, ::-1])
# run: middles(np.asfortranarray(np.arange(12.0).reshape(3, 4) % 5))
# run: middles(np.array([[0.5, 0.25], [1e38, 3e38]], dtype=np.float32))
# run: middles(np.zeros((0, 3)))
# run: middles(np.array([[True, False], [True, True]]))


def percentiles(a, q):
    """NumPy's linear method between two neighbours of the sorted elements, each step in
    NumPy's dtype (ints wrap in hi - lo, as NumPy's do)."""
    return np.percentile(a, q), np.quantile(a, q / 100)
# run: percentiles(np.array([3.0, 1.0, 2.0]), 50.0)
# run: percentiles(np.array([4.0, 1.0, 3.0, 2.0]), 50)
# run: percentiles(np.array([4.0, 1.0, 3.0, 2.0, 9.5]), 0.0)
# run: percentiles(np.array([4.0, 1.0, 3.0, 2.0, 9.5]), 100.0)
# run: percentiles(np.array([4.0, 1.0, 3.0, 2.0, 9.5]), 25.5)
# run: percentiles(np.array([4.0, 1.0, 3.0, 2.0, 9.5, 7.25]), 33.3)
# run: percentiles(np.array([0.1, 0.7, 0.3]), 99.9)
# run: percentiles(np.array([0.1, 0.7, 0.3]), np.float64(62.5))
# run: percentiles(np.array([0.1, 0.7, 0.3]), np.float32(62.5))
# run: percentiles(np.array([0.1, 0.7, 0.3], dtype=np.float32), 37.1)
# run: percentiles(np.array([0.1, 0.7, 0.3], dtype=np.float32), np.float32(37.1))
# run: percentiles(np.array([5, -3, 8, 1], dtype=np.int8), 40.0)
# run: percentiles(np.array([-100, 100], dtype=np.int8), 60.0)
# run: percentiles(np.array([5, 3, 8, 1], dtype=np.int8), np.float32(40.0))
# run: percentiles(np.array([5, 3, 8, 1], dtype=np.uint8), 70)
# run: percentiles(np.array([5, -3, 8, 1], dtype=np.int16), np.int64(45))
# run: percentiles(np.array([5, -3, 8, 1], dtype=np.int32), 12.5)
# run: percentiles(np.array([2**63 - 1, -2**63]), 50.0)
# run: percentiles(np.array([2**64 - 1, 3, 2**63], dtype=np.uint64), 87.5)
# run: percentiles(np.array([1.5, np.nan, 0.5]), 10.0)
# run: percentiles(np.array([1.5, np.nan, 0.5], dtype=np.float32), 0.0)
# run: percentiles(np.array([1.0, np.inf]), 50.0)
# run: percentiles(np.array([1.0, np.inf]), 100.0)
# run: percentiles(np.array([-np.inf, 1.0, np.inf]), 25.0)
# run: percentiles(np.array([-0.0, -0.0, -0.0]), 75.0)
# run: percentiles(np.array([-0.0]), 30.0)
# run: percentiles(M, 30.0)
# run: percentiles(M.T, 72.5)
# run: percentiles(np.asfortranarray(M), 72.5)
# run: percentiles(M[::2, ::-3], 55.0)
# run: percentiles(np.zeros(0), 50.0)
# run: percentiles(np.array([1.0, 2.0]), 100.5)
# run: percentiles(np.array([1.0, 2.0]), -1)
# run: percentiles(np.array([1.0, 2.0]), np.nan)


def extreme_quantiles(a, q):
    """An integer q takes the element itself, in a's dtype."""
    return np.quantile(a, q)
# run: extreme_quantiles(np.array([5, 3, 8, 1], dtype=np.int8), 1)
# run: extreme_quantiles(np.array([5, 3, 8, 1], dtype=np.uint16), 0)
# run: extreme_quantiles(np.array([True, False, True]), 0)
# run: extreme_quantiles(np.array([1.0, np.inf]), 1)
# run: extreme_quantiles(np.array([np.nan, 1.0]), 0)
# run: extreme_quantiles(np.array([1.0, 2.0]), 2)
# run: extreme_quantiles(np.zeros(0, dtype=np.int64), 0)


def close(a, b):
    return (np.isclose(a, b), np.isclose(a, b, rtol=0.1), np.isclose(a, b, atol=0.5, equal_nan=True),
            np.allclose(a, b), np.allclose(a, b, 1e-3, 1e-3, True))
# run: close(F, F[::-1])
# run: close(F.astype(np.float32), F[::-1])
# run: close(F, F[::-1].astype(np.float32))
# run: close(np.arange(5), np.arange(5) + 1e-7)
# run: close(I, np.arange(5))
# run: close(F, 1.0)
# run: close(1.0, F)
# run: close(1.0, 1.0 + 1e-9)
# run: close(1, 2)
# run: close(np.float32(1.0), 1.0000001)
# run: close(M, M[0] + 1e-9)
# run: close(np.zeros(0), np.zeros(0))
# run: close(np.nan, np.nan)
# run: close(np.array([True, False]), np.array([1, 0]))


def diagonals(n):
    return (np.eye(n), np.eye(n, 4), np.eye(n, 4, 1), np.eye(n, 4, -2, np.int8), np.eye(n, k=5),
            np.identity(n), np.identity(n, np.bool_))
# run: diagonals(3)
# run: diagonals(0)
# run: diagonals(1)
# run: diagonals(5)
# run: diagonals(-1)


def outer_products(a, b):
    return np.outer(a, b)
# run: outer_products(np.arange(3.0), np.arange(4))
# run: outer_products(np.arange(3, dtype=np.int8), np.arange(2, dtype=np.int8) + 100)
# run: outer_products(np.array([True, False]), np.array([True, True, False]))
# run: outer_products(np.arange(6.0).reshape(2, 3).T, np.array([1.5, -0.0]))
# run: outer_products(np.zeros(0), np.ones(3))
# run: outer_products(np.array([np.inf, 0.0]), np.array([0.0, np.nan]))
# run: outer_products(np.arange(3, dtype=np.uint8), np.arange(3, dtype=np.float32))
# run: outer_products(np.arange(10)[::-3], np.arange(2.0))


def nan_skipping(a):
    return np.nansum(a), np.nanmean(a)
# run: nan_skipping(np.array([1.5, np.nan, 2.25, -0.0]))
# run: nan_skipping(np.array([np.nan, np.nan]))
# run: nan_skipping(np.zeros(0))
# run: nan_skipping(np.arange(5))
# run: nan_skipping(np.array([True, False]))
# run: nan_skipping(np.array([1.5, np.nan], dtype=np.float32))
# run: nan_skipping(np.where(np.arange(6000) % 7 == 0, np.nan, np.sin(np.arange(6000.0))))
# run: nan_skipping(np.where(np.arange(6000) % 7 == 0, np.nan, np.sin(np.arange(6000.0))).reshape(60, 100))
# run: nan_skipping(np.asfortranarray(np.where(np.arange(600) % 7 == 0, np.nan, np.sin(np.arange(600.0))).reshape(20, 30)))
# run: nan_skipping(np.sin(np.arange(9000.0))[::-3])
# run: nan_skipping(np.array([-0.0, np.nan]))
# run: nan_skipping(np.array([np.inf, np.nan, -np.inf]))
# run: nan_skipping(np.arange(5, dtype=np.uint8))


def members(x, a):
    return x in a, x not in a
# run: members(0.0, np.array([1.0, np.nan, -0.0]))
# run: members(np.nan, np.array([1.0, np.nan, -0.0]))
# run: members(1, F)
# run: members(2, np.arange(3, dtype=np.int8))
# run: members(300, np.arange(3, dtype=np.uint8))
# run: members(-1, np.arange(3, dtype=np.uint8))
# run: members(True, np.array([0, 2]))
# run: members(2.5, np.arange(3))
# run: members(5, np.arange(12).reshape(3, 4).T)
# run: members(1, np.zeros(0))
# run: members(np.float32(0.1), np.array([0.1]))
# run: members(0.1, np.array([0.1], dtype=np.float32))


def counted(x):
    return np.bincount(x), np.bincount(x, minlength=6)
# run: counted(np.array([0, 1, 1, 3]))
# run: counted(np.array([True, False, True]))
# run: counted(np.zeros(0, dtype=np.int64))
# run: counted(np.array([1, 200, 3], dtype=np.uint8))
# run: counted(np.array([-1, 2]))
# run: counted(np.arange(10)[::-2])


def weighed(x, w):
    return np.bincount(x, w), np.bincount(x, weights=w, minlength=2)
# run: weighed(np.array([0, 2]), np.array([0.5, 1.5]))
# run: weighed(np.array([1, 1]), np.array([0.1, 0.2]))
# run: weighed(np.array([0]), np.array([True]))
# run: weighed(np.array([0]), np.array([3], dtype=np.int8))
# run: weighed(np.array([1, 2]), np.array([1.0]))
# run: weighed(np.array([-1, 2]), np.array([1.0]))
# run: weighed(np.array([0, 1]), np.array([1.0, np.nan, 3.0])[::2])


def counted_at_least(x, m):
    return np.bincount(x, minlength=m)
# run: counted_at_least(np.array([1]), -1)
# run: counted_at_least(np.array([-1]), -1)
# run: counted_at_least(np.array([2]), 0)
