"""One variable that is a 2-tuple on one path and a 3-tuple on another."""


def conflict(n):
    t = (n, n)
    if n > 0:
        t = (n, n, n)  # error: tuple
    return t
# call: conflict(1)
