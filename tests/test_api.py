"""The user-facing API: decorator forms, options, signatures, introspection, dispatch, threads."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import warnings

import pytest

import kiln
from api import funcs
from kiln import codegen


def test_decorator_forms_give_the_same_results():
    assert kiln.jit(funcs.add)(1) == 3
    assert kiln.jit()(funcs.add)(1, 2.5) == 3.5
    assert kiln.jit(nogil=True)(funcs.add)(1, y=5) == 6
    assert kiln.njit(funcs.add)(x=1, y=1) == 2


def test_metadata_is_kept():
    f = kiln.jit(funcs.add)
    assert f.py_func is funcs.add
    assert f.__name__ == "add" and f.__doc__ == "Add two numbers."
    f(1, 2)
    f(1.0, 2)
    assert [tuple(map(str, s)) for s in f.signatures] == [("int", "int"), ("float", "int")]


def test_explicit_signature_compiles_eagerly_and_only_those_types():
    f = kiln.jit("float64(float64, float64)")(funcs.hyp)
    assert len(f.signatures) == 1
    assert f(3.0, 4.0) == 5.0
    with pytest.raises(TypeError, match="no compiled version"):
        f(3, 4)


def test_signature_with_wrong_return_type_is_a_compile_error():
    with pytest.raises(kiln.CompileError, match="returns float"):
        kiln.jit("int64(float64, float64)")(funcs.hyp)


def test_unknown_option_is_a_type_error():
    with pytest.raises(TypeError, match="unknown kiln.jit option"):
        kiln.jit(funcs.add, nopythn=True)


def test_error_model_numpy_warns():
    with pytest.warns(kiln.KilnWarning, match="error model"):
        kiln.jit(funcs.add, error_model="numpy")


def test_nogil_needs_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kiln.jit(funcs.add, nogil=True)


def test_bad_argument_count_is_a_type_error_like_python():
    f = kiln.jit(funcs.add)
    with pytest.raises(TypeError):
        f()
    with pytest.raises(TypeError):
        f(1, 2, 3)


def test_int_subclasses_compile_as_int():
    f = kiln.jit(funcs.add)
    result = f(funcs.Color.GREEN, funcs.Color.RED)
    assert result == 3 and type(result) is int


def test_numpy_scalar_arguments_keep_their_type():
    np = pytest.importorskip("numpy")
    result = kiln.jit(funcs.add)(np.float32(1.5))
    assert type(result) is np.float32 and result == 3.5


def test_unsupported_numpy_scalars_are_a_type_error():
    np = pytest.importorskip("numpy")
    with pytest.raises(TypeError, match="float16"):
        kiln.jit(funcs.add)(np.float16(1.0))


def test_mutual_recursion_without_decorators():
    f = kiln.jit(funcs.is_even)
    assert f(10) is True and f(7) is False


def test_inspect_types_reports_tagged_variables():
    f = kiln.jit(funcs.accumulate)
    assert f(0, 1.0) == 0 and type(f(0, 1.0)) is int
    text = f.inspect_types()
    assert "s: int | float" in text
    assert "s = 0.0" in text


def test_inspect_llvm_and_asm():
    f = kiln.jit(funcs.hyp)
    f(3.0, 4.0)
    (signature,) = f.signatures
    assert "define" in f.inspect_llvm(signature)
    assert "sqrt" in f.inspect_asm(signature)
    assert set(f.inspect_llvm()) == {signature}


def test_every_ir_instruction_has_an_emitter():
    assert codegen.check_emitters() == []


def test_debug_dumps_every_stage(tmp_path):
    script = tmp_path / "prog.py"
    script.write_text("import kiln\n\ndef f(x):\n    return x * 2\n\nprint(kiln.jit(f)(21))\n")
    env = dict(os.environ, KILN_DEBUG="4")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          env=env, timeout=120)
    assert done.stdout.strip() == "42"
    for level in ("1", "3", "4"):
        assert f"kiln debug {level}" in done.stderr


def test_compiled_code_releases_the_gil():
    """While one thread runs a long compiled call, the main thread keeps running Python."""
    f = kiln.jit(funcs.spin)
    f(10)
    finished = threading.Event()
    worker = threading.Thread(target=lambda: (f(30_000_000), finished.set()))
    progress = 0
    worker.start()
    while not finished.is_set():
        progress += 1
    worker.join()
    assert progress > 1000


def test_threads_calling_compiled_code_get_correct_results():
    f = kiln.jit(funcs.spin)
    expected = funcs.spin(20_000)
    results = []
    threads = [threading.Thread(target=lambda: results.append(f(20_000))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 8


def test_import_does_not_load_llvm():
    code = "import sys, kiln; print('llvmlite' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.strip() == "False"


def test_scalar_code_does_not_import_numpy(tmp_path):
    """Compiling and calling a function of ints leaves NumPy unimported (40 ms of start-up)."""
    module = tmp_path / "scalar_only.py"
    module.write_text("import sys, kiln\n\n\n@kiln.jit\ndef f(n):\n    return n * 2 + 1\n\n\n"
                      "print(f(20), 'numpy' in sys.modules)\n")
    done = subprocess.run([sys.executable, str(module)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "KILN_CACHE_DIR": str(tmp_path)})
    assert done.stdout.split() == ["41", "False"], done.stderr


def test_fastmath_sum_loop_vectorises():
    """A float64 sum over a contiguous array compiles to packed SIMD adds under fastmath."""
    np = pytest.importorskip("numpy")
    total = kiln.jit(fastmath=True)(funcs.total)
    a = np.arange(1000.0)
    assert total(a) == a.sum()
    asm = total.inspect_asm(total.signatures[0])
    assert any(op in asm for op in ("vaddpd", "addpd")), "no packed double adds"


def test_counting_loop_vectorises():
    """`count += 1` from 0 cannot reach 2**63, so it carries no overflow branch (kiln.bounds)
    and the loop vectorises, bounds checks and all."""
    np = pytest.importorskip("numpy")
    count = kiln.jit(funcs.count_nonzero)
    flags = np.arange(1000, dtype=np.uint8) % 3
    assert count(flags) == np.count_nonzero(flags)
    assert re.search(r"<\d+ x i64>", count.inspect_llvm(count.signatures[0]))


def test_a_runtime_step_loop_stays_a_plain_loop():
    """range(i * i, n, i): its stores are strided by an unknown amount, which LLVM's vectoriser
    would scatter element by element; kiln asks for a scalar loop there, and only there."""
    np = pytest.importorskip("numpy")
    sieve = kiln.jit(boundscheck=False)(funcs.sieve)
    flags = np.ones(1000, dtype=np.uint8)
    assert sieve(flags) == 168
    llvm_ir = sieve.inspect_llvm(sieve.signatures[0])
    assert "llvm.loop.vectorize.enable" in llvm_ir and not re.search(r"<\d+ x i8>", llvm_ir)
    assert ".fast" in llvm_ir    # a copy for step > 0, storing without wrapping (bounds.py)
    every_other = kiln.jit(funcs.every_other)
    assert every_other(np.arange(10.0)) == 20.0
    assert "llvm.loop.vectorize.enable" not in every_other.inspect_llvm(
        every_other.signatures[0])



def test_a_strided_float_sum_stays_a_plain_loop():
    """A float sum keeps its order, so it vectorises only as an in-order reduction: worth it
    over a row (contiguous loads), not over a column (each vector gathered element by element);
    kiln asks for a scalar loop over the column alone, and both sums are exact."""
    np = pytest.importorskip("numpy")
    a, b = np.arange(64.0) / 7, np.arange(64.0 * 64).reshape(64, 64) / 3
    column = kiln.jit(boundscheck=False)(funcs.column_dot)
    row = kiln.jit(boundscheck=False)(funcs.row_dot)
    assert column(a, b, 5) == funcs.column_dot(a, b, 5)
    assert row(a, b, 5) == funcs.row_dot(a, b, 5)
    assert "llvm.loop.vectorize.enable" in column.inspect_llvm(column.signatures[0])
    row_ir = row.inspect_llvm(row.signatures[0])
    assert "llvm.loop.vectorize.enable" not in row_ir and re.search(r"<\d+ x double>", row_ir)

def test_a_loop_over_short_rows_gets_copies_for_2_and_3_columns():
    """kiln/loops.py, short inner loops: the loop over rows is emitted again for rows of 2
    and of 3 elements, where the inner loop unrolls and the outer one vectorises (their
    results for every width: tests/cases/short_loops.py). A sum down a column gets none."""
    np = pytest.importorskip("numpy")
    from cases import short_loops
    distances = kiln.jit(short_loops.distances)
    x = short_loops._points(9, 3)
    assert np.array_equal(distances(x), short_loops.distances(x))
    llvm_ir = distances.inspect_llvm(distances.signatures[0])
    assert ".trips2" in llvm_ir and ".trips3" in llvm_ir and ".trips4" not in llvm_ir
    assert re.search(r"<\d+ x double>", llvm_ir)
    columns = kiln.jit(funcs.matvec_columns)
    a, v = np.arange(12.0).reshape(4, 3), np.arange(4.0)
    assert np.array_equal(columns(a, v, np.zeros(3)), funcs.matvec_columns(a, v, np.zeros(3)))
    assert ".trips" not in columns.inspect_llvm(columns.signatures[0])


def test_matmul_runs_four_columns_at_once():
    """kiln/loops.py, jam_nests: the loop over columns runs four trips around one inner loop,
    four sums at once, where a guard proves the indices in bounds (results for every shape,
    layout, overlap and index out of bounds: tests/cases/jammed_*.py). Nests that read what
    they write, or whose inner count moves with the parent, keep the loop as written, and so
    does a loop that gets copies for short rows."""
    np = pytest.importorskip("numpy")
    from cases import jammed_loops as cases
    from cases import short_loops
    a, b = cases._grid(5, 6), cases._grid(6, 11)

    def jammed(fn, *args, **options):
        compiled = kiln.jit(**options)(fn)
        assert np.array_equal(compiled(*args), fn(*args))
        return ".jam" in compiled.inspect_llvm(compiled.signatures[0])

    assert jammed(cases.matmul, a, b) and jammed(cases.matmul, a, b, boundscheck=False)
    assert not jammed(cases.running, a, np.arange(3.0), boundscheck=False)
    assert not jammed(cases.triangle, np.arange(9.0), boundscheck=False)
    assert not jammed(short_loops.distances, short_loops._points(9, 3))


def test_fastmath_accepts_a_set_of_flags():
    np = pytest.importorskip("numpy")
    total = kiln.jit(fastmath={"reassoc", "nsz"})(funcs.total)
    assert total(np.ones(10)) == 10.0
    assert "reassoc nsz" in total.inspect_llvm(total.signatures[0]) or \
        "nsz reassoc" in total.inspect_llvm(total.signatures[0])


def test_an_overflow_error_names_the_first_operation_that_overflowed():
    """Checks settle late (codegen's overflow_if), but the message is the first failure's."""
    first = kiln.jit(funcs.first_overflow)
    with pytest.raises(OverflowError, match=r"in \*"):
        first(2**62, 2**62)
    assert first(3, 4) == 12 - 7
    either = kiln.jit(funcs.overflow_in_either_arm)
    with pytest.raises(OverflowError, match=r"in \*"):
        either(2**62, True)
    with pytest.raises(OverflowError, match=r"in \+"):
        either(2**62, False)
    assert either(5, True) == 9 and either(5, False) == 9


def test_a_lambda_compiles_like_the_def_it_means():
    plus_one = kiln.jit(funcs.plus_one)
    assert (plus_one(1), plus_one(2.5)) == (2, 3.5)
    assert plus_one.signatures


def test_lambdas_sharing_a_line_are_told_apart_by_column():
    """Python 3.11 records where each lambda's body starts; 3.10 does not, and kiln then says
    it cannot tell them apart rather than guess."""
    power, quotient = (kiln.jit(f) for f in funcs.power_and_quotient)
    if sys.version_info >= (3, 11):
        assert (power(3), quotient(7), power(2, 10), quotient(7, b=3)) == (9, 3, 1024, 2)
    else:
        with pytest.raises(kiln.CompileError, match="cannot tell which lambda"):
            power(3)
