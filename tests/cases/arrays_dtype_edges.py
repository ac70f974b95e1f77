"""Where NumPy has a rule of its own: `bool_array ** 2` squares (np.square of bools is int8),
`float_array ** 0.5` is np.sqrt, np.linspace of float32 endpoints computes and returns float32,
and np.minimum / np.maximum of bools are `and` / `or` (True is 1, not a signed 1-bit -1)."""

import numpy as np


def bool_powers(a):
    return a ** 2, a ** 3, a ** 1, a ** 2.0
# run: bool_powers(np.array([True, False, True]))


def int_powers(a):
    return a ** 2, a ** 0
# run: int_powers(np.array([3, -2, 5], dtype=np.int8))


def linspace_of(a, b, n):
    return np.linspace(a[0], b[0], n), np.linspace(a[0], 1, n), \
        np.linspace(a[0], b[0], n, endpoint=False)
# run: linspace_of(np.array([0.1], dtype=np.float32), np.array([7.3], dtype=np.float32), 7)
# run: linspace_of(np.array([-3.7], dtype=np.float32), np.array([1e6], dtype=np.float32), 33)
# run: linspace_of(np.array([5.0], dtype=np.float32), np.array([5.0], dtype=np.float32), 4)
# run: linspace_of(np.array([3], dtype=np.int8), np.array([-100], dtype=np.int8), 9)



def bool_extremes(a, b):
    return np.minimum(a, b), np.maximum(a, b), np.minimum(a, True), np.maximum(False, b)
# run: bool_extremes(np.array([True, False, True, False]), np.array([True, True, False, False]))


def float_powers(a, e):
    """NumPy takes np.sqrt for float_array ** 0.5 (also when 0.5 arrives at run time), which
    keeps -0.0 and gives NaN for -inf where pow gives 0.0 and inf."""
    return a ** 0.5, a ** e, a ** 2, a ** -1
# run: float_powers(np.array([-0.0, -np.inf, 4.0, -2.0, np.nan, 0.0, 3.0]), 0.5)
# run: float_powers(np.array([-0.0, -np.inf, 4.0, 2.0], dtype=np.float32), 0.5)
# run: float_powers(np.array([-0.0, -np.inf, 4.0, 0.0]), 0.25)


def float_power_in_place(a):
    a **= 0.5
    return a
# run: float_power_in_place(np.array([-0.0, -np.inf, 9.0]))


def arange_of_scalars(a, b):
    """np.arange's length is ceil((stop - start) / step) in the arguments' own arithmetic:
    NumPy scalars subtract with wrap-around (uint8: 0 - 3 is 253)."""
    return np.arange(a[0], b[0]), np.arange(a[0], b[0], a[1]), np.arange(a[0], 10)
# run: arange_of_scalars(np.array([3, 2], dtype=np.uint8), np.array([0], dtype=np.uint8))
# run: arange_of_scalars(np.array([5, 2], dtype=np.int16), np.array([200], dtype=np.int16))
# run: arange_of_scalars(np.array([0.1, 0.1], dtype=np.float32), np.array([0.7], dtype=np.float32))
# run: arange_of_scalars(np.array([3, 2], dtype=np.uint16), np.array([1], dtype=np.uint16))


def real_array_parts(a):
    a.real[0] = 2.5
    return a.real, np.real(a), np.conj(a), np.conjugate(a[1])
# run: real_array_parts(np.array([1.5, -0.0, np.nan]))
# run: real_array_parts(np.array([3, -4], dtype=np.int16))
