"""Sorting: np.sort(a) returns a new sorted array (along the last axis, or a constant axis=k, or
flattened with axis=None) and leaves `a` alone; a.sort() sorts in place, also through a view
(only the viewed elements move). NaN sorts after everything, infinities where they belong;
every dtype, every layout, empty arrays, and lines long enough for the quicksort (more than 16
elements), sorted, reversed and full of duplicates.

Left out on purpose: arrays holding both 0.0 and -0.0 (they compare equal, and NumPy's sort is
not stable, so their order in the result is NumPy's accident)."""

import numpy as np


def _noise(shape, seed, dtype=np.float64):
    return (np.random.default_rng(seed).standard_normal(shape) * 100).astype(dtype)


def _few(n, seed, dtype):
    """n values out of 0, 1, 2: long runs of duplicates."""
    return np.random.default_rng(seed).integers(0, 3, n).astype(dtype)


def _with_nans(n, seed):
    a = _noise(n, seed)
    a[::3] = np.nan
    a[1::7] = np.inf
    a[2::11] = -np.inf
    return a


def _fortran(a):
    return np.asfortranarray(a)


def sorted_copy(a):
    return np.sort(a)
# run: sorted_copy(np.array([3.0, -1.5, 2.0, 0.5]))
# run: sorted_copy(_noise(1000, 1))
# run: sorted_copy(_noise(1000, 2, np.float32))
# run: sorted_copy(_noise(500, 3, np.int64))
# run: sorted_copy(_noise(500, 4, np.int8))
# run: sorted_copy(_noise(500, 5, np.int16))
# run: sorted_copy(_noise(300, 6, np.int64).astype(np.uint64))
# run: sorted_copy(_noise(300, 7, np.int64).astype(np.uint8))
# run: sorted_copy(_noise(300, 8, np.int64).astype(np.uint32))
# run: sorted_copy(_noise(40, 9) > 0)
# run: sorted_copy(_with_nans(200, 10))
# run: sorted_copy(_with_nans(200, 11).astype(np.float32))
# run: sorted_copy(np.array([np.nan, np.nan, 1.0]))
# run: sorted_copy(np.sort(_noise(300, 12)))
# run: sorted_copy(np.sort(_noise(300, 13))[::-1])
# run: sorted_copy(_few(1000, 14, np.float64))
# run: sorted_copy(_few(1000, 15, np.int32))
# run: sorted_copy(np.full(100, 7, dtype=np.int16))
# run: sorted_copy(_noise(1000, 16)[::-3])
# run: sorted_copy(np.zeros(0))
# run: sorted_copy(np.ones(1, dtype=np.uint8))
# run: sorted_copy(_noise((30, 40), 17))
# run: sorted_copy(_fortran(_noise((30, 40), 18)))
# run: sorted_copy(_noise((40, 30), 19, np.int32).T)
# run: sorted_copy(_noise((3, 20, 30), 20)[:, ::2, ::-1])
# run: sorted_copy(np.zeros((3, 0)))
# run: sorted_copy(np.zeros((0, 3), dtype=np.int8))


def along(a):
    return np.sort(a, axis=0), np.sort(a, axis=-1), np.sort(a, 1), np.sort(a, axis=None)
# run: along(_noise((30, 40), 30))
# run: along(_fortran(_noise((30, 40), 31, np.float32)))
# run: along(_noise((60, 80), 32, np.int64)[::-2, 1::3])
# run: along(np.broadcast_to(_noise((1, 25), 33), (20, 25)))
# run: along(_few(60, 34, np.uint16).reshape(3, 20))
# run: along(_with_nans(60, 35).reshape(12, 5))
# run: along(np.zeros((0, 4)))


def along3(a):
    return np.sort(a, axis=0), np.sort(a, axis=1), np.sort(a, axis=-3)
# run: along3(_noise((5, 20, 3), 40))
# run: along3(_noise((20, 5, 3), 41, np.int16).transpose(1, 0, 2))


