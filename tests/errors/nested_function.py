"""A function defined inside a compiled function (a closure)."""


def outer(x):
    def inner(y):  # error: def
        return x + y
    return x
# call: outer(1)
