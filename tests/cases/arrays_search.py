"""Searching sorted arrays: np.searchsorted(a, v, side) and np.interp(x, xp, fp, left, right).

searchsorted gives a numpy.int64 for a number or a 0-d array, an int64 array of the keys' shape
for an array of keys. It compares in the dtype NumPy finds for a and v together, a Python int
counting as int64 and a float as float64 (an int8 array and 2.5 compare as float64, a float32
array and 0.1 too, so 0.1 lands before float32(0.1)), in NumPy's order: NaN after every number,
-0.0 equal to 0.0. Every dtype, both sides, duplicates, keys below and above everything, empty
arrays, strided and reversed views, and keys in any order. (An unsorted array's answer is
unspecified: NumPy 2.4 and 2.5 differ there.)

interp gives a numpy.float64 for a number or a 0-d array, a float64 array otherwise: at the
samples, between them (NumPy's formula, whose NaN cases are tried from the other end), outside
(fp[0] and fp[-1], or left= and right=), a NaN x (NaN, or fp[0] for a single sample), infinite
samples, xp or fp of any real dtype and layout; ValueError for no samples or fp and xp of
different lengths, even for no x at all."""

import numpy as np


def _ints(n, seed, dtype):
    """n sorted integers, duplicates among them."""
    return np.sort(np.random.default_rng(seed).integers(0, n, n)).astype(dtype)


def _floats(n, seed, dtype=np.float64):
    return np.sort(np.random.default_rng(seed).standard_normal(n) * 10).astype(dtype)


def _keys(shape, seed):
    return np.random.default_rng(seed).standard_normal(shape) * 12


