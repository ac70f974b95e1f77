"""The on-disk machine-code cache, tested with real processes and real files.

Every test gets a `Project`: a source directory and a private XDG_CACHE_HOME under tmp_path (so
nothing touches ~/.cache), and runs fresh interpreters in it with KILN_DEBUG=1, which prints the
typed IR exactly when the compiler runs. So `run.compiled == []` proves every function came from
the cache, and `run.compiled == ["f"]` that f, and only f, was compiled.

    project.write("m.py", source)
    first = project.run("import m; print(m.f(2))")      # compiles f, writes its entry
    second = project.run("import m; print(m.f(2))")     # loads it: second.compiled == []

The tests run as root here, so ownership checks by uid cannot be exercised, and a read-only
directory is still writable; permission bits (0o777 directories, 0o666 entries) are.
"""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import kiln
from kiln import cache, cli, config
from kiln.bench import Options
from kiln.bench import run as run_bench

ROOT = Path(__file__).resolve().parents[1]
DEBUG_HEADER = re.compile(r"---- kiln debug 1 ----\nfn (\w+)\(")
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

ARITH = """
import kiln

SCALE = 3


@kiln.jit
def f(x):
    return x * SCALE + 1


@kiln.jit
def g(x):
    return x - 1.5
"""


@dataclass
class Run:
    """What one fresh interpreter printed, and which functions its compiler compiled."""

    stdout: str
    stderr: str
    compiled: list[str] = field(default_factory=list)

    @property
    def cache_warnings(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if "CacheWarning" in line]


class Project:
    """A source directory plus a private user cache directory, and fresh interpreters in them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.src = root / "src"
        self.src.mkdir()
        self.xdg = root / "xdg"
        self.env = {key: value for key, value in os.environ.items()
                    if not key.startswith(("KILN_", "PYTHONWARNINGS"))}
        self.env.update(PYTHONPATH=os.pathsep.join([str(self.src), str(ROOT)]),
                        XDG_CACHE_HOME=str(self.xdg), HOME=str(root / "home"),
                        PYTHONDONTWRITEBYTECODE="1", KILN_DEBUG="1")

    @property
    def entries_dir(self) -> Path:
        """Where entries of functions in src/ go: beside the source, like __pycache__."""
        return self.src / "__pycache__" / "kiln"

    @property
    def user_entries(self) -> Path:
        return self.xdg / "kiln" / "entries"

    def write(self, name: str, text: str) -> Path:
        path = self.src / name
        path.write_text(textwrap.dedent(text))
        return path

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.src / name
        text = path.read_text()
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new))

    def popen(self, code: str, **env: str) -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-c", code], cwd=self.src, text=True,
                                env={**self.env, **env}, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)

    def run(self, code: str, expect_ok: bool = True, **env: str) -> Run:
        done = subprocess.run([sys.executable, "-c", code], cwd=self.src, text=True,
                              env={**self.env, **env}, capture_output=True, timeout=120,
                              check=False)
        if expect_ok:
            assert done.returncode == 0, done.stderr
        return Run(done.stdout.strip(), done.stderr, DEBUG_HEADER.findall(done.stderr))

    def entry(self, qualname: str, directory: Path | None = None) -> Path:
        """The one entry of `qualname` in `directory`."""
        found = [p for p in cache.entries(directory or self.entries_dir)
                 if p.name.startswith(qualname + "-")]
        assert len(found) == 1, found
        return found[0]

    def files(self) -> list[Path]:
        """Every file kiln may have written: entries, temporary files and the key."""
        places = [self.entries_dir, self.xdg]
        return sorted(p for place in places if place.exists() for p in place.rglob("*")
                      if p.is_file())


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


CALL_FG = "import m; print(m.f(2), m.g(2.0))"


# ---- loading instead of compiling -----------------------------------------------------------
def test_second_process_loads_from_cache(project: Project) -> None:
    project.write("m.py", ARITH)
    first = project.run(CALL_FG)
    assert first.stdout == "7 0.5" and sorted(first.compiled) == ["f", "g"]
    second = project.run(CALL_FG)
    assert second.stdout == "7 0.5" and second.compiled == [] and not second.cache_warnings
    # entries beside the source, private; the HMAC key in the user's cache directory
    assert project.entries_dir.stat().st_mode & 0o777 == 0o700
    for name in ("f", "g"):
        assert project.entry(name).stat().st_mode & 0o777 == 0o600
    key = project.xdg / "kiln" / "key"
    assert key.stat().st_mode & 0o777 == 0o600 and len(key.read_bytes()) == 32


def test_loaded_code_never_runs_the_pipeline(project: Project) -> None:
    """Beyond KILN_DEBUG's silence: compile_function itself is never called."""
    project.write("m.py", ARITH)
    project.run(CALL_FG)
    code = ("import kiln.pipeline as p\n"
            "def refuse(*args): raise SystemExit('the compiler ran')\n"
            "p.compile_function = refuse\n" + CALL_FG.replace("; ", "\n"))
    assert project.run(code).stdout == "7 0.5"


