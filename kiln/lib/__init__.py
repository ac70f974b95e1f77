"""What operations mean, registered in `registry`: numbers, math, builtins, tuples, loops."""
from . import (arrays, builtins, joining, linalg, mathlib, npscalars,  # noqa: F401
               numbers, prange, reductions, reshaping, selection, sorting,  # (each registers
               tuples, ufuncs)                                              # its rules)
from . import registry  # noqa: F401
