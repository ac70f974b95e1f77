"""The on-disk machine-code cache, like __pycache__ for bytecode: a second run loads object
code instead of compiling.

An entry is found by a key over everything known before compiling: the function's module,
name and source, the argument types, kiln's version, Python's, LLVM's, the installed NumPy,
and this host's CPU and features. It then records what the compiler read while compiling:
every global, closure and builtin name each compiled function resolved, with a fingerprint of
its value (a callee's fingerprint includes its source). Loading re-resolves those names and
uses the entry only if every fingerprint still matches, so editing a callee in any module
invalidates exactly the entries that compiled it.

File format (no pickle, nothing executable but the object code itself)::

    b"KILNCACHE" version(1 byte) | u32 len | metadata JSON | u64 len | object code | HMAC-SHA256

The HMAC uses a per-user secret key (0600, in the user's cache directory), so an entry that
anyone but this user wrote or altered fails verification. Directories and entries that other
users can write are never read. A bad entry is ignored with a warning and recompiled; writes
go to a temporary file renamed into place, so concurrent writers never expose a torn file.
"""
from __future__ import annotations

import ast
import functools
import hashlib
import hmac
import importlib.util
import inspect
import json
import linecache
import os
import struct
import sys
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import __version__, config
from .types import Type, is_constant, parse_type

MAGIC, VERSION = b"KILNCACHE", 1
SUFFIX = ".kc"


class CacheWarning(UserWarning):
    """A cache entry or directory that kiln refused to use (it recompiles instead)."""


# ---- fingerprints of what compiled code depends on ---------------------------------------
_source_hashes: dict[Any, str] = {}   # code object -> hash (a redefinition is a new one)


def source_hash(func: Any) -> str:
    """Hash of a function's source, read once per code object. Lambdas that share a line
    share its text: theirs also covers their bytecode and where it comes from in the line."""
    code = func.__code__
    if code not in _source_hashes:
        text = source_text(func)
        if func.__name__ == "<lambda>":
            places = list(code.co_positions()) if hasattr(code, "co_positions") else []
            text += f"\n{code.co_code.hex()} {places}"
        _source_hashes[code] = hashlib.sha256(text.encode()).hexdigest()[:32]
    return _source_hashes[code]


def source_text(func: Any) -> str:
    """The lines `func` was compiled from: its decorators to where its last instruction ends
    (the instruction that makes a nested function spans all of it), found from the code's
    positions; inspect would tokenize the file, milliseconds of every warm start.

    Without column positions (Python 3.10, -X no_debug_ranges) a line number says only where
    an instruction starts, too early for a string continued over lines: inspect finds those."""
    code = func.__code__
    positions = list(code.co_positions()) if hasattr(code, "co_positions") else []
    if not positions or any(line is not None and column is None
                            for line, _, column, _ in positions):
        return inspect.getsource(func)
    first = code.co_firstlineno
    last = max([first] + [end for _, end, _, _ in positions if end is not None])
    linecache.checkcache(code.co_filename)
    lines = linecache.getlines(code.co_filename, func.__globals__)
    if len(lines) < last:
        raise OSError(f"could not get the source of {func.__qualname__}")
    return "".join(lines[first - 1:last])


def fingerprint(value: Any) -> list[Any]:
    """What about a resolved name the machine code depends on."""
    func = getattr(value, "py_func", value)
    if is_constant(value):
        return ["const", repr(value), type(value).__name__]
    if inspect.isfunction(func):
        return ["function", func.__module__, func.__qualname__, source_hash(func)]
    if inspect.ismodule(value):
        return ["module", value.__name__]
    return ["object", type(value).__module__, type(value).__qualname__,
            getattr(value, "__qualname__", "")]


def resolve(func: Any, name: str) -> Any:
    """What `name` ("x", or "b.helper" for a member of module b) means to `func` now."""
    import builtins
    scopes = [func.__globals__, vars(builtins)]
    if func.__closure__:                  # the front end's module, imported for closures only
        from .source import closure_values
        scopes.insert(0, closure_values(func))
    first, *attributes = name.split(".")
    for scope in scopes:
        if first in scope:
            value = scope[first]
            for attribute in attributes:
                if not hasattr(value, attribute):
                    raise KeyError(name)
                value = getattr(value, attribute)
            return value
    raise KeyError(name)


