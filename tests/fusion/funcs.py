"""Functions tests/test_fusion.py compiles (kiln reads source from files)."""
import numpy as np


def chain(a, b, x):
    return np.sqrt(a * x + b * b) - 1.0


def masks(a, b):
    return (a < b) & (a > 0.5)


def small_ints(a):
    return (a * 3 + 250) // 2          # uint8 wraps in every step, as in NumPy


def broadcast_chain(col, row):
    return -(col + row) * 2.0


def _double_in_place(a):
    a *= 2.0 if False else 1.0
    for i in range(a.shape[0]):
        a[i] = a[i] * 2.0
    return 0.0


def call_between(a):
    return (a + 1.0) + _double_in_place(a)


def error_order(a, b, c):
    return (a + b) * c[10]


def reused(a):
    t = a * 2.0
    return t + t * t
