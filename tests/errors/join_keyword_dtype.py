"""The dtype= of np.concatenate is refused, with the cast that does the same."""
import numpy as np


def join(a, b):
    return np.concatenate((a, b), dtype=np.float32)  # error: dtype= | not supported | astype


# call: join(np.zeros(2), np.zeros(3))
