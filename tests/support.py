"""Shared machinery of the differential tests: outcomes, the comparison, module loading, and two
CPython-side checks of the corpus (the int64 probe and the type recorder).

An *outcome* is what a call produced: its return value, or `Raised(type, message)` if it raised.
`assert_same_result(expected, actual)` is the one comparison every differential test uses:

    assert_same_result(1.5, 1.5)                       ok
    assert_same_result(1, True)                        fails: int vs bool (types must be identical)
    assert_same_result(0.0, -0.0)                      fails: the sign of zero counts
    assert_same_result(math.nan, math.nan)             ok: NaN equals NaN (whatever its sign bit)
    assert_same_result((1, 2.0), (1, 2.0))             ok: tuples compare element by element
    assert_same_result(Raised(ValueError, "a"), Raised(ValueError, "b"))   ok: only the type counts
    assert_same_result(np.float64(1.0), 1.0)           fails: numpy.float64 vs float
    assert_same_result(np.uint8(4), np.uint8(4))       ok: NumPy scalars by exact type and value
    assert_same_result(np.zeros(2), np.zeros(2, np.float32))   fails: arrays by dtype, shape and
                                                       contents (NaN-aware, -0.0-aware), not layout

Case modules are loaded from their file under a private module name, as many independent copies as
needed (one plain, one whose functions are replaced by their jit versions, one probed for int64).
Module-level functions whose names start with `_` are input builders for the run lines: they are
never compiled, probed or type-recorded.

`KILN_ORACLE_SELF=1` makes `jit_decorator()` the identity, so the corpus and the harness can be
checked against CPython alone while the compiler is not there yet.
"""

from __future__ import annotations

import ast
import importlib.util
import math
import os
import struct
import sys
import traceback
import types
import warnings
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np

TESTS_DIR = Path(__file__).resolve().parent
ROOT_DIR = TESTS_DIR.parent

INT64_MIN = -(2**63)
INT64_MAX = 2**63 - 1

ORACLE_SELF = os.environ.get("KILN_ORACLE_SELF", "") not in ("", "0")

#: The array dtypes (and so the NumPy scalar types) of the subset.
NUMPY_DTYPES = tuple(
    np.dtype(name)
    for name in (
        "float64", "float32", "int64", "int32", "int16", "int8",
        "uint64", "uint32", "uint16", "uint8", "bool",
    )
)
NUMPY_SCALARS: tuple[type, ...] = tuple(dtype.type for dtype in NUMPY_DTYPES)


OUT_OF_BOUNDS_WARNING = "Out of bound index found"   # NumPy < 2.3's, see `quiet`


@contextmanager
def quiet() -> Iterator[None]:
    """NumPy's floating-point and integer-overflow warnings off (kiln raises no warnings).
    One warning becomes the error it now is: NumPy before 2.3 only warned (a
    DeprecationWarning) about an out-of-bounds index whose result is empty, where NumPy 2.3
    and later raise IndexError, as kiln does (see `outcome`)."""
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.filterwarnings("error", message=OUT_OF_BOUNDS_WARNING,
                                category=DeprecationWarning)
        yield



# ---------------------------------------------------------------------------------------------
# Outcomes and the comparison
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Raised:
    """A call that raised: the exception's exact class, its message, and where it was raised."""

    type: type[BaseException]
    message: str = ""
    where: str = ""

    def __str__(self) -> str:
        return f"raises {self.type.__name__}({self.message!r})"


def outcome(thunk: Callable[[], Any]) -> Any:
    """Call `thunk()` and return its value, or a `Raised` describing the exception it raised."""
    try:
        return thunk()
    except Exception as error:  # noqa: BLE001 -- every exception is an outcome to compare
        frames = traceback.extract_tb(error.__traceback__)
        where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else ""
        kind = type(error)
        if isinstance(error, DeprecationWarning) and OUT_OF_BOUNDS_WARNING in str(error):
            kind = IndexError       # NumPy < 2.3 (see `quiet`)
        return Raised(kind, str(error), where)


def describe(value: Any) -> str:
    """`repr` with the exact type spelled out, recursively, e.g. `(1: int, nan: float)`."""
    if isinstance(value, Raised):
        return str(value)
    if isinstance(value, tuple):
        inner = ", ".join(describe(item) for item in value)
        return f"({inner}{',' if len(value) == 1 else ''})"
    if isinstance(value, np.ndarray):
        text = np.array2string(value, separator=", ", threshold=64).replace("\n", "")
        return f"{text}: ndarray[{value.dtype}, shape={value.shape}]"
    return f"{value!r}: {type(value).__name__}"


