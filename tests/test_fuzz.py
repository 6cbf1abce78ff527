"""Fuzzing: any JSON payload gives a result or our one error type; the boundary never raises."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import ChecklistError, evaluate, load_checklist
from calculators.boundary import handle

CHECKLIST = load_checklist("early-risk-factors")
ITEMS = [q.id for q in (*CHECKLIST.scope, *CHECKLIST.items)]
DATED = {"edition_effective": "", "made_at": "t"}  # a record's heading: no date given, made at
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
# Payloads near the real shape find the deeper paths, not just "expected an object".
NEAR = st.fixed_dictionaries(
    {
        "checklist": st.sampled_from(["early-risk-factors", "x", ""]) | JSON,
        "answers": st.dictionaries(
            st.sampled_from([*ITEMS, "other"]),
            st.sampled_from(["yes", "no", "unknown", "Yes", ""]) | JSON,
        ),
    },
    optional={
        "notes": st.dictionaries(st.sampled_from([*ITEMS, "x"]), st.text() | JSON),
        "extra": JSON,
    },
)


KINDS = ["pinned", "follows", "listed", "if-so", "standing"]
PROMPT_KEYS = {
    "id",
    "paragraph",
    "quote",
    "note",
    "lead",
    "items",
    "adult_label",
    "from_answers",
    "waits_on",
    "link",
}
# The other checklists of a tab, near the real shape too (2.9 read in the Strategy discussion).
TAB = (
    st.lists(
        st.fixed_dictionaries(
            {
                "checklist": st.sampled_from(["strategy-discussion", "early-risk-factors"]) | JSON,
                "answers": st.dictionaries(
                    st.sampled_from(ITEMS), st.sampled_from(["yes", "unknown"])
                ),
            }
        ),
        max_size=2,
    )
    | JSON
)


def assert_result_shape(result: dict) -> None:
    """The one result shape: answers, sections in order (each prompt's fields), the rest."""
    assert json.dumps(result)  # always JSON-shaped
    assert {
        "answers",
        "sections",
        "to_find_out",
        "missing",
        "statements",
        "carried",
        "adult",
    } <= set(result)
    kinds = [s["kind"] for s in result["sections"]]
    assert kinds == sorted(kinds, key=KINDS.index) and len(set(kinds)) == len(kinds)
    for section in result["sections"]:
        assert section["prompts"]  # an empty section is left out
        for prompt in section["prompts"]:
            assert set(prompt) >= PROMPT_KEYS
            assert prompt["quote"] and prompt["lead"] and prompt["paragraph"]
    assert {a["id"] for a in result["answers"]} == set(ITEMS) or result["checklist"] != CHECKLIST.id


@settings(max_examples=400, deadline=None)
@given(JSON | NEAR, TAB)
def test_the_evaluator_returns_a_result_or_raises_checklist_error(payload, tab):
    try:
        result = evaluate(payload, tab)
    except ChecklistError as error:
        assert error.field and error.message
    else:
        assert_result_shape(result)


@settings(max_examples=300, deadline=None)
@given(
    st.text()
    | JSON.map(json.dumps)
    | NEAR.map(
        lambda p: json.dumps(
            {"op": "evaluate", "payload": p, "guidance": "g", "edition": "e", **DATED}
        )
    )
)
def test_the_boundary_always_answers_json(request_text):
    response = json.loads(handle(request_text))
    assert response["ok"] in (True, False)
    if response["ok"]:
        assert_result_shape(response)
        assert response["record"]


SHARED = (
    st.fixed_dictionaries(
        {},
        optional={
            "adult": st.sampled_from(["yes", "no", "unknown", "x"]) | JSON,
            "contact": st.lists(st.sampled_from(["regular", "none", "unknown"])) | JSON,
        },
    )
    | JSON
)


@settings(max_examples=200, deadline=None)
@given(NEAR, SHARED, TAB, st.sampled_from(["evaluate", "assessment_record", "save_assessment"]))
def test_the_tab_operations_answer_json_with_shared_answers_and_a_tab(payload, shared, tab, op):
    request = {
        "op": op,
        "payload": payload,
        "payloads": [payload, *tab] if isinstance(tab, list) else tab,
        "tab": tab,
        "shared": shared,
        "guidance": "g",
        "edition": "e",
        "edition_number": 1,
        **DATED,
    }
    response = json.loads(handle(json.dumps(request)))
    if response["ok"] is False:
        assert response["error"]["message"] and response["error"]["field"] != "internal"
    elif op == "evaluate":
        assert_result_shape(response)
        for answer in response["answers"]:
            if answer["shared"] and answer["id"] in shared:
                assert (
                    answer["answer"] == shared[answer["id"]] or answer["id"] in payload["answers"]
                )
    else:
        assert response["record" if op == "assessment_record" else "file"]


# Deep JSON too (up to far past the depth limit) and near-files: the strict reader must refuse
# them with a message, never raise (RecursionError once killed Pyodide).
DEEP = st.integers(0, 20_000).flatmap(
    lambda n: st.sampled_from(["[", '{"a":', "[1,"]).map(
        lambda opener: opener * n + "0" + {"[": "]", '{"a":': "}", "[1,": "]"}[opener] * n
    )
)
SAVED = {
    "format": "guidance-checklist",
    "format_version": 1,
    "checklist": "early-risk-factors",
    "edition": "E",
    "edition_number": 1,
    "answers": {},
}
NEAR_FILE = st.fixed_dictionaries(
    {k: st.just(v) | JSON for k, v in SAVED.items()}, optional={"notes": JSON, "x": JSON}
).map(json.dumps)


@settings(max_examples=300, deadline=None)
@given(DEEP | NEAR_FILE | JSON.map(json.dumps) | st.text())
def test_any_json_file_up_to_the_limit_gives_a_message_or_a_result(text):
    request = {
        "op": "open",
        "text": text,
        "checklist": "early-risk-factors",
        "edition": "E",
        "edition_number": 1,
    }
    for request_text in (json.dumps(request), text):  # as a file, and as a request itself
        response = json.loads(handle(request_text))
        if response["ok"] is False:
            assert response["error"]["message"] and response["error"]["field"]
        else:
            assert response["ok"] is True
    response = json.loads(handle(json.dumps(request)))
    assert response["ok"] is False or set(response) == {"ok", "answers", "notes", "notice"}
