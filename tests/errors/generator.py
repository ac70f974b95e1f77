"""A generator function."""


def counter(n):
    for i in range(n):
        yield i  # error: yield
# call: counter(3)
