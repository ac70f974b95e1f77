"""Functions the API tests compile (kiln reads source from files)."""
import enum
import math


def add(x, y=2):
    """Add two numbers."""
    return x + y


def spin(n):
    total = 0
    for i in range(n):
        total = (total + i * i) % 1000003
    return total


def accumulate(n, x):
    s = 0
    for i in range(n):
        s += x * 0.5
    return s


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def hyp(a, b):
    return math.sqrt(a * a + b * b)


class Color(enum.IntEnum):
    RED = 1
    GREEN = 2


def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s


def count_nonzero(flags):
    count = 0
    for i in range(flags.shape[0]):
        if flags[i] != 0:
            count += 1
    return count


def sieve(flags):
    """Primes below len(flags), clearing multiples with a step known only at run time."""
    n = flags.shape[0]
    count = 0
    for i in range(2, n):
        if flags[i]:
            count += 1
            for j in range(i * i, n, i):
                flags[j] = 0
    return count


def every_other(a):
    total = 0.0
    for i in range(0, a.shape[0], 2):
        total += a[i]
    return total


def column_dot(a, b, j):
    """A float sum over a column of b: strided in k."""
    s = 0.0
    for k in range(a.shape[0]):
        s += a[k] * b[k, j]
    return s


def row_dot(a, b, i):
    """A float sum over a row of b: contiguous in k."""
    s = 0.0
    for k in range(a.shape[0]):
        s += a[k] * b[i, k]
    return s


def matvec_columns(a, v, out):
    """A sum down a column of `a` for each j: no copies (kiln/loops.py)."""
    for j in range(a.shape[1]):
        s = 0.0
        for k in range(a.shape[0]):
            s += a[k, j] * v[k]
        out[j] = s
    return out


def first_overflow(a, b):
    """Both operations overflow for a = b = 2**62: the error names the first, `*`."""
    x = a * b
    y = a + b
    return x - y


def overflow_in_either_arm(a, double):
    """The arms become selects; the error names the operation of the arm taken."""
    if double:
        x = a * 2
    else:
        x = a + a
    return x - 1


plus_one = lambda x: x + 1  # noqa: E731 (kiln.jit takes lambdas, as numba.njit does)
power_and_quotient = (lambda a, b=2: a ** b, lambda a, b=2: a // b)
