"""np.copyto refuses a float into an int array under its default 'same_kind' rule; the
refusal depends on the types alone, so compiled code says so when it compiles."""

import numpy as np


def copy_into(dst, src):
    np.copyto(dst, src)  # error: Cannot cast array data from dtype('float64') to dtype('int8')
    return dst
# call: copy_into(np.zeros(3, np.int8), np.arange(3.0))
