"""The JSON contract between the page and Python, typed once: every request and response.

The page (``docs/assets/js/checklist/``) sends one JSON request to ``boundary.handle`` and gets
one JSON response back. Each operation's request and response are the ``TypedDict``s below, listed
in ``OPERATIONS``; ``tests/test_contract.py`` checks every response the tests see against them.

- ``limits``: nothing → what the page checks before asking: the largest file it reads, and what
  to say of a larger one (``open`` refuses it with the same words);
- ``evaluate``: a ``Payload``, the other checklists of the ``tab`` and its ``shared`` answers, and
  the record's heading fields → the ``Result`` with its ``record``;
- ``save``: the same and ``edition_number`` → ``file``, the text of a ``SavedFile``;
- ``open``: a file's ``text``, the page's ``checklist`` and edition (and ``changes``, the site's
  ``edition-changes.json``) → its ``answers`` and ``notes``, with a ``notice`` (and, from an older
  edition, the items to re-check and those left out);
- ``assessment_record``: the ``payloads`` of every checklist answered in the tab, its ``shared``
  answers and the heading fields → the whole assessment record's text, checklists in the
  guidance's order, the shared answers stated once;
- ``save_assessment`` / ``open_assessment``: the whole assessment of a tab as one file and back.

Shared answers (P14): the tab answers each shared scoping question once; requests carry them as
``shared`` and the boundary gives them to every checklist that asks the question.

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
    """What a record's heading names: the guidance, its edition and the edition's effective date
    ("" where none is given; the record says "date not given"), when it was made."""

    guidance: str
    edition: str
    edition_effective: str  # 2027-04-01, or ""
    made_at: str
    edition_number: NotRequired[int]  # read by save; the page sends it with every request


class EvaluateRequest(RecordHeading):
    op: Literal["evaluate"]
    payload: Payload
    tab: NotRequired[list[Payload]]  # the other checklists answered in the tab
    shared: NotRequired[dict[str, AnswerValue]]  # the tab's one answer to each shared question


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


class AssessmentRecordRequest(RecordHeading):
    op: Literal["assessment_record"]
    payloads: list[Payload]
    shared: NotRequired[dict[str, AnswerValue]]


class SaveAssessmentRequest(RecordHeading):
    op: Literal["save_assessment"]
    payloads: list[Payload]
    shared: NotRequired[dict[str, AnswerValue]]


class OpenAssessmentRequest(TypedDict):
    op: Literal["open_assessment"]
    text: str
    edition: str
    edition_number: int
    changes: NotRequired[dict[str, object]]


# Results -------------------------------------------------------------------------------------


class Brief(TypedDict):
    """An item named in a result: its id, its words, the paragraph it cites."""

    id: str
    text: str
    paragraph: str


class ListedBrief(Brief):
    """An item a listing prompt names; ``label`` its answer where the list holds several kinds
    (2.9's Not known and not answered, never merged: P3), else ""."""

    label: str
    adult_label: str  # the 1.7 label where the item is about the alleged perpetrator (P8)


class Listed(Brief):
    """An item listed with its answer: still to find out, missing, or carried (2.23 a)."""

    label: str  # the answer's label, or "Not answered"
    adult_label: str  # the 1.7 label where the item is about the alleged perpetrator (P8)
    title: str  # a heading of the item's ("" for none)
    site_title: bool  # the heading is the site's words
    note: str  # the practitioner's note on it ("" for none), e.g. who a point is awaited from
    note_name: str  # how the note is named: "Note", "In words" or "Reason"


class Link(TypedDict):
    """A place a prompt links besides its paragraph, in the guidance's words: a section by its
    anchor (``section-3``) and heading, or the paragraph's own link (``link:<key>``) and address."""

    target: str
    text: str
    url: str  # a "link:" target's address ("" for a section: the page finds its own)


class Prompt(TypedDict):
    """One paragraph of the guidance (P13) as the result shows it: whole, with the site's lines
    computed from the answers that brought it or that it waits on."""

    id: str
    paragraph: str  # its id: "2.10", or a callout's "1.8-box"
    name: str  # how it is named: "Paragraph 2.10", or a callout by its heading
    quote: str
    note: str  # the site's editorial note on the quoted paragraph ("" for none)
    lead: str  # whole sentences of the quote: its one line when folded
    items: list[ListedBrief]  # a list of the answers given (3.7, 3.10), under the guidance's words
    adult_label: str  # the 1.7 label where the prompt is written for adults ("" otherwise)
    from_answers: str  # the site's line naming the answers that brought it ("" for none)
    waits_on: str  # the site's line naming the answers it waits on ("" for none)
    link: str  # a checklist of the tab it waits on, not answered ("" for none)
    links: list[Link]  # places in the guidance it links besides its paragraph (Section 3)
    # a list under the same words as the list just above it (3.10's qualities by answer): drawn
    # and printed under the name and words already shown, never again
    continues: bool


class Section(TypedDict):
    """The result's parts, in this order (P12): read first, what follows from the answers,
    what would follow if so, guidance that always applies (present only when not empty)."""

    kind: Literal["pinned", "follows", "listed", "if-so", "standing"]
    heading: str  # the site's words; the standing heading names its paragraphs
    prompts: list[Prompt]


# An answer's state: "not-asked" is a scoping question its ``asked_while`` leaves out (the
# partner's children where there is no partner): its answer is kept by the page and not used.
Status = Literal["answered", "not-known", "not-answered", "not-asked"]


class Mark(TypedDict):
    """An answer that is a mark of its own beside a question's status (6.2's "Cross-check with
    the partner"), printed ticked or not."""

    label: str
    marked: bool


class Answer(Brief):
    title: str
    site_title: bool  # the heading is the site's words, not the guidance's
    kind: str
    site: bool  # the site's scoping question, not the guidance's words
    brings: list[str]  # the paragraphs its answers can bring (P12 a)
    answer: AnswerValue  # "" when not answered; a list for kind "several"
    label: str  # "" when not answered; a several item's labels joined with "; "
    note: str
    status: Status
    parent: str  # a sub-item: the id of the item it sits under
    why: str  # a scoping question: why the site asks it
    shared: bool  # one answer per tab, for every checklist that asks it (P14)
    caution: bool  # information in place, never marked
    opens: str  # the guidance's words opening the list it begins ("" for none)
    note_label: str  # kind "both": the label of the words box
    note_name: (
        str  # how the record names its note: "Note", "In words" (both), "Reason" (Not applicable)
    )
    adult_label: str
    menu: bool  # 6.2's "some or all" questions: only those chosen are printed
    # a menu question's marks besides its status (label holds the status alone, "" for none)
    marks: list[Mark]
    beside: list[Prompt]  # paragraphs shown beside it, whatever the answers (2.5 by 2.18's first)


class ToFindOut(TypedDict):
    heading: str
    items: list[Listed]


class Carried(TypedDict):
    """Another checklist of the tab, for 2.23 a: used or not, and what it left open."""

    checklist: str
    title: str
    used: bool
    summary: str  # the site's line: "<title>: used; still to find out:", "…: not used in this tab."
    items: list[Listed]
    site_open: list[Listed]  # the site's questions not answered or Not known, apart (P7)


class OfferedItem(ListedBrief):
    """An answer offered beside the judgement's lists, with the practitioner's words on it: its
    note, or for an answer in words, those words ("" for none)."""

    note: str
    note_name: str  # how the record and page name it: "Note", "In words" or "Reason"
    copy: str  # the line its controls copy into either list (Python owns every text it holds)


class OfferedGroup(TypedDict):
    """Answers of another checklist offered beside the judgement's two lists: the guidance's own
    name for the list they come from, the answer given, the items so answered (P5)."""

    heading: str
    label: str
    line: str  # the site's: "Answered No, listed in 2.9 under:"
    words: str  # the guidance's name for the list, quoted after it
    items: list[OfferedItem]


class Result(TypedDict):
    """What the evaluator returns for a payload: laid out once, drawn by the record and page."""

    checklist: str
    title: str
    stage: int
    answered: int
    adult: Literal["", "not-answered", "18-or-over", "under-18-or-not-known"]
    answers: list[Answer]
    sections: list[Section]
    to_find_out: ToFindOut
    missing: list[Listed]
    scope_not_answered: list[Listed]  # the site's questions not answered or Not known (P7)
    statements: list[str]
    carried: list[Carried]
    offered: list[OfferedGroup]


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


class SavedAssessment(TypedDict):
    """A saved assessment: the shared answers once and every checklist of the tab."""

    format: str
    format_version: int
    edition: str
    edition_number: int
    saved_at: str
    shared: dict[str, AnswerValue]
    checklists: list[Payload]


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


class AssessmentRecordResponse(OkResponse):
    record: str
    checklists: list[str]  # the checklists in the record, in the guidance's order


class SaveAssessmentResponse(OkResponse):
    file: str


class OpenAssessmentResponse(OkResponse):
    payloads: list[Payload]
    shared: dict[str, AnswerValue]
    notice: str


OPERATIONS: dict[str, tuple[type, type]] = {
    "limits": (LimitsRequest, LimitsResponse),
    "evaluate": (EvaluateRequest, EvaluateResponse),
    "save": (SaveRequest, SaveResponse),
    "open": (OpenRequest, OpenResponse),
    "assessment_record": (AssessmentRecordRequest, AssessmentRecordResponse),
    "save_assessment": (SaveAssessmentRequest, SaveAssessmentResponse),
    "open_assessment": (OpenAssessmentRequest, OpenAssessmentResponse),
}
"""Each operation's request and response types, by the request's ``op``."""
