"""None: as an argument, a result, `is None` / `is not None`, truthiness, optional arguments."""

import math


def nothing():
    return None
# run: nothing()


def falls_off(x):
    y = x + 1
# run: falls_off(1)


def bare_return(x):
    if x > 0:
        return
    return None
# run: bare_return(1)


def is_none(x):
    return x is None, x is not None
# run: is_none(None)
# run: is_none(0)
# run: is_none(False)
# run: is_none(())
# run: is_none((None,))


def none_truthiness(x):
    if x:
        return 1
    return 0
# run: none_truthiness(None)


def none_in_tuple(x):
    t = (x, None)
    a, b = t
    return b is None, a, t
# run: none_in_tuple(1)
# run: none_in_tuple(None)


def pass_none_along(x):
    return identity(x) is None


def identity(x):
    return x
# run: pass_none_along(None)
# run: pass_none_along(2.5)


# The functions below need `x is None` decided from x's type when compiling: the branch that does
# not apply to the argument's type is never run and must not be compiled as an error.

def scaled(x, factor=None):
    if factor is None:
        return x
    return x * factor
# run: scaled(3)
# run: scaled(3, None)
# run: scaled(3, 2)
# run: scaled(3, 0.5)
# run: scaled(3, factor=4)


def default_if_none(x, default):
    if x is not None:
        return x + 1
    return default
# run: default_if_none(None, 7)
# run: default_if_none(3, 7)
# run: default_if_none(None, 1.5)


def clamp_optional(x, lo=None, hi=None):
    if lo is not None and x < lo:
        return lo
    if hi is not None and x > hi:
        return hi
    return x
# run: clamp_optional(5)
# run: clamp_optional(5, 10)
# run: clamp_optional(5, hi=3)
# run: clamp_optional(-5, 0, 10)


def sqrt_or_none_arg(x, fallback=None):
    if x < 0:
        if fallback is None:
            raise ValueError("negative")
        return fallback
    return math.sqrt(x)
# run: sqrt_or_none_arg(4)
# run: sqrt_or_none_arg(-4)
# run: sqrt_or_none_arg(-4, 0.0)
