"""Fuzzing: any JSON payload gives a result or our one error type; the boundary never raises."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import ChecklistError, evaluate, load_checklist
from calculators.boundary import handle

CHECKLIST = load_checklist("early-risk-factors")
ITEMS = [q.id for q in (*CHECKLIST.scope, *CHECKLIST.items)]
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


@settings(max_examples=400, deadline=None)
@given(JSON | NEAR)
def test_the_evaluator_returns_a_result_or_raises_checklist_error(payload):
    try:
        result = evaluate(payload)
    except ChecklistError as error:
        assert error.field and error.message
    else:
        assert json.dumps(result)  # always JSON-shaped


@settings(max_examples=300, deadline=None)
@given(
    st.text()
    | JSON.map(json.dumps)
    | NEAR.map(
        lambda p: json.dumps(
            {"op": "evaluate", "payload": p, "guidance": "g", "edition": "e", "made_at": "t"}
        )
    )
)
def test_the_boundary_always_answers_json(request_text):
    response = json.loads(handle(request_text))
    assert response["ok"] in (True, False)


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
