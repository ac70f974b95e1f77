"""Memory for arrays that compiled code creates: reference-counted blocks, safe without the GIL.

A block is `{i64 refcount, ptr allocation}` followed (64 bytes in) by the array data, 64-byte
aligned; `allocation` is what the C library returned, for `free`. The count changes with
atomic instructions, so threads may share arrays. An array's `meminfo` field is null, such a
block, or a NumPy array object with its low bit set: a Python array borrowed for the call,
which the caller keeps alive and which needs no counting.

    meminfo, data = allocate(b, nbytes)   # refcount 1
    meminfo, data = allocate(b, nbytes, zeroed=True)   # calloc: fresh pages are not written
    (blocks of 4 MiB and more get huge pages where Linux offers them, as NumPy's arrays do)
    incref(b, meminfo); decref(b, meminfo) # the last decref frees the block

A block handed to NumPy (runtime.boxing.box_array) becomes the base of the new array through a
capsule whose destructor drops the reference, so a returned array owns its memory like any
other NumPy array.
"""
from __future__ import annotations

import ctypes
import mmap
import sys

from llvmlite import ir as ll

from ..llvm_ir import declare, private_function

I1, I8, I32, I64 = ll.IntType(1), ll.IntType(8), ll.IntType(32), ll.IntType(64)
I8P = I8.as_pointer()
HEADER = 64


def _counted(b: ll.IRBuilder, meminfo: ll.Value) -> ll.Value:
    """True for an NRT block: not null and not a tagged Python object."""
    address = b.ptrtoint(meminfo, I64)
    return b.and_(b.icmp_unsigned("!=", address, ll.Constant(I64, 0)),
                  b.icmp_unsigned("==", b.and_(address, ll.Constant(I64, 1)), ll.Constant(I64, 0)))


def _build_incref(b: ll.IRBuilder, fn: ll.Function) -> None:
    (meminfo,) = fn.args
    with b.if_then(_counted(b, meminfo)):
        b.atomic_rmw("add", b.bitcast(meminfo, I64.as_pointer()), ll.Constant(I64, 1), "monotonic")
    b.ret_void()


def _count(b: ll.IRBuilder, which: int) -> None:
    """Bump kiln_nrt_stats[which] (0: blocks allocated, 1: blocks freed)."""
    stats = b.module.globals.get("kiln_nrt_stats") or ll.GlobalVariable(
        b.module, ll.ArrayType(I64, 2), "kiln_nrt_stats")
    slot = b.gep(stats, [ll.Constant(ll.IntType(32), 0), ll.Constant(ll.IntType(32), which)])
    b.atomic_rmw("add", slot, ll.Constant(I64, 1), "monotonic")


def _build_decref(b: ll.IRBuilder, fn: ll.Function) -> None:
    (meminfo,) = fn.args
    free = declare(b.module, "free", ll.VoidType(), [I8P])
    with b.if_then(_counted(b, meminfo)):
        old = b.atomic_rmw("sub", b.bitcast(meminfo, I64.as_pointer()), ll.Constant(I64, 1),
                           "acq_rel")
        with b.if_then(b.icmp_signed("==", old, ll.Constant(I64, 1))):
            b.call(free, [b.load(_allocation_slot(b, meminfo))])
            _count(b, 1)
    b.ret_void()


def incref(b: ll.IRBuilder, meminfo: ll.Value) -> None:
    b.call(private_function(b.module, "kiln.nrt.incref", ll.VoidType(), [I8P], _build_incref), [meminfo])


def decref(b: ll.IRBuilder, meminfo: ll.Value) -> None:
    b.call(private_function(b.module, "kiln.nrt.decref", ll.VoidType(), [I8P], _build_decref), [meminfo])


def _allocation_slot(b: ll.IRBuilder, meminfo: ll.Value) -> ll.Value:
    return b.bitcast(b.gep(meminfo, [ll.Constant(I64, 8)]), I8P.as_pointer())


