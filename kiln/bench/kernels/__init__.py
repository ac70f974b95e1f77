"""kiln's benchmark kernels: one module per kernel, found by name.

Each module is plain scalar Python that CPython, ``numba.njit`` and ``kiln.jit`` all accept, and
defines a docstring, ``kernel(...)`` (the entry point; module-level helpers beside it) and
``SIZES = {"small": args, "bench": args}``. The runner loads a private copy of the module per
implementation and rebinds every public function in that copy's globals, so that helper calls
and recursion reach compiled code. Add a kernel by adding a module here.
"""
