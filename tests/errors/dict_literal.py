"""A dict literal."""


def build(n):
    table = {}  # error: dict
    return n
# call: build(3)
