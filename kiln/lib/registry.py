"""The one table of what operations mean: each operation's type rule beside its LLVM emitter.

An operation key is an operator ("+", "<", "unary-", "truth") or a callable name ("math.sqrt",
"abs", "range.len"). A rule looks at the argument types and returns an `Impl` (result type +
emitter) or None. Rules are written for concrete types; `resolve` handles the rest once:

    resolve("+", (int, float))          -> Impl(float, emit=int_float_add)
    resolve("+", (bool, int))           -> the int rule, with the bool widened first
    resolve("+", (int | float, float))  -> a split on the tag: one Impl per member, result float
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any, Callable

from ..types import BOOL, INT, Array, Type, Union, members, numpy_dtype, union_of

Emit = Callable[..., Any]   # emit(cg, args, argtypes, result) -> llvm value


@dataclass(frozen=True)
class Impl:
    result: Type
    emit: Emit
    argtypes: tuple[Type, ...]     # the types the emitter expects (after widening)
    known: bool | None = None      # a bool result the types alone decide (`x is None`)
    owned: bool = False            # returns a new reference (a freshly created array)
    element: Emit | None = None    # an elementwise array operation's per-element computation,
                                   # compute(cg, values, value_types) (see fusion.py)


@dataclass(frozen=True)
class SplitImpl:
    """An operation on tagged values: one concrete Impl per combination of member types."""

    result: Type
    cases: tuple[tuple[tuple[Type, ...], Impl], ...]


Rule = Callable[[tuple[Type, ...], tuple[Any, ...]], "Impl | None"]
RULES: dict[str, list[Rule]] = {}
CALLABLES: set[str] = set()        # names that calls in user code may reach
UNION_AWARE: set[str] = set()      # keys whose rules take tagged values whole (min, max)
SIGNATURES: dict[str, tuple[str, ...]] = {}   # parameter names of library functions that
                                               # take keywords (np.zeros(n, dtype=...))


class TypeRuleError(Exception):
    """A rule's own explanation of why arguments do not fit (inference adds the span)."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.hint = hint
NO_CONST = object()                # marks an argument that is not a compile-time constant


def rule(*keys: str, callable_: bool = False, unions: bool = False,
         params: tuple[str, ...] = ()) -> Callable[[Rule], Rule]:
    """Register a rule function for operation keys (with keyword names, if it takes them)."""
    def register(fn: Rule) -> Rule:
        for key in keys:
            if params:
                SIGNATURES[key] = params
            RULES.setdefault(key, []).append(fn)
            if callable_:
                CALLABLES.add(key)
            if unions:
                UNION_AWARE.add(key)
        return fn
    return register


def op(key: str, argtypes: tuple[Type, ...], result: Type, *, callable_: bool = False
       ) -> Callable[[Emit], Emit]:
    """Register an emitter for exact argument types with a fixed result type."""
    def register(emit: Emit) -> Emit:
        def match(types: tuple[Type, ...], consts: tuple[Any, ...]) -> Impl | None:
            return Impl(result, emit, argtypes) if types == argtypes else None
        rule(key, callable_=callable_)(match)
        return emit
    return register


def _resolve_concrete(key: str, types: tuple[Type, ...], consts: tuple[Any, ...]) -> Impl | None:
    """A Python bool is tried as the int it is when nothing takes a bool, unless NumPy is
    involved: NumPy refuses some bool operations (np.True_ - True, a TypeError) that it does
    with ints."""
    candidates = [types]
    if not any(numpy_dtype(t) or isinstance(t, Array) for t in types):
        candidates.append(tuple(INT if t == BOOL else t for t in types))
    for candidate in candidates:
        for fn in RULES.get(key, ()):
            impl = fn(candidate, consts)
            if impl is not None:
                return impl
    return None


def resolve(key: str, types: tuple[Type, ...], consts: tuple[Any, ...] | None = None
            ) -> Impl | SplitImpl | None:
    """The implementation of `key` for argument types, or None when there is none."""
    consts = consts if consts is not None else (NO_CONST,) * len(types)
    if key in UNION_AWARE or not any(isinstance(t, Union) for t in types):
        return _resolve_concrete(key, types, consts)
    cases = []
    for combo in itertools.product(*(members(t) for t in types)):
        impl = _resolve_concrete(key, combo, consts)
        if impl is None:
            return None
        cases.append((combo, impl))
    result = union_of([impl.result for _, impl in cases])
    return SplitImpl(result, tuple(cases)) if result is not None else None
