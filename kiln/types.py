"""The type lattice: frozen dataclasses for every value kiln compiles, `typeof` and `unify`.

    typeof(3)                  -> int
    typeof((1, 2.0))           -> tuple[int, float]
    typeof(np.float32(1))      -> np.float32            (NumPy scalars keep their own type)
    typeof(np.zeros((2, 3)))   -> array[float64, 2, C]
    unify(int, float)          -> int | float  (a tagged value that keeps Python's exact type)
    unify(int, tuple)          -> None         (a conflict the caller reports)
"""
from __future__ import annotations

import sys
from dataclasses import dataclass


class Type:
    """Base of all kiln types."""


@dataclass(frozen=True)
class Scalar(Type):
    """A machine scalar with a Python meaning: int (i64), float (f64), bool (i1), None."""

    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Union(Type):
    """A value whose Python type is decided at run time among number types (a tag and a payload)."""

    members: tuple[Scalar, ...]  # ordered as NUMBER_ORDER

    def __str__(self) -> str:
        return " | ".join(str(m) for m in self.members)


@dataclass(frozen=True)
class Tuple(Type):
    """A fixed-length heterogeneous tuple."""

    items: tuple[Type, ...]

    def __str__(self) -> str:
        return f"tuple[{', '.join(str(t) for t in self.items)}]"


@dataclass(frozen=True)
class Array(Type):
    """A NumPy array: element dtype, number of dimensions, layout ('C', 'F' or 'A' for any
    strides) and whether it may be written."""

    dtype: str
    ndim: int
    layout: str = "C"
    readonly: bool = False

    def __str__(self) -> str:
        flags = ", readonly" if self.readonly else ""
        return f"array[{self.dtype}, {self.ndim}, {self.layout}{flags}]"


@dataclass(frozen=True)
class DType(Type):
    """A compile-time dtype argument such as `np.float64` or `dtype=np.uint8`."""

    dtype: str

    def __str__(self) -> str:
        return f"dtype[{self.dtype}]"


@dataclass(frozen=True)
class Text(Type):
    """A compile-time string argument of a library function, such as `side="left"`: its rule
    reads the text, and no code sees it (kiln has no str values)."""

    text: str

    def __str__(self) -> str:
        return f"str[{self.text!r}]"


@dataclass(frozen=True)
class Slice(Type):
    """`start:stop:step`; each part an int or None (decided at compile time)."""

    parts: tuple[Type, Type, Type]

    def __str__(self) -> str:
        return f"slice[{', '.join(map(str, self.parts))}]"


@dataclass(frozen=True)
class Bottom(Type):
    """No value yet: the return type of a function whose inference has not reached a return."""

    def __str__(self) -> str:
        return "<unknown>"


INT = Scalar("int")
FLOAT = Scalar("float")
BOOL = Scalar("bool")
NONE = Scalar("None")
BOTTOM = Bottom()
DTYPES = ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64", "complex128")
NUMPY = {name: Scalar(f"np.{name}") for name in DTYPES}
# every scalar that can share a variable with others, in tag order (complex does not fit)
NUMBER_ORDER = (BOOL, INT, FLOAT) + tuple(NUMPY[d] for d in DTYPES if d != "complex128")
INT_OR_FLOAT = Union((INT, FLOAT))


