"""Reading array elements: a[i], a[i, j], a[i, j, k] with int indices, negative ones too, for
every dtype; the element is the NumPy scalar NumPy gives (numpy.float64, numpy.uint8,
numpy.bool, ...), never a Python number. Out-of-range indices and too many indices raise
IndexError at run time; indices may themselves be NumPy integers read from another array."""

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
    """An n x m array of `_values` in C order."""
    return _values(n * m, dtype).reshape(n, m)


def _cube(n, m, p, dtype):
    """An n x m x p array of `_values` in C order."""
    return _values(n * m * p, dtype).reshape(n, m, p)


def _readonly(a):
    a.setflags(write=False)
    return a


def get(a, i):
    return a[i]
# run: get(np.array([1.5, -2.5, 3.25]), -1)
# run: get(np.array([1.5, -2.5, 3.25]), 3)
# run: get(np.array([1.5, -2.5, 3.25]), -4)
# run: get(np.array([1.5, -2.5, 3.25]), 2**62)
# run: get(np.array([1.5, -2.5, 3.25]), -2**63)
# run: get(np.zeros(0), 0)
# run: get(np.array([-0.0]), 0)
# run: get(np.array([np.nan]), 0)
# run: get(_values(4, np.float32), 1)
# run: get(_values(4, np.int64), 0)
# run: get(_values(4, np.int32), -1)
# run: get(_values(4, np.int16), 2)
# run: get(_values(4, np.int8), 0)
# run: get(_values(4, np.uint64), 0)
# run: get(_values(4, np.uint32), 1)
# run: get(_values(4, np.uint16), 0)
# run: get(_values(4, np.uint8), 0)
# run: get(_values(4, np.bool_), 0)
# run: get(np.array([-2**63, 2**63 - 1], dtype=np.int64), 1)
# run: get(np.array([2**64 - 1], dtype=np.uint64), 0)
# run: get(np.array([-128, 127], dtype=np.int8), 0)
# run: get(_readonly(_values(3, np.float64)), 1)


def get_pair(a, i, j):
    return a[i], a[j]
# run: get_pair(_values(5, np.int64), 0, -1)


def last(a):
    return a[len(a) - 1]
# run: last(np.zeros(0, dtype=np.int32))


def get2(a, i, j):
    return a[i, j]
# run: get2(_grid(3, 4, np.float64), -1, -1)
# run: get2(_grid(3, 4, np.float64), 3, 0)
# run: get2(_grid(3, 4, np.float64), 0, 4)
# run: get2(_grid(3, 4, np.int64), 2, 1)
# run: get2(_grid(3, 4, np.int8), 0, 1)
# run: get2(_grid(3, 4, np.uint32), 2, 2)
# run: get2(_grid(3, 4, np.uint8), 1, 0)
# run: get2(_grid(3, 4, np.bool_), 1, 0)
# run: get2(_grid(3, 4, np.float32), 2, -2)
# run: get2(_grid(3, 0, np.float64), 0, 0)
# run: get2(_readonly(_grid(2, 2, np.int16)), 1, 1)
# run: get2(np.arange(3), 0, 0)


def get3(a, i, j, k):
    return a[i, j, k]
# run: get3(_cube(2, 3, 4, np.float64), -1, -2, -3)
# run: get3(_cube(2, 3, 4, np.float64), 2, 0, 0)
# run: get3(_cube(2, 3, 4, np.float64), 0, 0, -5)
# run: get3(_cube(2, 3, 4, np.int8), 1, 1, 1)
# run: get3(_cube(2, 3, 4, np.uint32), 0, -1, 2)
# run: get3(_cube(2, 3, 4, np.bool_), 1, 2, 0)
# run: get3(_grid(2, 3, np.int64), 0, 0, 0)


def corners(a):
    n = a.shape[0]
    m = a.shape[1]
    return a[0, 0], a[0, m - 1], a[n - 1, 0], a[n - 1, m - 1]
# run: corners(_grid(3, 4, np.int64))
# run: corners(_grid(0, 2, np.float64))


def indirect(a, idx, k):
    return a[idx[k]]
# run: indirect(_values(6, np.float64), np.array([5, 0, -1]), 2)
# run: indirect(_values(6, np.int16), np.array([5, 0, 9], dtype=np.int32), 2)
# run: indirect(_values(6, np.int16), np.array([3, 200], dtype=np.uint8), 1)
# run: indirect(_values(6, np.uint8), np.array([-2], dtype=np.int8), 0)


def computed_index(a, i):
    return a[2 * i + 1] + a[i // 2]
# run: computed_index(_values(10, np.int64), 3)
