"""Calling with a str argument: no specialization can exist for it."""


def double(x):
    return x + x
# call: double("ab")  # error: str
# raises: TypeError
