"""An array of strings as an argument: no specialization can exist for it."""

import numpy as np


def first(a):
    return a[0]
# call: first(np.array(["ab", "c"]))  # error: dtype | <U2
# raises: TypeError
