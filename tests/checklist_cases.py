"""The test cases that stand beside each checklist definition, as data."""

from __future__ import annotations

import tomllib
from pathlib import Path

CHECKLISTS = Path(__file__).resolve().parent.parent / "calculators" / "checklists"


def all_cases() -> list[tuple[str, dict]]:
    """(checklist id, case) for every case of every checklist."""
    found = []
    for path in sorted(CHECKLISTS.glob("*.cases.toml")):
        checklist = path.name.removesuffix(".cases.toml")
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            found.append((checklist, case))
    return found


def case_id(pair: tuple[str, dict]) -> str:
    return f"{pair[0]}: {pair[1]['name']}"
