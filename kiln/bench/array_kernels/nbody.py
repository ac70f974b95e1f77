"""N-body gravity: (N, 3) positions and velocities and (N,) masses updated in place, many steps
of every pair's pull; 2-D indexing with constant columns, math.sqrt, a helper taking arrays."""

import math

import numpy as np


def advance(pos, vel, mass, dt, steps):
    """`steps` symplectic Euler steps: every pair's velocity kick, then every drift."""
    n = pos.shape[0]
    for _ in range(steps):
        for i in range(n):
            for j in range(i + 1, n):
                dx = pos[i, 0] - pos[j, 0]
                dy = pos[i, 1] - pos[j, 1]
                dz = pos[i, 2] - pos[j, 2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * math.sqrt(d2))
                mj = mass[j] * mag
                vel[i, 0] -= dx * mj
                vel[i, 1] -= dy * mj
                vel[i, 2] -= dz * mj
                mi = mass[i] * mag
                vel[j, 0] += dx * mi
                vel[j, 1] += dy * mi
                vel[j, 2] += dz * mi
        for i in range(n):
            pos[i, 0] += dt * vel[i, 0]
            pos[i, 1] += dt * vel[i, 1]
            pos[i, 2] += dt * vel[i, 2]


def energy(pos, vel, mass):
    """Kinetic minus pairwise potential energy."""
    n = pos.shape[0]
    e = 0.0
    for i in range(n):
        v2 = vel[i, 0] * vel[i, 0] + vel[i, 1] * vel[i, 1] + vel[i, 2] * vel[i, 2]
        e += 0.5 * mass[i] * v2
        for j in range(i + 1, n):
            dx = pos[i, 0] - pos[j, 0]
            dy = pos[i, 1] - pos[j, 1]
            dz = pos[i, 2] - pos[j, 2]
            e -= mass[i] * mass[j] / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def kernel(pos, vel, mass, steps):
    """The system's energy after `steps` steps of 0.01 (`pos` and `vel` are updated in place)."""
    advance(pos, vel, mass, 0.01, steps)
    return energy(pos, vel, mass)


def _inputs(bodies, steps):
    """A heavy star at the origin and light planets on near-circular orbits of growing radius,
    tilted a little out of the plane; total momentum zero."""
    pos = np.zeros((bodies, 3))
    vel = np.zeros((bodies, 3))
    mass = np.zeros(bodies)
    star = 4.0 * math.pi * math.pi
    mass[0] = star
    for k in range(1, bodies):
        radius = 1.0 + 1.5 * k
        angle = 2.0 * k
        speed = math.sqrt(star / radius)
        mass[k] = star * 1e-4 / k
        pos[k] = (radius * math.cos(angle), radius * math.sin(angle), 0.05 * k)
        vel[k] = (-speed * math.sin(angle), speed * math.cos(angle), 0.01 * k)
    vel[0] = -(mass[1:, None] * vel[1:]).sum(axis=0) / star
    return pos, vel, mass, steps


SIZES = {"small": (5, 100), "bench": (5, 30_000)}
