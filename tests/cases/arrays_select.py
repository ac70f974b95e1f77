"""Selecting with arrays: boolean masks (a[a > 0], a[mask] with a mask over the leading axes)
and integer index arrays (a[idx], negative indices, any integer dtype and shape), reading
(new arrays, C order) and assigning (a number, or one value per selected element; a repeated
index keeps the last value). Wrong mask shapes and indices out of range raise IndexError."""

import numpy as np


def _values(count, dtype):
    """-5, -2, 1, 4, ... as `dtype` (floats hold halves; bools every third)."""
    k = np.arange(count)
    if dtype is np.bool_:
        return k % 3 == 0
    if np.dtype(dtype).kind == "f":
        return ((k * 3 - 5) * 0.5).astype(dtype)
    return (k * 3 - 5).astype(dtype)


def _grid(n, m, dtype):
    return _values(n * m, dtype).reshape(n, m)


def positives(a):
    return a[a > 0]
# run: positives(_values(10, np.float64))
# run: positives(_values(10, np.int32))
# run: positives(_values(10, np.uint8))
# run: positives(_values(0, np.float64))
# run: positives(_grid(3, 4, np.int64))
# run: positives(_grid(4, 3, np.float32).T)
# run: positives(_values(20, np.int16)[::3])


def with_mask(a, mask):
    return a[mask]
# run: with_mask(_values(6, np.float64), _values(6, np.bool_))
# run: with_mask(_grid(3, 2, np.int64), np.array([True, False, True]))
# run: with_mask(_grid(3, 2, np.int64), np.array([False, False, False]))
# run: with_mask(_grid(3, 2, np.int64), np.array([True, False]))
# run: with_mask(_grid(2, 3, np.float64), _grid(2, 3, np.bool_))
# run: with_mask(_values(4, np.bool_), _values(4, np.bool_))


def gather(a, idx):
    return a[idx]
# run: gather(_values(10, np.float64), np.array([3, -1, 0, 3]))
# run: gather(_values(10, np.uint16), np.array([9, 0], dtype=np.uint8))
# run: gather(_values(10, np.int8), np.array([[1, 2], [3, -4]], dtype=np.int32))
# run: gather(_grid(4, 3, np.float64), np.array([2, 0, 2]))
# run: gather(_grid(4, 3, np.float64).T, np.array([1, -1]))
# run: gather(_values(10, np.float64), np.array([], dtype=np.int64))
# run: gather(_values(3, np.float64), np.array([3]))
# run: gather(_values(3, np.float64), np.array([-4]))
# run: gather(_values(5, np.bool_), np.array([4, 4, 0]))


def clip_negatives(a, v):
    a[a < 0] = v
    return a
# run: clip_negatives(_values(8, np.float64), 0.0)
# run: clip_negatives(_values(8, np.int64), 7)
# run: clip_negatives(_grid(3, 3, np.int32), 1)
# run: clip_negatives(_values(8, np.uint8), 1)
# run: clip_negatives(_values(8, np.float64)[::2], -0.5)


def assign_values(a, mask, values):
    a[mask] = values
# run: assign_values(_values(6, np.float64), _values(6, np.bool_), np.array([10.0, 20.0]))
# run: assign_values(_values(6, np.int64), _values(6, np.bool_), np.array([1.5]))
# run: assign_values(_values(6, np.int64), _values(6, np.bool_), np.array([1, 2, 3]))


def scatter(a, idx, values):
    a[idx] = values
    return a
# run: scatter(np.zeros(5), np.array([1, 3, 1]), np.array([1.0, 2.0, 3.0]))
# run: scatter(np.zeros(5), np.array([-1, 0]), 4.5)
# run: scatter(np.zeros((3, 2)), np.array([2, 0]), 9)
# run: scatter(np.zeros(5, dtype=np.int32), np.array([4], dtype=np.uint8), np.array([2.9]))
# run: scatter(np.zeros(5), np.array([5]), 1.0)
# run: scatter(np.zeros(5), np.array([0, 1]), np.array([1.0, 2.0, 3.0]))


def select_from_self(a):
    a[a > 0] = a[a < 0]
    return a
# run: select_from_self(np.array([1.0, -2.0, 3.0, -4.0]))


def count_selected(a, limit):
    chosen = a[a < limit]
    total = 0.0
    for i in range(chosen.shape[0]):
        total += chosen[i]
    return chosen.shape[0], total
# run: count_selected(_values(50, np.float64), 3.0)


def scatter_checks_first(a, idx):
    a[idx] = 9.0
# run: scatter_checks_first(np.zeros(3), np.array([1, 5]))
