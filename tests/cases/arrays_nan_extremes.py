"""np.nanmin and np.nanmax of the whole array: NaN left out (all NaN: NaN, with NumPy's
warning, which tests silence), of equal values the one NumPy's scalar loop keeps (the later in
NumPy 2.2, the earlier in 2.4; its SIMD loops over longer arrays may keep either of 0.0 and
-0.0, so mixed zeros stay short here), an
empty array NumPy's ValueError, integer and bool arrays as np.min and np.max."""

import numpy as np


def extremes(a):
    return np.nanmin(a), np.nanmax(a)
# run: extremes(np.array([3.0, np.nan, -1.5, 2.0]))
# run: extremes(np.array([np.nan, 1.0, np.nan, 2.0]))
# run: extremes(np.array([np.nan, np.nan]))
# run: extremes(np.array([np.nan]))
# run: extremes(np.array([np.inf, np.nan, -np.inf]))
# run: extremes(np.array([0.0, -0.0]))
# run: extremes(np.array([-0.0, 0.0]))
# run: extremes(np.array([np.nan, -0.0, 0.0]))
# run: extremes(np.arange(24.0).reshape(4, 6)[::2, ::-1])
# run: extremes(np.arange(24.0).reshape(4, 6).T)
# run: extremes(np.asfortranarray(np.arange(12.0).reshape(3, 4)))
# run: extremes(np.array([2.5, np.nan, -7.0], np.float32))
# run: extremes(np.array([3, -1, 2]))
# run: extremes(np.array([3, 200, 2], np.uint8))
# run: extremes(np.array([True, False]))
# run: extremes(np.zeros(0))
# run: extremes(np.zeros(0, np.int64))
# run: extremes(np.zeros((2, 0)))


def running_max(rows):
    """A NaN-tolerant maximum of each row, in a loop."""
    out = np.empty(rows.shape[0])
    for i in range(rows.shape[0]):
        out[i] = np.nanmax(rows[i])
    return out
# run: running_max(np.array([[1.0, np.nan], [np.nan, np.nan], [-3.0, -2.0]]))
