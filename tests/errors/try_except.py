"""try / except."""


def safe_div(a, b):
    try:  # error: try
        return a // b
    except ZeroDivisionError:
        return 0
# call: safe_div(1, 0)
