"""Joining arrays in compiled code: np.concatenate (axis 0, 1, negative, None), np.stack,
np.vstack, np.hstack and np.column_stack of a tuple display or a tuple value of arrays. The
result is a new C-ordered array of NumPy's result_type of the inputs (int8 and float32 give
float32, int64 and float32 float64, bool and int8 int8), whatever their layouts (Fortran,
reversed, strided); empty inputs, a single input and many inputs are joined as NumPy joins
them; sizes that differ along an axis not joined raise ValueError; writing to the result
leaves the inputs alone."""

import numpy as np


def _grid(shape, dtype=np.float64, order="C"):
    """An array of `shape` holding -5, -2, 1, 4, ... in C order (halves for floats: -2.5,
    -1.0, ...; bools True where the count is a multiple of 3), laid out in `order`."""
    k = np.arange(int(np.prod(shape))).reshape(shape)
    if dtype is np.bool_:
        values = k % 3 == 0
    elif np.dtype(dtype).kind == "f":
        values = ((k * 3 - 5) * 0.5).astype(dtype)
    else:
        values = (k * 3 - 5).astype(dtype)
    return np.asarray(values, order=order)


def concat(a, b):
    return np.concatenate((a, b))
# run: concat(_grid(3), _grid(2, np.int8))
# run: concat(_grid(3, np.int8), _grid(2, np.float32))
# run: concat(_grid(3, np.int64), _grid(2, np.float32))
# run: concat(_grid(3, np.bool_), _grid(2, np.int8))
# run: concat(_grid(3, np.bool_), _grid(4, np.bool_))
# run: concat(_grid(3, np.uint8), _grid(2, np.int8))
# run: concat(_grid(3, np.uint64), _grid(2, np.int64))
# run: concat(_grid(3, np.uint8), _grid(2, np.bool_))
# run: concat(_grid(3, np.int16), _grid(2, np.uint32))
# run: concat(_grid((2, 3)), _grid((1, 3), np.int8))
# run: concat(_grid((2, 3)), _grid((2, 2)))
# run: concat(_grid((2, 3, 2), np.uint8), _grid((3, 3, 2), np.float32))
# run: concat(_grid((2, 3, 2)), _grid((3, 2, 2)))
# run: concat(_grid(0), _grid(0, np.int8))
# run: concat(_grid(0), _grid(3, np.int8))
# run: concat(_grid((0, 3)), _grid((2, 3)))
# run: concat(_grid((0, 3)), _grid((0, 4)))


def concat_axes(a, b):
    return (np.concatenate((a, b), axis=0), np.concatenate((a, b), axis=1),
            np.concatenate((a, b), axis=-1), np.concatenate((a, b), axis=-2),
            np.concatenate((a, b), axis=None))
# run: concat_axes(_grid((2, 2)), _grid((2, 2), np.int8))
# run: concat_axes(_grid((3, 3), np.int64), _grid((3, 3), np.uint8))
# run: concat_axes(_grid((2, 2)), _grid((2, 3)))
# run: concat_axes(_grid((2, 2)), _grid((3, 2)))


def concat_axis1(a, b):
    return np.concatenate((a, b), axis=1)
# run: concat_axis1(_grid((2, 3)), _grid((2, 1), np.float32))
# run: concat_axis1(_grid((2, 3)), _grid((2, 0)))
# run: concat_axis1(_grid((2, 3)), _grid((3, 3)))
# run: concat_axis1(_grid((2, 3, 4), np.int8), _grid((2, 1, 4), np.int16))
# run: concat_axis1(_grid((2, 3, 4)), _grid((2, 1, 3)))


def concat_3d(a, b):
    return (np.concatenate((a, b, a), axis=2), np.concatenate((a, b), axis=-3),
            np.concatenate((b, a), axis=None))
# run: concat_3d(_grid((2, 2, 3)), _grid((2, 2, 3), np.bool_))
# run: concat_3d(_grid((1, 2, 0), np.uint8), _grid((1, 2, 0)))
# run: concat_3d(_grid((2, 2, 3)), _grid((2, 2, 4)))


def concat_flat(a, b, c):
    return np.concatenate((a, b, c), axis=None)
# run: concat_flat(_grid((2, 3)), _grid(4, np.int8), _grid((2, 1, 2), np.float32))
# run: concat_flat(_grid((2, 3), order="F"), _grid(0, np.bool_), _grid((2, 2, 2))[:, ::-1])
# run: concat_flat(_grid(0), _grid((0, 2)), _grid((2, 0, 2)))


def layouts(m, a):
    return (np.concatenate((m, m.T), axis=0), np.concatenate((m.T, m[::2]), axis=1),
            np.concatenate((a[::-1], a[::2], a[1:]), axis=0),
            np.concatenate((m[:, ::-1], m.T[::-1]), axis=None))
# run: layouts(_grid((3, 3)), _grid(5, np.int8))
# run: layouts(_grid((3, 3), np.uint8, order="F"), _grid(4))
# run: layouts(_grid((4, 4), np.bool_)[::2, 1::2], _grid(7, np.float32)[::3])


