"""Not a kernel (hence the underscore): the smallest parallel loop, timed by kiln.bench.parallel
to find what entering and leaving a parallel loop costs. One iteration per thread, each adding
its index into an int, so that no compiler can drop the loop (Numba removes a prange whose body
is empty, and then never starts its threads)."""

prange = range  # rebound to the implementation's prange (kiln.bench.impls.load)


def kernel(n):
    total = 0
    for i in prange(n):
        total += i
    return total
