"""A list comprehension."""


def squares(n):
    xs = [i * i for i in range(n)]  # error: comp
    return n
# call: squares(4)
