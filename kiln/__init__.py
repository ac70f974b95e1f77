"""kiln: a just-in-time compiler for Python functions (public API re-exports only)."""
