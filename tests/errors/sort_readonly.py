import numpy as np


def _frozen():
    a = np.arange(3.0)
    a.setflags(write=False)
    return a


def sort_in_place(a):
    a.sort()  # error: read-only


# call: sort_in_place(_frozen())
