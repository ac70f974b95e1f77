"""kiln's parallel benchmark kernels: one module per kernel, found by name, each an outer
``for ... in prange(...)`` loop whose iterations are independent apart from ``+=`` reductions
into scalars.

Each module has the shape of a scalar or an array kernel (``kernel(...)``, ``SIZES``, and
``_inputs(*params)`` when it builds arrays; see ``kiln.bench.array_kernels``) and one more
global, ``prange = range``: ``impls.load`` rebinds it in each private copy to the prange of the
implementation under test (``kiln.prange``, ``numba.prange``), so CPython runs the loop as a
plain range. Helper modules start with ``_``.
"""
