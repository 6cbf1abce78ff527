"""The one place the build reads its data files and writes what it makes.

Every step writes through ``write_text``/``copy_tree`` (tests may replace them), and reads
TOML through ``load_toml``, cached until a file changes (``mkdocs serve`` rebuilds often).
"""

from __future__ import annotations

import shutil
import tomllib
from functools import cache
from pathlib import Path


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` as UTF-8, making its folder if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def copy_tree(source: Path, target: Path) -> None:
    """Replace the folder ``target`` with a copy of ``source``."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)


def load_toml(path: str | Path) -> dict:
    """The parsed TOML at ``path``; cached until its modification time changes (live reload)."""
    return _load(str(path), Path(path).stat().st_mtime_ns)


@cache
def _load(path: str, _mtime: int) -> dict:
    with Path(path).open("rb") as handle:
        return tomllib.load(handle)
