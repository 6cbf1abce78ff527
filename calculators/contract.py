"""The JSON contract between the page and Python, typed once: every request and response.

The page (``docs/assets/js/checklist/``) sends one JSON request to ``boundary.handle`` and gets
one JSON response back. Each operation's request and response are the ``TypedDict``s below, listed
in ``OPERATIONS``; ``tests/test_contract.py`` checks every response the tests see against them.

- ``limits``: nothing → what the page checks before asking: the largest file it reads, and what
  to say of a larger one (``open`` refuses it with the same words);
- ``evaluate``: a ``Payload`` and the record's heading fields → the ``Result`` with its ``record``;
- ``save``: the same and ``edition_number`` → ``file``, the text of a ``SavedFile``;
- ``open``: a file's ``text``, the page's ``checklist`` and edition (and ``changes``, the site's
  ``edition-changes.json``) → its ``answers`` and ``notes``, with a ``notice`` (and, from an older
  edition, the items to re-check and those left out);
- ``prefill``: a ``checklist`` and the ``payloads`` of the others answered in the tab → the
  starting text of its pre-filled note items, by target;
- ``assessment_record``: the ``payloads`` of every checklist answered in the tab and the heading
  fields → the whole assessment record's text, checklists in the guidance's order.

Every response is an ``OkResponse`` of its operation or an ``ErrorResponse``: a bad request never
raises across the boundary. Nothing is coerced: unknown or mistyped fields are refused.
"""

from typing import Literal, NotRequired, TypedDict

AnswerValue = str | list[str]
"""One answer: a value, or a list of values for an item of kind "several"."""


class Payload(TypedDict):
    """One checklist's answers: item id → answer value, and item id → note text."""

    checklist: str
    answers: dict[str, AnswerValue]
    notes: NotRequired[dict[str, str]]


class ErrorDetail(TypedDict):
    field: str
    message: str


class ErrorResponse(TypedDict):
    ok: Literal[False]
    error: ErrorDetail


class OkResponse(TypedDict):
    ok: Literal[True]


# Requests ------------------------------------------------------------------------------------


class LimitsRequest(TypedDict):
    op: Literal["limits"]


class RecordHeading(TypedDict):
    """What a record's heading names: the guidance, its edition, when it was made."""

    guidance: str
    edition: str
    made_at: str
    edition_number: NotRequired[int]  # read by save; the page sends it with every request


class EvaluateRequest(RecordHeading):
    op: Literal["evaluate"]
    payload: Payload


class SaveRequest(RecordHeading):
    op: Literal["save"]
    payload: Payload


class OpenRequest(TypedDict):
    op: Literal["open"]
    text: str
    checklist: str
    edition: str
    edition_number: int
    changes: NotRequired[dict[str, object]]  # the site's edition-changes.json, if it was read


class PrefillRequest(TypedDict):
    op: Literal["prefill"]
    checklist: str
    payloads: list[Payload]


class AssessmentRecordRequest(RecordHeading):
    op: Literal["assessment_record"]
    payloads: list[Payload]


# Results -------------------------------------------------------------------------------------


class Brief(TypedDict):
    """An item named in a result: its id, its words, the paragraph it cites."""

    id: str
    text: str
    paragraph: str


class Cite(TypedDict):
    paragraph: str
    quote: str
    note: str  # the site's editorial note on the quoted paragraph ("" for none)


class Prompt(TypedDict):
    """A prompt: ``pinned`` (first, whole), ``follows`` from the answers, ``standing`` guidance,
    or, in ``if_so``, what would follow if the unknowns it ``depends_on`` are so."""

    id: str
    lead: str
    cites: list[Cite]
    items: list[Brief]
    group: Literal["pinned", "follows", "standing", "if-so"]
    adult_flag: str  # the 1.7 label where the prompt is written for adults ("" otherwise)
    depends_on: NotRequired[list[Brief]]  # in if_so only


class Answer(Brief):
    title: str
    kind: str
    scope: bool
    answer: AnswerValue  # "" when not answered; a list for kind "several"
    label: str  # "" when not answered; a several item's labels joined with "; "
    given: bool
    note: str
    status: Literal["answered", "not-known", "not-answered"]
    parent: str  # a sub-item: the id of the item it sits under
    why: str  # a scoping question: why the site asks it
    shared: bool  # one answer for every checklist of the tab that asks it
    caution: bool  # information in place, never marked
    note_label: str  # kind "both": the label of the words box
    adult_flag: str


class ToFindOut(TypedDict):
    heading: str
    items: list[Brief]


class Result(TypedDict):
    """What the evaluator returns for a payload."""

    checklist: str
    title: str
    stage: int
    in_scope: bool
    answered: int
    answers: list[Answer]
    to_find_out: ToFindOut
    missing: list[Brief]
    statements: list[str]
    prompts: list[Prompt]  # pinned, then follows, then standing
    if_so: list[Prompt]
    scope_not_answered: list[Brief]  # the site's questions not yet answered
    adult_flag: str  # the 1.7 label when the age answer is No or Not known ("" otherwise)


class ChangedItem(TypedDict):
    id: str
    paragraph: str
    title: str


class SavedFile(TypedDict):
    """A saved checklist file (``save`` writes it, ``open`` reads it): exactly these keys."""

    format: str
    format_version: int
    checklist: str
    edition: str
    edition_number: int
    saved_at: str
    answers: dict[str, AnswerValue]
    notes: dict[str, str]


# Responses -----------------------------------------------------------------------------------


class LimitsResponse(OkResponse):
    max_file_bytes: int
    file_too_large: str  # what to say of a larger file, after "the file "


class EvaluateResponse(OkResponse, Result):
    record: str


class SaveResponse(OkResponse):
    file: str


class OpenResponse(OkResponse):
    answers: dict[str, AnswerValue]
    notes: dict[str, str]
    notice: str
    changed_items: NotRequired[list[ChangedItem]]  # from an older edition only
    removed_items: NotRequired[list[str]]  # from an older edition only


class PrefillResponse(OkResponse):
    prefill: dict[str, str]


class AssessmentRecordResponse(OkResponse):
    record: str
    checklists: list[str]  # the checklists in the record, in the guidance's order


OPERATIONS: dict[str, tuple[type, type]] = {
    "limits": (LimitsRequest, LimitsResponse),
    "evaluate": (EvaluateRequest, EvaluateResponse),
    "save": (SaveRequest, SaveResponse),
    "open": (OpenRequest, OpenResponse),
    "prefill": (PrefillRequest, PrefillResponse),
    "assessment_record": (AssessmentRecordRequest, AssessmentRecordResponse),
}
"""Each operation's request and response types, by the request's ``op``."""
