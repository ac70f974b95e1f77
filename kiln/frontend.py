"""Python AST -> untyped IR: one `lower_<Node>` method per supported syntax node.

    def f(x):              block0:
        if x > 0:            %0 = param 0; store x, %0
            return x         %1 = load x; %2 = const 0; %3 = compare > %1, %2
        return -x            branch %3, block1, block2
                           block1: ...

Names are resolved here: locals become load/store, module constants and `math.pi` become
constants, calls name a library function or a Python function (keyword arguments and defaults
placed positionally). Anything outside the supported subset is a CompileError at its node.
"""
from __future__ import annotations

import ast
import builtins
import inspect
import math
import sys
from typing import Any

from . import ir, parallel
from .errors import CompileError, Span
from .lib import registry
from .parallel import ParallelBody
from .source import FunctionSource, positions, source_of
from .types import DTypeValue, TextValue, dtype_name, is_constant

UNSUPPORTED_HINTS = {
    "With": "open resources outside the compiled function and pass values in",
    "Try": "check conditions with `if`; exceptions raised in compiled code reach the caller",
    "Lambda": "lambda is not supported; define a module-level function and call it",
    "GeneratorExp": "generators are not supported; write a for loop",
    "ListComp": "list comprehensions are not supported; write a for loop",
    "List": "lists are not supported yet; use a tuple",
    "Dict": "dicts are not supported yet",
    "Set": "sets are not supported yet",
    "JoinedStr": "f-strings are not supported in compiled code",
    "Global": "`global` is not supported; module-level constants are read at compile time",
    "Nonlocal": "`nonlocal` is not supported",
    "ClassDef": "classes cannot be defined inside compiled functions",
    "FunctionDef": "nested functions are not supported; define them at module level",
    "Yield": "generators are not supported",
    "Await": "async code is not supported",
    "Delete": "`del` is not supported",
    "Starred": "star-unpacking is not supported",
}
BINOPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
          ast.Mod: "%", ast.Pow: "**", ast.LShift: "<<", ast.RShift: ">>", ast.BitAnd: "&",
          ast.BitOr: "|", ast.BitXor: "^", ast.MatMult: "@"}
CMPOPS = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
          ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in"}
UNARYOPS = {ast.USub: "-", ast.UAdd: "+", ast.Invert: "~"}
RANGE_NAMES = {"range", "prange"}
NUMPY_MODULES = {"numpy": "np", "numpy.linalg": "np.linalg"}    # as registry keys name them


