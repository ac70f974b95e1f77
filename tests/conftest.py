"""pytest setup shared by all tests: make `import kiln` (the repository root) and `import support`
(this directory) work however pytest is started. The shared helpers live in support.py."""

import sys
from pathlib import Path

for directory in (Path(__file__).resolve().parent.parent, Path(__file__).resolve().parent):
    if str(directory) not in sys.path:
        sys.path.insert(0, str(directory))