def module_members(func: Any, reads: dict[str, Any]) -> dict[str, Any]:
    """`b.helper(x)`, `b.K`: the members of read modules that the code names, as "b.helper".

    The frontend records only `b`, whose fingerprint says nothing about b's functions and
    constants; without these an edit to b.helper would leave a stale entry valid."""
    from .source import source_of
    modules = {name for name, value in reads.items() if inspect.ismodule(value)}
    found = {}
    for node in ast.walk(source_of(func).tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and \
                node.value.id in modules and hasattr(reads[node.value.id], node.attr):
            found[f"{node.value.id}.{node.attr}"] = getattr(reads[node.value.id], node.attr)
    return found


def function_id(func: Any) -> str:
    return f"{func.__module__}:{func.__qualname__}:{source_hash(func)}"


def dependencies(functions: list[Any]) -> dict[str, dict[str, list[Any]]]:
    """function id -> {name: fingerprint} for every function compiled into a unit."""
    return {function_id(fn.py_func): {name: fingerprint(value) for name, value in
                                      {**fn.reads, **module_members(fn.py_func, fn.reads)}
                                      .items()} for fn in functions}


def still_valid(func: Any, deps: dict[str, dict[str, list[Any]]]) -> bool:
    """Walk from the root through the recorded reads; every fingerprint must still match."""
    stack, seen = [func], set()
    while stack:
        current = stack.pop()
        key = function_id(current)
        if key in seen:
            continue
        seen.add(key)
        reads = deps.get(key)
        if reads is None:
            return False
        for name, recorded in reads.items():
            try:
                value = resolve(current, name)
            except KeyError:
                return False
            if fingerprint(value) != recorded:
                return False
            callee = getattr(value, "py_func", value)
            if recorded[0] == "function" and function_id(callee) in deps:
                stack.append(callee)         # compiled too (not kiln.prange, say): walk on
    return True


# ---- where entries live ------------------------------------------------------------------
def user_cache_root() -> Path:
    if config.CACHE_DIR:
        return Path(config.CACHE_DIR)
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.path.join(os.environ.get("LOCALAPPDATA", ""), "kiln") if sys.platform == "win32"
        else os.path.expanduser("~/Library/Caches" if sys.platform == "darwin" else "~/.cache"))
    return Path(base) / "kiln"


def candidate_dirs(func: Any) -> list[Path]:
    """Beside the source file first (like __pycache__), else the user's cache directory."""
    if config.CACHE_DIR:
        return [Path(config.CACHE_DIR)]
    dirs = []
    source = inspect.getsourcefile(func)
    if source and os.path.exists(source) and not source.startswith("<"):
        dirs.append(Path(source).parent / "__pycache__" / "kiln")
    dirs.append(user_cache_root() / "entries")
    return dirs


def is_private(path: Path) -> bool:
    """Owned by this user and writable by nobody else."""
    try:
        info = path.stat()
    except OSError:
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    return not info.st_mode & 0o022


def ensure_dir(path: Path) -> bool:
    """Create a private directory (0700) if missing; True if it is safe to use."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return False
    if not is_private(path):
        warnings.warn(f"kiln cache directory {path} is writable by other users or not owned "
                      "by you; it is not used", CacheWarning, stacklevel=4)
        return False
    return os.access(path, os.W_OK | os.R_OK | os.X_OK)


def secret_key() -> bytes | None:
    """This user's HMAC key, created on first use (0600 in a 0700 directory)."""
    root = user_cache_root()
    if not ensure_dir(root):
        return None
    path = root / "key"
    try:
        if not path.exists():
            create_key(path)
        if not is_private(path) or path.stat().st_mode & 0o077:
            warnings.warn(f"kiln cache key {path} is readable or writable by other users; "
                          "the cache is not used", CacheWarning, stacklevel=4)
            return None
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == 32 else None


def create_key(path: Path) -> None:
    """Write a whole key beside `path`, then link it into place: a process that loses the
    race to create it reads the winner's complete key, never a partly written file."""
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-key-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(os.urandom(32))
        os.link(temp, path)
    except FileExistsError:
        pass
    finally:
        os.unlink(temp)


