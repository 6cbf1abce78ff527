"""The editions of the guidance: one metadata file (``editions/editions.toml``), read strictly.

Each edition has a permanent folder id (``/1/assessment/#2.9``), a label, an optional effective
date, a summary, the folder of its guidance pages, and how its paragraph ids relate to the
previous edition's: ``removed`` ids and ``renumbered`` old → new ids. The last edition is the
latest. A ``BuildError`` says what is wrong and where.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from build_scripts.guidance.paragraphs import PARAGRAPH_ID
from build_scripts.lib.errors import BuildError
from build_scripts.lib.paths import APP_MANIFEST, LATEST, SERVICE_WORKER, SHORT_LINKS
from calculators.edition_date import dated_label, effective_words

KEYS = {"id", "label", "effective", "summary", "source", "removed", "renumbered"}
ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$")
RESERVED = {LATEST, SHORT_LINKS, "assets", "search"}  # site-level folders next to the editions


@dataclass(frozen=True)
class Edition:
    number: int  # 1 for the first edition; saved checklist files compare it
    id: str
    label: str
    summary: str
    source: Path
    effective: datetime.date | None = None
    removed: tuple[str, ...] = ()
    renumbered: dict[str, str] = field(default_factory=dict)

    @property
    def effective_text(self) -> str:
        """The site's words: "effective 1 April 2027", or "date not given"."""
        return effective_words(self.effective)

    @property
    def dated_label(self) -> str:
        """How pages, citations and records name it: "Edition 1 (as received), date not given"."""
        return dated_label(self.label, self.effective)


def _text(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise BuildError(f"{where}: `{key}` must be a non-empty string, got {value!r}")
    return value


def _ids(values: object, where: str) -> list[str]:
    if not isinstance(values, list | dict):
        raise BuildError(f"{where}: expected a list or table of paragraph ids")
    for value in values if isinstance(values, list) else [*values, *values.values()]:
        if not isinstance(value, str) or not PARAGRAPH_ID.match(value):
            raise BuildError(f"{where}: {value!r} is not a paragraph id (2.9, section-3)")
    return list(values)


def parse_edition(entry: object, number: int, root: Path) -> Edition:
    """One ``[[edition]]`` table, checked."""
    where = f"edition {number}"
    if not isinstance(entry, dict):
        raise BuildError(f"{where}: expected a table")
    if unknown := sorted(set(entry) - KEYS):
        raise BuildError(f"{where}: unknown keys {unknown} (known: {sorted(KEYS)})")
    edition_id = _text(entry, "id", where)
    if not ID.match(edition_id) or edition_id in RESERVED:
        raise BuildError(
            f"{where}: id {edition_id!r} must be letters, digits, '.', '_' or '-' and not one "
            f"of {sorted(RESERVED)}"
        )
    effective = entry.get("effective")
    if effective is not None and type(effective) is not datetime.date:
        raise BuildError(f"{where}: `effective` must be a date (2027-04-01), got {effective!r}")
    source = root / _text(entry, "source", where)
    if not source.is_dir():
        raise BuildError(f"{where}: source folder {source} does not exist")
    renumbered = entry.get("renumbered", {})
    removed = entry.get("removed", [])
    _ids(renumbered, f"{where}.renumbered")
    _ids(removed, f"{where}.removed")
    if number == 1 and (renumbered or removed):
        raise BuildError(f"{where}: the first edition has no previous one to renumber")
    return Edition(
        number=number,
        id=edition_id,
        label=_text(entry, "label", where),
        summary=_text(entry, "summary", where),
        source=source,
        effective=effective,
        removed=tuple(removed),
        renumbered=dict(renumbered),
    )


def load_editions(path: Path, root: Path) -> list[Edition]:
    """Every edition, oldest first; sources are relative to ``root`` (the project folder)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise BuildError(f"{path}: {error}") from error
    entries = data.get("edition")
    if not isinstance(entries, list) or not entries or set(data) != {"edition"}:
        raise BuildError(f"{path}: expected one or more [[edition]] tables and nothing else")
    editions = [parse_edition(entry, n, root) for n, entry in enumerate(entries, start=1)]
    for key in ("id", "label"):
        values = [getattr(e, key) for e in editions]
        if dupes := sorted({v for v in values if values.count(v) > 1}):
            raise BuildError(f"{path}: editions share the same {key}: {dupes}")
    return editions


def follow(paragraph_id: str, later: list[Edition]) -> str | None:
    """The id a paragraph has after the ``later`` editions (in order), or None if removed."""
    current: str | None = paragraph_id
    for edition in later:
        if current in edition.removed:
            return None
        current = edition.renumbered.get(current, current)
    return current


def edition_extra(
    editions: list[Edition], index: int, marks: dict[str, str] | None = None, *, published: bool
) -> dict:
    """The ``extra`` entries the templates, hooks and scripts read for one edition.

    ``published``: built by ``build_scripts.publish`` beside the other editions (permanent
    folders, the version selector, one offline worker at the site's root). Otherwise a plain
    build of the latest edition (``mkdocs serve``, ``mkdocs build``) with a worker of its own.
    ``marks``: paragraph id → "changed" or "added" since the previous edition.
    """
    edition, latest = editions[index], editions[-1]
    extra = {
        "edition": edition.label,
        "edition_number": edition.number,
        "edition_id": edition.id,
        # The effective date as the page sends it to Python for a record's heading (2027-04-01,
        # or "" where none is given), and the label with it in the site's words (the header's
        # edition line, citations, the printed line).
        "edition_effective": edition.effective.isoformat() if edition.effective else "",
        "edition_dated": edition.dated_label,
        "edition_is_latest": edition is latest,
        "edition_latest": latest.label,
        "edition_marks": marks or {},
        "edition_removed": list(edition.removed),
        "edition_renumbered": dict(edition.renumbered),
        "edition_published": published,
        # Where offline.js finds the worker, from the edition's folder.
        "offline_worker": f"../{SERVICE_WORKER}" if published else SERVICE_WORKER,
        # The web app manifest, beside the worker (offline/app_manifest.py writes it).
        "app_manifest": f"../{APP_MANIFEST}" if published else APP_MANIFEST,
    }
    if published:
        extra["version"] = {"provider": "mike", "default": "latest"}
    return extra
