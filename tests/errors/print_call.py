"""print() is not supported."""


def noisy(x):
    print(x)  # error: print
    return x
# call: noisy(1)