def _float_bits(x: float) -> int:
    return struct.unpack("<q", struct.pack("<d", x))[0]


def ulps_apart(a: float, b: float) -> int:
    """Distance between two finite floats counted in representable steps (0 when equal)."""
    ia, ib = _float_bits(a), _float_bits(b)
    ia = ia if ia >= 0 else INT64_MIN - ia  # map to a monotonic integer line
    ib = ib if ib >= 0 else INT64_MIN - ib
    return abs(ia - ib)


def same_array(expected: np.ndarray, actual: np.ndarray, *, ulps: int = 0) -> bool:
    """Same dtype, shape and elements (the elements as `same_value` compares NumPy scalars);
    the memory layout does not count."""
    if expected.dtype != actual.dtype or expected.shape != actual.shape:
        return False
    if expected.dtype.kind != "f":
        return bool(np.array_equal(expected, actual))
    nan = np.isnan(expected)
    if not np.array_equal(nan, np.isnan(actual)):
        return False
    e, a = expected[~nan], actual[~nan]
    if bool(np.all((e == a) & (np.signbit(e) == np.signbit(a)))):
        return True
    return ulps > 0 and all(same_value(x, y, ulps=ulps) for x, y in zip(e, a))


def same_value(expected: Any, actual: Any, *, ulps: int = 0) -> bool:
    """Exact types, NaN == NaN, -0.0 != 0.0, tuples recursively; floats within `ulps` steps;
    NumPy scalars like Python's numbers; arrays by `same_array`."""
    if type(expected) is not type(actual):
        return False
    if isinstance(expected, tuple):
        return len(expected) == len(actual) and all(
            same_value(e, a, ulps=ulps) for e, a in zip(expected, actual)
        )
    if isinstance(expected, np.ndarray):
        return same_array(expected, actual, ulps=ulps)
    if isinstance(expected, (float, np.floating)):
        if math.isnan(expected) or math.isnan(actual):
            return math.isnan(expected) and math.isnan(actual)
        if expected == actual:
            return math.copysign(1.0, expected) == math.copysign(1.0, actual)
        return ulps > 0 and math.isfinite(expected) and math.isfinite(actual) and (
            ulps_apart(expected, actual) <= ulps
        )
    return bool(expected == actual)


def assert_same_result(expected: Any, actual: Any, *, ulps: int = 0) -> None:
    """Fail unless two outcomes agree: same exception class, or same value (see `same_value`)."""
    if isinstance(expected, Raised) or isinstance(actual, Raised):
        if not (isinstance(expected, Raised) and isinstance(actual, Raised)):
            raise AssertionError(f"expected {describe(expected)}, got {describe(actual)}")
        if expected.type is not actual.type:
            raise AssertionError(
                f"expected {expected.type.__name__}, got {actual.type.__name__}"
                f"({actual.message!r}) raised at {actual.where}"
            )
        return
    if not same_value(expected, actual, ulps=ulps):
        raise AssertionError(f"expected {describe(expected)}, got {describe(actual)}")


# ---------------------------------------------------------------------------------------------
# Loading case modules
# ---------------------------------------------------------------------------------------------

def jit_decorator() -> Callable[[Callable[..., Any]], Any]:
    """`kiln.jit`, or the identity under KILN_ORACLE_SELF=1 (imported lazily, at first use)."""
    if ORACLE_SELF:
        return lambda fn: fn
    if str(ROOT_DIR) not in sys.path:
        sys.path.insert(0, str(ROOT_DIR))
    import kiln

    return kiln.jit


def load_module(
    path: Path, tag: str, *, tree: ast.Module | None = None, extra: dict[str, Any] | None = None
) -> types.ModuleType:
    """Execute the file at `path` as a new module named `kiln_<tag>_<stem>` (registered in
    sys.modules so that `inspect` finds it). `tree`, if given, is executed instead of the file's
    own text, under the file's name so that line numbers still point into the file; `extra`
    names are defined in the module before it runs."""
    name = f"kiln_{tag}_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    module.__dict__.update(extra or {})
    sys.modules[name] = module
    if tree is None:
        spec.loader.exec_module(module)
    else:
        exec(compile(tree, str(path), "exec"), module.__dict__)
    return module


