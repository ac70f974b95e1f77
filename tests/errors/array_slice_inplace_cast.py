"""`a[1:] += 0.5` updates the view in place, as Python's __iadd__ does, so NumPy's same_kind
cast refuses a float into an int array (kiln used to add and truncate)."""

import numpy as np


def halve_tail(a):
    a[1:] += 0.5  # error: Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') | a = a + b


# call: halve_tail(np.arange(3))  # raises: TypeError
