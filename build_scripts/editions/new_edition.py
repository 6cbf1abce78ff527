"""`make new-edition`: start the next edition of the guidance, keeping the current one as it is.

    python -m build_scripts.editions.new_edition --id 2 --label "Edition 2" --summary "…" \
        [--effective 2027-04-01]

The latest edition's guidance pages (and its ``_data``) are frozen into ``editions/<its id>/``
and its ``source`` points there; a new ``[[edition]]`` is added with ``source = "docs"``. Then
edit the pages in ``docs/``, and run ``make site``: it tells you of any paragraph id that needs a
``renumbered`` or ``removed`` entry.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from build_scripts.editions.model import load_editions, parse_edition
from build_scripts.guidance.pages import guidance_pages
from build_scripts.lib.errors import BuildError
from build_scripts.lib.files import copy_file, copy_tree, write_text
from build_scripts.lib.paths import DATA, DOCS, EDITIONS, EDITIONS_FILE, MKDOCS_YML, ROOT

SOURCE_LINE = 'source = "docs"'


def next_entry(edition_id: str, label: str, summary: str, effective: str | None) -> str:
    """The new ``[[edition]]`` table (strings quoted as TOML basic strings)."""
    lines = ["", "[[edition]]", f"id = {json.dumps(edition_id)}", f"label = {json.dumps(label)}"]
    if effective:
        lines.append(f"effective = {datetime.date.fromisoformat(effective).isoformat()}")
    lines += [f"summary = {json.dumps(summary)}", SOURCE_LINE, ""]
    return "\n".join(lines)


def start_edition(root: Path, edition_id: str, label: str, summary: str, effective: str | None):
    path = root / EDITIONS_FILE
    editions = load_editions(path, root)
    latest = editions[-1]
    for key, value in (("id", edition_id), ("label", label)):
        if value in {getattr(e, key) for e in editions}:
            raise BuildError(f"{path}: editions would share the same {key}: {value!r}")
    if latest.source.resolve() != (root / DOCS).resolve():
        raise BuildError(f"the latest edition's source is {latest.source}, not docs/")
    text = path.read_text(encoding="utf-8")
    if text.count(SOURCE_LINE) != 1:
        raise BuildError(f"{path}: expected exactly one line {SOURCE_LINE!r}")
    frozen = EDITIONS / latest.id
    entry = next_entry(edition_id, label, summary, effective)
    parse_edition(
        {"id": edition_id, "label": label, "summary": summary, "source": "docs"}, 2, root
    )  # refuse a bad id or label before anything is written
    new_text = text.replace(SOURCE_LINE, f'source = "{frozen.as_posix()}"') + entry
    target = root / frozen
    if target.exists():
        raise BuildError(f"{target} already exists")
    target.mkdir(parents=True)
    config = yaml_load((root / MKDOCS_YML).read_text(encoding="utf-8"))
    for page in guidance_pages(config["nav"]):
        copy_file(root / DOCS / page, target / page)
    copy_tree(root / DOCS / DATA, target / DATA)
    write_text(path, new_text)
    load_editions(path, root)  # the file still reads
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--id", required=True)
    parser.add_argument("--label", required=True)
    parser.add_argument("--summary", required=True)
    parser.add_argument("--effective", help="YYYY-MM-DD, if known")
    args = parser.parse_args(argv)
    try:
        frozen = start_edition(ROOT, args.id, args.label, args.summary, args.effective)
    except (BuildError, ValueError) as error:
        print(f"new-edition: {error}", file=sys.stderr)
        return 1
    print(f"Froze the previous edition's pages in {frozen}; now edit docs/ and run make site.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
