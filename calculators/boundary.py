"""The one door between the browser and the calculators: JSON text in, JSON text out.

Requests (``op``):
- ``evaluate``: ``payload`` (see evaluator), ``guidance``, ``edition``, ``made_at`` → the result
  with its plain-text ``record``;
- ``save``: the same and ``edition_number`` → ``file``, the text of a saved checklist file;
- ``open``: ``text`` of a file, the page's ``checklist``, ``edition`` and ``edition_number``
  (and ``changes``, the site's ``edition-changes.json``) → its ``answers`` and ``notes``,
  checked; a file from a newer edition than the site's is refused; from an older one, a
  ``notice``, the answered items whose paragraph changed since (``changed_items``, kept) and
  those this checklist no longer has (``removed_items``, left out; see ``carry``);
- ``prefill``: a ``checklist`` and the ``payloads`` of other checklists answered in the tab →
  ``prefill``, the starting text of its pre-filled note items, by target.
Every response is ``{"ok": true, …}`` or ``{"ok": false, "error": {"field", "message"}}``: a bad
request never raises across the boundary.
"""

from __future__ import annotations

import json

from calculators import load_checklist
from calculators.carry import carry, edition_since
from calculators.errors import ChecklistError
from calculators.evaluator import check_payload, evaluate
from calculators.prefill import prefill
from calculators.record import record_text

FILE_FORMAT = "guidance-checklist"
FILE_VERSION = 1
FILE_KEYS = {
    "format",
    "format_version",
    "checklist",
    "edition",
    "edition_number",
    "saved_at",
    "answers",
    "notes",
}
MAX_FILE = 1_000_000


def _text(request: dict, key: str) -> str:
    value = request.get(key)
    if not isinstance(value, str):
        raise ChecklistError(key, f"expected a string, got {type(value).__name__}")
    return value


def _edition_number(value: object, field: str) -> int:
    if type(value) is not int or value < 1:  # bool is an int: refuse it too
        raise ChecklistError(field, f"expected an edition number (1, 2, …), got {value!r}")
    return value


def _evaluate(request: dict) -> dict:
    result = evaluate(request.get("payload"))
    meta = (_text(request, "guidance"), _text(request, "edition"), _text(request, "made_at"))
    return {**result, "record": record_text(result, *meta)}


def _save(request: dict) -> dict:
    checklist, answers, notes = check_payload(request.get("payload"))
    saved = {
        "format": FILE_FORMAT,
        "format_version": FILE_VERSION,
        "checklist": checklist.id,
        "edition": _text(request, "edition"),
        "edition_number": _edition_number(request.get("edition_number"), "edition_number"),
        "saved_at": _text(request, "made_at"),
        "answers": answers,
        "notes": notes,
    }
    return {"file": json.dumps(saved, ensure_ascii=False, indent=2) + "\n"}


def _open(request: dict) -> dict:
    text, expected, edition = (
        _text(request, "text"),
        _text(request, "checklist"),
        _text(request, "edition"),
    )
    number = _edition_number(request.get("edition_number"), "edition_number")
    if len(text) > MAX_FILE:
        raise ChecklistError("file", "is larger than 1 MB: it cannot be a saved checklist")
    try:
        saved = json.loads(text)
    except ValueError:
        raise ChecklistError("file", "is not a saved checklist: it is not JSON text") from None
    if not isinstance(saved, dict) or saved.get("format") != FILE_FORMAT:
        raise ChecklistError("file", "is not a checklist saved from this site")
    if saved.get("format_version") != FILE_VERSION:
        raise ChecklistError(
            "file",
            f"has format version {saved.get('format_version')!r}; "
            f"this site reads version {FILE_VERSION}",
        )
    if extra := sorted(set(saved) - FILE_KEYS):
        raise ChecklistError("file", f"has fields this site does not know: {extra}")
    if saved.get("checklist") != expected:
        raise ChecklistError(
            "file",
            f"is a saved {saved.get('checklist')!r} checklist, not {expected!r}: "
            "open it on that checklist's page",
        )
    saved_number = _edition_number(saved.get("edition_number"), "file edition_number")
    if saved_number > number:
        raise ChecklistError(
            "file",
            f"was saved with a newer edition of the guidance ({saved.get('edition')!r}) than "
            f"this site has ({edition!r}): open it where that edition is published",
        )
    payload = {k: saved[k] for k in ("checklist", "answers", "notes") if k in saved}
    if saved_number == number:
        _, answers, notes = check_payload(payload)
        return {"answers": answers, "notes": notes, "notice": ""}
    return _from_older(payload, saved, edition, request.get("changes"))


def _from_older(payload: dict, saved: dict, edition: str, changes: object) -> dict:
    """A file from an older edition: keep what still applies and say what to re-check."""
    checklist = load_checklist(payload["checklist"])
    since = None if changes is None else edition_since(changes, saved["edition_number"])
    answers, notes, changed, removed = carry(
        checklist, payload.get("answers"), payload.get("notes", {}), since or frozenset()
    )
    _, answers, notes = check_payload({**payload, "answers": answers, "notes": notes})
    notice = [f"This file was saved with {saved.get('edition')!r}; you are using {edition!r}."]
    if since is None:
        notice.append("Which items' guidance changed since could not be checked.")
    elif changed:
        listing = "; ".join(f"{c['title']} ({c['paragraph']})" for c in changed)
        notice.append(f"The guidance changed for these answered items, check them: {listing}.")
    else:
        notice.append("The guidance did not change for any answered item.")
    if removed:
        notice.append(f"Not kept, as this checklist no longer has them: {', '.join(removed)}.")
    return {
        "answers": answers,
        "notes": notes,
        "notice": " ".join(notice),
        "changed_items": changed,
        "removed_items": removed,
    }


def _prefill(request: dict) -> dict:
    return {"prefill": prefill(request.get("checklist"), request.get("payloads"))}


OPERATIONS = {"evaluate": _evaluate, "save": _save, "open": _open, "prefill": _prefill}


def handle(request_text: str) -> str:
    """Answer one JSON request with one JSON response; errors are returned, never raised."""
    try:
        try:
            request = json.loads(request_text)
        except (TypeError, ValueError):
            raise ChecklistError("request", "is not JSON text") from None
        if not isinstance(request, dict) or request.get("op") not in OPERATIONS:
            raise ChecklistError("op", f"expected one of {sorted(OPERATIONS)}")
        return json.dumps({"ok": True, **OPERATIONS[request["op"]](request)}, ensure_ascii=False)
    except ChecklistError as error:
        return json.dumps({"ok": False, "error": error.as_dict()}, ensure_ascii=False)
