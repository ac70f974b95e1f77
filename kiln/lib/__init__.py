"""What operations mean, registered in `registry`: numbers, math, builtins, tuples, loops."""
from . import (arrays, builtins, linalg, mathlib, npscalars, numbers,  # noqa: F401
               prange, reductions, reshaping, selection, sorting, tuples,  # (each registers
               ufuncs)                                                      # its rules)
from . import registry  # noqa: F401
