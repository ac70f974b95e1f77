"""A tuple of mixed types indexed by a variable: the element type is unknown when compiling."""


def pick(t, i):
    return t[i]  # error: index
# call: pick((1, 2.5, None), 1)
