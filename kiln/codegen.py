"""Typed IR -> LLVM IR (llvmlite.ir): one `emit_<Instruction>` per IR class.

Each typed function becomes `{i1, T} @name(%ExcInfo*, args...)` (see abi.py). Locals live in
entry-block allocas beside an `i1` "assigned" flag; LLVM's mem2reg turns both into SSA and
drops the flag wherever assignment is certain. What an operation means comes from the registry
(lib/); this module only walks the IR and provides the helpers emitters use:

    cg.fail_if(cond, "ZeroDivisionError", "division by zero")
    cg.convert(value, INT, FLOAT)
    cg.call_extern("fmod", DOUBLE, [DOUBLE, DOUBLE], [a, b])
"""
from __future__ import annotations

from typing import Any

from llvmlite import ir as ll

from . import abi, ir
from .lib.registry import Impl, SplitImpl
from .types import (BOOL, BOTTOM, FLOAT, INT, NONE, NUMBER_ORDER, Bottom, Scalar, Tuple,
                    Type, Union, members)

I1, I8, I32, I64, DOUBLE = ll.IntType(1), ll.IntType(8), ll.IntType(32), ll.IntType(64), \
    ll.DoubleType()
I8P = I8.as_pointer()
EXCINFO = ll.LiteralStructType([I32, I8P])
UNION = ll.LiteralStructType([I8, I64])


def lltype(t: Type) -> ll.Type:
    """The LLVM type that holds a value of kiln type `t`."""
    if isinstance(t, Scalar):
        return {"int": I64, "float": DOUBLE, "bool": I1, "None": I8}[t.name]
    if isinstance(t, Union):
        return UNION
    if isinstance(t, Tuple):
        return ll.LiteralStructType([lltype(i) for i in t.items])
    if isinstance(t, Bottom):
        return I8
    raise TypeError(f"no LLVM type for {t}")


def function_type(fn: ir.Function) -> ll.FunctionType:
    ret = ll.LiteralStructType([I1, lltype(fn.return_type)])
    return ll.FunctionType(ret, [EXCINFO.as_pointer()] + [lltype(t) for t in fn.arg_types])


class Unit:
    """One LLVM module holding a root function and every function it calls."""

    def __init__(self, name: str):
        self.module = ll.Module(name)
        self.functions: dict[int, ll.Function] = {}
        self.strings: dict[str, ll.GlobalVariable] = {}
        self.pending: list[tuple[ir.Function, ll.Function]] = []

    def function(self, fn: ir.Function) -> ll.Function:
        """The LLVM function for a typed function, declared now and emitted later."""
        if id(fn) not in self.functions:
            llfn = ll.Function(self.module, function_type(fn), fn.symbol)
            llfn.linkage = "internal"
            self.functions[id(fn)] = llfn
            self.pending.append((fn, llfn))
        return self.functions[id(fn)]

    def emit_all(self, root: ir.Function) -> str:
        """Emit the root (external linkage) and everything it reaches; return its symbol."""
        self.function(root).linkage = "external"
        while self.pending:
            fn, llfn = self.pending.pop()
            FunctionEmitter(self, fn, llfn).emit()
        return root.symbol

    def cstring(self, text: str) -> ll.Value:
        if text not in self.strings:
            data = bytearray(text.encode("utf-8") + b"\0")
            var = ll.GlobalVariable(self.module, ll.ArrayType(I8, len(data)),
                                    f".str.{len(self.strings)}")
            var.initializer = ll.Constant(var.type.pointee, data)
            var.global_constant = True
            var.linkage = "private"
            self.strings[text] = var
        return self.strings[text].bitcast(I8P)

    def extern(self, name: str, ret: ll.Type, args: list[ll.Type]) -> ll.Function:
        existing = self.module.globals.get(name)
        return existing or ll.Function(self.module, ll.FunctionType(ret, args), name)


