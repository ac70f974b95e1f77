"""np.interp with period=: not supported (NumPy sorts xp modulo the period first)."""

import numpy as np


def angle(x, xp, fp):
    return np.interp(x, xp, fp, period=360.0)  # error: period= is not supported


# call: angle(10.0, np.array([0.0, 180.0]), np.array([0.0, 1.0]))
