"""Prime counting by trial division: int division in a nested loop, a bool-returning helper."""


def is_prime(n: int) -> bool:
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def kernel(limit: int) -> int:
    """How many primes are below `limit`."""
    count = 0
    for n in range(limit):
        if is_prime(n):
            count += 1
    return count


SIZES = {"small": (5_000,), "bench": (600_000,)}
