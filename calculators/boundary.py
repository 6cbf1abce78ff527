"""The one door between the browser and the calculators: JSON text in, JSON text out.

Each operation (``op``) and its request and response are typed in ``calculators.contract``.
Requests and saved files are read strictly: their size and nesting are limited before they are
parsed (a cheap scan: deep nesting would exhaust Python's stack), a key given twice is refused,
and no message echoes more than a short excerpt of a file or any bidirectional control character.
A file from a newer edition than the site's is refused; from an older one, ``open`` keeps what
still applies and says what to re-check (see ``carry``). Every response is ``{"ok": true, …}`` or
``{"ok": false, "error": {"field", "message"}}``: a bad request never raises across the boundary.
"""

from __future__ import annotations

import json
import re

from calculators import load_checklist
from calculators.carry import carry, edition_since
from calculators.contract import (
    Answer,
    AnswerValue,
    AssessmentRecordResponse,
    EvaluateResponse,
    LimitsResponse,
    OpenAssessmentResponse,
    OpenResponse,
    Payload,
    SaveAssessmentResponse,
    SavedAssessment,
    SavedFile,
    SaveResponse,
)
from calculators.edition_date import dated_label, effective_from_text
from calculators.errors import ChecklistError
from calculators.evaluator import check_answer, check_payload, evaluate
from calculators.model import Json, checklist_ids, guidance_order, shared
from calculators.paragraph_ids import guidance_key
from calculators.record import assessment_record_text, record_text

FILE_FORMAT = "guidance-checklist"
ASSESSMENT_FORMAT = "guidance-assessment"
FILE_VERSION = 1
FILE_KEYS = SavedFile.__required_keys__ | SavedFile.__optional_keys__
ASSESSMENT_KEYS = SavedAssessment.__required_keys__ | SavedAssessment.__optional_keys__
MAX_FILE = 1_000_000  # characters of a saved file; the page checks a file's bytes against it
TOO_LARGE = f"is larger than {MAX_FILE // 1_000_000} MB: it cannot be a saved checklist"
# A request carries a whole file as a JSON string (escaping may grow it) and the tab's answers.
MAX_REQUEST = 8 * MAX_FILE
MAX_EDITION = 10_000  # far beyond any edition the guidance will have; a longer number is no edition
MAX_DEPTH = 16  # brackets inside brackets: a saved file needs 3, a request 6
EXCERPT = 40  # characters of a file's text that a message may quote
MAX_MESSAGE = 400
# Characters that reorder the text around them (LRE…RLO, LRI…PDI, LRM, RLM, ALM).
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
BRACKETS = re.compile(r"[\[\]{}]")


def plain(text: str) -> str:
    """``text`` without bidirectional control characters (shown as the site's own words)."""
    return BIDI.sub("", text)


def _title(checklist_id: object) -> str:
    """A checklist as the reader knows it: its title, quoted; an id no checklist has, excerpted."""
    try:
        return f"“{load_checklist(checklist_id).title}”"
    except (ChecklistError, TypeError):
        return excerpt(checklist_id)


def excerpt(value: object) -> str:
    """A short, plain quotation of a value from a file."""
    text = plain(repr(value))
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1] + "…"


