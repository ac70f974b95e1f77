"""One variable that is an int on one path and a tuple on another."""


def conflict(n):
    x = n
    if n > 0:
        x = (n, n)  # error: int | tuple
    return x
# call: conflict(1)
