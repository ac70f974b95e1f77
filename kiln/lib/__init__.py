"""What operations mean, registered in `registry`: numbers, math, builtins, tuples, loops."""
from . import arrays, builtins, mathlib, npscalars, numbers, prange, tuples, ufuncs  # noqa: F401  (each module registers its rules)
from . import registry  # noqa: F401
