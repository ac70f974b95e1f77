"""A function that returns a float on one path and a tuple on another."""


def pick(flag):
    if flag:
        return 1.5
    return (1, 2)  # error: float | tuple
# call: pick(True)
