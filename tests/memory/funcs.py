"""Functions whose memory behaviour tests/test_memory.py checks."""
import numpy as np


def make(n):
    return np.zeros(n)


def churn(count, n):
    total = 0.0
    for i in range(count):
        a = np.ones(n)
        b = np.full(n, 2.0)
        total += a[i % n] + b[0]
    return total


def raise_holding(n, k):
    a = np.zeros(n)
    b = np.ones(n)
    if k > 0:
        raise ValueError("boom")
    return a[0] + b[0]


def pair(n):
    a = np.arange(n)
    return a, np.zeros((n, 2))


def row(a, i):
    return a[i]


def keep_last(count, n):
    last = np.zeros(1, dtype=np.int64)
    for i in range(count):
        last = np.full(n, i)
    return last


def swap_new(n, times):
    a = np.zeros(n)
    b = np.ones(n)
    for k in range(times):
        a, b = b, a
    return a, b


def swap_fresh(n, times):
    a = np.zeros(n)
    for k in range(times):
        c = np.full(n, k, dtype=np.float64)
        a, c = c, a
    return a


def reduce_sort_multiply(count, n):
    """Reductions along an axis, sorts (a column goes through a scratch buffer), matrix
    products and operators on arrays, each making new arrays on every trip."""
    total = 0.0
    for k in range(count):
        a = np.full((n, n), 1.0 * k)
        a[0, 0] = -1.0
        a.sort(axis=0)
        total += (a @ a - a).sum(axis=0)[0] + np.sort(a, axis=0)[0, 0] + a.mean(axis=1)[0]
    return total


def raise_in_reduction(n):
    """min along an empty axis raises after a new array was made."""
    a = np.ones((n, n)) @ np.ones((n, n))
    return a[:, 0:0].min(axis=1)


def select_and_scatter(n, k):
    total = 0.0
    for i in range(k):
        a = np.arange(n) * 1.0 - i
        chosen = a[a > 0]
        a[a < 0] = 0.0
        a[np.arange(2)] = chosen[:2]
        total += a[np.arange(3)].sum() + chosen.sum()
    return total


def nonzero_indices(n, k):
    """The tuples of new index arrays np.nonzero makes, kept, unpacked and dropped in a loop."""
    total = 0
    for i in range(k):
        grid = (np.arange(n * n) % (i + 2)).reshape(n, n)
        rows, columns = np.nonzero(grid)
        found = np.where(grid > 0)
        total += rows.sum() - columns.sum() + len(found[0]) + np.flatnonzero(grid).sum()
        total += np.argwhere(grid.T).sum() + len(grid.nonzero())
    return total


def _first_row(a):
    """Borrows its argument: never assigns `a` again."""
    return a[0]


def _same(a):
    """Returns its borrowed argument: the caller gets a reference of its own."""
    return a


def _rebinds(a, k):
    """Assigns its parameter again: it then holds references of its own."""
    if k % 2 == 0:
        a = a * 2.0
    b = a
    return b.sum()


def borrowed_arguments(count, n):
    """New arrays passed to callees that borrow, return or rebind their parameters."""
    total = 0.0
    for k in range(count):
        a = np.full((n, n), 1.0 * k)
        kept = _same(a)
        total += _first_row(kept)[0] + _rebinds(a, k) + _same(np.ones(n))[0]
    return total


def ones_total(n):
    a = np.ones(n)
    return a.sum()


def join_in_a_loop(count, n):
    """Joins of new arrays (held by a tuple display, or a tuple local) on every trip."""
    total = 0.0
    for k in range(count):
        a = np.full((n, 2), 1.0 * k)
        t = (a, np.ones((n, 3)))
        total += np.concatenate(t, axis=1)[0, 4] + np.stack((a * 2.0, a)).sum() + \
            np.vstack((np.ones(n), a.T))[0, 0] + np.concatenate((a, a + 1.0), axis=None)[-1]
    return total


def join_mismatch(n):
    """np.concatenate raises (the sizes along axis 1 differ) while holding new arrays."""
    return np.concatenate((np.ones((n, 2)), np.zeros((n, 3))))


def same(a):
    return a


def real_part(a):
    return a.real


def strided(a):
    return a[::2, 1:]


def first(a):
    return a[0, 0]
