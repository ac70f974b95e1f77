"""The indices of the non-zero elements: np.nonzero(a) and a.nonzero() (a tuple of one int64
array per axis), np.where(condition) alone (the same), np.flatnonzero(a) (positions in the
C-ordered flat array) and np.argwhere(a) (a row of indices per element), always in C order of
the indices, for any layout. Non-zero is != 0: NaN is, -0.0 is not. (Complex arrays are
tests/test_complex_semantics.py's.)"""

import numpy as np


def _values(count, dtype):
    """0, 1, 2, 0, 1, 2, ... as `dtype` (bools: every third False)."""
    k = np.arange(count) % 3
    return (k != 0) if dtype is np.bool_ else k.astype(dtype)


def _grid(n, m, dtype):
    return _values(n * m, dtype).reshape(n, m)


def _readonly(a):
    a.flags.writeable = False
    return a


def _specials():
    """Zeros of both signs, NaN and infinities."""
    return np.array([0.0, -0.0, np.nan, 1.0, 0.0, -np.inf, 0.5])


def nonzero(a):
    return np.nonzero(a)
# run: nonzero(_values(7, np.float64))
# run: nonzero(_values(7, np.int8))
# run: nonzero(_values(7, np.uint64))
# run: nonzero(_values(7, np.bool_))
# run: nonzero(_values(0, np.float32))
# run: nonzero(np.zeros(5))
# run: nonzero(_specials())
# run: nonzero(_specials().astype(np.float32))
# run: nonzero(_grid(3, 4, np.int64))
# run: nonzero(_grid(4, 3, np.float32).T)
# run: nonzero(np.asfortranarray(_grid(3, 5, np.int16)))
# run: nonzero(_values(30, np.uint8).reshape(2, 3, 5)[:, ::-1, 1::2])
# run: nonzero(_readonly(_grid(2, 3, np.bool_)))
# run: nonzero(np.zeros((2, 0, 3)))


def nonzero_method(a):
    return a.nonzero()
# run: nonzero_method(_grid(3, 3, np.float64))
# run: nonzero_method(_values(9, np.int32)[::-2])


def where_positive(a):
    return np.where(a > 0)
# run: where_positive(_specials())
# run: where_positive(_grid(3, 4, np.int64) - 1)


def where_alone(a):
    return np.where(a)
# run: where_alone(_grid(2, 5, np.uint32))


def flatnonzero(a):
    return np.flatnonzero(a)
# run: flatnonzero(_values(7, np.float64))
# run: flatnonzero(_specials())
# run: flatnonzero(_grid(3, 4, np.int64))
# run: flatnonzero(_grid(4, 3, np.uint16).T)
# run: flatnonzero(_values(30, np.float32).reshape(2, 3, 5)[::-1, :, ::2])
# run: flatnonzero(_readonly(_values(6, np.bool_)))
# run: flatnonzero(np.array(2.5))
# run: flatnonzero(np.array(0))
# run: flatnonzero(np.zeros((0, 4)))


def argwhere(a):
    return np.argwhere(a)
# run: argwhere(_values(7, np.int32))
# run: argwhere(_grid(3, 4, np.float64))
# run: argwhere(np.asfortranarray(_grid(3, 4, np.int8)))
# run: argwhere(_values(30, np.bool_).reshape(5, 3, 2).transpose(2, 0, 1))
# run: argwhere(np.array(True))
# run: argwhere(np.array(0.0))
# run: argwhere(np.zeros((2, 0)))
# run: argwhere(np.zeros(4))


def select_again(a):
    """a[np.nonzero(a > 1)] picks what a[a > 1] picks, and np.argwhere's rows say where."""
    rows, columns = np.nonzero(a > 1)
    picked = a[a > 1]
    total = 0.0
    for k in range(len(rows)):
        total += a[rows[k], columns[k]] - picked[k]
    return total, len(np.argwhere(a > 1)) == len(picked)
# run: select_again(_grid(4, 5, np.float64) * 1.5)
