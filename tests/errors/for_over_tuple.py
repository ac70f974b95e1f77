"""for loops iterate only over range(...)."""


def total(t):
    s = 0
    for x in t:  # error: for
        s += x
    return s
# call: total((1, 2, 3))
