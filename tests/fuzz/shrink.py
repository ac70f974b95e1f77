"""Shrinking a failing program to a smaller one that fails the same way.

Greedy and in-process: try one edit, keep it if the program still fails with the same signature
(same CPython -> kiln outcome kinds, same kiln exception type), repeat until no edit helps or the
attempt budget runs out. Edits, largest first:

    delete a statement                      v0 = a0 * 2        ->   (gone)
    replace if/for/while by a branch        if c: A else: B    ->   A      (or B)
    replace an expression by a child        (a0 + v1) * 3      ->   a0 + v1

Candidates need no care about well-formedness: one the oracle rejects (an unbound local, a
TypeError) is not "the same failure" and is dropped. Loop bounds are never edited (no `while`
test, no `range(...)` argument, no counter increment), so no candidate can loop forever under
CPython. A kiln hang or crash during shrinking is not contained.
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Iterator
from pathlib import Path

from .compare import signature
from .generator import FUNCTION_NAME
from .runner import INVALID, Run, failing_runs, run_source
from .values import value_source

MAX_ATTEMPTS = 400


def _fingerprint(run: Run) -> tuple[str, str, str]:
    actual = run.actual or run.expected
    return run.verdict, signature(run.expected, actual), actual.error


def _function(tree: ast.Module) -> ast.FunctionDef:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == FUNCTION_NAME:
            return node
    raise ValueError(f"no function {FUNCTION_NAME!r} to shrink")


def _is_counter_step(stmt: ast.stmt) -> bool:
    """`wN += 1`, the statement that bounds a generated while loop."""
    return (isinstance(stmt, ast.AugAssign) and isinstance(stmt.target, ast.Name)
            and stmt.target.id.startswith("w"))


def _statement_sites(func: ast.FunctionDef) -> list[tuple[list[ast.stmt], int]]:
    sites = []
    for node in ast.walk(func):
        for field in ("body", "orelse"):
            block = getattr(node, field, None)
            if isinstance(block, list):
                sites += [(block, index) for index in range(len(block))]
    return sites


def _expression_sites(func: ast.FunctionDef) -> list[tuple[ast.AST, str, int | None]]:
    """(parent, field, index) of every expression that may be replaced; loop bounds excluded."""
    frozen = {id(n) for loop in ast.walk(func) if isinstance(loop, (ast.While, ast.For))
              for n in ast.walk(loop.test if isinstance(loop, ast.While) else loop.iter)}
    sites: list[tuple[ast.AST, str, int | None]] = []
    for parent in ast.walk(func):
        if id(parent) in frozen:
            continue
        for field, value in ast.iter_fields(parent):
            if field in ("func", "target", "targets", "ctx"):
                continue
            if isinstance(value, ast.expr) and id(value) not in frozen:
                sites.append((parent, field, None))
            elif isinstance(value, list):
                sites += [(parent, field, index) for index, item in enumerate(value)
                          if isinstance(item, ast.expr) and id(item) not in frozen]
    return sites


def _candidates(tree: ast.Module) -> Iterator[ast.Module]:
    """Every single-edit variant of `tree`, statements before expressions."""
    for index in range(len(_statement_sites(_function(tree)))):
        for edit in ("delete", "body", "orelse"):
            candidate = copy.deepcopy(tree)
            block, position = _statement_sites(_function(candidate))[index]
            stmt = block[position]
            if edit == "delete":
                if _is_counter_step(stmt):
                    continue
                replacement: list[ast.stmt] = []
            else:
                branch = getattr(stmt, edit, None)
                if not isinstance(stmt, (ast.If, ast.For, ast.While)) or not branch:
                    continue
                replacement = list(branch)
            block[position:position + 1] = replacement
            if not block:
                block.append(ast.Pass())
            yield candidate
    for index in range(len(_expression_sites(_function(tree)))):
        probe = _expression_sites(_function(tree))[index]
        node = _get(probe)
        for child_index, child in enumerate(ast.iter_child_nodes(node)):
            if (not isinstance(child, ast.expr) or child is getattr(node, "func", None)
                    or isinstance(getattr(child, "ctx", None), ast.Store)):
                continue
            candidate = copy.deepcopy(tree)
            site = _expression_sites(_function(candidate))[index]
            replacement_node = list(ast.iter_child_nodes(_get(site)))[child_index]
            _set(site, replacement_node)
            yield candidate


def _get(site: tuple[ast.AST, str, int | None]) -> ast.AST:
    parent, field, index = site
    value = getattr(parent, field)
    return value if index is None else value[index]


def _set(site: tuple[ast.AST, str, int | None], node: ast.AST) -> None:
    parent, field, index = site
    if index is None:
        setattr(parent, field, node)
    else:
        getattr(parent, field)[index] = node


def shrink(path: Path, workdir: Path, self_check: bool) -> str | None:
    """A smaller program (source with one `ARGS` call) failing like `path`, or None if it passes."""
    source = path.read_text()
    report = run_source(source, None, workdir, self_check, str(path))
    runs = failing_runs(report)
    if not runs:
        return None
    target, args = _fingerprint(runs[0]), runs[0].args
    module = ast.parse(source)
    tree = ast.Module([node for node in module.body if not _is_args(node)], [])
    attempts = 0
    improved = True
    while improved and attempts < MAX_ATTEMPTS:
        improved = False
        for candidate in _candidates(tree):
            attempts += 1
            if _fails_like(candidate, args, target, workdir, self_check):
                tree, improved = candidate, True
                break
            if attempts >= MAX_ATTEMPTS:
                break
    header = f"# shrunk from {path}: {target[1]} ({target[0]})\n"
    return header + ast.unparse(tree) + f"\n\n\nARGS = [{value_source(args)}]\n"


def _is_args(node: ast.stmt) -> bool:
    return (isinstance(node, ast.Assign) and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name) and node.targets[0].id == "ARGS")


def _fails_like(tree: ast.Module, args: tuple[object, ...], target: tuple[str, str, str],
                workdir: Path, self_check: bool) -> bool:
    try:
        source = ast.unparse(ast.fix_missing_locations(tree)) + "\n"
    except Exception:  # an edit produced a tree that cannot be printed
        return False
    report = run_source(source, [args], workdir, self_check, "shrink candidate")
    return any(_fingerprint(run) == target for run in report.runs
               if run.verdict != INVALID or target[0] == INVALID)
