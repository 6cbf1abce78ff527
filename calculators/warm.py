"""Everything the package reads from its files, read once: before a memory snapshot is made.

A Pyodide memory snapshot holds Python's memory, not its file system, so whatever is imported or
parsed before it is made is all that a restored interpreter has from the package's files. ``warm``
imports every ``calculators`` module and parses every checklist definition. Public code and data
only: it never sees an answer.
"""

from __future__ import annotations

import importlib
from importlib import resources

from calculators import model


def warm() -> list[str]:
    """Import every module of the package and load every checklist; return the modules' names."""
    names = sorted(
        f"calculators.{p.name.rsplit('.', 1)[0]}"
        for p in resources.files("calculators").iterdir()
        if p.name.endswith((".py", ".pyc")) and not p.name.startswith("__")
    )
    for name in names:
        importlib.import_module(name)
    for checklist_id in model.checklist_ids():
        model.load_checklist(checklist_id)
    return names