def _nan_tail(a):
    """The last third of `a` NaN: sorted as NumPy sorts, the search meets NaN."""
    a[2 * len(a) // 3:] = np.nan
    return a


_XP, _FP = np.array([0.0, 1.0, 2.0]), np.array([10.0, 20.0, 30.0])
_UNIT, _TWO = np.array([0.0, 1.0]), np.array([3.0, 4.0])
_AROUND, _QUARTERS = np.array([-1.0, 0.5, 2.0]), np.array([0.0, 0.5, 1.0, 2.0])


def _nans_last():
    return np.array([-np.inf, -1.0, 0.0, 2.5, 2.5, np.inf, np.nan, np.nan])


def search(a, v):
    return np.searchsorted(a, v)


def search_right(a, v):
    return np.searchsorted(a, v, side="right")


def search_side(a, v):
    return np.searchsorted(a, v, "left"), np.searchsorted(a, v, "right")


def search_method(a, v):
    return a.searchsorted(v), a.searchsorted(v, side="right")


def search_element(a, keys, k):
    """A NumPy scalar key: keys[k], of keys' dtype."""
    return np.searchsorted(a, keys[k]), np.searchsorted(a, keys[k], side="right")


def search_steps(a, v):
    """Through views: every other element, and a reversed sorted array reversed back."""
    return np.searchsorted(a[::2], v), np.searchsorted(a[::-1][::-1], v, "right")


def search_each(a, v):
    total = 0
    for i in range(len(v)):
        total += np.searchsorted(a, v[i]) * (i + 1)
    return total


# run: search(np.array([1.0, 2.0, 3.0]), 2.0)
# run: search_side(np.array([1.0, 2.0, 2.0, 2.0, 3.0]), 2.0)
# run: search_side(np.array([1.0, 2.0, 2.0, 2.0, 3.0]), 2)
# run: search_side(np.array([1.0, 2.0, 3.0]), -5.0)
# run: search_side(np.array([1.0, 2.0, 3.0]), 5.0)
# run: search_side(np.zeros(0), 1.0)
# run: search_side(np.zeros(0, dtype=np.int8), np.array([1, 2]))
# run: search_side(_ints(50, 1, np.int64), 17)
# run: search_side(_ints(50, 2, np.int8), 17)
# run: search_side(_ints(50, 3, np.uint8), 17)
# run: search_side(_ints(50, 4, np.int16), -3)
# run: search_side(_ints(50, 5, np.uint64), 49)
# run: search_side(_ints(50, 6, np.int32), 1000)
# run: search_side(_floats(100, 7, np.float32), 0.5)
# run: search_side(_floats(100, 8), 0.5)
# run: search_side(np.array([False, False, True, True, True]), True)
# run: search_side(np.array([False, False, True, True, True]), False)
# run: search_side(np.array([False, False, True, True, True]), 0.5)
# run: search_side(np.array([False, True]), 1)
# run: search_side(np.array([0, 1, 2, 3], dtype=np.int8), 2.5)
# run: search_side(np.array([0, 1, 2, 3], dtype=np.int8), 300)
# run: search_side(np.array([0, 1, 2, 3], dtype=np.uint8), -1)
# run: search_side(np.array([0, 1, 2, 3], dtype=np.uint8), True)
# run: search_side(np.array([0.1, 0.2], dtype=np.float32), 0.1)
# run: search_side(np.array([2**53 + 1, 2**53 + 3]), 2.0**53)
# run: search_side(np.array([2**53 + 1], dtype=np.uint64), 2**53)
# run: search_side(_nans_last(), float("nan"))
# run: search_side(_nans_last(), float("inf"))
# run: search_side(_nans_last(), -float("inf"))
# run: search_side(_nans_last(), 2.5)
# run: search_side(_nans_last(), _nans_last())
# run: search_side(_nans_last().astype(np.float32), np.array([np.nan, 2.5, -1.0]))
# run: search_side(np.array([-1.0, -0.0, 0.0, 0.0, 1.0]), 0.0)
# run: search_side(np.array([-1.0, -0.0, 0.0, 0.0, 1.0]), -0.0)
# run: search_side(np.array([-1.0, 0.0, 1.0]), np.array([-0.0, 0.0]))
# run: search_side(_floats(100, 9), np.array(0.25))
# run: search_side(_floats(100, 10), _keys(40, 11))
# run: search_side(_floats(100, 12), np.sort(_keys(40, 13)))
# run: search_side(_floats(100, 14), np.sort(_keys(40, 15))[::-1])
# run: search_side(_floats(100, 16), _keys((5, 7), 17))
# run: search_side(_floats(100, 18), _keys((4, 6), 19)[::2, ::-3])
# run: search_side(_floats(100, 20), _keys((3, 4, 5), 21).astype(np.float32))
# run: search_side(_ints(100, 22, np.int64), _keys(30, 23))
# run: search_side(_ints(100, 24, np.uint8), _keys(30, 25).astype(np.int64))
# run: search_side(_ints(100, 26, np.int8), np.array([[True, False]]))
# run: search_side(_floats(100, 27), np.zeros((0, 3)))
# run: search(_ints(100, 28, np.int64), np.array([3, 3, 3, 2, 50, 51, 49]))
# run: search_right(_ints(100, 29, np.int64), np.array([3, 3, 3, 2, 50, 51, 49]))
# run: search_method(_floats(30, 30), 0.0)
# run: search_method(_floats(30, 31), _keys(9, 32))
# run: search_element(_floats(30, 33), _keys(5, 34).astype(np.float32), 2)
# run: search_element(_ints(30, 35, np.int64), np.array([3, 9, 27], dtype=np.uint64), 1)
# run: search_element(_ints(30, 36, np.uint8), np.array([3, 9, 27], dtype=np.int8), 2)
# run: search_element(_ints(30, 37, np.int16), np.array([True, False]), 0)
# run: search_element(_floats(30, 38, np.float32), np.array([0.5, np.nan]), 1)
# run: search_steps(_floats(101, 39), 1.5)
# run: search_steps(np.arange(20, dtype=np.int32), np.array([[0, 5], [19, 20]]))
# run: search_each(_floats(64, 40), _keys(16, 41))


def interp(x, xp, fp):
    return np.interp(x, xp, fp)


def interp_ends(x, xp, fp, left, right):
    return np.interp(x, xp, fp, left=left, right=right)


def interp_left(x, xp, fp):
    return np.interp(x, xp, fp, -1.0)


def interp_element(x, xp, fp, k):
    """A NumPy scalar x, and NumPy scalar ends: x[k], fp[0] * 2 and xp[0]."""
    return np.interp(x[k], xp, fp, fp[0] * 2, xp[0])


def interp_each(xs, xp, fp):
    total = 0.0
    for i in range(len(xs)):
        total += np.interp(xs[i], xp, fp)
    return total


# run: interp(0.5, _XP, _FP)
# run: interp(1.0, _XP, _FP)
# run: interp(2, _XP, _FP)
# run: interp(True, _XP, _FP)
# run: interp(-3.0, _XP, _FP)
# run: interp(3.0, _XP, _FP)
# run: interp(float("nan"), _XP, _FP)
# run: interp(np.linspace(-1.0, 3.0, 33), _XP, _FP)
# run: interp(np.linspace(-1.0, 3.0, 33), np.array([0.0, 1.0, 1.0, 2.0]), np.array([1.0, 2.0, 5.0, 7.0]))
# run: interp(np.array(0.25), np.array([0.0, 1.0]), np.array([0.0, 1.0]))
# run: interp(_keys((4, 5), 50), _floats(20, 51), _keys(20, 52))
# run: interp(_keys(100, 53), _floats(7, 54), _keys(7, 55))
# run: interp(_keys(30, 56)[::-3], _floats(40, 57)[::2], _keys(40, 58)[::-2])
# run: interp(np.sort(_keys(30, 59)), _floats(40, 60), _keys(40, 61))
# run: interp(_keys(30, 62).astype(np.float32), _floats(10, 63, np.float32), _keys(10, 64))
# run: interp(np.arange(-2, 12), np.arange(0, 10, 2), np.arange(5, dtype=np.int8))
# run: interp(np.array([0, 3, 5], dtype=np.uint8), np.array([1, 4], dtype=np.int64), np.array([True, False]))
# run: interp(np.array([np.nan, 0.5, -np.inf, np.inf]), np.array([0.0, 1.0]), np.array([3.0, 4.0]))
# run: interp(np.array([np.nan, 0.5, 1.0, 2.0]), np.array([1.0]), np.array([7.0]))
# run: interp(np.array([-1.0, 0.5, np.nan]), np.array([np.nan]), np.array([7.0]))
# run: interp(np.array([0.0, 0.5, 1.0, 2.0]), np.array([0.0, np.inf]), np.array([0.0, 1.0]))
# run: interp(_QUARTERS, _UNIT, np.array([0.0, np.inf]))
# run: interp(_QUARTERS, _UNIT, np.array([np.inf, np.inf]))
# run: interp(_QUARTERS, _UNIT, np.array([-np.inf, np.inf]))
# run: interp(np.array([0.0, 0.5, 1.0, 2.0]), np.array([0.0, 1.0, 2.0]), np.array([0.0, np.nan, 2.0]))
# run: interp(np.array([-1.0, 0.5, 2.0]), np.array([np.nan, np.nan]), np.array([1.0, 1.0]))
# run: interp(np.array([0.5, 2.0]), np.array([0.0, 1.0, np.nan]), np.array([1.0, 2.0, 3.0]))
# run: interp(_keys(200, 68), _nan_tail(_floats(30, 69)), _keys(30, 70).round())
# run: interp(_keys(200, 71), _keys(30, 72), _keys(30, 73))
# run: interp(np.array([-0.0, 0.0]), np.array([-1.0, 0.0, 1.0]), np.array([-0.0, -0.0, 1.0]))
# run: interp(np.zeros(0), np.array([0.0, 1.0]), np.array([0.0, 1.0]))
# run: interp(0.5, np.zeros(0), np.zeros(0))
# run: interp(np.zeros(0), np.zeros(0), np.zeros(0))
# run: interp(0.5, np.array([0.0, 1.0]), np.array([0.0, 1.0, 2.0]))
# run: interp(np.zeros(0), np.array([0.0, 1.0]), np.array([0.0]))
# run: interp_ends(_AROUND, _UNIT, _TWO, -7.0, 9)
# run: interp_ends(_AROUND, _UNIT, _TWO, None, 9.5)
# run: interp_ends(_AROUND, _UNIT, _TWO, False, None)
# run: interp_ends(np.array([-1.0, 0.5, 2.0]), np.array([0.5]), np.array([3.0]), float("nan"), 1.0)
# run: interp_left(_AROUND, _UNIT, _TWO)
# run: interp_element(np.array([-1.0, 0.5, 2.0], dtype=np.float32), np.array([0.0, 1.0]), np.array([3.0, 4.0]), 0)
# run: interp_element(np.array([-1, 3, 9], dtype=np.int16), np.arange(5), np.arange(5, dtype=np.uint8), 2)
# run: interp_each(_keys(20, 65), _floats(8, 66), _keys(8, 67))


def _samples(count, seed):
    return np.sin(np.arange(count) * (seed + 0.37)) * (seed + 1.5)


def histogram_of(a, bins):
    """np.histogram of float64 data: NumPy's equal bins, its edges by np.linspace and its
    index corrections at the edges, the last bin closed."""
    counts, edges = np.histogram(a, bins)
    return counts, edges, np.histogram(a, bins=bins, range=(-1, 2.5)), np.histogram(a)
# run: histogram_of(_samples(500, 1), 7)
# run: histogram_of(_samples(200, 3).reshape(10, 20)[:, ::3], 13)
# run: histogram_of(np.array([-1.0, 2.5, 0.5, -1.0000001, 2.5000001, 1.0]), 1)
# run: histogram_of(np.zeros(0), 3)
# run: histogram_of(np.full(5, 3.0), 4)
# run: histogram_of(np.array([0.0, 1.0, np.nan]), 3)
# run: histogram_of(np.array([np.inf, 1.0]), 3)
# run: histogram_of(_samples(10, 2), 0)
# run: histogram_of(np.array([1e300, -1e300, 5.0]), 4)
# run: histogram_of(np.asfortranarray(_samples(35, 4).reshape(5, 7)), 6)


def histogram_range(a, low, high):
    return np.histogram(a, 5, (low, high))
# run: histogram_range(_samples(100, 5), 0, 1)
# run: histogram_range(_samples(100, 5), 2.0, 1.0)
# run: histogram_range(_samples(100, 5), 0.5, np.inf)
# run: histogram_range(_samples(100, 5), 1.5, 1.5)


def digitized(x, bins):
    """np.digitize: searchsorted on the other side for rising bins, from the end for falling
    ones; NumPy's monotonicity test decides which (a NaN after the leading equal values means
    falling), ValueError for neither."""
    return np.digitize(x, bins), np.digitize(x, bins, right=True), np.digitize(x[0], bins)
# run: digitized(np.array([0.2, 6.4, 3.0, 1.6, -1.0, 10.0]), np.array([0.0, 1.0, 2.5, 4.0, 10.0]))
# run: digitized(np.array([0.2, 6.4, 3.0, 1.6, 10.0]), np.array([10.0, 4.0, 2.5, 1.0, 0.0]))
# run: digitized(np.array([1, 2, 3]), np.array([1.0, 1.0, 2.0]))
# run: digitized(np.array([1.0, 2.0]), np.array([1.0, 3.0, 2.0]))
# run: digitized(np.array([1.0, np.nan]), np.array([0.0, np.nan, 2.0]))
# run: digitized(np.array([1.0, 2.0]), np.array([np.nan, 1.0]))
# run: digitized(np.array([1.0, 2.0]), np.zeros(0))
# run: digitized(np.array([1.0, 2.0]), np.array([2.0, 2.0, 2.0]))
# run: digitized(np.arange(6.0).reshape(2, 3), np.arange(0.0, 6.0, 2.0)[::-1])
# run: digitized(np.array([3, 9], dtype=np.int8), np.array([2, 5, 8], dtype=np.uint8))
