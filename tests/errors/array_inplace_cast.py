import numpy as np


def halve(a):
    a += 0.5  # error: Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') | a = a + b


# call: halve(np.arange(3))