class FunctionEmitter:
    def __init__(self, unit: Unit, fn: ir.Function, llfn: ll.Function):
        self.unit, self.fn, self.llfn = unit, fn, llfn
        self.values: dict[int, ll.Value] = {}
        self.slots: dict[str, tuple[ll.Value, ll.Value]] = {}
        self.blocks = {id(b): llfn.append_basic_block(b.label) for b in fn.blocks}
        entry = llfn.append_basic_block("entry")
        llfn.basic_blocks.remove(entry)
        llfn.basic_blocks.insert(0, entry)
        self.b = ll.IRBuilder(entry)
        self.excinfo = llfn.args[0]

    # ---- driver --------------------------------------------------------------------------
    def emit(self) -> None:
        for name, t in self.fn.local_types.items():
            value = self.b.alloca(lltype(t), name=name)
            assigned = self.b.alloca(I1, name=f"{name}.assigned")
            self.b.store(ll.Constant(I1, 0), assigned)
            self.slots[name] = (value, assigned)
        self.b.branch(self.blocks[id(self.fn.blocks[0])])
        for block in self.fn.blocks:
            self.b.position_at_end(self.blocks[id(block)])
            for instr in block.instrs:
                getattr(self, f"emit_{type(instr).__name__}")(instr)

    def set(self, dest: ir.Value, value: ll.Value) -> None:
        self.values[dest.id] = value

    def get(self, value: ir.Value) -> ll.Value:
        return self.values[value.id]

    # ---- instructions --------------------------------------------------------------------
    def emit_Param(self, instr: ir.Param) -> None:
        self.set(instr.dest, self.llfn.args[instr.index + 1])

    def emit_Const(self, instr: ir.Const) -> None:
        self.set(instr.dest, self.const(instr.dest.type, instr.value))

    def emit_Load(self, instr: ir.Load) -> None:
        slot, assigned = self.slots[instr.name]
        if not instr.name.startswith("$"):
            message = f"cannot access local variable '{instr.name}' where it is not " \
                      "associated with a value"
            self.fail_if(self.b.not_(self.b.load(assigned)), "UnboundLocalError", message)
        self.set(instr.dest, self.b.load(slot))

    def emit_Store(self, instr: ir.Store) -> None:
        slot, assigned = self.slots[instr.name]
        value = self.convert(self.get(instr.value), instr.value.type,
                             self.fn.local_types[instr.name])
        self.b.store(value, slot)
        self.b.store(ll.Constant(I1, 1), assigned)

    def emit_operation(self, instr: Any, operands: list[ir.Value]) -> None:
        args = [self.get(v) for v in operands]
        types = tuple(v.type for v in operands)
        self.set(instr.dest, self.apply(instr.impl, args, types))

    def emit_BinOp(self, instr: ir.BinOp) -> None:
        self.emit_operation(instr, [instr.left, instr.right])

    def emit_Compare(self, instr: ir.Compare) -> None:
        self.emit_operation(instr, [instr.left, instr.right])

    def emit_UnaryOp(self, instr: ir.UnaryOp) -> None:
        self.emit_operation(instr, [instr.operand])

    def emit_Truth(self, instr: ir.Truth) -> None:
        self.emit_operation(instr, [instr.value])

    def emit_Call(self, instr: ir.Call) -> None:
        if isinstance(instr.impl, ir.Function):
            callee = instr.impl
            args = [self.convert(self.get(a), a.type, t)
                    for a, t in zip(instr.args, callee.arg_types)]
            result = self.b.call(self.unit.function(callee), [self.excinfo] + args)
            self.propagate(self.b.extract_value(result, 0))
            self.set(instr.dest, self.b.extract_value(result, 1))
        else:
            self.emit_operation(instr, instr.args)

    def emit_MakeTuple(self, instr: ir.MakeTuple) -> None:
        value = ll.Constant(lltype(instr.dest.type), ll.Undefined)
        for i, item in enumerate(instr.items):
            value = self.b.insert_value(value, self.get(item), i)
        self.set(instr.dest, value)

    def emit_GetItem(self, instr: ir.GetItem) -> None:
        size = len(instr.value.type.items)
        self.set(instr.dest, self.b.extract_value(self.get(instr.value), instr.index % size))

    def emit_Jump(self, instr: ir.Jump) -> None:
        self.b.branch(self.blocks[id(instr.target)])

    def emit_Branch(self, instr: ir.Branch) -> None:
        self.b.cbranch(self.get(instr.cond), self.blocks[id(instr.then)],
                       self.blocks[id(instr.orelse)])

    def emit_Return(self, instr: ir.Return) -> None:
        value = self.convert(self.get(instr.value), instr.value.type, self.fn.return_type)
        result = ll.Constant(self.llfn.return_value.type, ll.Undefined)
        result = self.b.insert_value(result, ll.Constant(I1, 0), 0)
        self.b.ret(self.b.insert_value(result, value, 1))

    def emit_Raise(self, instr: ir.Raise) -> None:
        self.raise_(instr.exc, instr.message)

    # ---- helpers for emitters ------------------------------------------------------------
    def apply(self, impl: Impl | SplitImpl, args: list[ll.Value], types: tuple[Type, ...]
              ) -> ll.Value:
        """Run an implementation; a SplitImpl switches on the tags of its union operands."""
        if isinstance(impl, Impl):
            args = [self.convert(a, t, want) for a, t, want in zip(args, types, impl.argtypes)]
            return impl.emit(self, args, impl.argtypes, impl.result)
        result_type = impl.result
        done = self.b.append_basic_block("split.done")
        incoming = []
        for combo, case in impl.cases:
            match = ll.Constant(I1, 1)
            for arg, t, member in zip(args, types, combo):
                if isinstance(t, Union):
                    match = self.b.and_(match, self.is_member(arg, member))
            with self.b.if_then(match):
                unpacked = [self.unpack(a, m) if isinstance(t, Union) else a
                            for a, t, m in zip(args, types, combo)]
                value = self.apply(case, unpacked, combo)
                value = self.convert(value, case.result, result_type)
                incoming.append((value, self.b.block))
                self.b.branch(done)
        self.b.unreachable()
        self.b.position_at_end(done)
        phi = self.b.phi(lltype(result_type))
        for value, block in incoming:
            phi.add_incoming(value, block)
        return phi

    def const(self, t: Type, value: Any) -> ll.Value:
        if isinstance(t, Tuple):
            return ll.Constant.literal_struct([self.const(i, v) for i, v in zip(t.items, value)])
        if t == FLOAT:
            return ll.Constant(DOUBLE, float(value))
        if t == NONE or isinstance(t, Bottom):
            return ll.Constant(I8, 0)
        return ll.Constant(lltype(t), int(value))

    def convert(self, value: ll.Value, src: Type, dst: Type) -> ll.Value:
        """Widen a value to a type that holds it: bool -> int, member -> union, tuple items."""
        if src == dst or isinstance(src, Bottom):
            return value if src == dst else ll.Constant(lltype(dst), ll.Undefined)
        if isinstance(dst, Union):
            if isinstance(src, Union):
                return value          # tags are global indices: a wider union has the same bits
            return self.pack(value, src)
        if src == BOOL and dst == INT:
            return self.b.zext(value, I64)
        if src in (BOOL, INT) and dst == FLOAT:
            return self.b.sitofp(value, DOUBLE) if src == INT else self.b.uitofp(value, DOUBLE)
        if isinstance(src, Tuple) and isinstance(dst, Tuple):
            out = ll.Constant(lltype(dst), ll.Undefined)
            for i, (s, d) in enumerate(zip(src.items, dst.items)):
                item = self.convert(self.b.extract_value(value, i), s, d)
                out = self.b.insert_value(out, item, i)
            return out
        raise TypeError(f"internal error: cannot convert {src} to {dst}")

    def pack(self, value: ll.Value, member: Type) -> ll.Value:
        tag = ll.Constant(I8, NUMBER_ORDER.index(member))
        if member == FLOAT:
            bits = self.b.bitcast(value, I64)
        elif member == BOOL:
            bits = self.b.zext(value, I64)
        else:
            bits = value
        out = self.b.insert_value(ll.Constant(UNION, ll.Undefined), tag, 0)
        return self.b.insert_value(out, bits, 1)

    def is_member(self, value: ll.Value, member: Type) -> ll.Value:
        tag = self.b.extract_value(value, 0)
        return self.b.icmp_unsigned("==", tag, ll.Constant(I8, NUMBER_ORDER.index(member)))

    def unpack(self, value: ll.Value, member: Type) -> ll.Value:
        bits = self.b.extract_value(value, 1)
        if member == FLOAT:
            return self.b.bitcast(bits, DOUBLE)
        if member == BOOL:
            return self.b.trunc(bits, I1)
        return bits

    def raise_(self, exc: str, message: str | None) -> None:
        """Record an exception in the ExcInfo and return the failure flag."""
        kind_ptr = self.b.gep(self.excinfo, [ll.Constant(I32, 0), ll.Constant(I32, 0)])
        msg_ptr = self.b.gep(self.excinfo, [ll.Constant(I32, 0), ll.Constant(I32, 1)])
        self.b.store(ll.Constant(I32, abi.exception_kind(exc)), kind_ptr)
        msg = self.unit.cstring(message) if message is not None else ll.Constant(I8P, None)
        self.b.store(msg, msg_ptr)
        self.fail()

    def fail(self) -> None:
        result = ll.Constant(self.llfn.return_value.type, ll.Undefined)
        self.b.ret(self.b.insert_value(result, ll.Constant(I1, 1), 0))

    def fail_if(self, cond: ll.Value, exc: str, message: str | None) -> None:
        with self.b.if_then(cond, likely=False):
            self.raise_(exc, message)

    def propagate(self, failed: ll.Value) -> None:
        with self.b.if_then(failed, likely=False):
            self.fail()

    def call_extern(self, name: str, ret: ll.Type, argtypes: list[ll.Type],
                    args: list[ll.Value]) -> ll.Value:
        return self.b.call(self.unit.extern(name, ret, argtypes), args)

    def intrinsic(self, name: str, ret: ll.Type, args: list[ll.Value]) -> ll.Value:
        """Call an LLVM intrinsic by its full name, e.g. "llvm.sqrt.f64"."""
        return self.call_extern(name, ret, [a.type for a in args], args)

    def helper(self, name: str, ret: ll.Type, argtypes: list[ll.Type], build: Any) -> ll.Function:
        """A private function of this module, built once by `build(builder, function)`."""
        existing = self.unit.module.globals.get(name)
        if existing is not None:
            return existing
        fn = ll.Function(self.unit.module, ll.FunctionType(ret, argtypes), name)
        fn.linkage = "internal"
        build(ll.IRBuilder(fn.append_basic_block("entry")), fn)
        return fn

    def select_value(self, cond: ll.Value, a: ll.Value, b: ll.Value) -> ll.Value:
        return self.b.select(cond, a, b)


def check_emitters() -> list[str]:
    """IR instruction classes that have no emitter (a test asserts this is empty)."""
    classes = [c for c in vars(ir).values() if isinstance(c, type) and issubclass(c, ir.Instr)
               and c is not ir.Instr]
    return [c.__name__ for c in classes if not hasattr(FunctionEmitter, f"emit_{c.__name__}")]


__all__ = ["Unit", "FunctionEmitter", "lltype", "I1", "I8", "I32", "I64", "DOUBLE", "I8P",
           "INT", "FLOAT", "BOOL", "NONE", "BOTTOM", "members"]
