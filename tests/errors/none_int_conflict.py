"""One variable that is None on one path and an int on another."""


def conflict(n):
    x = None
    if n > 0:
        x = n + 1  # error: none | int
    return x
# call: conflict(1)
