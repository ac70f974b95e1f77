"""The oracle rendering: the same program with every int-producing operation int64-checked.

Takes plain source (generated, or a hand-edited reproducer) and rewrites its tree so that CPython
computes what kiln must compute, raising OverflowError wherever an int leaves int64:

    before:   v0 += a0 * 2 ** a1 - abs(v1)
    after:    v0 = _kc.add(v0, _kc.sub(_kc.mul(a0, _kc.power(2, a1)), _kc.call(abs, v1)))

Binary operators, unary `-` `+` `~`, augmented assignments to names, and the calls abs, int,
round, divmod, pow, math.floor, math.ceil and math.trunc are rewritten; comparisons, `not`,
and/or, min/max and float-valued calls cannot create an out-of-range int and are left alone.
`math.copysign` is rewritten too: with a NaN sign argument its result is unspecified (see
`checked.copysign`).
"""

from __future__ import annotations

import ast

HELPER = "_kc"
HELPER_IMPORT = f"from tests.fuzz import checked as {HELPER}"

BINARY: dict[type[ast.operator], str] = {
    ast.Add: "add", ast.Sub: "sub", ast.Mult: "mul", ast.Div: "truediv",
    ast.FloorDiv: "floordiv", ast.Mod: "mod", ast.Pow: "power", ast.LShift: "lshift",
    ast.RShift: "rshift", ast.BitAnd: "and_", ast.BitOr: "or_", ast.BitXor: "xor",
}
UNARY: dict[type[ast.unaryop], str] = {ast.USub: "neg", ast.UAdd: "pos", ast.Invert: "invert"}
CHECKED_BUILTINS = frozenset({"abs", "int", "round", "divmod"})
CHECKED_MATH = frozenset({"floor", "ceil", "trunc"})


def _helper(attr: str, args: list[ast.expr]) -> ast.Call:
    func = ast.Attribute(ast.Name(HELPER, ast.Load()), attr, ast.Load())
    return ast.Call(func, args, [])


def _is_math(func: ast.expr, *names: str) -> bool:
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and func.value.id == "math"
        and func.attr in names
    )


def _is_checked_call(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id in CHECKED_BUILTINS
    return _is_math(func, *CHECKED_MATH)


class _Checker(ast.NodeTransformer):
    """Rewrites int-producing operations into calls of `tests.fuzz.checked`."""

    def visit_BinOp(self, node: ast.BinOp) -> ast.expr:
        self.generic_visit(node)
        return _helper(BINARY[type(node.op)], [node.left, node.right])

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.expr:
        self.generic_visit(node)
        if isinstance(node.op, ast.Not):
            return node
        return _helper(UNARY[type(node.op)], [node.operand])

    def visit_AugAssign(self, node: ast.AugAssign) -> ast.stmt:
        self.generic_visit(node)
        if not isinstance(node.target, ast.Name):
            raise ValueError("the oracle rewrites augmented assignments to names only")
        current = ast.Name(node.target.id, ast.Load())
        value = _helper(BINARY[type(node.op)], [current, node.value])
        return ast.Assign([ast.Name(node.target.id, ast.Store())], value)

    def visit_Call(self, node: ast.Call) -> ast.expr:
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id == "pow" and len(node.args) == 2:
            return _helper("power", node.args)
        if _is_math(node.func, "copysign"):
            return _helper("copysign", node.args)
        if _is_checked_call(node.func) and not node.keywords:
            return _helper("call", [node.func, *node.args])
        return node


def render_oracle(plain_source: str) -> str:
    """The oracle rendering of a plain program: its functions' int operations checked.

    Module-level code (a reproducer's `ARGS = [...]`) is left as it is.
    """
    tree = ast.parse(plain_source)
    tree.body = [_Checker().visit(node) if isinstance(node, ast.FunctionDef) else node
                 for node in tree.body]
    tree.body.insert(0, ast.parse(HELPER_IMPORT).body[0])
    ast.fix_missing_locations(tree)
    return ast.unparse(tree) + "\n"
