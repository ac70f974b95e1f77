"""Timing primitives every section shares: one timed call on fresh copies of its array
arguments, the rotating order of interleaved rounds, the result check against CPython (arrays
by dtype, shape and contents), and the summary statistics.

Round r runs every implementation once, starting from implementation r (mod n):

    rotated([a, b, c], 1) == [b, c, a]
"""

from __future__ import annotations

import math
import numbers
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import numpy as np

T = TypeVar("T")
REL_TOL = 1e-9


def fresh(args: tuple[Any, ...]) -> tuple[Any, ...]:
    """`args` with every array copied (same layout), for a kernel that updates its inputs."""
    return tuple(a.copy(order="K") if isinstance(a, np.ndarray) else a for a in args)


def timed(fn: Callable[..., Any], *args: Any) -> tuple[float, Any]:
    """Seconds one call takes, and its result."""
    start = time.perf_counter()
    value = fn(*args)
    return time.perf_counter() - start, value


ROUND_SECONDS = 0.05   # a round calls a short kernel again and again for this long,
ROUND_CALLS = 10       # at most this many times


def timed_round(fn: Callable[..., Any], args: tuple[Any, ...]) -> tuple[float, Any]:
    """One round of a kernel: the fastest of back-to-back calls, each on fresh copies of
    `args`, until ROUND_SECONDS have passed or ROUND_CALLS were made (a call of a second or
    more is made once); and the last result.

    One call of a kernel that runs for a millisecond, after the other implementations' rounds,
    times this VM as much as the kernel: memory left untouched for a second costs up to 10 us
    a page to touch again, and a sleeping thread pool takes its time to wake. The parallel
    pairwise kernel on 2 threads, one call per round, ran in 1.1-1.9 ms from one bench run to
    the next, and mostly in 1.0-1.1 ms from its second back-to-back call on (script)."""
    best, spent, calls = math.inf, 0.0, 0
    while calls < ROUND_CALLS and spent < ROUND_SECONDS:
        seconds, value = timed(fn, *fresh(args))
        best, spent, calls = min(best, seconds), spent + seconds, calls + 1
    return best, value


def rotated(items: Sequence[T], round_index: int) -> list[T]:
    """The implementations in the order round `round_index` runs them."""
    if not items:
        return []
    shift = round_index % len(items)
    return list(items[shift:]) + list(items[:shift])


def _kind(value: Any) -> str:
    """bool, int or float: results must agree in kind as well as in value."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, numbers.Integral):
        return "int"
    if isinstance(value, numbers.Real):
        return "float"
    return type(value).__name__


def _same_array(reference: np.ndarray, value: Any) -> bool:
    if not isinstance(value, np.ndarray):
        return False
    if value.dtype != reference.dtype or value.shape != reference.shape:
        return False
    if reference.dtype.kind in "fc":
        return bool(np.allclose(value, reference, rtol=REL_TOL, atol=0.0, equal_nan=True))
    return bool(np.array_equal(value, reference))


def same_result(reference: Any, value: Any) -> bool:
    """Exact for bools and ints, relative 1e-9 for floats (NaN equals NaN); arrays must agree
    in dtype and shape, then element by element the same way."""
    if isinstance(reference, np.ndarray):
        return _same_array(reference, value)
    kind = _kind(reference)
    if kind != _kind(value):
        return False
    if kind == "float":
        reference, value = float(reference), float(value)
        if math.isnan(reference) or math.isnan(value):
            return math.isnan(reference) and math.isnan(value)
        return math.isclose(reference, value, rel_tol=REL_TOL)
    return bool(reference == value)


def describe(value: Any) -> str:
    """A result as notes show it: arrays by dtype, shape and sum, not element by element
    (`float64[2, 3] sum 0.0`)."""
    if isinstance(value, np.ndarray):
        shape = ", ".join(str(n) for n in value.shape)
        return f"{value.dtype}[{shape}] sum {value.sum().item()!r}"
    return repr(value)


def as_json(value: Any) -> Any:
    """A result as --json stores it: NumPy scalars as Python numbers, arrays described."""
    if isinstance(value, np.ndarray):
        return describe(value)
    if isinstance(value, np.generic):
        return value.item()
    return value


def geomean(values: Iterable[float]) -> float | None:
    """Geometric mean of the positive values; None when there are none."""
    kept = [v for v in values if v > 0]
    if not kept:
        return None
    return math.exp(sum(math.log(v) for v in kept) / len(kept))


def median(values: Sequence[float]) -> float:
    return statistics.median(values)
