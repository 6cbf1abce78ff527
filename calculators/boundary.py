"""The one door between the browser and the calculators: JSON text in, JSON text out.

Each operation (``op``) and its request and response are typed in ``calculators.contract``.
A file from a newer edition than the site's is refused; from an older one, ``open`` keeps what
still applies and says what to re-check (see ``carry``). Every response is ``{"ok": true, …}`` or
``{"ok": false, "error": {"field", "message"}}``: a bad request never raises across the boundary.
"""

from __future__ import annotations

import json

from calculators import load_checklist
from calculators.carry import carry, edition_since
from calculators.contract import (
    AssessmentRecordResponse,
    EvaluateResponse,
    LimitsResponse,
    OpenResponse,
    PrefillResponse,
    SavedFile,
    SaveResponse,
)
from calculators.errors import ChecklistError
from calculators.evaluator import check_payload, evaluate
from calculators.prefill import prefill
from calculators.record import assessment_record_text, guidance_order, record_text

FILE_FORMAT = "guidance-checklist"
FILE_VERSION = 1
FILE_KEYS = SavedFile.__required_keys__ | SavedFile.__optional_keys__
MAX_FILE = 1_000_000  # characters of a saved file; the page checks a file's bytes against it
TOO_LARGE = f"is larger than {MAX_FILE // 1_000_000} MB: it cannot be a saved checklist"


def _text(request: dict, key: str) -> str:
    value = request.get(key)
    if not isinstance(value, str):
        raise ChecklistError(key, f"expected a string, got {type(value).__name__}")
    return value


def _edition_number(value: object, field: str) -> int:
    if type(value) is not int or value < 1:  # bool is an int: refuse it too
        raise ChecklistError(field, f"expected an edition number (1, 2, …), got {value!r}")
    return value


def _heading(request: dict) -> tuple[str, str, str]:
    """A record's heading fields: the guidance, its edition, when the record was made."""
    return _text(request, "guidance"), _text(request, "edition"), _text(request, "made_at")


def _limits(request: dict) -> LimitsResponse:
    return {"ok": True, "max_file_bytes": MAX_FILE, "file_too_large": TOO_LARGE}


def _evaluate(request: dict) -> EvaluateResponse:
    result = evaluate(request.get("payload"))
    return {"ok": True, **result, "record": record_text(result, *_heading(request))}


def _save(request: dict) -> SaveResponse:
    checklist, answers, notes = check_payload(request.get("payload"))
    saved: SavedFile = {
        "format": FILE_FORMAT,
        "format_version": FILE_VERSION,
        "checklist": checklist.id,
        "edition": _text(request, "edition"),
        "edition_number": _edition_number(request.get("edition_number"), "edition_number"),
        "saved_at": _text(request, "made_at"),
        "answers": answers,
        "notes": notes,
    }
    return {"ok": True, "file": json.dumps(saved, ensure_ascii=False, indent=2) + "\n"}


def _open(request: dict) -> OpenResponse:
    text, expected, edition = (
        _text(request, "text"),
        _text(request, "checklist"),
        _text(request, "edition"),
    )
    number = _edition_number(request.get("edition_number"), "edition_number")
    if len(text) > MAX_FILE:
        raise ChecklistError("file", TOO_LARGE)
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
        return {"ok": True, "answers": answers, "notes": notes, "notice": ""}
    return _from_older(payload, saved, edition, request.get("changes"))


def _from_older(payload: dict, saved: dict, edition: str, changes: object) -> OpenResponse:
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
        "ok": True,
        "answers": answers,
        "notes": notes,
        "notice": " ".join(notice),
        "changed_items": changed,
        "removed_items": removed,
    }


def _prefill(request: dict) -> PrefillResponse:
    return {"ok": True, "prefill": prefill(request.get("checklist"), request.get("payloads"))}


def _assessment_record(request: dict) -> AssessmentRecordResponse:
    """Every checklist answered in the tab, evaluated, in the guidance's order, as one text."""
    payloads = request.get("payloads")
    if not isinstance(payloads, list) or not payloads:
        raise ChecklistError("payloads", "expected a list of one or more answered checklists")
    by_id: dict[str, object] = {}
    for payload in payloads:
        checklist, _, _ = check_payload(payload)
        if checklist.id in by_id:
            raise ChecklistError("payloads", f"has checklist {checklist.id!r} more than once")
        by_id[checklist.id] = payload
    heading = _heading(request)
    ordered = guidance_order([load_checklist(i) for i in by_id])
    records = [record_text(evaluate(by_id[c.id]), *heading) for c in ordered]
    return {
        "ok": True,
        "record": assessment_record_text(records, *heading),
        "checklists": [c.id for c in ordered],
    }


OPERATIONS = {
    "limits": _limits,
    "evaluate": _evaluate,
    "save": _save,
    "open": _open,
    "prefill": _prefill,
    "assessment_record": _assessment_record,
}


def handle(request_text: str) -> str:
    """Answer one JSON request with one JSON response; errors are returned, never raised."""
    try:
        try:
            request = json.loads(request_text)
        except (TypeError, ValueError):
            raise ChecklistError("request", "is not JSON text") from None
        if not isinstance(request, dict) or request.get("op") not in OPERATIONS:
            raise ChecklistError("op", f"expected one of {sorted(OPERATIONS)}")
        return json.dumps(OPERATIONS[request["op"]](request), ensure_ascii=False)
    except ChecklistError as error:
        return json.dumps({"ok": False, "error": error.as_dict()}, ensure_ascii=False)