class Lowerer:
    def __init__(self, func: Any, parallel: bool = False):
        """`func` is a Python function, or a prange loop's outlined body (parallel.ParallelBody);
        under `parallel`, prange loops become ParallelFor (range loops otherwise)."""
        body = func if isinstance(func, ParallelBody) else None
        self.body = body
        self.func = body.func if body else func
        self.src: FunctionSource = source_of(self.func)
        self.tree = body.tree if body else self.src.tree
        self.parallel = parallel
        self.next_value = 0
        self.next_block = 0
        self.blocks: list[ir.Block] = []
        self.block = self.new_block()
        self.loops: list[tuple[ir.Block, ir.Block]] = []  # (continue target, break target)
        self.params = self.check_params()
        self.locals = self.params | self.assigned_names()
        self.temps = 0
        self.reads: dict[str, Any] = body.reads if body else {}  # every global, closure or
                                                                  # builtin name resolved
        self.regions: list[ir.LoopRegion] = []
        self.open_regions: list[ir.LoopRegion] = []

    # ---- helpers -------------------------------------------------------------------------
    def span(self, node: ast.AST) -> Span:
        return self.src.span(node)

    def error(self, node: ast.AST, message: str, hint: str = "") -> CompileError:
        return CompileError(message, self.span(node), hint=hint)

    def new_block(self) -> ir.Block:
        block = ir.Block(f"block{self.next_block}")
        self.next_block += 1
        self.blocks.append(block)
        return block

    def value(self) -> ir.Value:
        self.next_value += 1
        return ir.Value(self.next_value - 1)

    def emit(self, instr: ir.Instr) -> ir.Value | None:
        if self.block.terminator is not None:   # code after return/break: unreachable
            self.block = self.new_block()
        self.block.instrs.append(instr)
        return getattr(instr, "dest", None)

    def emit_value(self, cls: type, node: ast.AST, *args: Any) -> ir.Value:
        return self.emit(cls(self.span(node), self.value(), *args))

    def const(self, node: ast.AST, value: Any) -> ir.Value:
        return self.emit_value(ir.Const, node, value)

    def jump(self, node: ast.AST, target: ir.Block) -> None:
        if self.block.terminator is None:
            self.emit(ir.Jump(self.span(node), target))

    def start(self, block: ir.Block) -> None:
        self.block = block

    def temp(self) -> str:
        self.temps += 1
        return f"${self.temps}"

    def check_params(self) -> set[str]:
        args = self.tree.args
        if args.vararg or args.kwarg or args.kwonlyargs or args.posonlyargs:
            raise self.error(self.tree, "*args, **kwargs, keyword-only and positional-only "
                             "parameters are not supported", "plain positional parameters")
        return {a.arg for a in args.args}

    def assigned_names(self) -> set[str]:
        names = set()
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names.add(node.id)
        return names

    # ---- entry ---------------------------------------------------------------------------
    def lower_function(self) -> ir.Function:
        for index, arg in enumerate(self.tree.args.args):
            self.emit(ir.Store(self.span(arg), arg.arg, self.emit_value(ir.Param, arg, index)))
        for name, op in self.body.reductions if self.body else ():
            outer = self.load(self.tree, parallel.outer_name(name))   # a chunk starts from
            self.emit(ir.Store(self.span(self.tree), name, outer if op in ("min", "max") else
                               self.emit_value(ir.Call, self.tree, f"prange.identity{op}",
                                               [outer])))     # the operator's identity
        self.lower_body(self.tree.body)
        if self.block.terminator is None:
            end = self.tree.body[-1]
            self.emit(ir.Return(self.span(end), self.const(end, None)))
        return ir.Function(self.tree.name, [a.arg for a in self.tree.args.args],
                           reachable(self.blocks), self.span(self.tree), self.func,
                           reads=self.reads, regions=self.regions)

    def lower_body(self, body: list[ast.stmt]) -> None:
        for stmt in body:
            self.lower(stmt)

    def lower(self, node: ast.AST) -> ir.Value | None:
        handler = getattr(self, f"lower_{type(node).__name__}", None)
        if handler is None:
            name = type(node).__name__
            hint = UNSUPPORTED_HINTS.get(name, "")
            raise self.error(node, f"{describe(node)} is not supported in compiled code", hint)
        return handler(node)

    # ---- statements ----------------------------------------------------------------------
    def lower_Pass(self, node: ast.Pass) -> None:
        pass

    def lower_Expr(self, node: ast.Expr) -> None:
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            return   # docstring
        self.lower(node.value)

    # x = expr;  a, b = b, a;  x = y = 0
    def lower_Assign(self, node: ast.Assign) -> None:
        value = self.lower(node.value)
        for target in node.targets:
            self.store_target(target, value)

    def lower_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is None:
            return
        self.store_target(node.target, self.lower(node.value))

    def store_target(self, target: ast.expr, value: ir.Value) -> None:
        if isinstance(target, ast.Name):
            self.emit(ir.Store(self.span(target), target.id, value))
        elif isinstance(target, ast.Tuple):
            if any(isinstance(e, ast.Starred) for e in target.elts):
                raise self.error(target, "star-unpacking is not supported")
            items = [self.emit_value(ir.GetItem, e, value, i) for i, e in enumerate(target.elts)]
            self.emit(ir.Call(self.span(target), self.value(), "tuple.check_len",
                              [value, self.const(target, len(target.elts))]))
            for element, item in zip(target.elts, items):
                self.store_target(element, item)
        elif isinstance(target, ast.Subscript):      # a[i] = v -> call setitem(a, i, v)
            container = self.lower(target.value)
            indices = self.lower_indices(target.slice)
            self.emit(ir.Call(self.span(target), self.value(), "setitem",
                              [container, *indices, value]))
        else:
            raise self.error(target, f"assignment to {describe(target)} is not supported",
                             "assign to local variable names, tuples of names or a[i]")

    # x += expr
    def lower_AugAssign(self, node: ast.AugAssign) -> None:
        if isinstance(node.target, ast.Subscript):   # a[i] += v: a and i evaluated once
            container = self.lower(node.target.value)
            indices = self.lower_indices(node.target.slice)
            current = self.emit_value(ir.Call, node.target, "getitem", [container, *indices])
            # in place, as Python's __iadd__: a view (a[1:] += v) is updated with NumPy's
            # same_kind cast, which refuses a float into an int array
            result = self.emit(ir.BinOp(self.span(node), self.value(), BINOPS[type(node.op)],
                                        current, self.lower(node.value), inplace=True))
            self.emit(ir.Call(self.span(node), self.value(), "setitem",
                              [container, *indices, result]))
            return
        if not isinstance(node.target, ast.Name):
            raise self.error(node.target, "augmented assignment to "
                             f"{describe(node.target)} is not supported")
        current = self.lower_Name(ast.Name(node.target.id, ast.Load(), **positions(node.target)))
        value = self.lower(node.value)
        result = self.emit(ir.BinOp(self.span(node), self.value(), BINOPS[type(node.op)],
                                    current, value, inplace=True))
        self.emit(ir.Store(self.span(node.target), node.target.id, result))

    def lower_Return(self, node: ast.Return) -> None:
        value = self.lower(node.value) if node.value is not None else self.const(node, None)
        self.emit(ir.Return(self.span(node), value))

    #  if test: body else: orelse    ->  branch test, then, else; both jump to after
    def lower_If(self, node: ast.If) -> None:
        then, after = self.new_block(), self.new_block()
        orelse = self.new_block() if node.orelse else after
        self.lower_test(node.test, then, orelse)
        self.start(then)
        self.lower_body(node.body)
        self.jump(node, after)
        self.finish_loop(node, orelse, after)

    #  while test: body else: orelse
    #    header: branch test, body, orelse;  body: ...; jump header;  orelse: ...; jump after
    def lower_While(self, node: ast.While) -> None:
        for region in self.open_regions:             # a while loop inside: keep every check
            region.innermost = False
        header, body, after = self.new_block(), self.new_block(), self.new_block()
        orelse = self.new_block() if node.orelse else after
        self.jump(node, header)
        self.start(header)
        self.lower_test(node.test, body, orelse)
        self.loop_body(node, body, header, after)
        self.finish_loop(node, orelse, after)

    def finish_loop(self, node: ast.While | ast.For, orelse: ir.Block, after: ir.Block) -> None:
        """The loop's `else:` (runs when the loop ends without break), then what follows."""
        if node.orelse:
            self.start(orelse)
            self.lower_body(node.orelse)
            self.jump(node, after)
        self.start(after)

    def loop_body(self, node: ast.While | ast.For, body: ir.Block, cont: ir.Block,
                  after: ir.Block) -> None:
        self.start(body)
        self.loops.append((cont, after))
        self.lower_body(node.body)
        self.loops.pop()
        self.jump(node, cont)

    #  for i in range(start, stop, step): body else: orelse
    #    n = range.len(start, stop, step); k = 0; cur = start
    #    header: branch k < n, body, orelse
    #    body:   i = cur; ...; jump latch
    #    latch:  k = k + 1; cur = cur + step (wrapping: unused after the last trip); jump header
    def lower_For(self, node: ast.For) -> None:
        call = node.iter
        kind = self.global_name(call.func) if isinstance(call, ast.Call) else None
        if kind not in RANGE_NAMES:
            return self.lower_for_each(node)
        start, stop, step = self.range_arguments(call)
        if kind == "prange" and self.parallel:
            return self.lower_parallel_for(node, start, stop, step)
        if step is None:
            return self.lower_unit_range(node, start, stop)
        count, index, current = self.temp(), self.temp(), self.temp()
        n = self.emit_value(ir.Call, call, "range.len", [start, stop, step])
        self.emit(ir.Store(self.span(call), count, n))
        self.emit(ir.Store(self.span(call), index, self.const(call, 0)))
        self.emit(ir.Store(self.span(call), current, start))

        def advance() -> None:
            one = self.const(call, 1)
            self.emit(ir.Store(self.span(call), index, self.emit_value(
                ir.Call, call, "range.step", [self.load(call, index), one])))
            self.emit(ir.Store(self.span(call), current, self.emit_value(
                ir.Call, call, "range.step", [self.load(call, current), step])))
        region = self.range_loop(node, index, count, current, advance,
                                 runtime_step=not self.known_int(call.args[2]))
        if isinstance(node.target, ast.Name):
            region.variable, region.start, region.stop = node.target.id, start, stop
            region.step = step

    def known_int(self, node: ast.expr) -> bool:
        """An int fixed before the code runs: 2, -1, or a module-level constant."""
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            node = node.operand
        if isinstance(node, ast.Name) and node.id not in self.locals:
            return isinstance(self.resolve_global(node), int)
        return isinstance(node, ast.Constant) and isinstance(node.value, int)

    def range_arguments(self, call: ast.Call) -> tuple[ir.Value, ir.Value, ir.Value | None]:
        """start, stop and step of range(...) or prange(...); step None when it is 1."""
        if call.keywords or not 1 <= len(call.args) <= 3:
            raise self.error(call, "range() takes 1 to 3 positional arguments")
        args = [self.emit_value(ir.Call, a, "range.int", [self.lower(a)]) for a in call.args]
        start = self.const(call, 0) if len(args) == 1 else args[0]
        stop = args[0] if len(args) == 1 else args[1]
        unit = len(args) < 3 or (isinstance(call.args[2], ast.Constant) and
                                 call.args[2].value == 1)
        return start, stop, None if unit else args[2]

    #  for i in prange(start, stop, step): body     (under parallel=True; see kiln.parallel)
    #    n = range.len(start, stop, step)
    #    %r = parallel_for body(n, start, step, captured..., x...) [op x, ...]
    #    x = %r[0] ...; unbind private names; if n > 0: i = start + (n - 1) * step
    def lower_parallel_for(self, node: ast.For, start: ir.Value, stop: ir.Value,
                           step: ir.Value | None) -> None:
        call = node.iter
        loop = parallel.plan(node, self.tree, self.locals, self.global_name, self.error)
        step = step if step is not None else self.const(call, 1)
        count = self.emit_value(ir.Call, call, "range.len", [start, stop, step])
        captured = [self.load(node, name) for name in loop.captured]
        outer = [self.load(node, name) for name, _ in loop.reductions]
        body = ParallelBody(self.func, loop.tree, self.reads, loop.reductions)
        result = self.emit_value(ir.ParallelFor, node, body, count,
                                 [start, step, *captured, *outer], outer,
                                 [op for _, op in loop.reductions])
        for index, (name, _) in enumerate(loop.reductions):
            self.emit(ir.Store(self.span(node), name,
                               self.emit_value(ir.GetItem, node, result, index)))
        for name in sorted(loop.privates - {loop.target}):
            self.emit(ir.Unbind(self.span(node), name))
        ran, after = self.new_block(), self.new_block()
        self.emit(ir.Branch(self.span(call), self.emit_value(
            ir.Compare, call, ">", count, self.const(call, 0)), ran, after))
        self.start(ran)
        steps = self.emit_value(ir.BinOp, call, "-", count, self.const(call, 1))
        last = self.emit_value(ir.BinOp, call, "+", start,
                               self.emit_value(ir.BinOp, call, "*", steps, step))
        self.emit(ir.Store(self.span(node.target), loop.target, last))
        self.jump(node, after)
        self.start(after)

    #  for i in range(start, stop): body else: orelse
    #    cur = start; header: branch cur < stop, body, orelse
    #    body: i = cur; ...; latch: cur = cur + 1 (cannot overflow: cur < stop); jump header
    # The plain form lets LLVM see i's range, so i + 1 and a[i] checks fold away.
    def lower_unit_range(self, node: ast.For, start: ir.Value, stop: ir.Value) -> None:
        call = node.iter
        limit, current = self.temp(), self.temp()
        self.emit(ir.Store(self.span(call), limit, stop))
        self.emit(ir.Store(self.span(call), current, start))

        def advance() -> None:
            self.emit(ir.Store(self.span(call), current, self.emit_value(
                ir.Call, call, "range.next", [self.load(call, current)])))
        region = self.range_loop(node, current, limit, current, advance)
        if isinstance(node.target, ast.Name):
            region.variable, region.start, region.stop = node.target.id, start, stop

    #  header: branch counter < limit, body, orelse;  body: target = current; ...
    #  latch: advance(); jump header;  then the loop's else and what follows
    def range_loop(self, node: ast.For, counter: str, limit: str, current: str,
                   advance: Any, runtime_step: bool = False) -> ir.LoopRegion:
        """The block shape both range forms share (a LoopRegion, for codegen)."""
        call = node.iter
        first = len(self.blocks)
        header, body, latch, after = (self.new_block() for _ in range(4))
        orelse = self.new_block() if node.orelse else after
        region = self.open_region([after, orelse])
        region.header, region.body, region.latch = header, body, latch
        region.runtime_step = runtime_step
        self.jump(node, header)
        self.start(header)
        more = self.emit_value(ir.Compare, call, "<", self.load(call, counter),
                               self.load(call, limit))
        self.emit(ir.Branch(self.span(call), more, body, orelse))
        self.start(body)
        self.store_target(node.target, self.load(call, current))
        self.loop_body(node, self.block, latch, after)
        self.start(latch)
        advance()
        self.jump(node, header)
        self.close_region(region, first)
        self.finish_loop(node, orelse, after)
        return region

    def open_region(self, exits: list[ir.Block]) -> ir.LoopRegion:
        for outer in self.open_regions:
            outer.innermost = False
        region = ir.LoopRegion([], exits)
        self.open_regions.append(region)
        return region

    def close_region(self, region: ir.LoopRegion, first: int) -> None:
        """The loop's blocks: all made since its header, except where it exits to."""
        self.open_regions.pop()
        region.blocks = [b for b in self.blocks[first:] if b not in region.exits]
        self.regions.append(region)

    #  for x in seq: body  ->  t = seq; n = len(t); for $k in range(n): x = t[$k]; body
    #  for i, x in enumerate(seq): body  ->  t = seq; n = len(t); for i in range(n): x = t[i]
    #  for x, y in zip(a, b): body  ->  ta = a; tb = b; n = min(len(ta), len(tb));
    #                                   for $k in range(n): x = ta[$k]; y = tb[$k]; body
    # The element expressions read temporaries only, so a tuple target takes them one by one.
    # In the enumerate form, i itself is the loop's variable: loop guards then cover a[i].
    def lower_for_each(self, node: ast.For) -> None:
        span = positions(node.iter)
        target, counter = node.target, self.temp()
        call = node.iter
        if isinstance(call, ast.Call) and self.global_name(call.func) == "enumerate" and \
                self.enumerate_arguments(call)[1] is None and isinstance(target, ast.Tuple) \
                and len(target.elts) == 2 and isinstance(target.elts[0], ast.Name):
            (counter, target), call = (target.elts[0].id, target.elts[1]), call.args[0]
        length, element = self.iterable(call)
        limit = self.temp()
        self.emit(ir.Store(self.span(node.iter), limit, length))
        index = ast.Name(counter, ast.Load(), **span)
        loop = ast.For(ast.Name(counter, ast.Store(), **span),
                       ast.Call(ast.Name("range", ast.Load(), **span),
                                [ast.Name(limit, ast.Load(), **span)], [], **span),
                       self.assignments(target, element(index)) + node.body, node.orelse,
                       **positions(node))
        self.locals |= {counter, limit}
        self.lower_For(loop)

    def iterable(self, node: ast.expr) -> tuple[ir.Value, Any]:
        """What a for loop over `node` needs: its length, computed now, and a function giving
        the expression of its element at an index (an ast.Name)."""
        span = positions(node)
        kind = self.global_name(node.func) if isinstance(node, ast.Call) else None
        if kind == "enumerate":
            sequence, start = self.enumerate_arguments(node)
            length, inner = self.iterable(sequence)
            if start is None:
                return length, lambda k: ast.Tuple([k, inner(k)], ast.Load(), **span)
            first = self.hold(node, self.emit_value(ir.Call, start, "range.int",
                                                    [self.lower(start)]))
            return length, lambda k: ast.Tuple(
                [ast.BinOp(ast.Name(first, ast.Load(), **span), ast.Add(), k, **span),
                 inner(k)], ast.Load(), **span)
        if kind == "zip":
            if node.keywords or not node.args:
                raise self.error(node, "zip() takes one or more sequences in compiled code",
                                 "zip(a, b, ...) with no keywords (strict= is not supported)")
            parts = [self.iterable(a) for a in node.args]
            length = parts[0][0] if len(parts) == 1 else \
                self.emit_value(ir.Call, node, "min", [length for length, _ in parts])
            return length, lambda k: ast.Tuple([part(k) for _, part in parts], ast.Load(),
                                               **span)
        if kind == "range":
            start, stop, step = self.range_arguments(node)
            step = step if step is not None else self.const(node, 1)
            length = self.emit_value(ir.Call, node, "range.len", [start, stop, step])
            first, stride = self.hold(node, start), self.hold(node, step)
            return length, lambda k: ast.BinOp(
                ast.Name(first, ast.Load(), **span), ast.Add(),
                ast.BinOp(k, ast.Mult(), ast.Name(stride, ast.Load(), **span), **span), **span)
        sequence = self.hold(node, self.lower(node))
        return self.emit_value(ir.Call, node, "len", [self.load(node, sequence)]), \
            lambda k: ast.Subscript(ast.Name(sequence, ast.Load(), **span), k, ast.Load(),
                                    **span)

    def enumerate_arguments(self, call: ast.Call) -> tuple[ast.expr, ast.expr | None]:
        """The sequence and start of enumerate(seq[, start]); start None when it is 0."""
        start = call.args[1:] or [k.value for k in call.keywords if k.arg == "start"]
        if not 1 <= len(call.args) + len(call.keywords) <= 2 or not call.args or \
                len(start) != len(call.args) + len(call.keywords) - 1:
            raise self.error(call, "enumerate() takes a sequence and an optional start")
        zero = start and isinstance(start[0], ast.Constant) and start[0].value == 0 and \
            type(start[0].value) is int
        return call.args[0], None if not start or zero else start[0]

    def hold(self, node: ast.AST, value: ir.Value) -> str:
        """A new temporary local holding `value`."""
        name = self.temp()
        self.emit(ir.Store(self.span(node), name, value))
        self.locals.add(name)
        return name

    def assignments(self, target: ast.expr, value: ast.expr) -> list[ast.stmt]:
        """`target = value` as statements, a tuple target item by item when `value` is a tuple
        display of the same length (its items read temporaries only, so the order is moot)."""
        if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) and \
                len(target.elts) == len(value.elts) and \
                not any(isinstance(e, ast.Starred) for e in target.elts):
            return [s for t, v in zip(target.elts, value.elts) for s in self.assignments(t, v)]
        return [ast.Assign([target], value, **positions(target))]

    def load(self, node: ast.AST, name: str) -> ir.Value:
        return self.emit_value(ir.Load, node, name)

    def lower_Break(self, node: ast.Break) -> None:
        if not self.loops:
            raise self.error(node, "'break' outside loop")
        self.jump(node, self.loops[-1][1])

    def lower_Continue(self, node: ast.Continue) -> None:
        if not self.loops:
            raise self.error(node, "'continue' outside loop")
        self.jump(node, self.loops[-1][0])

    def lower_Assert(self, node: ast.Assert) -> None:
        message = self.constant_message(node.msg) if node.msg is not None else None
        ok, fail = self.new_block(), self.new_block()
        self.lower_test(node.test, ok, fail)
        self.start(fail)
        self.emit(ir.Raise(self.span(node), "AssertionError", message))
        self.start(ok)

    # raise ValueError("message") | raise ValueError() | raise ValueError
    def lower_Raise(self, node: ast.Raise) -> None:
        exc, message = node.exc, None
        if exc is None:
            raise self.error(node, "bare `raise` is not supported (there is no try/except)")
        if isinstance(exc, ast.Call):
            if exc.keywords or len(exc.args) > 1:
                raise self.error(exc, "exceptions take at most one constant message argument")
            message = self.constant_message(exc.args[0]) if exc.args else None
            exc = exc.func
        cls = self.resolve_global(exc) if isinstance(exc, (ast.Name, ast.Attribute)) else None
        if not (isinstance(cls, type) and issubclass(cls, BaseException)
                and getattr(builtins, cls.__name__, None) is cls):
            raise self.error(exc, f"raising {describe(exc)} is not supported",
                             "raise a builtin exception class, e.g. raise ValueError(\"...\")")
        self.emit(ir.Raise(self.span(node), cls.__name__, message))

    def constant_message(self, node: ast.expr) -> str:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        raise self.error(node, "exception messages must be constant strings",
                         'a string literal, e.g. raise ValueError("n must be positive")')

    # ---- tests (conditions lowered straight into branches) -------------------------------
    def lower_test(self, node: ast.expr, then: ir.Block, orelse: ir.Block) -> None:
        if isinstance(node, ast.BoolOp):
            for value in node.values[:-1]:
                rest = self.new_block()
                if isinstance(node.op, ast.And):
                    self.lower_test(value, rest, orelse)
                else:
                    self.lower_test(value, then, rest)
                self.start(rest)
            self.lower_test(node.values[-1], then, orelse)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            self.lower_test(node.operand, orelse, then)
        elif isinstance(node, ast.Compare):      # a < b < c: one branch per link
            left = self.lower(node.left)
            for i, (op, right_node) in enumerate(zip(node.ops, node.comparators)):
                right = self.lower(right_node)
                link = self.emit_value(ir.Compare, node, CMPOPS[type(op)], left, right)
                more = then if i == len(node.ops) - 1 else self.new_block()
                self.emit(ir.Branch(self.span(node), link, more, orelse))
                self.start(more)
                left = right
        else:
            cond = self.emit_value(ir.Truth, node, self.lower(node))
            self.emit(ir.Branch(self.span(node), cond, then, orelse))

    # ---- expressions ---------------------------------------------------------------------
    def lower_Constant(self, node: ast.Constant) -> ir.Value:
        if isinstance(node.value, str) and dtype_name(node.value) is not None:
            return self.const(node, DTypeValue(dtype_name(node.value)))     # dtype="float32"
        if not is_constant(node.value):
            raise self.error(node, f"{type(node.value).__name__} constants are not supported",
                             "int, float, bool and None constants")
        return self.const(node, node.value)

    def lower_Name(self, node: ast.Name) -> ir.Value:
        if node.id in self.locals:
            return self.emit_value(ir.Load, node, node.id)
        value = self.resolve_global(node)
        if is_constant(value):
            return self.const(node, value)
        if dtype_name(value) is not None:
            return self.const(node, DTypeValue(dtype_name(value)))
        raise self.error(node, f"global name {node.id!r} refers to "
                         f"{type(value).__name__} {short_repr(value)}, which compiled code "
                         "cannot use as a value",
                         "module-level int, float, bool and tuple constants, called functions")

    def is_global_access(self, node: ast.Attribute) -> bool:
        """`m.x` on a module-level name, or `m.sub.x` on a module's module (np.linalg.norm)."""
        if isinstance(node.value, ast.Attribute):
            return self.is_global_access(node.value) and \
                inspect.ismodule(self.resolve_global(node.value))
        return isinstance(node.value, ast.Name) and node.value.id not in self.locals

    # a.shape -> call attr.shape(a);  math.pi, np.float64 -> constants
    def lower_Attribute(self, node: ast.Attribute) -> ir.Value:
        if not self.is_global_access(node):
            return self.emit_value(ir.Call, node, f"attr.{node.attr}", [self.lower(node.value)])
        value = self.resolve_global(node)
        if is_constant(value):
            return self.const(node, value)
        if dtype_name(value) is not None:
            return self.const(node, DTypeValue(dtype_name(value)))
        raise self.error(node, f"{describe(node)} is not supported as a value",
                         "math constants such as math.pi, module-level number constants")

    def lower_Tuple(self, node: ast.Tuple) -> ir.Value:
        return self.emit_value(ir.MakeTuple, node, [self.lower(e) for e in node.elts])

    # a[i], a[i, j], t[0], a[1:n:2]  ->  call getitem(a, i, j) (slices become slice values)
    def lower_Subscript(self, node: ast.Subscript) -> ir.Value:
        value = self.lower(node.value)
        return self.emit_value(ir.Call, node, "getitem", [value, *self.lower_indices(node.slice)])

    def lower_indices(self, index: ast.expr) -> list[ir.Value]:
        parts = index.elts if isinstance(index, ast.Tuple) else [index]
        return [self.lower_slice(p) if isinstance(p, ast.Slice) else self.lower(p) for p in parts]

    def lower_slice(self, node: ast.Slice) -> ir.Value:
        bounds = [self.lower(p) if p is not None else self.const(node, None)
                  for p in (node.lower, node.upper, node.step)]
        return self.emit_value(ir.Call, node, "slice", bounds)

    def lower_BinOp(self, node: ast.BinOp) -> ir.Value:
        left, right = self.lower(node.left), self.lower(node.right)
        return self.emit_value(ir.BinOp, node, BINOPS[type(node.op)], left, right)

    def lower_UnaryOp(self, node: ast.UnaryOp) -> ir.Value:
        if isinstance(node.op, ast.Not):
            truth = self.emit_value(ir.Truth, node, self.lower(node.operand))
            return self.emit_value(ir.UnaryOp, node, "not", truth)
        operand = node.operand
        if isinstance(node.op, ast.USub) and isinstance(operand, ast.Constant) and \
                type(operand.value) in (int, float):
            return self.const(node, -operand.value)
        return self.emit_value(ir.UnaryOp, node, UNARYOPS[type(node.op)], self.lower(operand))

    # a < b < c  ->  t = a < b; branch t, more, done; more: t = b < c; done: load t
    def lower_Compare(self, node: ast.Compare) -> ir.Value:
        if len(node.ops) == 1:               # a < b: one comparison, no chain to cut short
            return self.emit_value(ir.Compare, node, CMPOPS[type(node.ops[0])],
                                   self.lower(node.left), self.lower(node.comparators[0]))
        result, done = self.temp(), self.new_block()
        left = self.lower(node.left)
        for i, (op, right_node) in enumerate(zip(node.ops, node.comparators)):
            right = self.lower(right_node)
            link = self.emit_value(ir.Compare, node, CMPOPS[type(op)], left, right)
            self.emit(ir.Store(self.span(node), result, link))
            if i == len(node.ops) - 1:
                self.jump(node, done)
            else:
                more = self.new_block()
                self.emit(ir.Branch(self.span(node), link, more, done))
                self.start(more)
            left = right
        self.start(done)
        return self.load(node, result)

    # a and b  ->  t = a; branch truth(t), rhs, done; rhs: t = b; done: load t
    def lower_BoolOp(self, node: ast.BoolOp) -> ir.Value:
        result, done = self.temp(), self.new_block()
        for value_node in node.values[:-1]:
            value = self.lower(value_node)
            self.emit(ir.Store(self.span(value_node), result, value))
            rest = self.new_block()
            truth = self.emit_value(ir.Truth, value_node, value)
            if isinstance(node.op, ast.And):
                self.emit(ir.Branch(self.span(value_node), truth, rest, done))
            else:
                self.emit(ir.Branch(self.span(value_node), truth, done, rest))
            self.start(rest)
        last = node.values[-1]
        self.emit(ir.Store(self.span(last), result, self.lower(last)))
        self.jump(node, done)
        self.start(done)
        return self.load(node, result)

    def lower_IfExp(self, node: ast.IfExp) -> ir.Value:
        result, then, orelse, done = self.temp(), self.new_block(), self.new_block(), \
            self.new_block()
        self.lower_test(node.test, then, orelse)
        for block, branch in ((then, node.body), (orelse, node.orelse)):
            self.start(block)
            self.emit(ir.Store(self.span(branch), result, self.lower(branch)))
            self.jump(node, done)
        self.start(done)
        return self.load(node, result)

    # f(a, b=1): a library function ("math.sqrt", "abs") or a Python function
    def lower_Call(self, node: ast.Call) -> ir.Value:
        if any(isinstance(a, ast.Starred) for a in node.args) or \
                any(k.arg is None for k in node.keywords):
            raise self.error(node, "*args and **kwargs in calls are not supported")
        func = node.func
        if isinstance(func, ast.Attribute) and not self.is_global_access(func):
            name = f"method.{func.attr}"             # a.method(x): call method.name(a, x)
            return self.emit_value(ir.Call, node, name,
                                   self.bind_library(node, name, [func.value, *node.args]))
        target = self.resolve_callee(func)
        if isinstance(target, str):
            return self.emit_value(ir.Call, node, target,
                                   self.bind_library(node, target, node.args))
        return self.emit_value(ir.Call, node, target, self.bind_arguments(node, target))

    def bind_library(self, node: ast.Call, name: str, args: list[ast.expr]) -> list[ir.Value]:
        """Positional arguments for a library function (a method's object first); keywords
        by its registered signature, with None for parameters left out."""
        params = registry.SIGNATURES.get(name)
        shown = name.replace("method.", ".", 1)
        if params is None:
            if node.keywords:
                raise self.error(node.keywords[0], f"{shown}() takes positional arguments "
                                 "only in compiled code")
            return [self.lower_argument(a) for a in args]
        if len(args) > len(params):
            count = len(params) - (shown != name)     # a method's object is not counted
            raise self.error(node, f"{shown}() takes at most {count} argument"
                             f"{'s' if count != 1 else ''}")
        given: dict[str, ast.expr] = dict(zip(params, args))
        for keyword in node.keywords:
            if keyword.arg not in params or keyword.arg in given:
                raise self.error(keyword, f"{shown}() got an unexpected or repeated keyword "
                                 f"argument {keyword.arg!r}", f"parameters: {', '.join(params)}")
            given[keyword.arg] = keyword.value
        last = max((params.index(k) for k in given), default=-1)
        return [self.lower_argument(given[p]) if p in given else self.const(node, None)
                for p in params[:last + 1]]

    def lower_argument(self, node: ast.expr) -> ir.Value:
        """A library function's argument. A str constant that names no dtype is a compile-time
        text for its rule (np.searchsorted(a, v, side="right")); strs are no values elsewhere.
        A list display is the tuple of its items (`np.array([[1, 2], [3, 4]])`,
        `np.zeros([n, m])`): NumPy's functions take either alike."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                dtype_name(node.value) is None:
            return self.const(node, TextValue(node.value))
        return self.lower(as_tuples(node))

    def bind_arguments(self, node: ast.Call, func: Any) -> list[ir.Value]:
        """Place keyword arguments and defaults positionally, in the callee's parameter order."""
        try:
            bound = inspect.signature(func).bind(*node.args, **{k.arg: k.value
                                                                for k in node.keywords})
        except TypeError as exc:
            raise self.error(node, f"bad call to {func.__name__}(): {exc}") from None
        params = inspect.signature(func).parameters
        values = []
        for name, param in params.items():
            if name in bound.arguments:
                values.append(self.lower(bound.arguments[name]))
            elif is_constant(param.default):
                values.append(self.const(node, param.default))
            else:
                raise self.error(node, f"default value of parameter {name!r} of "
                                 f"{func.__name__}() is {short_repr(param.default)}",
                                 "int, float, bool, None or tuple defaults")
        return values

    def resolve_callee(self, func_node: ast.expr) -> str | Any:
        name = self.global_name(func_node)
        if name in registry.CALLABLES:
            return name
        if name is not None and name.startswith("np."):
            supported = sorted(n for n in registry.CALLABLES if n.startswith("np."))
            raise self.error(func_node, f"{name}() is not supported in compiled code yet",
                             ", ".join(supported))
        if isinstance(func_node, ast.Name) and func_node.id in self.locals:
            raise self.error(func_node, f"calling the local variable {func_node.id!r} is not "
                             "supported", "call module-level functions by name")
        target = self.resolve_global(func_node)
        target = getattr(target, "py_func", target)
        if inspect.isfunction(target):
            return target
        hint = ""
        if name is not None and name.startswith("math."):
            hint = "math functions: " + ", ".join(sorted(
                n[5:] for n in registry.CALLABLES if n.startswith("math.")))
        elif isinstance(target, type) or inspect.isbuiltin(target):
            hint = "builtins: " + ", ".join(sorted(n for n in registry.CALLABLES
                                                   if "." not in n))
        raise self.error(func_node, f"calling {name or describe(func_node)} is not supported",
                         hint or "module-level Python functions, math functions, builtins")

    def global_name(self, node: ast.expr) -> str | None:
        """'abs', 'range' or 'math.sqrt' when `node` names a builtin or a math-module member."""
        if isinstance(node, ast.Name) and node.id not in self.locals:
            value = self.lookup(node.id, node)
            if value is getattr(builtins, node.id, None):
                return node.id
            if node.id == "prange" or getattr(value, "__name__", "") == "prange":
                return "prange"
            return imported_name(value)
        if isinstance(node, ast.Attribute) and self.is_global_access(node):
            owner = self.resolve_global(node.value)
            if owner is math:
                return f"math.{node.attr}"
            module = getattr(owner, "__name__", "")
            if module in NUMPY_MODULES:
                return f"{NUMPY_MODULES[module]}.{node.attr}"
            if module in ("kiln", "numba") and node.attr == "prange":
                return "prange"
        return None

    def lookup(self, name: str, node: ast.AST) -> Any:
        for scope in (self.src.closure, self.src.globals, vars(builtins)):
            if name in scope:
                self.reads[name] = scope[name]
                return scope[name]
        raise self.error(node, f"name {name!r} is not defined")

    def resolve_global(self, node: ast.expr) -> Any:
        if isinstance(node, ast.Name):
            return self.lookup(node.id, node)
        if isinstance(node, ast.Attribute) and self.is_global_access(node):
            owner = self.resolve_global(node.value)
            if hasattr(owner, node.attr):
                return getattr(owner, node.attr)
            raise self.error(node, f"{describe(node.value)} has no attribute {node.attr!r}")
        raise self.error(node, f"{describe(node)} is not supported here")