def test_parallel_functions_load_from_cache(project: Project) -> None:
    """A prange loop's outlined body is part of its function's entry, and `kiln.prange`,
    which is kiln's own function rather than compiled code, does not make the entry stale."""
    project.write("p.py", """
        import kiln

        @kiln.jit(parallel=True)
        def total(n):
            s = 0
            for i in kiln.prange(n):
                s += i
            return s
        """)
    call = "import p; print(p.total(1000))"
    assert project.run(call).compiled == ["total"]
    again = project.run(call)
    assert again.stdout == "499500" and again.compiled == [] and not again.cache_warnings


def test_new_argument_types_get_their_own_entry(project: Project) -> None:
    project.write("m.py", ARITH)
    project.run("import m; print(m.f(2))")
    both = project.run("import m; print(m.f(2), m.f(2.5))")
    assert both.stdout == "7 8.5" and both.compiled == ["f"]
    assert project.run("import m; print(m.f(2), m.f(2.5))").compiled == []


def test_functions_of_one_name_in_two_modules(project: Project) -> None:
    """Each entry was compiled in its own process; loaded together, neither shadows the
    other (their machine-code symbols must differ across processes, not only within one)."""
    for name, step in (("one", 1), ("two", 1000)):
        project.write(f"{name}.py", f"import kiln\n\n@kiln.jit\ndef h(x):\n    return x + {step}\n")
        assert project.run(f"import {name}; print({name}.h(1))").compiled == ["h"]
    both = project.run("import one, two; print(one.h(1), two.h(1))")
    assert both.stdout == "2 1001" and both.compiled == []


def test_script_functions_in_main_are_cached(project: Project) -> None:
    script = project.write("script.py", """
        import kiln

        @kiln.jit
        def area(r):
            return 3.0 * r * r

        print(area(2.0))
    """)
    runs = [project.run(f"import runpy; runpy.run_path({str(script)!r}, run_name='__main__')")
            for _ in range(2)]
    assert [r.stdout for r in runs] == ["12.0", "12.0"]
    assert runs[0].compiled == ["area"] and runs[1].compiled == []
    assert project.entry("area")


NOTEBOOK = """
import linecache, sys
cell = "import kiln\\nC = %s\\n\\n@kiln.jit\\ndef scaled(x):\\n    return x * C\\n" % sys.argv[1]
name = "<ipython-input-7-0123456789ab>"
linecache.cache[name] = (len(cell), None, cell.splitlines(True), name)   # what IPython does
namespace = {"__name__": "__main__"}
exec(compile(cell, name, "exec"), namespace)
print(namespace["scaled"](3))
"""


