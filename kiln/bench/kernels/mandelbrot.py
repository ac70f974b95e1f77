"""Mandelbrot escape counts summed over a grid: float arithmetic, a loop with an early break."""


def escape_count(cr: float, ci: float, max_iter: int) -> int:
    zr = 0.0
    zi = 0.0
    count = 0
    while count < max_iter:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            break
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        count += 1
    return count


def kernel(width: int, height: int, max_iter: int) -> int:
    """Sum of escape counts over a width x height grid covering [-2, 0.5] x [-1.25, 1.25]."""
    total = 0
    for y in range(height):
        ci = -1.25 + 2.5 * y / height
        for x in range(width):
            cr = -2.0 + 2.5 * x / width
            total += escape_count(cr, ci, max_iter)
    return total


SIZES = {"small": (40, 30, 50), "bench": (400, 300, 256)}
