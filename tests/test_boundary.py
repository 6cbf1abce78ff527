"""The browser boundary: JSON in, JSON out; errors returned, never raised; saved files checked."""

import json

import pytest

from calculators.boundary import BIDI, OPERATIONS, handle
from calculators.model import follow_renumbering

META = {
    "guidance": "The guidance",
    "edition": "Edition 1",
    "edition_effective": "",
    "edition_number": 1,
    "made_at": "28 November 2026, 10:00",
}
OPEN = {"checklist": "early-risk-factors", "edition": "Edition 1", "edition_number": 1}
PAYLOAD = {
    "checklist": "early-risk-factors",
    "answers": {"images-of-own-children": "yes"},
    "notes": {"images-of-own-children": "seen by police"},
}


def call(**request):
    return json.loads(handle(json.dumps(request)))


def test_evaluate_returns_the_result_with_its_record():
    response = call(op="evaluate", payload=PAYLOAD, **META)
    assert response["ok"] and response["sections"][0]["kind"] == "pinned"
    assert response["sections"][0]["prompts"][0]["paragraph"] == "2.12"
    follows = next(s for s in response["sections"] if s["kind"] == "follows")["prompts"]
    assert {p["paragraph"] for p in follows} >= {"2.10", "2.11"}
    assert "Paragraph 2.12\n  > People who look" in response["record"]
    assert "Paragraph 2.10\n" in response["record"]
    assert "  > If any of these risk factors are present" in response["record"]


def test_save_then_open_gives_back_every_answer_and_note():
    saved = call(op="save", payload=PAYLOAD, **META)["file"]
    opened = call(op="open", text=saved, **OPEN)
    assert opened == {
        "ok": True,
        "answers": PAYLOAD["answers"],
        "notes": PAYLOAD["notes"],
        "notice": "",
    }


def saved_file(**changes):
    data = json.loads(call(op="save", payload=PAYLOAD, **META)["file"])
    data.update(changes)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("this is not json", "is not a saved checklist: it is not JSON text"),
        ("[1, 2]", "is not a checklist saved from this site"),
        ('{"answers": {}}', "is not a checklist saved from this site"),
        (saved_file(format_version=2), "has format version 2; this site reads version 1"),
        (
            saved_file(checklist="strategy-discussion"),
            "is a saved “Strategy discussion” checklist, not “Early risk factors”",
        ),
        (saved_file(score=5), "has fields this site does not know: 'score'"),
        (saved_file(answers={"adult": "maybe"}), "unknown answer 'maybe'"),
        ("x" * 1_000_001, "is larger than 1 MB"),
        (
            saved_file(edition="Edition 2", edition_number=2),
            "was saved with a newer edition of the guidance (edition 2, 'Edition 2') than this "
            "site has (edition 1, 'Edition 1'): open it where edition 2 is published",
        ),
        (saved_file(edition_number="1"), "expected an edition number"),
        # issue 27: "has a note", and a number of 4,000 digits is no edition, said briefly
        (saved_file(notes={"adult": 5}), "has a note to “Is the person alleged to have viewed"),
        (saved_file(edition_number=10**4000), "expected an edition number (1, 2, …), got 1000"),
        (
            saved_file(edition="Edition 1 (as received)", edition_number=3),
            "(edition 3, 'Edition 1 (as received)') than this site has (edition 1,",
        ),
    ],
)
def test_a_bad_file_gets_a_clear_message(text, message):
    response = call(op="open", text=text, **OPEN)
    assert response["ok"] is False
    assert message in response["error"]["message"]
    assert len(response["error"]["message"]) < 300
    assert "has an note" not in response["error"]["message"]


def test_a_file_from_an_older_edition_opens_with_a_notice():
    opened = call(
        op="open",
        text=saved_file(),
        checklist="early-risk-factors",
        edition="Edition 2",
        edition_number=2,
    )
    assert opened["ok"] and "saved with 'Edition 1'; you are using 'Edition 2'" in opened["notice"]


