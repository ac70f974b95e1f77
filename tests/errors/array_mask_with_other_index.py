import numpy as np


def first_column_of_positive_rows(m, mask):
    return m[mask, 0]  # error: an index array or mask must be the only index | a[a > 0]


# call: first_column_of_positive_rows(np.ones((3, 2)), np.array([True, False, True]))