def own_functions(module: types.ModuleType) -> dict[str, types.FunctionType]:
    """The plain functions defined by the module itself (not imported into it)."""
    return {
        name: value
        for name, value in vars(module).items()
        if isinstance(value, types.FunctionType) and value.__module__ == module.__name__
    }


def jit_module(module: types.ModuleType, jit: Callable[[Callable[..., Any]], Any]) -> None:
    """Replace every function of `module` by `jit(function)` in the module's own globals, so
    calls between its functions also go through the jit versions. Functions whose names start
    with `_` (input builders) stay plain Python."""
    for name, function in own_functions(module).items():
        if not name.startswith("_"):
            setattr(module, name, jit(function))


# ---------------------------------------------------------------------------------------------
# The int64 probe: where does CPython leave [-2**63, 2**63 - 1]?
# ---------------------------------------------------------------------------------------------

PROBE = "__kiln_int64_probe__"


class Int64Probe:
    """Records every int that a probed module's functions see outside int64, with its line.
    Only Python ints count: NumPy's integers wrap around by design."""

    def __init__(self) -> None:
        self.excursions: list[tuple[int, int]] = []  # (line number, value)
        self.raising = False    # raise OverflowError at the first excursion, as kiln does

    def __call__(self, value: Any) -> Any:
        if isinstance(value, tuple):
            for item in value:
                self(item)
        elif isinstance(value, int) and not INT64_MIN <= value <= INT64_MAX:
            self.excursions.append((sys._getframe(1).f_lineno, value))
            if self.raising:
                raise OverflowError(f"int64 left: {value}")
        return value


def _probe_call(node: ast.expr) -> ast.expr:
    call = ast.Call(ast.Name(PROBE, ast.Load()), [node], [])
    return ast.copy_location(call, node)


class _ProbeFunctionBody(ast.NodeTransformer):
    """Inside a function: wrap every BinOp, UnaryOp and Call as `probe(...)`, probe the target of
    every augmented assignment right after it, and probe the parameters on entry.

        def f(a, b):            def f(a, b):
            x = a * b               probe((a, b))
            x += 1          =>      x = probe(a * b)
            return -x               x += 1; probe(x)
                                    return probe(-x)
    """

    def visit_FunctionDef(self, node: ast.FunctionDef) -> ast.FunctionDef:
        self.generic_visit(node)
        params = [arg.arg for arg in node.args.posonlyargs + node.args.args + node.args.kwonlyargs]
        if params:
            names = ast.Tuple([ast.Name(p, ast.Load()) for p in params], ast.Load())
            entry = ast.Expr(ast.Call(ast.Name(PROBE, ast.Load()), [names], []))
            node.body.insert(0, ast.copy_location(entry, node.body[0]))
        return node

    def _wrap(self, node: ast.expr) -> ast.expr:
        self.generic_visit(node)
        return _probe_call(node)

    visit_BinOp = visit_UnaryOp = visit_Call = _wrap

    def visit_Constant(self, node: ast.Constant) -> ast.expr:
        big = isinstance(node.value, int) and not INT64_MIN <= node.value <= INT64_MAX
        return _probe_call(node) if big else node

    def visit_AugAssign(self, node: ast.AugAssign) -> list[ast.stmt]:
        self.generic_visit(node)
        if not isinstance(node.target, ast.Name):
            return [node]
        check = ast.Expr(_probe_call(ast.Name(node.target.id, ast.Load())))
        return [node, ast.copy_location(check, node)]


def load_probed_module(path: Path, tag: str) -> tuple[types.ModuleType, Int64Probe]:
    """Load `path` with its functions instrumented by an `Int64Probe` (module level and the
    `_` input builders untouched)."""
    tree = ast.parse(path.read_text(), str(path))
    tree.body = [
        _ProbeFunctionBody().visit(stmt)
        if isinstance(stmt, ast.FunctionDef) and not stmt.name.startswith("_")
        else stmt
        for stmt in tree.body
    ]
    ast.fix_missing_locations(tree)
    probe = Int64Probe()
    return load_module(path, tag, tree=tree, extra={PROBE: probe}), probe


