"""A str is a compile-time argument of a library function only (side="left"), never a value."""


def label(x):
    name = "left"  # error: str constants are not supported
    return name


# call: label(1)
