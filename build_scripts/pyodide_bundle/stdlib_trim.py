"""Trimming Pyodide's ``python_stdlib.zip`` for the site's bundle (``pyodide_bundle`` step 6).

Keeps only the members listed in ``stdlib-keep.txt`` (what Pyodide's boot and every boundary
operation import, found by running them: ``make stdlib-keep``), writes them STORED (the server
compresses the whole file better than per-member deflate, and Python reads it without inflating),
and replaces each code object's line table by one mapping every instruction to the function's
first line: a third of the compressed size, since the stdlib's sources are not shipped anyway.
"""

from __future__ import annotations

import marshal
import types
import zipfile
from pathlib import Path

STDLIB = "python_stdlib.zip"
KEEP = Path(__file__).resolve().parent / "stdlib-keep.txt"


class StaleKeepList(ValueError):
    """``stdlib-keep.txt`` names a member the zip lacks: regenerate it."""


def read_keep(text: str) -> set[str]:
    """The zip members listed in ``stdlib-keep.txt`` (one a line; ``#`` starts a comment)."""
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return {line for line in lines if line}


def kept_members(names: list[str], keep: set[str]) -> list[str]:
    """The members of a zip (in its order) to keep: those listed, and the folders holding them.

    Raises StaleKeepList if the list names a member the zip lacks (regenerate it).
    """
    if missing := sorted(keep - set(names)):
        raise StaleKeepList(
            f"stdlib-keep.txt lists {missing[:5]}, not in {STDLIB} (run make stdlib-keep)"
        )
    folders = {name[: i + 1] for name in keep for i, c in enumerate(name) if c == "/"}
    return [name for name in names if name in keep or name in folders]


def flat_lines(code: types.CodeType) -> types.CodeType:
    """``code`` (and the code objects in it) with every instruction on its first line.

    A location table entry (Python 3.11+, Objects/locations.md) of kind 13, "no column info",
    covers up to 8 code units: one byte ``1 kind(4) length-1(3)`` and the line delta (0).
    """
    units = len(code.co_code) // 2
    table = bytearray()
    while units > 0:
        length = min(8, units)
        table += bytes([0x80 | (13 << 3) | (length - 1), 0])
        units -= length
    consts = tuple(flat_lines(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_linetable=bytes(table), co_consts=consts)


def flat_pyc(data: bytes) -> bytes:
    """A ``.pyc`` file's bytes with flat line tables (its 16-byte header unchanged)."""
    return data[:16] + marshal.dumps(flat_lines(marshal.loads(data[16:])))


def restore_stored(source: Path, target: Path, keep: set[str] | None) -> None:
    """Write ``source`` to ``target`` uncompressed (STORED), with only the ``keep`` members
    (all if None) and flat line tables. The server compresses the whole file better than
    per-member deflate does."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as new:
        names = old.namelist()
        for name in names if keep is None else kept_members(names, keep):
            info = old.getinfo(name)
            copy = zipfile.ZipInfo(name, date_time=info.date_time)
            copy.external_attr = info.external_attr
            copy.compress_type = zipfile.ZIP_STORED
            data = old.read(name)
            new.writestr(copy, flat_pyc(data) if name.endswith(".pyc") else data)
