"""The types of a checklist definition: what ``model`` reads from the TOML files, checked.

A definition has scoping questions (the site's own, some shared by every checklist of a tab),
items (each quoting the guidance and citing its paragraph), prompts (one paragraph of the
guidance each, shown when their conditions hold, or always when they have none) and statements
(the practitioner's own choices in words). The TOML keys of each table are these dataclasses'
fields (``model.KEYS``), renamed where ``model.RENAMED`` says.
"""

from __future__ import annotations

from dataclasses import dataclass, field

QUANTIFIERS = ("any", "all", "none", "noted")
KINDS = ("choice", "several", "words", "both", "note")
WORDS_KINDS = frozenset({"words", "note"})  # answered in notes, not by choosing


@dataclass(frozen=True)
class Cite:
    paragraph: str
    quote: str
    note: str = ""  # the site's editorial note on the quoted paragraph, carried with it


@dataclass(frozen=True)
class Link:
    """A place in the guidance a prompt links besides its paragraph, in the guidance's words:
    a section by its page anchor and heading (``section-3``, Section 3 beside 3.4), or a link
    the paragraph itself gives, by its key in the site's link registry and its address
    (``link:children-act-1989-s31``, Section 31 in 2.22). The build checks the words (tests)."""

    target: str  # "section-<n>", or "link:<key>"
    text: str  # the guidance's heading, or the words of the paragraph's own link
    url: str = ""  # a "link:" target's address (https://…), as the registry gives it


@dataclass(frozen=True)
class Condition:
    items: tuple[str, ...]
    quantifier: str  # any | all | none (answers in values) | noted (a note was written)
    values: frozenset[str]
    maybe: frozenset[str] = frozenset()  # answers that leave it unknown (e.g. "other contact")
    checklist: str = ""  # the items are another checklist's of the tab (2.9 in Stage 1)


@dataclass(frozen=True)
class Prompt:
    """One paragraph of the guidance (P13): its quote, and the lead shown when it is folded to
    one line: one or more whole sentences of the quote (by default its first)."""

    id: str
    lead: str
    when: tuple[Condition, ...]
    cites: tuple[Cite, ...]  # exactly one: a prompt cites one paragraph (P13)
    lists: Condition | None = None  # list the items whose answers are in these values
    # the list names the items not answered too (2.9's "unknown factors listed by name", spec
    # part 2); without it a list is of the answers given only (3.10's Not known, C3-8)
    list_not_answered: bool = False
    pinned: bool = False  # always shown, first (2.12)
    for_adults: bool = False  # written for adult perpetrators: labelled under 18 (1.7)
    waits_on: str = ""  # the site's line while another checklist of the tab is not answered
    # where it follows, its line names the questions still open too (2.6's four on positions
    # of trust, which ask about two different people: C3-13)
    names_open: bool = False
    # shown beside this item (on screen, in the record), not among the sections: 2.5 beside
    # 2.18's first point ("Levels A - C"); only a prompt shown whatever the answers
    beside: str = ""
    links: tuple[Link, ...] = ()  # places it links besides its paragraph (Section 3 with 3.4)

    @property
    def cite(self) -> Cite:
        return self.cites[0]


@dataclass(frozen=True)
class AnswerSet:
    labels: dict[str, str]  # value -> label, in display order
    not_known: str = ""  # the value that means Not known ("" for none)
    to_find_out: frozenset[str] = frozenset()  # values listed as information still to gather
    exclusive: tuple[frozenset[str], ...] = ()  # several: at most one of each group
    # value -> what its label adds when no note carries the information (never a bare "Obtained");
    # "{checklist}" is "this checklist" in its own record, its title where another names it
    unnoted: dict[str, str] = field(default_factory=dict)
    needs_note: frozenset[str] = frozenset()  # values still to find out until a note says why
    menu: bool = False  # 6.2's "Some or all of the following questions": only those chosen print
    # value -> how a record names the note on that answer (2.18's Outstanding: "Awaited from")
    note_names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    paragraph: str
    answers: AnswerSet
    title: str = ""  # a short heading: the guidance's own where it gives one
    site_title: bool = False  # the heading is the site's words, not the guidance's (P13)
    group: str = ""
    kind: str = "choice"  # choice | several | words | both | note
    required: bool = False
    verbatim: bool = True  # item texts quote the guidance; scoping questions are the site's
    for_adults: bool = False  # speaks of the alleged perpetrator: labelled under 18 (1.7)
    parent: str = ""  # a sub-item: shown, recorded and printed under this item
    why: str = ""  # a scoping question: why the site asks it
    shared: bool = False  # one answer per tab, for every checklist that asks it (P14)
    note_label: str = ""  # the words box's label, where it is the answer (kind both)
    caution: bool = False  # information in place, not a task: never marked
    # The guidance's words that open the list this item begins, quoted before it on screen, in the
    # record and on paper ("Some key factors may determine … at an early stage:" before 2.9's first
    # factor; 2.23's "b) Analysis of information" before severity)
    opens: str = ""
    # A scoping question asked only while these hold or are still open (the partner's children:
    # not when there is no partner); not asked, its answer is kept on the page and not used.
    asked_while: tuple[Condition, ...] = ()


@dataclass(frozen=True)
class Statement:
    template: str  # e.g. "Harm consequences judged {harm}."; {id} is that item's answer label
    items: tuple[str, ...]
    # each part of the template (between "; ") stated as soon as its own answers are given, not
    # the whole only once all are: 2.23 c's two grades, each as it is chosen
    each_part: bool = False


@dataclass(frozen=True)
class Offered:
    """Answers of another checklist of the tab offered beside the judgement's two lists, by
    source and answer, never in them (P5, C2-21)."""

    source: str  # the checklist whose answers it reads
    group: str  # that checklist's items of this group ("": every item)…
    values: frozenset[str]  # …answered with one of these values
    heading: str  # the guidance's own name for the source's list, e.g. "3.7: Factors…"


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    purpose: str
    serves: str  # the paragraph the checklist serves, e.g. "2.9"
    stage: int  # the guidance's stage (1-3) the checklist belongs to, for the combined record
    to_find_out_heading: str
    scope: tuple[Question, ...]  # the shared questions first, then its own
    items: tuple[Question, ...]
    prompts: tuple[Prompt, ...]
    statements: tuple[Statement, ...] = ()
    offered: tuple[Offered, ...] = ()
    carries: bool = False  # shows what every other checklist of the tab left open (2.23 a)

    @property
    def questions(self) -> tuple[Question, ...]:
        return (*self.scope, *self.items)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def item(self, question_id: str) -> Question:
        """The question with this id, which the definition's checks say exists."""
        question = self.question(question_id)
        if question is None:
            raise KeyError(question_id)
        return question
