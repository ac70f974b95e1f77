"""Where a function's code comes from: its AST with positions in the real file, and its names.

    source_of(fib) -> FunctionSource(tree=<ast.FunctionDef fib>, file="demo.py", globals=...)

Line numbers in the tree are those of the file, so every error points at the user's line.
"""
from __future__ import annotations

import ast
import functools
import inspect
import textwrap
from dataclasses import dataclass
from typing import Any

from .errors import CompileError, Span


def positions(node: ast.AST) -> dict[str, int]:
    """A node's place in the file, to give a node made for it (ast.Name(..., **positions(n)))."""
    return {k: getattr(node, k) for k in ("lineno", "col_offset", "end_lineno", "end_col_offset")}


@dataclass(frozen=True)
class FunctionSource:
    tree: ast.FunctionDef
    file: str
    text: str
    globals: dict[str, Any]
    closure: dict[str, Any]

    def span(self, node: ast.AST) -> Span:
        line = getattr(node, "lineno", self.tree.lineno)
        col = getattr(node, "col_offset", 0)
        return Span(self.file, line, col, getattr(node, "end_lineno", line) or line,
                    getattr(node, "end_col_offset", col + 1) or col + 1)


@functools.lru_cache(maxsize=None)
def _parse(func: Any) -> tuple[ast.FunctionDef, str, str]:
    code = func.__code__
    try:
        lines, first = inspect.getsourcelines(func)
    except (OSError, TypeError) as exc:
        raise CompileError(f"cannot read the source of {func.__qualname__}: {exc}; kiln compiles "
                           "functions defined in files (or cells whose source Python keeps)")
    text = "".join(lines)
    dedented = textwrap.dedent(text)
    indent = len(lines[0]) - len(lines[0].lstrip())
    tree = ast.parse(dedented)
    ast.increment_lineno(tree, first - 1)
    if indent:
        for node in ast.walk(tree):
            if hasattr(node, "col_offset"):
                node.col_offset += indent
                if getattr(node, "end_col_offset", None) is not None:
                    node.end_col_offset += indent
    if func.__name__ == "<lambda>":
        return _lambda_def(func, tree, first), code.co_filename, text
    defs = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    if not defs or defs[0].name != func.__name__:
        # Python 3.13 keeps `python -c` text in linecache, so exec'd code may "find" lines
        # that are not this function's
        raise CompileError(f"cannot read the source of {func.__qualname__}: the source "
                           f"Python holds for {code.co_filename} does not define it; kiln "
                           "compiles functions defined in files (or cells whose source "
                           "Python keeps)")
    if not isinstance(defs[0], ast.FunctionDef):
        raise CompileError(f"{func.__qualname__} is not a plain `def` function",
                           Span(code.co_filename, first, 0, first, 1))
    return defs[0], code.co_filename, text


def _lambda_def(func: Any, tree: ast.Module, first: int) -> ast.FunctionDef:
    """`lambda x: x + 1` as the `def <lambda>(x): return x + 1` it means. The lines holding a
    lambda hold the whole statement around it; of the lambdas there with the same parameters,
    the one whose body starts where the code's first instruction does (Python 3.11 and later
    record columns), else the only one."""
    code = func.__code__
    params = list(code.co_varnames[:code.co_argcount + code.co_kwonlyargcount])
    found = [n for n in ast.walk(tree) if isinstance(n, ast.Lambda) and
             n.lineno == code.co_firstlineno and
             [a.arg for a in n.args.posonlyargs + n.args.args + n.args.kwonlyargs] == params]
    if len(found) > 1 and hasattr(code, "co_positions"):
        starts = {(line, column) for line, _, column, _ in code.co_positions()}
        found = [n for n in found if (n.body.lineno, n.body.col_offset) in starts]
    if len(found) != 1:
        raise CompileError(f"cannot tell which lambda on line {code.co_firstlineno} this is; "
                           "give it a line of its own or a `def`",
                           Span(code.co_filename, first, 0, first, 1))
    lam = found[0]
    body = ast.Return(lam.body, **positions(lam.body))
    return ast.FunctionDef("<lambda>", lam.args, [body], [], None, **positions(lam))


def closure_values(func: Any) -> dict[str, Any]:
    """The function's free variables that are bound now, by name."""
    values = {}
    for name, cell in zip(func.__code__.co_freevars, func.__closure__ or ()):
        try:
            values[name] = cell.cell_contents
        except ValueError:            # a cell not assigned yet
            pass
    return values


def source_of(func: Any) -> FunctionSource:
    tree, file, text = _parse(func)
    return FunctionSource(tree, file, text, func.__globals__, closure_values(func))