def fortran_inputs(f, c):
    return np.concatenate((f, c)), np.concatenate((f, c), axis=1), np.concatenate((c, f), -1)
# run: fortran_inputs(_grid((2, 3), order="F"), _grid((2, 3), np.int8))
# run: fortran_inputs(_grid((2, 3, 2), np.float32, order="F"), _grid((2, 3, 2), order="F"))


def single(a):
    r = np.concatenate((a,))
    r[0] = 99
    return r, np.concatenate((a,), axis=None)
# run: single(_grid(4, np.int8))
# run: single(_grid((3, 2)))
# run: single(_grid((3, 2), order="F").T)


def many(a, b, c, d):
    return np.concatenate((a, b, c, d, a, b, c, d, a))
# run: many(_grid(2), _grid(3, np.int8), _grid(1, np.bool_), _grid(4, np.uint16))
# run: many(_grid((1, 2)), _grid((3, 2), np.int8), _grid((0, 2)), _grid((2, 2), np.float32))
# run: many(_grid((1, 2)), _grid((3, 2)), _grid((1, 3)), _grid((2, 2)))


def from_tuple(t):
    return np.concatenate(t), np.concatenate(t, axis=None)
# run: from_tuple((_grid(2), _grid(3, np.int8)))
# run: from_tuple((_grid((1, 2), np.uint8), _grid((2, 2), np.uint8), _grid((1, 2), np.int8)))
# run: from_tuple((_grid((1, 2)), _grid((2, 3))))


def tuple_local(a, b, n):
    t = (a[:n], b, a)
    return np.concatenate(t, axis=-1), len(t)
# run: tuple_local(_grid(5), _grid(2, np.float32), 2)
# run: tuple_local(_grid((2, 4), np.int8), _grid((2, 2), np.uint8), 1)


def written_after(a, b):
    r = np.concatenate((a, b), axis=0)
    r[0] = -1
    r[-1] = 7
    return r
# run: written_after(_grid((2, 2)), _grid((1, 2)))
# run: written_after(_grid(3, np.int8), _grid(2, np.int8))


def in_a_loop(a, n):
    total = 0.0
    for i in range(n):
        total += np.concatenate((a, a[i:]), axis=0).sum()
    return total
# run: in_a_loop(_grid(5), 4)


def stack(a, b):
    return np.stack((a, b)), np.stack((a, b), axis=-1), np.stack((b, a, b), axis=1)
# run: stack(_grid(3), _grid(3, np.int8))
# run: stack(_grid(3, np.bool_), _grid(3, np.uint8))
# run: stack(_grid((2, 3), np.int64), _grid((2, 3), np.float32))
# run: stack(_grid((2, 3)), _grid((3, 2)).T)
# run: stack(_grid((0, 3)), _grid((0, 3)))
# run: stack(_grid(3), _grid(4))
# run: stack(_grid((2, 3)), _grid((2, 2)))


def stack_axes(a, b):
    return (np.stack((a, b), axis=0), np.stack((a, b), axis=1), np.stack((a, b), axis=2),
            np.stack((a, b), axis=-3))
# run: stack_axes(_grid((2, 3)), _grid((2, 3), order="F"))
# run: stack_axes(_grid((3, 2), np.int8)[::-1], _grid((3, 4), np.int16)[:, ::2])


def stack_zero_d(a, b):
    return np.stack((a, b)), np.hstack((a, b)), np.vstack((a, b)), np.column_stack((a, b))
# run: stack_zero_d(np.array(1.5), np.array(2, dtype=np.int8))


def vstack(a, b):
    return np.vstack((a, b))
# run: vstack(_grid(3), _grid(3, np.int8))
# run: vstack(_grid(3, np.uint8), _grid((2, 3), np.float32))
# run: vstack(_grid((2, 3)), _grid((1, 3), np.bool_))
# run: vstack(_grid((2, 3, 2)), _grid((1, 3, 2)))
# run: vstack(_grid(3), _grid(2))
# run: vstack(_grid((2, 3)), _grid(2))


def hstack(a, b):
    return np.hstack((a, b))
# run: hstack(_grid(3), _grid(2, np.int8))
# run: hstack(_grid((2, 3)), _grid((2, 1), np.float32))
# run: hstack(_grid((2, 3, 2), np.int8), _grid((2, 1, 2), np.uint8))
# run: hstack(_grid((2, 3)), _grid((3, 3)))
# run: hstack(_grid(0), _grid(2))


def column_stack(a, b):
    return np.column_stack((a, b))
# run: column_stack(_grid(3), _grid(3, np.int8))
# run: column_stack(_grid(3), _grid((3, 2), np.float32))
# run: column_stack(_grid((3, 2), order="F"), _grid((3, 1)))
# run: column_stack(_grid(3), _grid(2))


def stacks_of_tuple(t):
    return np.vstack(t), np.hstack(t), np.column_stack(t), np.stack(t, axis=1)
# run: stacks_of_tuple((_grid(3), _grid(3, np.int8)[::-1], _grid(6, np.bool_)[::2]))
