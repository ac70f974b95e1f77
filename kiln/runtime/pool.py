"""The thread pool that runs prange loops: native threads, no GIL, one loop at a time.

    kiln_parallel_for(chunk, env, n, chunks)    run chunk(env, c, lo, hi) for c in 0..chunks-1,
                                                where chunk c covers iterations lo..hi-1 of n

The caller works too: it publishes the loop, wakes the workers, then takes chunks from the same
atomic counter as they do until none is left, and waits for the workers still inside. Chunks
are handed out one by one, so uneven iterations (a Mandelbrot row) balance across threads.
While one loop owns the pool, another (from a second Python thread, or a prange inside a
prange body) runs serially in its own thread instead of waiting: no deadlock, no GIL.

The pool is LLVM IR compiled once per process when the first parallel function loads; worker
threads start at the first parallel loop, sized by KILN_NUM_THREADS or os.cpu_count().
`kiln.set_num_threads(n)` changes how many of them (the caller included) later loops use. After
os.fork() the child starts a fresh pool (threads do not survive a fork).
"""
from __future__ import annotations

import os
import platform
import threading
from typing import Any

from .. import config

MUTEX_BYTES = 128        # room for pthread_mutex_t / pthread_cond_t on every 64-bit libc

IR = r"""
; chunk fn, env, n, chunks, next chunk, workers in; padded to a cache line of its own, which
; the caller's stack data must not share: every chunk taken moves the line between threads
%Job = type { ptr, ptr, i64, i64, i64, i64, [2 x i64] }

@lock = internal global [BYTES x i8] zeroinitializer, align 64
@wake = internal global [BYTES x i8] zeroinitializer, align 64   ; a new loop is published
@done = internal global [BYTES x i8] zeroinitializer, align 64   ; the last worker left a loop
@busy = internal global i32 0                                     ; a loop owns the pool
@current = internal global ptr null
@generation = internal global i64 0
@started = internal global i64 0        ; worker threads running
@size = internal global i64 1           ; threads in the pool, the caller included
@active = internal global i64 1         ; threads a loop uses (set_num_threads)
@helped = global i64 0                  ; chunks run by worker threads (for tests)

declare i32 @pthread_mutex_init(ptr, ptr)
declare i32 @pthread_mutex_lock(ptr)
declare i32 @pthread_mutex_unlock(ptr)
declare i32 @pthread_cond_init(ptr, ptr)
declare i32 @pthread_cond_wait(ptr, ptr)
declare i32 @pthread_cond_broadcast(ptr)
declare i32 @pthread_create(ptr, ptr, ptr, ptr)
declare i32 @pthread_detach(i64)
declare i64 @llvm.readcyclecounter()
PAUSE_DECLARATION

define void @kiln_pool_reset(i64 %size) {
  call i32 @pthread_mutex_init(ptr @lock, ptr null)
  call i32 @pthread_cond_init(ptr @wake, ptr null)
  call i32 @pthread_cond_init(ptr @done, ptr null)
  store i32 0, ptr @busy
  store ptr null, ptr @current
  store i64 0, ptr @generation
  store i64 0, ptr @started
  store i64 %size, ptr @size
  store atomic i64 %size, ptr @active monotonic, align 8
  ret void
}

define void @kiln_pool_set_active(i64 %n) {
  store atomic i64 %n, ptr @active monotonic, align 8
  ret void
}

; take chunks until none is left; how many this thread ran
define internal i64 @run_chunks(ptr %job) {
entry:
  %fn = load ptr, ptr %job
  %env.p = getelementptr %Job, ptr %job, i32 0, i32 1
  %env = load ptr, ptr %env.p
  %n.p = getelementptr %Job, ptr %job, i32 0, i32 2
  %n = load i64, ptr %n.p
  %chunks.p = getelementptr %Job, ptr %job, i32 0, i32 3
  %chunks = load i64, ptr %chunks.p
  %next = getelementptr %Job, ptr %job, i32 0, i32 4
  %q = udiv i64 %n, %chunks
  %r = urem i64 %n, %chunks
  br label %take
take:
  %ran = phi i64 [ 0, %entry ], [ %ran1, %run ]
  %c = atomicrmw add ptr %next, i64 1 monotonic
  %more = icmp ult i64 %c, %chunks
  br i1 %more, label %run, label %out
run:                                   ; chunk c: lo = c*q + min(c, r), q (+1 while c < r) long
  %cq = mul i64 %c, %q
  %small = icmp ult i64 %c, %r
  %extra = select i1 %small, i64 %c, i64 %r
  %lo = add i64 %cq, %extra
  %one = zext i1 %small to i64
  %len = add i64 %q, %one
  %hi = add i64 %lo, %len
  call void %fn(ptr %env, i64 %c, i64 %lo, i64 %hi)
  %ran1 = add i64 %ran, 1
  br label %take
out:
  ret i64 %ran
}

define internal ptr @worker(ptr %arg) {
entry:
  %id = ptrtoint ptr %arg to i64
  br label %sleep
sleep:
  %seen = phi i64 [ 0, %entry ], [ %gen, %skip ], [ %gen, %left ]
  call i32 @pthread_mutex_lock(ptr @lock)
  br label %check
check:
  %gen = load atomic i64, ptr @generation monotonic, align 8
  %same = icmp eq i64 %gen, %seen
  br i1 %same, label %wait, label %woke
wait:
  call i32 @pthread_cond_wait(ptr @wake, ptr @lock)
  br label %check
woke:
  %job = load ptr, ptr @current
  %active = load atomic i64, ptr @active monotonic, align 8
  %has = icmp ne ptr %job, null
  %wanted = icmp ult i64 %id, %active
  %join = and i1 %has, %wanted
  br i1 %join, label %enter, label %skip
skip:
  call i32 @pthread_mutex_unlock(ptr @lock)
  br label %sleep
enter:
  %users = getelementptr %Job, ptr %job, i32 0, i32 5
  atomicrmw add ptr %users, i64 1 monotonic
  call i32 @pthread_mutex_unlock(ptr @lock)
  %ran = call i64 @run_chunks(ptr %job)
  atomicrmw add ptr @helped, i64 %ran monotonic
  call i32 @pthread_mutex_lock(ptr @lock)
  %v = atomicrmw sub ptr %users, i64 1 release
  %last = icmp eq i64 %v, 1
  br i1 %last, label %signal, label %left
signal:
  call i32 @pthread_cond_broadcast(ptr @done)
  br label %left
left:
  call i32 @pthread_mutex_unlock(ptr @lock)
  call void @watch(ptr @generation, i64 %gen, i1 false)   ; a next loop often follows soon
  br label %sleep
}

; spin a while (SPIN_CYCLES at most) until *word == value is `until_equal`
define internal void @watch(ptr %word, i64 %value, i1 %until_equal) {
entry:
  %start = call i64 @llvm.readcyclecounter()
  br label %look
look:
  %now = load atomic i64, ptr %word acquire, align 8
  %equal = icmp eq i64 %now, %value
  %seen = icmp eq i1 %equal, %until_equal
  br i1 %seen, label %out, label %wait
wait:
  PAUSE
  %t = call i64 @llvm.readcyclecounter()
  %spent = sub i64 %t, %start
  %enough = icmp ugt i64 %spent, SPIN_CYCLES
  br i1 %enough, label %out, label %look
out:
  ret void
}

; start the missing workers (called with the lock held)
define internal void @start_workers() {
entry:
  %tid = alloca i64
  br label %check
check:
  %have = load i64, ptr @started
  %size = load i64, ptr @size
  %id = add i64 %have, 1                  ; the caller is thread 0
  %missing = icmp ult i64 %id, %size
  br i1 %missing, label %start, label %out
start:
  %arg = inttoptr i64 %id to ptr
  %err = call i32 @pthread_create(ptr %tid, ptr null, ptr @worker, ptr %arg)
  %ok = icmp eq i32 %err, 0
  br i1 %ok, label %started, label %out
started:
  %t = load i64, ptr %tid
  call i32 @pthread_detach(i64 %t)
  store i64 %id, ptr @started
  br label %check
out:
  ret void
}

define void @kiln_parallel_for(ptr %fn, ptr %env, i64 %n, i64 %chunks) {
entry:
  %job = alloca %Job, align 64
  store ptr %fn, ptr %job
  %env.p = getelementptr %Job, ptr %job, i32 0, i32 1
  store ptr %env, ptr %env.p
  %n.p = getelementptr %Job, ptr %job, i32 0, i32 2
  store i64 %n, ptr %n.p
  %chunks.p = getelementptr %Job, ptr %job, i32 0, i32 3
  store i64 %chunks, ptr %chunks.p
  %next = getelementptr %Job, ptr %job, i32 0, i32 4
  store i64 0, ptr %next
  %users = getelementptr %Job, ptr %job, i32 0, i32 5
  store i64 0, ptr %users
  %active = load atomic i64, ptr @active monotonic, align 8
  %alone = icmp ule i64 %active, 1
  %few = icmp ule i64 %chunks, 1
  %serial = or i1 %alone, %few
  br i1 %serial, label %run.serial, label %claim
claim:
  %pair = cmpxchg ptr @busy, i32 0, i32 1 acquire monotonic
  %claimed = extractvalue { i32, i1 } %pair, 1
  br i1 %claimed, label %publish, label %run.serial
run.serial:                               ; the pool is busy or not wanted: this thread alone
  call i64 @run_chunks(ptr %job)
  ret void
publish:
  call i32 @pthread_mutex_lock(ptr @lock)
  call void @start_workers()
  store ptr %job, ptr @current
  %g = load atomic i64, ptr @generation monotonic, align 8
  %g1 = add i64 %g, 1
  store atomic i64 %g1, ptr @generation monotonic, align 8
  call i32 @pthread_cond_broadcast(ptr @wake)
  call i32 @pthread_mutex_unlock(ptr @lock)
  call i64 @run_chunks(ptr %job)
  call void @watch(ptr %users, i64 0, i1 true)    ; the workers' last chunks are short
  call i32 @pthread_mutex_lock(ptr @lock)
  br label %check
check:
  %inside = load atomic i64, ptr %users monotonic, align 8
  %empty = icmp eq i64 %inside, 0
  br i1 %empty, label %finish, label %wait
wait:
  call i32 @pthread_cond_wait(ptr @done, ptr @lock)
  br label %check
finish:
  store ptr null, ptr @current
  call i32 @pthread_mutex_unlock(ptr @lock)
  store atomic i32 0, ptr @busy release, align 4
  ret void
}
"""

