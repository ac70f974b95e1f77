"""Naive recursive Fibonacci: call overhead, recursion through a module global, small ints."""


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def kernel(n: int) -> int:
    return fib(n)


SIZES = {"small": (18,), "bench": (34,)}
