"""Only builtin exception classes may be raised."""


class AppError(Exception):
    pass


def fail(x):
    if x:
        raise AppError("custom")  # error: AppError
    return x
# call: fail(1)
