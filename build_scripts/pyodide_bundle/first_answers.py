"""What follows from a checklist's first answer, computed at build time by the evaluator.

A practitioner's first answer often comes before Python has started (issue 26, 4). For every
form the page can hold with one answer and nothing else (one choice, or one box ticked; no words,
no other checklist answered in the tab) and for the form with none, the build asks
``calculators.boundary.handle`` exactly as the page would and keeps its result (the response
without ``ok`` and the record, which Python writes when it is ready, with the time it was made).
``docs/assets/js/checklist/first-answers.js`` draws the entry for the form as it is until Python
answers; Python's result then replaces it, the same.

One file per checklist, ``first-answers/<checklist>.json`` in the bundle's versioned folder
(written with the bundle, so it is always this wheel's): a JSON object with one entry a line, so
that the page parses only the lines it needs: first ``"": result`` (no answer), then
``"<question>=<value>": changes``, the result's fields that differ from the first entry's, and
of a list as long, only the items that differ (``changes``: under a third of the size whole, in
the offline copy too). ``entries`` reads them back as the page does;
``tests/pyodide_bundle/test_node.py`` checks each against Pyodide's answer.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from build_scripts.lib.errors import BuildError
from build_scripts.lib.files import write_text
from calculators.boundary import handle
from calculators.model import checklist_ids, load_checklist

FOLDER = "first-answers"
# The record's heading fields: read by the record only, which is not kept.
HEADING = {"guidance": "", "edition": "", "edition_effective": "", "made_at": ""}
LEFT_OUT = ("ok", "record")  # the response's fields that are not the result


def key(question: str = "", value: str = "") -> str:
    """An entry's key: ``question=value``, or ``""`` for the form with no answer (as the page's
    ``entryKey``)."""
    return f"{question}={value}" if question else ""


def request(checklist_id: str, question: str = "", value: str = "") -> str:
    """The page's evaluate request for the form with this one answer (or none): a shared
    question's answer goes as the tab's (``shared``), a list for an item of kind "several"."""
    answers: dict[str, object] = {}
    shared: dict[str, object] = {}
    if question:
        asked = load_checklist(checklist_id).item(question)
        (shared if asked.shared else answers)[question] = (
            [value] if asked.kind == "several" else value
        )
    payload = {"checklist": checklist_id, "answers": answers, "notes": {}}
    body = {"op": "evaluate", "payload": payload, "tab": [], "shared": shared, **HEADING}
    return json.dumps(body, ensure_ascii=False)


def requests(checklist_id: str) -> Iterator[tuple[str, str]]:
    """(key, request) for the form with no answer, then each answer alone, in the form's order:
    every value of every question that takes a mark (a caution is text, not a question)."""
    yield key(), request(checklist_id)
    for question in load_checklist(checklist_id).questions:
        if question.caution or not question.answers.labels:
            continue
        for value in question.answers.labels:
            yield key(question.id, value), request(checklist_id, question.id, value)


def result(response_text: str, what: str) -> dict:
    """The result in a boundary response; BuildError if the boundary refused the request."""
    response = json.loads(response_text)
    if response.get("ok") is not True:
        raise BuildError(f"{what}: the evaluator refused the page's request: {response}")
    return {k: v for k, v in response.items() if k not in LEFT_OUT}


def changes(base: dict, found: dict) -> dict:
    """The fields of ``found`` that differ from ``base``'s; of a list as long as ``base``'s,
    only the items that differ, by index (``{"3": item}``)."""
    if set(found) != set(base):  # every result has the same fields: a missing one would be base's
        raise BuildError(f"a result's fields {sorted(found)} are not the first's {sorted(base)}")
    kept: dict = {}
    for name, value in found.items():
        was = base[name]
        if value == was:
            continue
        if isinstance(value, list) and len(value) == len(was):
            kept[name] = {str(i): item for i, item in enumerate(value) if item != was[i]}
        else:
            kept[name] = value
    return kept


def whole(base: dict, changed: dict) -> dict:
    """A result from the first entry and an entry's changes (as the page's ``entryOf``)."""
    found = dict(base)
    for name, value in changed.items():
        if isinstance(value, dict) and isinstance(base[name], list):
            found[name] = [value.get(str(i), item) for i, item in enumerate(base[name])]
        else:
            found[name] = value
    return found


def file_text(checklist_id: str) -> str:
    """The checklist's file: a JSON object, one entry a line, each after the first only what
    differs from it."""
    lines = []
    base: dict = {}
    for entry, text in requests(checklist_id):
        found = result(handle(text), f"{checklist_id} {entry or '(no answer)'}")
        kept = changes(base, found) if base else found
        base = base or found
        value = json.dumps(kept, ensure_ascii=False, separators=(",", ":"))
        lines.append(f"{json.dumps(entry, ensure_ascii=False)}:{value}")  # as JSON.stringify
    return "{\n" + ",\n".join(lines) + "\n}\n"


def entries(text: str) -> dict[str, dict]:
    """A file's results by key, whole (as the page's ``entryOf`` reads each)."""
    stored = json.loads(text)
    return {key: whole(stored[""], changed) for key, changed in stored.items()}


def write(bundle_folder: Path) -> int:
    """Write every checklist's file into ``bundle_folder / FOLDER``; returns how many entries."""
    count = 0
    for checklist_id in checklist_ids():
        text = file_text(checklist_id)
        write_text(bundle_folder / FOLDER / f"{checklist_id}.json", text)
        count += text.count("\n") - 2  # the braces' lines
    return count
