"""Module-level constants (ints, floats, bools, tuples of them), read when compiling."""

import math

N = 10
STEP = 3
SCALE = 2.5
NEG_ZERO = -0.0
DEBUG = False
VERBOSE = True
ORIGIN = (0, 0)
LIMITS = (-1.5, 1.5)
MIXED = (1, 2.5, True)
INT64_MAX = 2**63 - 1
INT64_MIN = -2**63
BIG_FLOAT = 1e308
TINY = 5e-324
INF = math.inf
NAN = math.nan
DERIVED = N * STEP + 1
HALF_PI = math.pi / 2
NESTED = ((1, 2), (3.5, 4))


def scaled(x):
    return x * SCALE
# run: scaled(2)
# run: scaled(-0.5)


def sum_to_n():
    s = 0
    for i in range(0, N, STEP):
        s += i
    return s
# run: sum_to_n()


def debug_branch(x):
    if DEBUG:
        return -1
    if VERBOSE:
        return x + DERIVED
    return x
# run: debug_branch(5)


def clip(x):
    lo, hi = LIMITS
    return max(lo, min(x, hi))
# run: clip(0.5)
# run: clip(-7)
# run: clip(7)


def from_origin(x, y):
    ox, oy = ORIGIN
    return x - ox, y - ORIGIN[1]
# run: from_origin(3, 4)
# run: from_origin(-1.5, 2)


def mixed_tuple():
    a, b, c = MIXED
    return a + b, c, MIXED[-1], MIXED
# run: mixed_tuple()


def edges():
    return INT64_MAX, INT64_MIN, INT64_MAX + INT64_MIN
# run: edges()


def past_max(k):
    return INT64_MAX + k
# run: past_max(0)
# run: past_max(-1)
# run: past_max(1)  # kiln: OverflowError


def float_constants():
    return BIG_FLOAT * 10, TINY / 2, INF - INF, NAN == NAN, NEG_ZERO, HALF_PI
# run: float_constants()


def nested_constant():
    return NESTED[0][1] + NESTED[1][0], NESTED
# run: nested_constant()


def constants_in_defaults(x, factor=SCALE, offset=N):
    return x * factor + offset
# run: constants_in_defaults(2)
# run: constants_in_defaults(2, 1, 0)
