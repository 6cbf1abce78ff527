"""Reading the site's data files (TOML), once per build and again only when a file changes."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path


def load_toml(path: str | Path) -> dict:
    """The parsed TOML at ``path``; cached until its modification time changes (live reload)."""
    return _load(str(path), Path(path).stat().st_mtime_ns)


@cache
def _load(path: str, _mtime: int) -> dict:
    with Path(path).open("rb") as handle:
        return tomllib.load(handle)
