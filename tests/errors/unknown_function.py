"""A call to a name that is not defined anywhere."""


def uses_missing(x):
    return frobnicate(x) + 1  # error: frobnicate
# call: uses_missing(2)