def in_place(a):
    a.sort()
    return a[0]
# run: in_place(_noise(1000, 50))
# run: in_place(_noise(1000, 51, np.int8))
# run: in_place(_with_nans(100, 52))
# run: in_place(_noise(200, 53)[::-2])
# run: in_place(_noise((30, 40), 54))
# run: in_place(_fortran(_noise((30, 40), 55, np.int64).astype(np.uint16)))
# run: in_place(_noise((30, 40), 56)[:, ::3])
# run: in_place(np.zeros(0))


def in_place_axis(a):
    a.sort(axis=0)
    a.sort(axis=-1)
# run: in_place_axis(_noise((20, 30), 60))
# run: in_place_axis(_fortran(_noise((20, 30), 61, np.float32)))
# run: in_place_axis(_noise((40, 60), 62, np.int64)[1::2, ::-2])


def view_in_place(a):
    """Sorting a view made in compiled code moves the viewed elements of `a` only."""
    row = a[1]
    row.sort()
    column = a[:, 2]
    column.sort()
    return np.sort(a[::2, 1:], axis=0)
# run: view_in_place(_noise((5, 30), 70))


def sort_then_use(a, k):
    s = np.sort(a)
    return s[k], s.sum(), a[k]
# run: sort_then_use(_noise(50, 80), 3)
# run: sort_then_use(_noise(50, 81), 60)


def stable_order(a):
    return np.argsort(a, kind="stable"), a.argsort(kind="mergesort"), np.argsort(a, stable=True)
# run: stable_order(np.array([3.0, 1.0, 2.0, 1.0, np.nan, -0.0, 0.0, np.nan, -np.inf]))
# run: stable_order(np.array([4, 1, 3, 2, 1, 4]))
# run: stable_order(np.zeros(0))
# run: stable_order(np.array([1]))
# run: stable_order(np.random.default_rng(5).integers(0, 5, 1000))
# run: stable_order(np.random.default_rng(6).random(777))
# run: stable_order(np.random.default_rng(7).integers(0, 3, 50).astype(np.int8))
# run: stable_order(np.array([True, False, True, False]))
# run: stable_order(np.arange(20)[::-2])
# run: stable_order(np.random.default_rng(8).random(33).astype(np.float32))
# run: stable_order(np.array([2**63 - 1, -2**63, 0]))
# run: stable_order(np.array([200, 3, 200], dtype=np.uint8))


def sorted_by(a, b):
    order = np.argsort(a, kind="stable")
    out = np.empty_like(b)
    for k, i in enumerate(order):
        out[k] = b[i]
    return out
# run: sorted_by(np.array([2.0, 1.0, 2.0, 0.5]), np.arange(4))


def distinct(a):
    return np.unique(a)
# run: distinct(np.array([0.0, -0.0, 1.0]))
# run: distinct(np.array([-0.0, 0.0, 1.0]))
# run: distinct(np.array([-0.0, 0.0] * 20 + [np.nan, 0.0, -0.0]))
# run: distinct(np.array([3, 1, 2, 3]))
# run: distinct(np.array([np.nan, 1.0, np.nan]))
# run: distinct(np.array([True, False, True]))
# run: distinct(np.array([5, 200, 5], dtype=np.uint8))
# run: distinct(np.array([1.5, 0.5, 1.5], dtype=np.float32))
# run: distinct(np.zeros(0))
# run: distinct(np.array([7]))
# run: distinct(np.random.default_rng(3).integers(0, 10, 1000))
# run: distinct(np.random.default_rng(4).integers(-3, 3, (20, 30)).astype(np.int8))
# run: distinct(np.round(np.random.default_rng(5).random(500) * 10) - 5.0)
# run: distinct(np.arange(12.0).reshape(3, 4).T)
# run: distinct(np.array([np.inf, -np.inf, np.inf, np.nan, -0.0]))


def distinct_then_write(a):
    u = np.unique(a)
    u[0] = 100
    return u, a
# run: distinct_then_write(np.array([3, 1, 3]))
