"""kiln's array benchmark kernels: one module per kernel, found by name, explicit loops over
NumPy arrays (no slicing, whole-array arithmetic or reductions inside the kernels).

Each module defines a docstring, ``kernel(...)`` (the entry point; public helpers beside it are
compiled too), ``SIZES = {"small": params, "bench": params}`` and ``_inputs(*params)``, which
builds the kernel's arguments from those parameters with the deterministic generators in
``_data``. The runner builds the arguments once per kernel and copies every array before each
call, so kernels may update their arguments in place. ``_``-prefixed names are never compiled.
"""