def test_exec_source_with_linecache_is_cached_by_its_text(project: Project) -> None:
    """Notebook cells have no file: entries go to the user's cache directory."""
    runs = [project.run(NOTEBOOK.replace("sys.argv[1]", repr(c))) for c in ("2", "2", "5")]
    assert [r.stdout for r in runs] == ["6", "6", "15"]
    assert [r.compiled for r in runs] == [["scaled"], [], ["scaled"]]
    assert not project.entries_dir.exists()
    assert len(cache.entries(project.user_entries)) == 1   # same source and types: replaced


def test_exec_without_source_is_a_compile_error(project: Project) -> None:
    code = ("import kiln\nns = {'kiln': kiln}\n"
            "exec('@kiln.jit\\ndef h(x):\\n    return x\\n', ns)\nns['h'](1)")
    done = project.run(code, expect_ok=False)
    assert "kiln.errors.CompileError: cannot read the source of h" in done.stderr


# ---- what invalidates an entry --------------------------------------------------------------
CALLER = """
import kiln
import helpers
from helpers import offset, plain


@kiln.jit
def by_name(x):
    return offset(x)


@kiln.jit
def by_attribute(x):
    return helpers.offset(x) + helpers.BIAS


@kiln.jit
def undecorated_callee(x):
    return plain(x)
"""
HELPERS = """
import kiln

BIAS = 10


@kiln.jit
def offset(x):
    return x + 1


def plain(x):
    return 2 * x
"""
CALL_CALLERS = "import a; print(a.by_name(1), a.by_attribute(1), a.undecorated_callee(1))"


def test_editing_a_callee_in_another_module_invalidates_its_callers(project: Project) -> None:
    project.write("a.py", CALLER)
    project.write("helpers.py", HELPERS)
    assert project.run(CALL_CALLERS).stdout == "2 12 2"
    assert project.run(CALL_CALLERS).compiled == []
    project.edit("helpers.py", "return x + 1", "return x + 100")
    edited = project.run(CALL_CALLERS)
    assert edited.stdout == "101 111 2"
    assert sorted(edited.compiled) == ["by_attribute", "by_name"]
    project.edit("helpers.py", "BIAS = 10", "BIAS = 20")
    project.edit("helpers.py", "2 * x", "3 * x")
    edited = project.run(CALL_CALLERS)
    assert edited.stdout == "101 121 3"
    assert sorted(edited.compiled) == ["by_attribute", "undecorated_callee"]
    assert project.run(CALL_CALLERS).compiled == []


def test_editing_one_function_leaves_the_others_entries_valid(project: Project) -> None:
    project.write("m.py", ARITH)
    project.run(CALL_FG)
    g_entry = project.entry("g")
    g_bytes = g_entry.read_bytes()
    # a longer f moves g down the file: g's source, and so its entry, are unchanged
    project.edit("m.py", "return x * SCALE + 1", "y = x * SCALE\n    return y + 2")
    edited = project.run(CALL_FG)
    assert edited.stdout == "8 0.5" and edited.compiled == ["f"]
    assert g_entry.read_bytes() == g_bytes
    assert project.run(CALL_FG).compiled == []


def test_a_changed_module_constant_recompiles(project: Project) -> None:
    project.write("m.py", ARITH)
    assert project.run(CALL_FG).stdout == "7 0.5"
    project.edit("m.py", "SCALE = 3", "SCALE = 4")
    changed = project.run(CALL_FG)
    assert changed.stdout == "9 0.5" and changed.compiled == ["f"]


def test_closure_constants_are_part_of_the_key(project: Project) -> None:
    project.write("m.py", """
        import kiln

        def make(k):
            @kiln.jit
            def times(x):
                return x * k
            return times
    """)
    runs = [project.run(f"import m; print(m.make({k})(5))") for k in (2, 2, 3)]
    assert [r.stdout for r in runs] == ["10", "10", "15"]
    assert [r.compiled for r in runs] == [["times"], [], ["times"]]