def nesting(text: str) -> int:
    """How deeply brackets nest in JSON ``text``, without parsing it (strings skipped)."""
    depth = deepest = 0
    for bracket in BRACKETS.findall(STRINGS.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _unique_keys(pairs: list[tuple[str, object]]) -> Json:
    found: Json = {}
    for key, value in pairs:
        if key in found:
            raise ChecklistError("json", f"has the key {excerpt(key)} twice")
        found[key] = value
    return found


def strict_json(text: str, field: str, limit: int, too_large: str) -> object:
    """``text`` parsed as JSON, refused with a ``field`` error if it is larger than ``limit``
    characters, nests deeper than ``MAX_DEPTH``, is not JSON or has a key twice."""
    if len(text) > limit:
        raise ChecklistError(field, too_large)
    if nesting(text) > MAX_DEPTH:
        raise ChecklistError(
            field, f"nests more than {MAX_DEPTH} levels deep: it is not {_WHAT[field]}"
        )
    try:
        return json.loads(text, object_pairs_hook=_unique_keys)
    except ChecklistError as error:
        raise ChecklistError(field, f"{error.message}: it is not {_WHAT[field]}") from None
    except (ValueError, RecursionError):
        raise ChecklistError(field, f"is not {_WHAT[field]}: it is not JSON text") from None


_WHAT = {"file": "a saved checklist", "request": "a request of this page"}


def _text(request: Json, key: str) -> str:
    value = request.get(key)
    if not isinstance(value, str):
        raise ChecklistError(key, f"expected a string, got {type(value).__name__}")
    return value


def _edition_number(value: object, field: str) -> int:
    """An edition's number: a whole number from 1 to ``MAX_EDITION`` (true and 1.0 refused)."""
    if type(value) is not int or not 1 <= value <= MAX_EDITION:  # bool is an int: refuse it too
        raise ChecklistError(field, f"expected an edition number (1, 2, …), got {excerpt(value)}")
    return value


def _heading(request: Json) -> tuple[str, str, str]:
    """A record's heading fields: the guidance, its edition with its effective date (or "date
    not given"), when the record was made."""
    guidance, label = _text(request, "guidance"), _text(request, "edition")
    effective = _text(request, "edition_effective")
    try:
        date = effective_from_text(effective)
    except ValueError:
        raise ChecklistError(
            "edition_effective", f'expected a date (2027-04-01) or "", got {excerpt(effective)}'
        ) from None
    return guidance, dated_label(label, date), _text(request, "made_at")


def _limits(request: Json) -> LimitsResponse:
    return {"ok": True, "max_file_bytes": MAX_FILE, "file_too_large": TOO_LARGE}


def check_shared(value: object) -> dict[str, AnswerValue]:
    """The tab's answers to the shared questions (P14): question id → answer, each checked."""
    if not isinstance(value, dict):
        raise ChecklistError("shared", f"expected an object, got {type(value).__name__}")
    questions = shared().questions
    for qid, answer in value.items():
        if not isinstance(answer, str | list) or not all(isinstance(v, str) for v in answer):
            raise ChecklistError(
                f"shared.{qid}", f"expected an answer value, got {excerpt(answer)}"
            )
        if qid not in questions:
            raise ChecklistError(
                f"shared.{qid}", f"not a shared question; expected {sorted(questions)}"
            )
        check_answer(questions[qid], answer)
    return value


def with_shared(payload: object, answers: Json) -> object:
    """A payload with the tab's shared answers to the questions its checklist asks: the tab's
    one answer, over any copy the payload holds (P14)."""
    if not isinstance(payload, dict) or not isinstance(payload.get("answers"), dict):
        return payload  # the evaluator's check says what is wrong
    asks = {q.id for q in load_checklist(payload.get("checklist")).scope if q.shared}
    merged = {**payload["answers"], **{k: v for k, v in answers.items() if k in asks}}
    return {**payload, "answers": merged}


def _tab(request: Json, key: str) -> tuple[list[object], dict[str, AnswerValue]]:
    """The tab's payloads under ``key`` (each with the shared answers) and its shared answers."""
    answers = check_shared(request.get("shared", {}))
    payloads = request.get(key, [])
    if not isinstance(payloads, list):
        raise ChecklistError(key, f"expected a list of payloads, got {type(payloads).__name__}")
    return [with_shared(p, answers) for p in payloads], answers


def _evaluate(request: Json) -> EvaluateResponse:
    tab, answers = _tab(request, "tab")
    result = evaluate(with_shared(request.get("payload"), answers), tab)
    return {"ok": True, **result, "record": record_text(result, *_heading(request))}


def _save(request: Json) -> SaveResponse:
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


def _header(saved: object, fmt: str, keys: frozenset[str], what: str) -> Json:
    """A saved file's outer fields checked: its format, version and keys."""
    if not isinstance(saved, dict) or saved.get("format") != fmt:
        raise ChecklistError("file", f"is not {what} saved from this site")
    version = saved.get("format_version")
    if type(version) is not int or version != FILE_VERSION:  # not true, not 1.0
        raise ChecklistError(
            "file", f"has format version {excerpt(version)}; this site reads version {FILE_VERSION}"
        )
    if extra := sorted(set(saved) - keys):
        named = ", ".join(excerpt(key) for key in extra[:5]) + (", …" if len(extra) > 5 else "")
        raise ChecklistError("file", f"has fields this site does not know: {named}")
    return saved


def _saved_edition(saved: Json, edition: str, number: int) -> int:
    saved_number = _edition_number(saved.get("edition_number"), "file edition_number")
    if saved_number > number:
        raise ChecklistError(
            "file",
            f"was saved with a newer edition of the guidance (edition {saved_number}, "
            f"{excerpt(saved.get('edition'))}) than this site has (edition {number}, "
            f"{excerpt(edition)}): open it where edition {saved_number} is published",
        )
    return saved_number


def _answers_of(
    payload: Json, saved: Json, edition: str, number: int, changes: object
) -> OpenResponse:
    """A saved checklist's answers and notes as this edition reads them, with a notice."""
    try:
        if saved["edition_number"] == number:
            _, answers, notes = check_payload(payload)
            return {"ok": True, "answers": answers, "notes": notes, "notice": ""}
        return _from_older(payload, saved, edition, changes)
    except ChecklistError as error:
        raise _in_file(error, payload["checklist"]) from None


def _open(request: Json) -> OpenResponse:
    text, expected, edition = (
        _text(request, "text"),
        _text(request, "checklist"),
        _text(request, "edition"),
    )
    number = _edition_number(request.get("edition_number"), "edition_number")
    saved = strict_json(text, "file", MAX_FILE, TOO_LARGE)
    if isinstance(saved, dict) and saved.get("format") == ASSESSMENT_FORMAT:
        raise ChecklistError("file", "is a whole assessment: open it on the Assessment record page")
    saved = _header(saved, FILE_FORMAT, FILE_KEYS, "a checklist")
    if saved.get("checklist") != expected:
        raise ChecklistError(
            "file",
            f"is a saved {_title(saved.get('checklist'))} checklist, not "
            f"{_title(expected)}: open it on that checklist's page",
        )
    _saved_edition(saved, edition, number)
    payload: Json = {k: saved[k] for k in ("checklist", "answers", "notes") if k in saved}
    return _answers_of(payload, saved, edition, number, request.get("changes"))


def _save_assessment(request: Json) -> SaveAssessmentResponse:
    """The whole assessment of a tab as one file: the shared answers once, every checklist."""
    payloads, answers = _tab(request, "payloads")
    checklists: list[Payload] = []
    for payload in payloads:
        checklist, own, notes = check_payload(payload)
        shared_ids = {q.id for q in checklist.scope if q.shared}
        own = {k: v for k, v in own.items() if k not in shared_ids}
        checklists.append({"checklist": checklist.id, "answers": own, "notes": notes})
    if len({c["checklist"] for c in checklists}) != len(checklists):
        raise ChecklistError("payloads", "has a checklist more than once")
    saved: SavedAssessment = {
        "format": ASSESSMENT_FORMAT,
        "format_version": FILE_VERSION,
        "edition": _text(request, "edition"),
        "edition_number": _edition_number(request.get("edition_number"), "edition_number"),
        "saved_at": _text(request, "made_at"),
        "shared": answers,
        "checklists": checklists,
    }
    return {"ok": True, "file": json.dumps(saved, ensure_ascii=False, indent=2) + "\n"}


def _open_assessment(request: Json) -> OpenAssessmentResponse:
    """A saved assessment: every checklist's answers as this edition reads them, and the
    shared answers, with one notice."""
    text, edition = _text(request, "text"), _text(request, "edition")
    number = _edition_number(request.get("edition_number"), "edition_number")
    saved = strict_json(text, "file", MAX_FILE, TOO_LARGE)
    if isinstance(saved, dict) and saved.get("format") == FILE_FORMAT:
        raise ChecklistError(
            "file", "is one checklist, not a whole assessment: open it on that checklist's page"
        )
    saved = _header(saved, ASSESSMENT_FORMAT, ASSESSMENT_KEYS, "an assessment")
    _saved_edition(saved, edition, number)
    try:
        answers = check_shared(saved.get("shared"))
    except ChecklistError as error:
        raise ChecklistError("file", f"has a shared answer that cannot be read: {error}") from None
    entries = saved.get("checklists")
    if not isinstance(entries, list):
        raise ChecklistError("file", "has no list of checklists")
    payloads: list[Payload] = []
    notices: list[str] = []
    seen: set[object] = set()
    for entry in entries:
        if not isinstance(entry, dict) or set(entry) - {"checklist", "answers", "notes"}:
            raise ChecklistError(
                "file", f"has a checklist entry this site cannot read: {excerpt(entry)}"
            )
        if entry.get("checklist") in seen:
            raise ChecklistError("file", f"has {_title(entry.get('checklist'))} twice")
        seen.add(entry.get("checklist"))
        if entry.get("checklist") not in checklist_ids():
            raise ChecklistError(
                "file",
                f"has a checklist this site does not have: {excerpt(entry.get('checklist'))}",
            )
        opened = _answers_of(entry, saved, edition, number, request.get("changes"))
        payloads.append(
            {
                "checklist": entry["checklist"],
                "answers": opened["answers"],
                "notes": opened["notes"],
            }
        )
        if opened["notice"]:
            notices.append(f"{load_checklist(entry['checklist']).title}: {opened['notice']}")
    return {"ok": True, "payloads": payloads, "shared": answers, "notice": " ".join(notices)}


def _in_file(error: ChecklistError, checklist_id: str) -> ChecklistError:
    """An error in a file's answers or notes, naming the item by its question's words."""
    section, _, item_id = error.field.partition(".")
    if section == "changes":  # the site's own list of changes, not the file
        return error
    question = load_checklist(checklist_id).question(item_id) if item_id else None
    if question is None or section not in ("answers", "notes"):
        return ChecklistError(error.field, f"has {excerpt(error.field)}: {error.message}")
    words = question.title or question.text
    words = words if len(words) <= 80 else words[:79] + "…"
    what = "an answer" if section == "answers" else "a note"
    why = error.message if len(error.message) <= 120 else error.message[:119] + "…"
    message = f"has {what} to “{words}” that cannot be read: {why}"
    return ChecklistError(error.field, message)


def _from_older(payload: Json, saved: Json, edition: str, changes: object) -> OpenResponse:
    """A file from an older edition: keep what still applies and say what to re-check."""
    checklist = load_checklist(payload["checklist"])
    since = None if changes is None else edition_since(changes, saved["edition_number"])
    answers, notes, changed, removed = carry(
        checklist, payload.get("answers"), payload.get("notes", {}), since or frozenset()
    )
    _, answers, notes = check_payload({**payload, "answers": answers, "notes": notes})
    notice = [
        f"This file was saved with {excerpt(saved.get('edition'))}; you are using {edition!r}."
    ]
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


def _assessment_record(request: Json) -> AssessmentRecordResponse:
    """Every checklist answered in the tab, evaluated with the others, in the guidance's order,
    as one text: the shared answers stated once, before the checklists (P14)."""
    payloads, _ = _tab(request, "payloads")
    if not payloads:
        raise ChecklistError("payloads", "expected a list of one or more answered checklists")
    by_id: dict[str, object] = {}
    for payload in payloads:
        checklist, _, _ = check_payload(payload)
        if checklist.id in by_id:
            raise ChecklistError("payloads", f"has checklist {checklist.id!r} more than once")
        by_id[checklist.id] = payload
    ordered = guidance_order([load_checklist(i) for i in by_id])
    results = [evaluate(by_id[c.id], [p for i, p in by_id.items() if i != c.id]) for c in ordered]
    asked: dict[str, Answer] = {}
    for answer in (a for r in results for a in r["answers"] if a["shared"]):
        known = asked.setdefault(answer["id"], {**answer, "brings": []})
        known["brings"] = sorted({*known["brings"], *answer["brings"]}, key=guidance_key)
    shared_answers = [asked[q] for q in shared().questions if q in asked]
    return {
        "ok": True,
        "record": assessment_record_text(results, shared_answers, *_heading(request)),
        "checklists": [c.id for c in ordered],
    }


OPERATIONS = {
    "limits": _limits,
    "evaluate": _evaluate,
    "save": _save,
    "open": _open,
    "save_assessment": _save_assessment,
    "open_assessment": _open_assessment,
    "assessment_record": _assessment_record,
}


def _failure(field: str, message: str) -> str:
    """An error response: plain text (no bidirectional controls), of a readable length."""
    message = plain(message)
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    error = {"field": plain(field)[:100], "message": message}
    return json.dumps({"ok": False, "error": error}, ensure_ascii=False)


def handle(request_text: str) -> str:
    """Answer one JSON request with one JSON response; errors are returned, never raised (not
    even one of ours that is not a ChecklistError: that comes back as an internal error)."""
    try:
        if not isinstance(request_text, str):
            raise ChecklistError("request", "is not JSON text")
        too_large = f"is larger than {MAX_REQUEST // 1_000_000} MB"
        request = strict_json(request_text, "request", MAX_REQUEST, too_large)
        if not isinstance(request, dict) or request.get("op") not in OPERATIONS:
            raise ChecklistError("op", f"expected one of {sorted(OPERATIONS)}")
        response: Json = dict(OPERATIONS[request["op"]](request))
        if "notice" in response:
            response["notice"] = plain(response["notice"])
        return json.dumps(response, ensure_ascii=False)
    except ChecklistError as error:
        return _failure(error.field, error.message)
    except Exception as error:
        return _failure("internal", f"the calculator could not answer ({type(error).__name__})")
