"""`f.inspect_types()`: the source with each line's local variables and their inferred types,
and a performance hint wherever a variable is a tagged int-or-float."""
from __future__ import annotations

import inspect
from typing import Any

from .types import Union


def annotate(func: Any, fn: Any) -> str:
    lines, first = inspect.getsourcelines(func)
    by_line: dict[int, list[str]] = {}
    for name, seen in fn.local_spans.items():
        if name.startswith("$"):
            continue
        t = fn.local_types.get(name)
        for _, span in seen[:1]:
            by_line.setdefault(span.line, []).append(f"{name}: {t}")
    header = (f"{fn.name}({', '.join(f'{p}: {t}' for p, t in zip(fn.params, fn.arg_types))})"
              f" -> {fn.return_type}")
    width = max(len(line.rstrip()) for line in lines)
    out = [f"# {header}"]
    for number, line in enumerate(lines, start=first):
        notes = by_line.get(number)
        text = line.rstrip()
        out.append(f"{text.ljust(width)}  # {', '.join(notes)}" if notes else text)
    hints = [f"# hint: '{name}' is {t}, a tagged value checked at run time; write it as a "
             f"float from the start (e.g. `{name} = 0.0`) to make this code fully static"
             for name, t in fn.local_types.items()
             if isinstance(t, Union) and not name.startswith("$")]
    if isinstance(fn.return_type, Union):
        hints.append(f"# hint: the result is {fn.return_type}, decided at run time")
    return "\n".join(out + hints)