def test_another_optimisation_level_is_another_entry(project: Project) -> None:
    project.write("m.py", ARITH)
    project.run(CALL_FG)
    assert sorted(project.run(CALL_FG, KILN_OPT="0").compiled) == ["f", "g"]
    assert project.run(CALL_FG).compiled == []
    assert project.run(CALL_FG, KILN_OPT="0").compiled == []


FAKE_CPU = """
import kiln.llvm
real_host = kiln.llvm.host
kiln.llvm.host = lambda: {**real_host(), "cpu": "other-cpu", "features": "+fake-feature"}
"""


def test_an_entry_from_another_cpu_is_not_used(project: Project) -> None:
    """A cache copied from a machine whose CPU differs: simulated by faking llvm.host()."""
    project.write("m.py", ARITH)
    other = project.run(FAKE_CPU + CALL_FG.replace("; ", "\n"))
    assert sorted(other.compiled) == ["f", "g"]
    here = project.run(CALL_FG)
    assert here.stdout == "7 0.5" and sorted(here.compiled) == ["f", "g"]
    assert project.run(FAKE_CPU + CALL_FG.replace("; ", "\n")).compiled == []
    assert len(cache.entries(project.entries_dir)) == 4


# ---- switching it off -----------------------------------------------------------------------
def test_cache_false_writes_nothing(project: Project) -> None:
    project.write("m.py", ARITH.replace("@kiln.jit", "@kiln.jit(cache=False)"))
    for _ in range(2):
        run = project.run(CALL_FG)
        assert run.stdout == "7 0.5" and sorted(run.compiled) == ["f", "g"]
    assert project.files() == []


def test_kiln_cache_0_writes_nothing(project: Project) -> None:
    project.write("m.py", ARITH)
    for _ in range(2):
        run = project.run(CALL_FG, KILN_CACHE="0")
        assert run.stdout == "7 0.5" and sorted(run.compiled) == ["f", "g"]
    assert project.files() == []


def test_kiln_cache_dir_moves_every_entry(project: Project) -> None:
    project.write("m.py", ARITH)
    elsewhere = project.root / "elsewhere"
    project.run(CALL_FG, KILN_CACHE_DIR=str(elsewhere))
    assert project.run(CALL_FG, KILN_CACHE_DIR=str(elsewhere)).compiled == []
    assert len(cache.entries(elsewhere)) == 2 and elsewhere.stat().st_mode & 0o777 == 0o700
    assert project.files() == []


# ---- robustness -----------------------------------------------------------------------------
MANY = "import kiln\n" + "".join(
    f"\n\n@kiln.jit\ndef f{i}(x):\n    total = 0\n    for k in range(x):\n"
    f"        total += k * {i + 1}\n    return total\n" for i in range(6))
CALL_MANY = ("import time, kiln, many\n"
             "while time.time() < {start}: pass\n"
             "print(*(getattr(many, f'f{{i}}')(10) for i in range(6)))")
EXPECTED_MANY = " ".join(str(45 * (i + 1)) for i in range(6))


def test_concurrent_processes_compile_the_same_functions(project: Project) -> None:
    """Four processes released together, twice over an empty cache (the key too), then once
    over a full one: every result right, no warning, no torn or temporary file left."""
    project.write("many.py", MANY)
    for _ in range(2):
        start = time.time() + 1.0
        procs = [project.popen(CALL_MANY.format(start=start)) for _ in range(4)]
        outputs = [proc.communicate(timeout=120) for proc in procs]
        for proc, (stdout, stderr) in zip(procs, outputs):
            assert proc.returncode == 0, stderr
            assert stdout.strip() == EXPECTED_MANY
            assert "Warning" not in stderr and "Traceback" not in stderr
        assert len(cache.entries(project.entries_dir)) == 6
        for entry in cache.entries(project.entries_dir):
            entry.unlink()
    project.run(CALL_MANY.format(start=0))
    later = project.run(CALL_MANY.format(start=0))
    assert later.stdout == EXPECTED_MANY and later.compiled == [] and not later.cache_warnings
    assert not [p for p in project.files() if p.name.startswith(".tmp-")]


