"""Monte Carlo estimate of pi: each iteration hashes its own index into a point of the unit
square (a counter-based generator: no state shared between iterations) and an int `+=`
reduction counts the points inside the quarter circle.

The hash is splitmix-style on 32 bits: the counter times a golden-ratio increment, then two
xor-shift-multiply rounds (Wellons' lowbias32 with multipliers below 2**31), every product below
2**63 and masked back to 32 bits, so kiln's 64-bit ints never overflow and CPython, kiln and
Numba compute the same bits. (Written out twice rather than as a helper: Numba warns that a
helper compiled with parallel=True has no loop to parallelise.)
"""

prange = range  # rebound to the implementation's prange (kiln.bench.impls.load)

MASK = 0xFFFFFFFF
GOLDEN = 0x9E3779B9


def kernel(samples):
    """4 x the share of `samples` hashed points (x, y) in [0, 1)**2 with x*x + y*y < 1; point i
    hashes the counters 2i + 1 and 2i + 2."""
    hits = 0
    for i in prange(samples):
        z = ((2 * i + 1) * GOLDEN) & MASK
        z = ((z ^ (z >> 16)) * 0x21F0AAAD) & MASK
        z = ((z ^ (z >> 15)) * 0x735A2D97) & MASK
        x = (z ^ (z >> 15)) / 4294967296.0
        z = ((2 * i + 2) * GOLDEN) & MASK
        z = ((z ^ (z >> 16)) * 0x21F0AAAD) & MASK
        z = ((z ^ (z >> 15)) * 0x735A2D97) & MASK
        y = (z ^ (z >> 15)) / 4294967296.0
        if x * x + y * y < 1.0:
            hits += 1
    return 4.0 * hits / samples


SIZES = {"small": (20_000,), "bench": (2_000_000,)}