@pytest.mark.parametrize(
    ("request_text", "field"),
    [
        ("not json", "request"),
        ('"a string"', "op"),
        ('{"op": "delete"}', "op"),
        (
            '{"op": "evaluate", "payload": {}, "guidance": "g", "edition": "e", "made_at": "t"}',
            "checklist",
        ),
        (
            '{"op": "evaluate", "payload": {"checklist": "early-risk-factors", "answers": {}}}',
            "guidance",
        ),
    ],
)
def test_bad_requests_come_back_as_errors(request_text, field):
    response = json.loads(handle(request_text))
    assert response["ok"] is False and response["error"]["field"] == field


CHANGES = {"1": {"label": "Edition 1", "changed": ["2.9"], "added": ["1.9"]}}


def open_older(text: str, changes: object = CHANGES) -> dict:
    request = {"checklist": "early-risk-factors", "edition": "Edition 2", "edition_number": 2}
    return call(op="open", text=text, changes=changes, **request)


def test_a_file_from_an_older_edition_lists_answered_items_whose_paragraph_changed():
    opened = open_older(saved_file())
    assert opened["ok"] and opened["answers"] == PAYLOAD["answers"]
    assert [c["id"] for c in opened["changed_items"]] == ["images-of-own-children"]
    assert opened["changed_items"][0]["paragraph"] == "2.9"
    assert "The guidance changed for these answered items, check them:" in opened["notice"]
    assert "(2.9)" in opened["notice"] and opened["removed_items"] == []


def test_a_file_saved_before_a_renumbering_opens_and_names_the_new_number():
    follow_renumbering({"2.9": "2.30"})  # the latest edition renumbers 2.9 (and rewords it)
    try:
        opened = open_older(saved_file(), {"1": {"label": "E1", "changed": ["2.30"], "added": []}})
    finally:
        follow_renumbering(None)
    assert opened["ok"] and opened["answers"] == PAYLOAD["answers"]
    assert [c["paragraph"] for c in opened["changed_items"]] == ["2.30"]
    assert "(2.30)" in opened["notice"] and "2.9" not in opened["notice"]


def test_answers_this_checklist_no_longer_has_are_left_out_and_named():
    text = saved_file(answers={"images-of-own-children": "yes", "retired-item": "yes"})
    opened = open_older(text, {"1": {"label": "E1", "changed": [], "added": []}})
    assert opened["ok"] and opened["answers"] == {"images-of-own-children": "yes"}
    assert opened["removed_items"] == ["retired-item"] and "retired-item" in opened["notice"]
    assert "did not change for any answered item" in opened["notice"]


def test_without_the_sites_changes_the_file_still_opens_and_says_so():
    request = {"checklist": "early-risk-factors", "edition": "Edition 2", "edition_number": 2}
    opened = call(op="open", text=saved_file(), **request)
    assert opened["ok"] and "could not be checked" in opened["notice"]


@pytest.mark.parametrize(
    "changes", [[], {"2": {}}, {"1": {"changed": "2.9", "added": []}}, {"1": {"changed": [1]}}]
)
def test_malformed_changes_are_refused_clearly(changes):
    opened = open_older(saved_file(), changes)
    assert not opened["ok"] and opened["error"]["field"].startswith("changes")


def test_wrong_types_in_an_older_file_are_still_refused():
    opened = open_older(saved_file(answers={"images-of-own-children": ["yes"]}))
    assert not opened["ok"] and opened["error"]["field"] == "answers.images-of-own-children"


def test_a_note_of_the_wrong_type_in_an_older_file_is_refused_not_crashed_on():
    opened = open_older(saved_file(notes={"images-of-own-children": 7}))
    assert not opened["ok"] and opened["error"]["field"] == "notes.images-of-own-children"


STRATEGY = {"checklist": "strategy-discussion", "answers": {"adult": "yes"}}


def test_the_assessment_record_gathers_the_tab_in_the_guidances_order():
    response = call(op="assessment_record", payloads=[PAYLOAD, STRATEGY], **META)
    assert response["ok"] and response["checklists"] == [
        "strategy-discussion",
        "early-risk-factors",
    ]
    record = response["record"]
    assert record.startswith(
        "Assessment record\nGuidance: The guidance\nEdition: Edition 1, date not given\n"
        "Made: 28 November 2026, 10:00\n"
    )
    assert "Checklists: Strategy discussion, Early risk factors\n" in record
    assert record.index("\nSTRATEGY DISCUSSION\n") < record.index("\nEARLY RISK FACTORS\n")
    assert "checklist record" not in record  # one heading, not one per checklist


