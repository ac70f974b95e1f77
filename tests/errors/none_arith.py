"""Arithmetic on None."""


def bad(x):
    y = None
    return y + x  # error: none | int
# call: bad(1)
