"""Differential fuzzer for kiln: random well-formed scalar functions, run by CPython and by kiln.

Data flows one way:

    seed --generator--> plain source + argument tuples
         --oracle-----> oracle source (same program, every int operation checked against int64)
         --runner-----> per call: oracle outcome (CPython) vs kiln outcome -> verdict
         --pool-------> many seeds in crash-isolated worker processes -> summary, reproducers

Modules, one concern each:
    values.py     interesting ints and floats; literals spelled so unparse/parse round-trips
    typerules.py  static types (sets of bool/int/float) and result-type rules sampled from CPython
    exprs.py      typed random expressions
    generator.py  random functions: statements, loops, returns; `generate(seed)`
    checked.py    int64-checked operations the oracle rendering calls
    oracle.py     plain source -> oracle source
    compare.py    outcomes and when two agree (exact types, bit-exact floats, NaN == NaN)
    runner.py     load from real files, run both, judge, report and reproducer text
    summary.py    counting and the end-of-session summary
    pool.py       worker processes with timeouts and crash detection
    shrink.py     greedy reduction of a failing reproducer to a smaller one that fails alike
    __main__.py   `python -m tests.fuzz`
"""

from .generator import generate

__all__ = ["generate"]