@pytest.mark.parametrize(
    ("payloads", "field"),
    [
        ([], "payloads"),
        ("not a list", "payloads"),
        ([PAYLOAD, PAYLOAD], "payloads"),
        ([{}], "checklist"),
    ],
)
def test_a_bad_assessment_record_request_gets_a_clear_error(payloads, field):
    response = call(op="assessment_record", payloads=payloads, **META)
    assert response["ok"] is False and response["error"]["field"] == field


def test_the_limits_name_the_largest_file():
    assert call(op="limits") == {
        "ok": True,
        "max_file_bytes": 1_000_000,
        "file_too_large": "is larger than 1 MB: it cannot be a saved checklist",
    }


# Saved files read strictly (issue 14 item 5, issue 13 item 4): each refused with a message
# that quotes at most a short excerpt of the file and no bidirectional control character.
NESTED = "[" * 10_000 + "]" * 10_000  # 20 KB: once raised RecursionError and killed Pyodide
RLO = "\u202e"
STRICT_FILES = [
    (NESTED, "nests more than 16 levels deep"),
    ('{"a": ' * 20 + "1" + "}" * 20, "nests more than 16 levels deep"),
    (
        saved_file().rstrip()[:-1] + ', "format": "guidance-checklist"}',
        "has the key 'format' twice",
    ),
    (saved_file(format_version=True), "has format version True; this site reads version 1"),
    (saved_file(format_version=1.0), "has format version 1.0; this site reads version 1"),
    (saved_file(format_version="1"), "has format version '1'"),
    (
        saved_file(answers={"adult": "maybe"}),
        "“Is the person alleged to have viewed the images aged 18 or over?”",
    ),
    (saved_file(checklist="x" * 5000), "is a saved 'xxxxxxxx"),
    (saved_file(edition=f"Edition {RLO}2", edition_number=9), "newer edition of the guidance"),
    (saved_file(**{f"k{RLO}{i}": 1 for i in range(50)}), "has fields this site does not know"),
    ("x" * 1_000_001, "is larger than 1 MB"),
]


@pytest.mark.parametrize(("text", "message"), STRICT_FILES, ids=range(len(STRICT_FILES)))
def test_a_saved_file_is_read_strictly(text, message):
    response = call(op="open", text=text, **OPEN)
    assert response["ok"] is False
    error = response["error"]["message"]
    assert message in error
    assert len(error) <= 400 and not BIDI.search(error)
    assert "x" * 50 not in error  # a short excerpt of the file at most


def test_the_question_text_names_the_item_whose_answer_is_wrong():
    response = call(op="open", text=saved_file(answers={"adult": "maybe"}), **OPEN)
    assert response["error"]["message"].startswith("has an answer to “")
    assert "unknown answer 'maybe'" in response["error"]["message"]


def test_a_notice_from_an_older_file_has_no_bidirectional_control():
    opened = open_older(saved_file(edition=f"Edition {RLO}1"))
    assert opened["ok"] and not BIDI.search(opened["notice"])


@pytest.mark.parametrize(
    "request_text",
    [
        NESTED,
        '{"op": "limits", "op": "limits"}',
        json.dumps({"op": "evaluate", "payload": json.loads("[" * 30 + "]" * 30)}),
        None,
        b"{}",
    ],
    ids=["nested", "key twice", "nested payload", "None", "bytes"],
)
def test_a_bad_request_never_raises(request_text):
    response = json.loads(handle(request_text))
    assert response["ok"] is False and response["error"]["field"] == "request"


def test_an_unexpected_error_inside_comes_back_as_an_answer(monkeypatch):
    def broken(request):
        raise KeyError("boom")

    monkeypatch.setitem(OPERATIONS, "limits", broken)
    response = call(op="limits")
    assert response == {
        "ok": False,
        "error": {"field": "internal", "message": "the calculator could not answer (KeyError)"},
    }