@functools.lru_cache(maxsize=None)
def kiln_build() -> str:
    """kiln's version and where its source files are, their sizes and modification times
    (Python's own test for a stale .pyc): code compiled by another kiln is never reused."""
    digest = hashlib.sha256()
    for path, info in sorted(_source_files(os.path.dirname(__file__))):
        digest.update(f"{path} {info.st_size} {info.st_mtime_ns}\n".encode())
    return f"{__version__}+{digest.hexdigest()[:16]}"


def _source_files(directory: str) -> Iterator[tuple[str, os.stat_result]]:
    for item in os.scandir(directory):
        if item.is_dir():
            yield from _source_files(item.path)
        elif item.name.endswith(".py") and item.is_file():
            yield item.path, item.stat()


@functools.lru_cache(maxsize=None)
def numpy_build() -> str:
    """Which NumPy is installed (its version file's digest), found without importing it:
    compiled code follows that NumPy's rules and calls its loops (lib/numpy_loops.py)."""
    spec = importlib.util.find_spec("numpy")
    if spec is None or not spec.origin:
        return "none"
    try:
        return hashlib.sha256(Path(spec.origin).with_name("version.py").read_bytes()).hexdigest()
    except OSError:
        return "unknown"


@functools.lru_cache(maxsize=None)
def environment() -> dict[str, str]:
    from . import llvm
    return {"kiln": kiln_build(), "python": sys.version, "implementation":
            sys.implementation.cache_tag or "", "opt": str(config.OPT),
            "numpy": numpy_build(), **llvm.host()}


def code_options(options: dict[str, Any]) -> dict[str, str]:
    """The options that change machine code (caching itself does not)."""
    return {k: repr(v) for k, v in sorted(options.items()) if k != "cache"}


def entry_name(func: Any, arg_types: tuple[Type, ...], env: dict[str, str],
               options: dict[str, Any]) -> str:
    key = json.dumps([function_id(func), [str(t) for t in arg_types], env,
                      code_options(options)], sort_keys=True)
    digest = hashlib.sha256(key.encode()).hexdigest()[:24]
    safe = "".join(c if c.isalnum() or c in "_." else "_" for c in func.__qualname__)
    return f"{safe}-{digest}{SUFFIX}"


# ---- reading and writing -----------------------------------------------------------------
def encode(meta: dict[str, Any], code: bytes, key: bytes) -> bytes:
    meta_bytes = json.dumps(meta, sort_keys=True).encode()
    body = MAGIC + bytes([VERSION]) + struct.pack("<I", len(meta_bytes)) + meta_bytes + \
        struct.pack("<Q", len(code)) + code
    return body + hmac.new(key, body, hashlib.sha256).digest()


def decode(data: bytes, key: bytes) -> tuple[dict[str, Any], bytes]:
    """Metadata and object code; ValueError for anything truncated, foreign or altered."""
    if len(data) < len(MAGIC) + 1 + 4 + 8 + 32 or not data.startswith(MAGIC):
        raise ValueError("not a kiln cache entry")
    if data[len(MAGIC)] != VERSION:
        raise ValueError(f"cache format version {data[len(MAGIC)]}, expected {VERSION}")
    body, mac = data[:-32], data[-32:]
    if not hmac.compare_digest(mac, hmac.new(key, body, hashlib.sha256).digest()):
        raise ValueError("digest mismatch (altered, truncated or written by another user)")
    offset = len(MAGIC) + 1
    (meta_len,) = struct.unpack_from("<I", body, offset)
    offset += 4
    meta = json.loads(body[offset:offset + meta_len])
    offset += meta_len
    (code_len,) = struct.unpack_from("<Q", body, offset)
    offset += 8
    code = body[offset:offset + code_len]
    if len(code) != code_len or offset + code_len != len(body):
        raise ValueError("truncated entry")
    return meta, code