class LazyModule:
    """A module imported on first attribute access: scalar-only programs never import NumPy."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attribute: str):
        import importlib
        return getattr(importlib.import_module(self._name), attribute)


np = LazyModule("numpy")


def numpy_dtype(t: Type) -> str | None:
    """'float64' for np.float64, None for anything that is not a NumPy scalar."""
    return t.name[3:] if isinstance(t, Scalar) and t.name.startswith("np.") else None


def members(t: Type) -> tuple[Type, ...]:
    """The concrete types a value of type `t` can have at run time."""
    return t.members if isinstance(t, Union) else (t,)


def is_number(t: Type) -> bool:
    return all(m in NUMBER_ORDER or m == NUMPY["complex128"] for m in members(t))


def union_of(types: list[Type]) -> Type | None:
    """The smallest type holding all `types`; None when they cannot share a variable."""
    found: list[Type] = []
    for t in types:
        for m in members(t):
            if m is not BOTTOM and m not in found:
                found.append(m)
    if not found:
        return BOTTOM
    if len(found) == 1:
        return found[0]
    if all(m in NUMBER_ORDER for m in found):
        return Union(tuple(m for m in NUMBER_ORDER if m in found))
    if all(isinstance(m, Array) for m in found) and \
            len({(m.dtype, m.ndim) for m in found}) == 1:
        return Array(found[0].dtype, found[0].ndim, "A", any(m.readonly for m in found))
    if all(isinstance(m, Tuple) for m in found) and len({len(m.items) for m in found}) == 1:
        items = [union_of(list(col)) for col in zip(*(m.items for m in found))]
        return None if any(i is None for i in items) else Tuple(tuple(items))
    return None


def unify(a: Type, b: Type) -> Type | None:
    return union_of([a, b])


class UnsupportedValue(TypeError):
    """A Python value kiln has no type for."""


def typeof(value: object) -> Type:
    """The kiln type of an argument value; raises UnsupportedValue for anything else."""
    cls = type(value)
    if cls is bool:
        return BOOL
    if cls is int or cls is float:
        return INT if cls is int else FLOAT
    if value is None:
        return NONE
    if cls is DTypeValue:
        return DType(value.name)
    if cls is TextValue:
        return Text(value.text)
    if cls is tuple:
        return Tuple(tuple(typeof(v) for v in value))
    numpy = sys.modules.get("numpy")
    if numpy is not None:
        if isinstance(value, numpy.ndarray):
            return array_type(value)
        if isinstance(value, numpy.generic) and value.dtype.name in DTYPES and \
                type(value) is value.dtype.type:
            return NUMPY[value.dtype.name]
        if isinstance(value, numpy.generic):
            raise UnsupportedValue(f"numpy.{type(value).__name__}")
    if isinstance(value, (int, float)):
        return INT if isinstance(value, int) else FLOAT
    raise UnsupportedValue(f"{cls.__module__}.{cls.__qualname__}"
                           if cls.__module__ != "builtins" else cls.__qualname__)


@dataclass(frozen=True)
class DTypeValue:
    """A dtype written in code (np.float64, float, "uint8"), folded to a constant."""

    name: str


@dataclass(frozen=True)
class TextValue:
    """A str constant written as a library function's argument (side="left"), folded to a
    constant."""

    text: str


def dtype_name(value: object) -> str | None:
    """'float64' for np.float64, np.dtype('float64'), float or "float64"; else None."""
    builtin = {float: "float64", int: "int64", bool: "bool", complex: "complex128"}
    if isinstance(value, type) and value in builtin:
        return builtin[value]
    numpy = sys.modules.get("numpy")
    if numpy is None or not (isinstance(value, (str, numpy.dtype)) or (
            isinstance(value, type) and issubclass(value, numpy.generic))):
        return None
    try:
        name = numpy.dtype(value).name
    except TypeError:
        return None
    return name if name in DTYPES else None


def is_constant(value: object) -> bool:
    """Values kiln folds into the code: numbers (NumPy scalars too), bools, None, tuples."""
    if isinstance(value, tuple):
        return all(is_constant(v) for v in value)
    numpy = sys.modules.get("numpy")
    if numpy is not None and isinstance(value, numpy.generic):
        return value.dtype.name in DTYPES
    return value is None or type(value) in (int, float, bool, DTypeValue)


def array_type(value) -> Array:
    dtype = value.dtype
    if dtype.name not in DTYPES or not dtype.isnative:
        raise UnsupportedValue(f"numpy.ndarray of dtype {dtype} (supported: {', '.join(DTYPES)})")
    flags = value.flags
    layout = "C" if flags.c_contiguous else "F" if flags.f_contiguous else "A"
    return Array(dtype.name, value.ndim, layout, not flags.writeable)


def parse_signature(text: str) -> tuple[Type | None, tuple[Type, ...]]:
    """Parse a Numba-style signature string: "float64(float64, int64)" or "(int64,)"."""
    names = {"int64": INT, "int": INT, "intp": INT, "float64": FLOAT, "float": FLOAT,
             "double": FLOAT, "boolean": BOOL, "bool_": BOOL, "bool": BOOL, "none": NONE}
    text = text.replace(" ", "")
    ret_text, _, rest = text.partition("(")
    if not rest.endswith(")"):
        raise ValueError(f"cannot parse signature {text!r}: expected 'ret(arg, ...)'")
    args = [a for a in rest[:-1].split(",") if a]
    try:
        ret = names[ret_text] if ret_text else None
        return ret, tuple(names[a] for a in args)
    except KeyError as missing:
        raise ValueError(f"unsupported type {missing} in signature {text!r}; "
                         f"supported: {', '.join(sorted(names))}") from None


def parse_type(text: str) -> Type:
    """The inverse of str() on a kiln type: "tuple[int, int | float]" -> Tuple(...)."""
    text = text.strip()
    parts = _split_top(text, "|")
    if len(parts) > 1:
        return Union(tuple(m for m in NUMBER_ORDER if str(m) in {p.strip() for p in parts}))
    if text.startswith("tuple[") and text.endswith("]"):
        inner = text[len("tuple["):-1]
        return Tuple(tuple(parse_type(p) for p in _split_top(inner, ",") if p.strip()))
    scalars = {str(t): t for t in (INT, FLOAT, BOOL, NONE, *NUMPY.values())}
    if text in scalars:
        return scalars[text]
    if text.startswith("array[") and text.endswith("]"):
        dtype, ndim, layout, *flags = [p.strip() for p in text[len("array["):-1].split(",")]
        return Array(dtype, int(ndim), layout, flags == ["readonly"])
    if text == str(BOTTOM):
        return BOTTOM
    raise ValueError(f"not a kiln type: {text!r}")


def _split_top(text: str, sep: str) -> list[str]:
    """Split on `sep` outside brackets."""
    parts, depth, current = [], 0, ""
    for char in text:
        depth += (char == "[") - (char == "]")
        if char == sep and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return parts + [current]
