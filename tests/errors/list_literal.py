"""A list literal."""


def build(n):
    xs = [n, n + 1]  # error: list
    return n
# call: build(3)