def load(func: Any, arg_types: tuple[Type, ...], options: dict[str, Any]) -> Any | None:
    """A Build from the cache, or None (missing, stale, unsafe or corrupt: then recompile)."""
    from .pipeline import Build
    key = secret_key()
    if key is None:
        return None
    env = environment()
    try:
        name = entry_name(func, arg_types, env, options)
    except (OSError, TypeError):     # no source (exec without linecache): the compiler says so
        return None
    for directory in candidate_dirs(func):
        path = directory / name
        if not path.exists():
            continue
        if not is_private(directory) or not is_private(path):
            warnings.warn(f"kiln cache entry {path} is writable by other users or not owned by "
                          "you; ignoring it and recompiling", CacheWarning, stacklevel=3)
            continue
        try:
            meta, code = decode(path.read_bytes(), key)
            if meta.get("environment") != env:
                continue
            if not still_valid(func, meta["dependencies"]):
                continue
            build = Build(meta["name"], tuple(parse_type(t) for t in meta["arg_types"]),
                          parse_type(meta["return_type"]), meta["wrapper_symbol"], code)
        except (ValueError, KeyError, TypeError, OSError) as exc:
            warnings.warn(f"kiln cache entry {path} is unusable ({exc}); recompiling",
                          CacheWarning, stacklevel=3)
            continue
        try:
            os.utime(path)                          # least-recently-used bookkeeping
        except OSError:
            pass
        return build
    return None


def store(func: Any, build: Any, options: dict[str, Any]) -> Path | None:
    """Write an entry atomically to the first usable directory; None if none is writable."""
    key = secret_key()
    if key is None:
        return None
    env = environment()
    meta = {"name": build.name, "arg_types": [str(t) for t in build.arg_types],
            "return_type": str(build.return_type), "wrapper_symbol": build.wrapper_symbol,
            "environment": env, "dependencies": dependencies(build.functions),
            "function": f"{func.__module__}:{func.__qualname__}"}
    data = encode(meta, build.object_code, key)
    for directory in candidate_dirs(func):
        if not ensure_dir(directory):
            continue
        try:
            fd, temp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=SUFFIX)
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(temp, directory / entry_name(func, build.arg_types, env, options))
        except OSError:
            try:
                os.unlink(temp)
            except (OSError, UnboundLocalError):
                pass
            continue
        keep_within_limit(directory, len(data), config.CACHE_SIZE)
        return directory
    return None


# ---- housekeeping (also `kiln cache info` / `kiln cache clear`) --------------------------
def entries(directory: Path) -> list[Path]:
    try:
        return sorted(p for p in directory.iterdir() if p.suffix == SUFFIX and
                      not p.name.startswith(".tmp-"))
    except OSError:
        return []


_held: dict[Path, int] = {}   # directory -> bytes at this process's last look, plus its stores


def keep_within_limit(directory: Path, stored: int, limit: int) -> None:
    """After a store of `stored` bytes: trim the directory, but look at it (one stat per entry:
    a quarter of a second at 19,000 entries) only once per process, or again when what this
    process stored since could have taken it past `limit`. Another process's stores are
    counted when that process trims, so the limit is approximate, as for any shared cache."""
    held = _held.get(directory)
    if held is not None and held + stored <= limit:
        _held[directory] = held + stored
        return
    _held[directory] = trim(directory, limit)


def trim(directory: Path, limit: int) -> int:
    """Delete least-recently-used entries until the directory holds at most `limit` bytes;
    the bytes it holds then."""
    found = []
    for path in entries(directory):
        try:
            info = path.stat()
        except OSError:
            continue
        found.append((info.st_mtime, info.st_size, path))
    total = sum(size for _, size, _ in found)
    for _, size, path in sorted(found):
        if total <= limit:
            break
        try:
            path.unlink()
            total -= size
        except OSError:
            pass
    return total


def directories(paths: list[Path]) -> list[Path]:
    """The user's cache directory plus every __pycache__/kiln under `paths`."""
    found = [Path(config.CACHE_DIR) if config.CACHE_DIR else user_cache_root() / "entries"]
    for base in paths:
        found += sorted(base.rglob("__pycache__/kiln"))
    return [d for d in dict.fromkeys(found) if d.is_dir()]


def clear(paths: list[Path]) -> int:
    removed = 0
    for directory in directories(paths):
        for path in entries(directory):
            try:
                path.unlink()
                removed += 1
            except OSError:
                pass
    return removed