def allocate(b: ll.IRBuilder, nbytes: ll.Value, zeroed: bool = False) -> tuple[ll.Value, ll.Value]:
    """A new block with refcount 1 and room for `nbytes` of 64-byte-aligned data (null data
    pointer and a MemoryError are the caller's to handle: see `allocation_failed`).

    `zeroed` data comes from calloc, which knows that memory fresh from the kernel is already
    zero: a large np.zeros then costs no pass over its memory. calloc promises no 64-byte
    alignment, so the block starts at the first aligned address in what it returns."""
    # room for the header and for aligning the start; a size that would wrap around asks for
    # everything, which the C library refuses (a MemoryError, not a short block)
    padded = b.select(b.icmp_unsigned(">", nbytes, ll.Constant(I64, 2**62)), ll.Constant(I64, -64),
                      b.add(nbytes, ll.Constant(I64, HEADER + 63)))
    if zeroed:
        calloc = declare(b.module, "calloc", I8P, [I64, I64])
        allocation = b.call(calloc, [padded, ll.Constant(I64, 1)])
        start = b.and_(b.add(b.ptrtoint(allocation, I64), ll.Constant(I64, 63)),
                       ll.Constant(I64, ~63))
        meminfo = b.inttoptr(start, I8P)          # null stays null
    else:
        aligned_alloc = declare(b.module, "aligned_alloc", I8P, [I64, I64])
        allocation = meminfo = b.call(aligned_alloc, [ll.Constant(I64, 64),
                                                      b.and_(padded, ll.Constant(I64, ~63))])
    with b.if_then(b.icmp_unsigned("!=", meminfo, ll.Constant(I8P, None)), likely=True):
        b.store(ll.Constant(I64, 1), b.bitcast(meminfo, I64.as_pointer()))
        b.store(allocation, _allocation_slot(b, meminfo))
        _count(b, 0)
        _advise_huge_pages(b, meminfo, nbytes)
    return meminfo, b.gep(meminfo, [ll.Constant(I64, HEADER)])


# Like NumPy's own allocator: blocks of 4 MiB and more are advised to use the kernel's huge
# pages, so first touching them faults once per 2 MiB rather than once per page (a 64 MiB
# np.ones and its sum: 16,385 page faults and 33 ms without the advice, 33 and 15 ms with it).
HUGE_PAGE_ADVICE_BYTES = 1 << 22
MADV_HUGEPAGE = 14          # Linux's value; elsewhere there is no such advice to give


def _advise_huge_pages(b: ll.IRBuilder, meminfo: ll.Value, nbytes: ll.Value) -> None:
    """madvise(MADV_HUGEPAGE) the whole pages of a large block (its failure changes nothing)."""
    if sys.platform != "linux":
        return
    madvise = declare(b.module, "madvise", I32, [I8P, I64, I32])
    large = b.icmp_unsigned(">=", nbytes, ll.Constant(I64, HUGE_PAGE_ADVICE_BYTES))
    with b.if_then(large, likely=False):
        start = b.ptrtoint(meminfo, I64)
        first_page = b.and_(b.add(start, ll.Constant(I64, mmap.PAGESIZE - 1)),
                            ll.Constant(I64, -mmap.PAGESIZE))
        end = b.add(start, b.add(nbytes, ll.Constant(I64, HEADER)))
        b.call(madvise, [b.inttoptr(first_page, I8P), b.sub(end, first_page),
                         ll.Constant(I32, MADV_HUGEPAGE)])


def allocation_failed(b: ll.IRBuilder, meminfo: ll.Value) -> ll.Value:
    return b.icmp_unsigned("==", meminfo, ll.Constant(I8P, None))


STATS = (ctypes.c_int64 * 2)()      # kiln_nrt_stats: blocks allocated, blocks freed


def stats() -> tuple[int, int]:
    """(blocks allocated, blocks freed) by compiled code in this process so far."""
    return STATS[0], STATS[1]
