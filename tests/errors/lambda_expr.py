"""A lambda."""


def apply(x):
    f = lambda y: y + 1  # error: lambda
    return x
# call: apply(1)