def _truncate(data: bytes) -> bytes:
    return data[:len(data) // 2]


def _garbage(data: bytes) -> bytes:
    return os.urandom(len(data))


def _flip_code_byte(data: bytes) -> bytes:
    """Tampering: one byte of the object code changed, the digest left as it was."""
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1:]


def _next_version(data: bytes) -> bytes:
    at = len(cache.MAGIC)
    return data[:at] + bytes([data[at] + 1]) + data[at + 1:]


def _other_users_key(data: bytes) -> bytes:
    """A well-formed entry signed with another key (another user's, or an attacker's)."""
    meta, code = cache.decode(data, (Path(os.environ["KILN_TEST_XDG"]) / "key").read_bytes())
    return cache.encode(meta, code, os.urandom(32))


@pytest.mark.parametrize("damage, reason", [
    (_truncate, "digest mismatch"), (lambda data: b"", "not a kiln cache entry"),
    (_garbage, "not a kiln cache entry"), (_flip_code_byte, "digest mismatch"),
    (_next_version, "cache format version"), (_other_users_key, "digest mismatch"),
], ids=["truncated", "empty", "garbage", "tampered", "future-version", "other-key"])
def test_a_damaged_entry_is_recompiled_with_a_warning(project: Project, damage, reason,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KILN_TEST_XDG", str(project.xdg / "kiln"))
    project.write("m.py", ARITH)
    project.run(CALL_FG)
    entry = project.entry("f")
    entry.write_bytes(damage(entry.read_bytes()))
    damaged = project.run(CALL_FG)
    assert damaged.stdout == "7 0.5" and damaged.compiled == ["f"]
    assert len(damaged.cache_warnings) == 1 and reason in damaged.cache_warnings[0]
    assert str(entry) in damaged.cache_warnings[0]
    healed = project.run(CALL_FG)                     # the recompiled entry replaced it
    assert healed.compiled == [] and not healed.cache_warnings


def test_a_world_writable_cache_directory_is_not_read(project: Project) -> None:
    project.write("m.py", ARITH)
    project.run(CALL_FG)
    project.entries_dir.chmod(0o777)
    shared = project.run(CALL_FG)
    assert shared.stdout == "7 0.5" and sorted(shared.compiled) == ["f", "g"]
    assert any("writable by other users" in w for w in shared.cache_warnings)
    # nothing is written there either: the new entries went to the private user directory
    assert len(cache.entries(project.user_entries)) == 2


def test_a_world_writable_kiln_cache_dir_is_not_used(project: Project) -> None:
    project.write("m.py", ARITH)
    shared = project.root / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)
    for _ in range(2):
        run = project.run(CALL_FG, KILN_CACHE_DIR=str(shared))
        assert run.stdout == "7 0.5" and sorted(run.compiled) == ["f", "g"]
        assert any("writable by other users" in w for w in run.cache_warnings)
    assert list(shared.iterdir()) == []


def test_an_entry_others_can_write_is_not_loaded(project: Project) -> None:
    project.write("m.py", ARITH)
    project.run(CALL_FG)
    project.entry("f").chmod(0o666)
    run = project.run(CALL_FG)
    assert run.stdout == "7 0.5" and run.compiled == ["f"]
    assert len(run.cache_warnings) == 1 and "writable by other users" in run.cache_warnings[0]


def test_a_key_others_can_read_disables_the_cache(project: Project) -> None:
    project.write("m.py", ARITH)
    project.run(CALL_FG)
    (project.xdg / "kiln" / "key").chmod(0o644)
    run = project.run(CALL_FG)
    assert run.stdout == "7 0.5" and sorted(run.compiled) == ["f", "g"]
    assert any("key" in w and "other users" in w for w in run.cache_warnings)


