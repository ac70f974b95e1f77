"""NumPy's functions for the operators (np.add(a, b) is a + b): arrays and NumPy scalars with
Python numbers kept weak (NEP 50), and Python numbers alone made NumPy scalars first, as NumPy
does (np.add(2, 3) is np.int64(5), and np.add(True, True) is np.True_)."""
import numpy as np


def arithmetic(a, b):
    return (np.add(a, b), np.subtract(a, b), np.multiply(a, b), np.divide(a, b),
            np.true_divide(a, b), np.floor_divide(a, b), np.remainder(a, b), np.mod(a, b))
# run: arithmetic(np.arange(-3.0, 3.0), 2.0)
# run: arithmetic(np.arange(-3, 3), 2)
# run: arithmetic(np.arange(-3, 3), 0)
# run: arithmetic(np.arange(6, dtype=np.int8), 100)
# run: arithmetic(np.arange(1, 5, dtype=np.uint8), np.arange(4, dtype=np.uint8))
# run: arithmetic(np.arange(6.0).reshape(2, 3), np.arange(3.0))
# run: arithmetic(np.arange(3.0), np.arange(4.0))
# run: arithmetic(7, 2)
# run: arithmetic(-7, 2)
# run: arithmetic(7, 0)
# run: arithmetic(7.5, -2)
# run: arithmetic(1.0, 0.0)
# run: arithmetic(2**62, 2**62)
# run: arithmetic(np.int8(100), 100)
# run: arithmetic(np.int8(3), np.int16(5))
# run: arithmetic(np.float32(1.5), 2.5)


def bits_and_comparisons(a, b):
    return (np.bitwise_and(a, b), np.bitwise_or(a, b), np.bitwise_xor(a, b),
            np.equal(a, b), np.not_equal(a, b), np.less(a, b), np.less_equal(a, b),
            np.greater(a, b), np.greater_equal(a, b))
# run: bits_and_comparisons(np.arange(6), 3)
# run: bits_and_comparisons(np.arange(6, dtype=np.uint8), np.arange(6, dtype=np.uint8)[::-1])
# run: bits_and_comparisons(np.array([True, False]), np.array([True, True]))
# run: bits_and_comparisons(12, 10)
# run: bits_and_comparisons(True, False)
# run: bits_and_comparisons(np.int16(-5), 3)


def shifts(a, b):
    return np.left_shift(a, b), np.right_shift(a, b)
# run: shifts(np.arange(5), 2)
# run: shifts(np.arange(5, dtype=np.uint8), 7)
# run: shifts(-8, 1)
# run: shifts(1, 70)


def unary(a):
    return np.negative(a), np.positive(a), np.square(a)
# run: unary(np.arange(-2.0, 3.0))
# run: unary(np.arange(-2, 3, dtype=np.int8) * 60)
# run: unary(3)
# run: unary(-2.5)
# run: unary(np.uint8(200))


def inverted(a):
    return np.invert(a), np.bitwise_not(a)
# run: inverted(np.arange(4))
# run: inverted(np.array([True, False]))
# run: inverted(5)
# run: inverted(True)


def chain(a, b):
    return np.add(np.multiply(a, 2.0), np.square(b))
# run: chain(np.arange(4.0), np.arange(4.0)[::-1])
# run: chain(np.arange(6.0).reshape(2, 3), 1.5)


def running_sum(n):
    s = np.float32(0)
    for i in range(n):
        s = np.add(s, np.float32(i) / 3)
    return s
# run: running_sum(10)
