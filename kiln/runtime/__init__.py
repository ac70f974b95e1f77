"""Everything that crosses into CPython: C-API symbols, box/unbox pairs, the native entry."""
