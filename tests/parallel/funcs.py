"""Functions tests/test_parallel.py compiles with parallel=True (kiln reads source from files)."""
import numpy as np

from kiln import prange


def weighted_sum(a):
    s = 0.0
    for i in prange(a.shape[0]):
        s += a[i] * (i % 3 + 0.25)
    return s


def busy(n):
    s = 0.0
    for i in prange(n):
        x = 0.0
        for j in range(20000):
            x += (i * j % 7) * 0.5
        s += x
    return s


def private_read_after(n):
    t = 0
    for i in prange(n):
        t = i * 2
    return t


def carried(a):
    t = 0.0
    s = 0.0
    for i in prange(a.shape[0]):
        if a[i] > 0:
            t = a[i]
        s += t
    return s


def breaks(a):
    for i in prange(a.shape[0]):
        if a[i] > 0:
            break


def returns(a):
    for i in prange(a.shape[0]):
        if a[i] > 0:
            return i
    return -1


def reads_reduction(a):
    s = 0.0
    for i in prange(a.shape[0]):
        s += a[i]
        a[i] = s
    return s


def has_else(a):
    for i in prange(a.shape[0]):
        a[i] = 1.0
    else:
        a[0] = 2.0


def array_reduction(a):
    acc = np.zeros(3)
    for i in prange(a.shape[0]):
        acc += a[i]
    return acc


def scaled(a, k):
    out = np.empty_like(a)
    for i in prange(a.shape[0]):
        out[i] = a[i] * k
    return out


def fails_at(a, bad):
    out = np.zeros_like(a)
    for i in prange(a.shape[0]):
        out[i] = a[i + (i == bad) * a.shape[0]]
    return out


def views_under_contention(n):
    m = np.zeros((n, 4))
    for i in prange(n):
        for k in range(200):
            row = m[i]           # a view: another reference to m's block, from every thread
            row[k % 4] += 1.0
    return m
