"""A str value in a compiled function: strings exist only as raise messages."""


def greet(n):
    label = "count"  # error: str
    return n + 1
# call: greet(1)