def test_unwritable_places_fall_back_to_compiling_in_memory(project: Project) -> None:
    """A file where __pycache__ should be: entries go to the user's directory instead; and
    when that cannot be created either, every process compiles in memory, silently."""
    project.write("m.py", ARITH)
    (project.src / "__pycache__").write_text("not a directory")
    project.run(CALL_FG)
    assert project.run(CALL_FG).compiled == []
    assert len(cache.entries(project.user_entries)) == 2
    blocked = project.root / "blocked"
    blocked.write_text("not a directory")
    for _ in range(2):
        run = project.run(CALL_FG, XDG_CACHE_HOME=str(blocked))
        assert run.stdout == "7 0.5" and sorted(run.compiled) == ["f", "g"]
        assert not run.cache_warnings


def test_read_only_directories_still_give_correct_results(project: Project) -> None:
    project.write("m.py", ARITH)
    project.run(CALL_FG)                              # the key and the entries exist
    for entry in cache.entries(project.entries_dir):
        entry.unlink()
    for directory in (project.entries_dir, project.xdg / "kiln"):
        directory.chmod(0o500)
    try:
        for _ in range(2):
            run = project.run(CALL_FG)
            assert run.stdout == "7 0.5" and not run.cache_warnings
            if not IS_ROOT:                           # root writes to read-only directories
                assert sorted(run.compiled) == ["f", "g"]
        if not IS_ROOT:
            assert cache.entries(project.entries_dir) == []
    finally:
        for directory in (project.entries_dir, project.xdg / "kiln"):
            directory.chmod(0o700)