# How long a thread that finished its chunks watches (spinning, without a system call) for
# what it waits for, before it sleeps on a condition variable: about 0.1 ms at 2.5 GHz.
# Parallel pairwise distances called back to back (best of 15 calls in a row, 2 threads) ran
# 0.97 ms with threads that slept at once, 0.90 with the watch; Numba, whose OpenMP threads
# spin too, 0.78-0.82.
SPIN_CYCLES = 2**18


def pool_ir(machine: str) -> str:
    """The pool's IR for this machine: a spin-wait hint (x86 pause) where there is one."""
    x86 = machine in ("x86_64", "AMD64", "i686", "x86")
    return (IR.replace("BYTES", str(MUTEX_BYTES)).replace("SPIN_CYCLES", str(SPIN_CYCLES))
            .replace("PAUSE_DECLARATION", "declare void @llvm.x86.sse2.pause()" if x86 else "")
            .replace("PAUSE", "call void @llvm.x86.sse2.pause()" if x86 else ""))

_PTHREAD = ("pthread_mutex_init", "pthread_mutex_lock", "pthread_mutex_unlock",
            "pthread_cond_init", "pthread_cond_wait", "pthread_cond_broadcast",
            "pthread_create", "pthread_detach")
_lock = threading.Lock()
_native: dict[str, Any] = {}    # ctypes functions of the loaded pool
_threads = [0]           # what set_num_threads asked for (0: the whole pool)


