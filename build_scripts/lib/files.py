"""Where the build reads its data files and writes and copies what it makes.

The pipeline's steps, ``publish`` and ``new_edition`` write through ``write_text`` (or
``write_bytes``) and copy through ``copy_file``/``copy_tree``, and read TOML through
``load_toml``, cached until a file changes (``mkdocs serve`` rebuilds often). Two places keep
their own file operations because they must be atomic: the Pyodide bundle's cache
(``pyodide_bundle/bundle.py``: staged, then renamed into place) and ``publish``'s swap of the
finished site for the old one.
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


def write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, making its folder if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def copy_file(source: Path, target: Path) -> None:
    """Copy the file ``source`` to ``target``, making its folder if needed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


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
