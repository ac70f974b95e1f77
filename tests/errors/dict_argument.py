"""Calling with a dict argument."""


def size(d):
    return 1
# call: size({"a": 1})  # error: dict
# raises: TypeError
