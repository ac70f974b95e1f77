"""What operations mean, registered in `registry`: numbers, math, builtins, tuples, loops."""
from . import (arrays, builtins, joining, linalg, mathlib, npscalars,  # noqa: F401
               numbers, prange, reductions, reshaping, searching,     # (each registers
               quantiles, selection, sorting, tuples, ufuncs)         # its rules)
from . import registry  # noqa: F401
