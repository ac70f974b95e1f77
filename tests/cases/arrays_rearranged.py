"""New arrays gathered from an array's elements in another arrangement: np.roll (through the
whole array in C order, or along one axis), np.repeat and a.repeat (each element n times,
flattened), np.tile (n copies along the last axis), np.triu and np.tril (a matrix with zeros
below or above its k-th diagonal)."""

import numpy as np


def _grid(rows, columns, dtype=np.float64):
    return (np.arange(rows * columns) % 7 - 2).astype(dtype).reshape(rows, columns)


def rolled(a, shift):
    return np.roll(a, shift), np.roll(a, shift, axis=0), np.roll(a, shift, -1)
# run: rolled(np.arange(5), 2)
# run: rolled(np.arange(5), -7)
# run: rolled(_grid(3, 4), 5)
# run: rolled(_grid(3, 4)[:, ::-1], -1)
# run: rolled(np.asfortranarray(_grid(3, 4, np.int16)), 13)
# run: rolled(np.zeros((0, 3)), 1)
# run: rolled(np.arange(4.0), np.int8(-1))


def repeated(a, n):
    return np.repeat(a, n), a.repeat(n), np.tile(a, n)
# run: repeated(np.arange(4), 3)
# run: repeated(_grid(3, 4), 2)
# run: repeated(_grid(4, 4, np.uint8)[::2], 0)
# run: repeated(np.arange(3), -1)
# run: repeated(np.array([True, False]), 2)


def triangles(m, k):
    return np.triu(m), np.tril(m), np.triu(m, k), np.tril(m, k)
# run: triangles(_grid(3, 4), 1)
# run: triangles(_grid(4, 3, np.int8), -2)
# run: triangles(np.asfortranarray(_grid(3, 3))[:, ::-1], 5)
# run: triangles(np.ones((2, 2), dtype=np.bool_), 0)
# run: triangles(np.zeros((0, 3)), 0)