def imported_name(value: Any) -> str | None:
    """'math.sqrt', 'np.zeros' or 'np.linalg.norm' for a function imported by name (`from
    numpy import zeros`), as global_name names `np.zeros`."""
    name = getattr(value, "__name__", None)
    if not isinstance(name, str) or not callable(value):
        return None
    if getattr(math, name, None) is value:
        return f"math.{name}"
    numpy = sys.modules.get("numpy")        # loaded already if the function comes from it
    for module in (numpy, getattr(numpy, "linalg", None)):
        if module is not None and getattr(module, name, None) is value:
            return f"{NUMPY_MODULES[module.__name__]}.{name}"
    return None


def reachable(blocks: list[ir.Block]) -> list[ir.Block]:
    """The blocks reachable from the entry, in their original order."""
    seen, stack = {id(blocks[0])}, [blocks[0]]
    while stack:
        for succ in stack.pop().successors():
            if id(succ) not in seen:
                seen.add(id(succ))
                stack.append(succ)
    return [b for b in blocks if id(b) in seen]


def describe(node: ast.AST) -> str:
    names = {"Call": "this call", "Attribute": "attribute access", "Subscript": "subscript",
             "List": "a list", "Dict": "a dict", "Set": "a set", "Lambda": "lambda",
             "With": "`with`", "Try": "try/except", "JoinedStr": "an f-string",
             "GeneratorExp": "a generator expression", "ListComp": "a list comprehension"}
    try:
        text = ast.unparse(node)
    except Exception:  # noqa: BLE001 - a description must never fail
        text = ""
    kind = names.get(type(node).__name__, type(node).__name__)
    return f"{kind} `{text}`" if text and len(text) < 40 and "\n" not in text else kind


def short_repr(value: Any) -> str:
    text = repr(value)
    return text if len(text) < 40 else text[:37] + "..."


def lower_function(func: Any, parallel: bool = False) -> ir.Function:
    """Lower a Python function (or a prange loop's outlined body) to untyped IR."""
    return Lowerer(func, parallel and not isinstance(func, ParallelBody)).lower_function()


def as_tuples(node: ast.expr) -> ast.expr:
    """A list display, and the list displays it holds, as tuple displays."""
    if not isinstance(node, ast.List):
        return node
    return ast.copy_location(ast.Tuple([as_tuples(e) for e in node.elts], ast.Load()), node)
