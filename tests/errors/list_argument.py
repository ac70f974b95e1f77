"""Calling with a list argument: lists are not in the subset."""


def first(xs):
    return xs[0]
# call: first([1, 2, 3])  # error: list
# raises: TypeError