def pool_size() -> int:
    """Threads in the pool, the calling thread included: KILN_NUM_THREADS or the CPU count."""
    return config.NUM_THREADS or os.cpu_count() or 1


def ensure_loaded() -> None:
    """Compile and link the pool once per process; generated code then calls it by name."""
    import ctypes

    from .. import llvm
    from .capi import c_function
    with _lock:
        if _native:
            return
        for name in _PTHREAD:
            llvm.add_symbol(name, c_function(name))
        module = llvm.parse(pool_ir(platform.machine()))
        llvm.optimize(module)
        llvm.load_object(llvm.emit_object(module))
        for name, argtypes in (("kiln_pool_reset", [ctypes.c_int64]),
                               ("kiln_pool_set_active", [ctypes.c_int64])):
            _native[name] = ctypes.CFUNCTYPE(None, *argtypes)(llvm.address(name))
        llvm.add_symbol("kiln_parallel_for", llvm.address("kiln_parallel_for"))
        _reset()
        os.register_at_fork(after_in_child=_reset)


def _reset() -> None:
    _native["kiln_pool_reset"](pool_size())
    _native["kiln_pool_set_active"](_threads[0] or pool_size())


def set_num_threads(n: int) -> None:
    """Use n threads (the caller included) in later parallel loops; 1 <= n <= pool size."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"set_num_threads() takes an int, not {type(n).__name__}")
    if not 1 <= n <= pool_size():
        raise ValueError(f"the number of threads must be between 1 and {pool_size()} "
                         f"(KILN_NUM_THREADS or the CPU count), got {n}")
    _threads[0] = n
    if _native:
        _native["kiln_pool_set_active"](n)


def get_num_threads() -> int:
    return _threads[0] or pool_size()


def chunks_run_by_workers() -> int:
    """How many chunks the worker threads (not the callers) have run in this process."""
    if not _native:
        return 0
    import ctypes

    from .. import llvm
    return ctypes.c_int64.from_address(llvm.engine().get_global_value_address("helped")).value
