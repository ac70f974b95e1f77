"""A with statement."""

import contextlib


def guarded(n):
    with contextlib.nullcontext():  # error: with
        n += 1
    return n
# call: guarded(1)
