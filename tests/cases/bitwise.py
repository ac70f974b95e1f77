"""Bitwise operators on ints and bools: & | ^ ~ << >>, negative operands, shift counts."""


def ops(a, b):
    return a & b, a | b, a ^ b
# run: ops(12, 10)
# run: ops(-12, 10)
# run: ops(-2**63, -1)
# run: ops(2**63 - 1, -2**63)
# run: ops(True, False)
# run: ops(True, True)
# run: ops(True, 6)


def invert(a):
    return ~a
# run: invert(-1)
# run: invert(2**63 - 1)
# run: invert(-2**63)


def lshift(a, n):
    return a << n
# run: lshift(1, 62)
# run: lshift(1, 63)  # kiln: OverflowError
# run: lshift(1, 64)  # kiln: OverflowError
# run: lshift(-1, 63)
# run: lshift(3, 61)
# run: lshift(3, 62)  # kiln: OverflowError
# run: lshift(-5, 3)
# run: lshift(0, 1000)
# run: lshift(0, 2**62)
# run: lshift(5, -1)
# run: lshift(2**62, 1)  # kiln: OverflowError


def rshift(a, n):
    return a >> n
# run: rshift(256, 4)
# run: rshift(-256, 4)
# run: rshift(-7, 1)
# run: rshift(5, 63)
# run: rshift(5, 64)
# run: rshift(-5, 64)
# run: rshift(-5, 2**62)
# run: rshift(-2**63, 63)
# run: rshift(2**63 - 1, 62)
# run: rshift(5, -1)
# run: rshift(True, 0)


def popcount(x):
    count = 0
    while x:
        count += x & 1
        x >>= 1
    return count
# run: popcount(255)
# run: popcount(2**63 - 1)
# run: popcount(0b1011001110001111)


def low_bit(x):
    return x & -x
# run: low_bit(12)
# run: low_bit(-2**63)  # kiln: OverflowError
# run: low_bit(-2**63 + 2**40)


def mix(a, b):
    x = a ^ b
    x |= a << 3
    x &= ~b
    x ^= x >> 7
    x <<= 2
    x >>= 1
    return x
# run: mix(123456789, 987654321)
# run: mix(-5, 7)
# run: mix(2**55, 0)
# run: mix(2**59, 0)  # kiln: OverflowError


def precedence(a, b, c):
    return a | b & c ^ a << 2 >> 1
# run: precedence(5, 6, 3)
# run: precedence(-9, 14, 255)
