"""The self-hosted Python runtime: Pyodide, a trimmed precompiled stdlib and our wheel."""
