"""Assigning a module global from compiled code."""

COUNT = 0


def bump(n):
    global COUNT  # error: global
    COUNT = n
    return n
# call: bump(1)
