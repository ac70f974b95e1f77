"""np.copyto and np.fill_diagonal: writes into an existing array, with NumPy's broadcasting,
its 'same_kind' casting rule (a cast it refuses depends on the types alone: a compile error,
tests/errors/copyto_same_kind.py) and an assignment's value conversion for Python numbers (a
Python int that does not fit raises OverflowError; NumPy numbers are cast and wrap)."""

import numpy as np


def copy_into(dst, src):
    np.copyto(dst, src)
    return dst
# run: copy_into(np.zeros(3), np.arange(3))
# run: copy_into(np.zeros(3), np.arange(3.0, dtype=np.float32))
# run: copy_into(np.zeros((2, 3)), np.arange(3.0))
# run: copy_into(np.zeros((2, 3)), np.arange(6.0).reshape(2, 3)[:, ::-1])
# run: copy_into(np.zeros((2, 3)), np.arange(2.0))
# run: copy_into(np.zeros((2, 3)), np.ones((2, 1)))
# run: copy_into(np.zeros(3, np.int8), np.arange(3))
# run: copy_into(np.zeros(3, np.uint8), np.array([True, False, True]))
# run: copy_into(np.zeros(3, np.int8), 2)
# run: copy_into(np.zeros(3, np.int8), 300)
# run: copy_into(np.zeros(3, np.int8), -129)
# run: copy_into(np.zeros(3, np.int8), True)
# run: copy_into(np.zeros(3, np.int8), np.int16(300))
# run: copy_into(np.zeros(3, np.float32), 1.5)
# run: copy_into(np.zeros(3), np.float32(0.1))
# run: copy_into(np.zeros(0), 1.0)


def shift_in_place(a):
    """Overlapping source and destination: NumPy copies as if through a temporary."""
    np.copyto(a[1:], a[:-1])
    return a
# run: shift_in_place(np.arange(6.0))
# run: shift_in_place(np.arange(6))


def diagonal(a, value):
    np.fill_diagonal(a, value)
    return a
# run: diagonal(np.zeros((3, 5)), 7.0)
# run: diagonal(np.zeros((5, 3)), 7.0)
# run: diagonal(np.zeros((5, 3), np.int8), 2.7)
# run: diagonal(np.zeros((5, 3), np.int8), 300)
# run: diagonal(np.zeros((5, 3), np.int8), -1)
# run: diagonal(np.zeros((3, 3, 3)), 1.0)
# run: diagonal(np.zeros((3, 3, 2)), 1.0)
# run: diagonal(np.zeros((0, 4)), 1.0)
# run: diagonal(np.zeros((4, 6))[::2, 1:], 5.0)
# run: diagonal(np.zeros((4, 6)).T, 5.0)
# run: diagonal(np.zeros((3, 3), np.bool_), 3)
