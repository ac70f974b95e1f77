"""math.gcd takes ints, as in Python (a float is a TypeError there)."""

import math


def common(x):
    return math.gcd(x, 4)  # error: math.gcd() takes ints
# call: common(2.0)
