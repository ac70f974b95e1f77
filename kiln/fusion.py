"""Fusing chains of elementwise array operations into one loop, on typed IR (after inference,
before codegen).

    %3 = binop * %a, %x          (a new array)
    %5 = call np.sqrt(%3)        (another)            ->   %6 = call fused(%a, %x, %b)
    %6 = binop + %5, %b          (and another)              one loop, one new array

An elementwise operation (its Impl has `element`, see lib/ufuncs.py) whose result is used once,
by another elementwise operation of the same block, is folded into that one: the consumer
computes the producer's element itself. Each element is computed by the same scalar functions
with the same operand types as before, and broadcasting is associative, so the values are
unchanged; only the temporaries are gone. A producer moves to its consumer's place, so only
constants, local reads and other producers of the same consumer may lie between them (anything
else could raise first or change the arrays the producer reads).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import ir
from .infer import operands, values_used
from .lib.registry import Impl
from .lib.ufuncs import run
from .types import NUMPY, Array, Type


@dataclass(frozen=True)
class Leaf:
    index: int                     # which of the fused call's arguments


@dataclass(frozen=True)
class Node:
    compute: Any                   # compute(cg, values, value_types), from the Impl
    children: tuple[Any, ...]      # Leaf or Node
    types: tuple[Type, ...]        # each child's element type


def fuse(fn: ir.Function) -> None:
    """Rewrite `fn`'s blocks, fusing every chain it can (see the module docstring)."""
    used = use_counts(fn)
    for block in fn.blocks:
        fuse_block(block, used)


def use_counts(fn: ir.Function) -> dict[int, int]:
    counts: dict[int, int] = {}
    for instr in fn.instructions():
        for value in values_used(instr):
            counts[value.id] = counts.get(value.id, 0) + 1
    return counts


def is_elementwise(instr: ir.Instr) -> bool:
    impl = getattr(instr, "impl", None)
    return isinstance(impl, Impl) and impl.element is not None


def fuse_block(block: ir.Block, used: dict[int, int]) -> None:
    position = {id(instr): k for k, instr in enumerate(block.instrs)}
    defs = {instr.dest.id: instr for instr in block.instrs if getattr(instr, "dest", None)}
    absorbed: set[int] = set()

    def fusable(value: ir.Value) -> ir.Instr | None:
        producer = defs.get(value.id)
        if producer is None or not is_elementwise(producer) or used.get(value.id) != 1 or \
                not isinstance(producer.dest.type, Array):
            return None
        return producer

    def tree(instr: ir.Instr, leaves: list[ir.Value]) -> Node:
        """instr's element computation over the leaves of its fusable operand tree."""
        children, types = [], []
        for value in operands(instr):
            producer = fusable(value)
            if producer is not None:
                absorbed.add(id(producer))
                children.append(tree(producer, leaves))
                types.append(NUMPY[producer.dest.type.dtype])
            else:
                leaves.append(value)
                children.append(Leaf(len(leaves) - 1))
                types.append(NUMPY[value.type.dtype] if isinstance(value.type, Array)
                             else value.type)
        return Node(instr.impl.element, tuple(children), tuple(types))

    for k in range(len(block.instrs) - 1, -1, -1):      # consumers last: take whole chains
        instr = block.instrs[k]
        if id(instr) in absorbed or not is_elementwise(instr) or \
                not any(fusable(v) for v in operands(instr)):
            continue
        before = set(absorbed)
        leaves: list[ir.Value] = []
        node = tree(instr, leaves)
        chain = absorbed - before
        first = min(position[i] for i in chain)
        between = [i for i in block.instrs[first:k] if id(i) not in chain]
        if not all(isinstance(i, (ir.Const, ir.Load)) for i in between):
            absorbed -= chain                            # leave this chain as it was
            continue
        impl = Impl(instr.impl.result, fused_emitter(node), tuple(v.type for v in leaves),
                    owned=True, element=node_compute(node))
        block.instrs[k] = ir.Call(instr.span, instr.dest, "fused", leaves, impl)
    block.instrs = [i for i in block.instrs if id(i) not in absorbed]


def node_compute(node: Node):
    """compute(cg, leaf values, leaf types) for a whole tree."""
    def compute(cg, values, value_types):
        def evaluate(part):
            if isinstance(part, Leaf):
                return values[part.index]
            return part.compute(cg, [evaluate(c) for c in part.children], list(part.types))
        return evaluate(node)
    return compute


def fused_emitter(node: Node):
    compute = node_compute(node)
    return lambda cg, args, types, result: run(cg, args, types, result, compute)
