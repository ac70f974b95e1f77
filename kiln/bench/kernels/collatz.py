"""Longest Collatz chain below N: an int while-loop with a data-dependent branch, // and %."""


def chain_length(n: int) -> int:
    steps = 1
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


def kernel(limit: int) -> int:
    """The start below `limit` whose chain is longest (the smallest such start on ties)."""
    best_start = 1
    best_length = 1
    for start in range(2, limit):
        length = chain_length(start)
        if length > best_length:
            best_start = start
            best_length = length
    return best_start


SIZES = {"small": (3_000,), "bench": (150_000,)}