# ---------------------------------------------------------------------------------------------
# The type recorder: does every variable keep one type (numbers may mix) per specialization?
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ArrayType:
    """The type of an ndarray as far as kiln specializes on it."""

    dtype: str
    ndim: int
    layout: str  # "C", "F" or "A" (any other strides)
    readonly: bool

    def __str__(self) -> str:
        flags = ", readonly" if self.readonly else ""
        return f"array[{self.dtype}, {self.ndim}d, {self.layout}{flags}]"


def array_type(value: np.ndarray) -> ArrayType:
    flags = value.flags
    layout = "C" if flags.c_contiguous else "F" if flags.f_contiguous else "A"
    return ArrayType(str(value.dtype), value.ndim, layout, not flags.writeable)


def type_signature(value: Any) -> Any:
    """The structural type of a value: `int`, `float`, `numpy.int8`, ..., an `ArrayType`, or a
    tuple of signatures."""
    if isinstance(value, tuple):
        return tuple(type_signature(item) for item in value)
    if isinstance(value, np.ndarray):
        return array_type(value)
    return type(value)


#: The number types a variable may mix: Python's int-or-float, and the NumPy scalars that Python
#: arithmetic turns them into (`s = 0.0; s += a[i]` makes s a numpy.float64, `s = 0; s += b[i]`
#: with int8 elements a numpy.int8), as kiln's tagged number unions will hold them.
MIXING_NUMBERS = frozenset({int, float, *NUMPY_SCALARS})


def compatible(a: Any, b: Any) -> bool:
    """Same shape, and equal leaf types except that numbers may meet (`MIXING_NUMBERS`, or bool
    with numpy.bool) and arrays of one dtype and ndim may differ in layout and writeability."""
    if isinstance(a, tuple) or isinstance(b, tuple):
        return (
            isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b)
            and all(compatible(x, y) for x, y in zip(a, b))
        )
    if isinstance(a, ArrayType) or isinstance(b, ArrayType):
        return (
            isinstance(a, ArrayType) and isinstance(b, ArrayType)
            and (a.dtype, a.ndim) == (b.dtype, b.ndim)
        )
    return a is b or {a, b} <= MIXING_NUMBERS or {a, b} == {bool, np.bool_}


def signature_name(signature: Any) -> str:
    if isinstance(signature, tuple):
        return "(" + ", ".join(signature_name(item) for item in signature) + ")"
    if isinstance(signature, ArrayType):
        return str(signature)
    if isinstance(signature, type) and signature.__module__ == "numpy":
        return f"numpy.{signature.__name__}"
    return signature.__name__


class TypeRecorder:
    """A `sys.settrace` tracer for the functions of one file: for each specialization (function
    name and argument types at entry) it records the types every local variable holds at each
    line and the types returned. `conflicts()` lists the variables whose types would not unify
    in kiln (see `compatible`). The `_` input builders are not recorded."""

    RETURN = "<return value>"

    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.seen: dict[tuple[str, Any, str], dict[Any, int]] = {}

    def _record(self, key: tuple[str, Any, str], value: Any, lineno: int) -> None:
        self.seen.setdefault(key, {}).setdefault(type_signature(value), lineno)

    def __call__(self, frame: types.FrameType, event: str, arg: Any) -> Any:
        code = frame.f_code
        if (
            event != "call" or code.co_filename != self.filename
            or code.co_name.startswith(("<", "_"))
        ):
            return None
        nargs = code.co_argcount + code.co_kwonlyargcount
        entry = frame.f_locals
        arg_types = tuple(type_signature(entry[name]) for name in code.co_varnames[:nargs])
        specialization = (code.co_name, arg_types)
        raising = False

        def local_trace(frame: types.FrameType, event: str, arg: Any) -> Any:
            nonlocal raising
            if event == "line":
                raising = False
                for name, value in frame.f_locals.items():
                    self._record((*specialization, name), value, frame.f_lineno)
            elif event == "exception":
                raising = True
            elif event == "return" and not raising:
                self._record((*specialization, self.RETURN), arg, frame.f_lineno)
            return local_trace

        return local_trace

    def conflicts(self) -> list[str]:
        found = []
        for (function, args, name), signatures in self.seen.items():
            first = next(iter(signatures))
            for signature, lineno in signatures.items():
                if not compatible(first, signature):
                    arg_names = ", ".join(signature_name(a) for a in args)
                    found.append(
                        f"{function}({arg_names}): {name} is {signature_name(first)} (line "
                        f"{signatures[first]}) and {signature_name(signature)} (line {lineno})"
                    )
        return found