def test_a_full_disk_compiles_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """In this process: the key exists, but writing an entry fails with ENOSPC."""
    monkeypatch.setattr(config, "CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(config, "CACHE", True)
    assert cache.secret_key() is not None

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(cache.tempfile, "mkstemp", full)

    def cube_plus(x):
        return x * x * x + 7

    assert kiln.jit(cube_plus)(3) == 34
    assert cache.entries(tmp_path) == []


# ---- size bound -----------------------------------------------------------------------------
def test_trim_removes_least_recently_used_entries_first(tmp_path: Path) -> None:
    for age, name in enumerate(["newest", "middle", "oldest"]):
        path = tmp_path / f"{name}{cache.SUFFIX}"
        path.write_bytes(b"x" * 100)
        os.utime(path, (1_000_000 - age * 100, 1_000_000 - age * 100))
    (tmp_path / "key").write_bytes(b"k" * 32)        # not an entry: never trimmed
    cache.trim(tmp_path, 250)
    assert [p.stem for p in cache.entries(tmp_path)] == ["middle", "newest"]
    cache.trim(tmp_path, 0)
    assert cache.entries(tmp_path) == [] and (tmp_path / "key").exists()


def test_a_process_looks_at_a_directory_again_only_when_it_could_be_full(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    looks = []
    trim = cache.trim
    monkeypatch.setattr(cache, "trim", lambda d, limit: looks.append(d) or trim(d, limit))
    monkeypatch.setattr(cache, "_held", {})
    for k in range(5):
        path = tmp_path / f"e{k}{cache.SUFFIX}"
        path.write_bytes(b"x" * 100)
        os.utime(path, (1_000_000 + k, 1_000_000 + k))
        cache.keep_within_limit(tmp_path, 100, 350)
    assert len(looks) == 3          # the first store, then each that could pass 350 bytes
    assert [p.stem for p in cache.entries(tmp_path)] == ["e2", "e3", "e4"]


def test_a_tiny_cache_size_keeps_the_recently_used_entries(project: Project) -> None:
    project.write("many.py", MANY)
    project.run("import many; many.f0(3)")
    size = project.entry("f0").stat().st_size
    bound = str(int(size * 2.5))                      # room for two entries of this size
    project.run("import many; many.f1(3)", KILN_CACHE_SIZE=bound)
    time.sleep(0.05)
    reuse = project.run("import many; many.f0(3)", KILN_CACHE_SIZE=bound)   # refreshes f0
    assert reuse.compiled == []
    time.sleep(0.05)
    project.run("import many; many.f2(3)", KILN_CACHE_SIZE=bound)
    kept = sorted(p.name.split("-")[0] for p in cache.entries(project.entries_dir))
    assert kept == ["f0", "f2"]                       # f1 was the least recently used


# ---- kiln cache info / clear ----------------------------------------------------------------
def _fake_entries(directory: Path, count: int, size: int) -> None:
    directory.mkdir(parents=True, mode=0o700)
    for i in range(count):
        (directory / f"fn{i}-0123{cache.SUFFIX}").write_bytes(b"\0" * size)


def test_cli_cache_info_and_clear(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(config, "CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    project = tmp_path / "proj"
    _fake_entries(project / "__pycache__" / "kiln", 2, 100)
    _fake_entries(project / "pkg" / "__pycache__" / "kiln", 1, 50)
    _fake_entries(tmp_path / "xdg" / "kiln" / "entries", 3, 10)
    (project / "__pycache__" / "kiln" / ".tmp-partial.kc").write_bytes(b"\0" * 999)

    assert cli.main(["cache", "info", "--plain", str(project)]) == 0
    out = capsys.readouterr().out
    assert str(tmp_path / "xdg" / "kiln") in out
    rows = {line.split()[0]: line.split()[1:] for line in out.splitlines() if "/" in line}
    assert rows[str(project / "__pycache__" / "kiln")] == ["2", "200"]
    assert rows[str(project / "pkg" / "__pycache__" / "kiln")] == ["1", "50"]
    assert rows[str(tmp_path / "xdg" / "kiln" / "entries")] == ["3", "30"]
    assert "total: 6 entries, 280 bytes in 3 directories" in out

    assert cli.main(["cache", "clear", str(project)]) == 0
    assert "removed 6 entries from 3 directories" in capsys.readouterr().out
    assert cli.main(["cache", "info", "--plain", str(project)]) == 0
    assert "total: 0 entries, 0 bytes" in capsys.readouterr().out


def test_cli_cache_info_shows_kiln_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(config, "CACHE_DIR", str(tmp_path / "moved"))
    _fake_entries(tmp_path / "moved", 2, 7)
    assert cli.main(["cache", "info", "--plain", str(tmp_path / "nowhere")]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path / 'moved'}  " in out and "total: 2 entries, 14 bytes" in out


def test_kiln_cache_command_on_a_real_cache(project: Project) -> None:
    project.write("m.py", ARITH)
    project.run(CALL_FG)
    env = {**project.env, "COLUMNS": "200"}
    info = subprocess.run([sys.executable, "-m", "kiln", "cache", "info"], cwd=project.src,
                          env=env, capture_output=True, text=True, check=True).stdout
    assert str(project.entries_dir) in info and "total: 2 entries" in info
    subprocess.run([sys.executable, "-m", "kiln", "cache", "clear"], cwd=project.src, env=env,
                   check=True, capture_output=True)
    assert cache.entries(project.entries_dir) == []
    assert sorted(project.run(CALL_FG).compiled) == ["f", "g"]
    help_text = subprocess.run([sys.executable, "-m", "kiln", "cache"], env=env,
                               capture_output=True, text=True, check=False)
    assert help_text.returncode == 2 and "info" in help_text.stdout


# ---- the benchmark section ------------------------------------------------------------------
def test_bench_cache_section_loads_when_warm(tmp_path: Path) -> None:
    """`kiln bench --sections cache`: every probe right, and the warm kiln run compiled nothing
    (the section checks that itself under KILN_DEBUG=1 and would say "recompiled")."""
    out = tmp_path / "bench.json"
    status = run_bench(Options(size="small", repeat=1, impls=("kiln",), sections=("cache",),
                               json_path=out, plain=True))
    raw = json.loads(out.read_text())["cache"]
    assert status == 0
    for label in ('python -c "import numpy"', "kiln cold", "kiln warm"):
        assert raw[label]["status"] == "ok" and len(raw[label]["times"]) == 1, raw[label]
