"""Midpoint-rule integration of a damped oscillation: a float loop dominated by math calls."""

import math


def f(x: float) -> float:
    return math.sin(x) * math.exp(-0.1 * x) + math.sqrt(x) / (1.0 + x * x)


def kernel(a: float, b: float, steps: int) -> float:
    """The integral of f over [a, b] by the midpoint rule with `steps` intervals."""
    h = (b - a) / steps
    total = 0.0
    for i in range(steps):
        total += f(a + (i + 0.5) * h)
    return total * h


SIZES = {"small": (0.0, 20.0, 5_000), "bench": (0.0, 20.0, 4_000_000)}
