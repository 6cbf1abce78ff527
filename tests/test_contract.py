"""The boundary's JSON contract: every response of every op matches its TypedDict, and the
constants the page and the form use come from their owners."""

from __future__ import annotations

import json
import types
import typing
from xml.etree import ElementTree as etree

import pytest

from build_scripts.pyodide_bundle.cases import boundary_requests
from calculators import boundary, contract
from calculators.evaluator import MAX_NOTE
from calculators.record import DISCLAIMER_PARAGRAPHS


def problems(value: object, kind: object, where: str = "response") -> list[str]:
    """Where ``value`` does not match the type ``kind`` (TypedDicts checked key by key)."""
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if typing.is_typeddict(kind):
        if not isinstance(value, dict):
            return [f"{where}: expected an object, got {value!r}"]
        hints = typing.get_type_hints(kind)
        found = [f"{where}: missing {k}" for k in kind.__required_keys__ - value.keys()]
        found += [f"{where}: unknown {k}" for k in value.keys() - hints.keys()]
        for key in value.keys() & hints.keys():
            found += problems(value[key], hints[key], f"{where}.{key}")
        return found
    if origin is typing.Literal:
        return [] if value in args else [f"{where}: {value!r} is not one of {args}"]
    if origin in (typing.Union, types.UnionType):
        return [] if any(not problems(value, a, where) for a in args) else [f"{where}: {value!r}"]
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: expected a list, got {value!r}"]
        return [p for i, v in enumerate(value) for p in problems(v, args[0], f"{where}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: expected an object, got {value!r}"]
        return [p for k, v in value.items() for p in problems(v, args[1], f"{where}.{k}")]
    if kind is object:
        return []
    if kind is int and isinstance(value, bool):
        return [f"{where}: expected int, got a boolean"]
    return [] if isinstance(value, kind) else [f"{where}: expected {kind}, got {value!r}"]


REQUESTS = boundary_requests()


def test_every_op_the_boundary_answers_is_typed_in_the_contract():
    assert boundary.OPERATIONS.keys() == contract.OPERATIONS.keys()


def test_the_tests_exercise_every_op():
    ops = {json.loads(r).get("op") for r in REQUESTS if r.startswith("{")}
    assert set(contract.OPERATIONS) <= ops


@pytest.mark.parametrize("request_text", REQUESTS)
def test_every_response_matches_its_typed_dict(request_text):
    response = json.loads(boundary.handle(request_text))
    if not response["ok"]:
        assert problems(response, contract.ErrorResponse) == []
        return
    request = json.loads(request_text)
    request_type, response_type = contract.OPERATIONS[request["op"]]
    assert problems(request, request_type, "request") == []
    assert problems(response, response_type) == []


def test_the_checker_can_fail():
    assert problems({"ok": True}, contract.SaveResponse) == ["response: missing file"]
    assert problems({"ok": True, "file": 1}, contract.SaveResponse)
    assert problems({"ok": True, "file": "", "score": 1}, contract.SaveResponse)
    assert problems(
        {"ok": True, "max_file_bytes": True, "file_too_large": ""}, contract.LimitsResponse
    )


def test_a_saved_file_has_exactly_the_keys_of_its_typed_dict():
    payload = {"checklist": "early-risk-factors", "answers": {}}
    request = {"op": "save", "payload": payload, "guidance": "G", "edition": "E", "made_at": "T"}
    saved = json.loads(
        json.loads(boundary.handle(json.dumps({**request, "edition_number": 1})))["file"]
    )
    assert problems(saved, contract.SavedFile, "file") == []
    assert set(saved) == boundary.FILE_KEYS


def test_the_limits_are_the_boundarys_own():
    limits = json.loads(boundary.handle('{"op": "limits"}'))
    assert limits["max_file_bytes"] == boundary.MAX_FILE
    too_big = {"op": "open", "text": "x" * (boundary.MAX_FILE + 1), "checklist": "adult"}
    refused = json.loads(
        boundary.handle(json.dumps({**too_big, "edition": "E", "edition_number": 1}))
    )
    assert (
        refused["error"]["message"]
        == limits["file_too_large"]
        == "is larger than 1 MB: it cannot be a saved checklist"
    )


def test_the_built_form_takes_its_note_limit_and_disclaimer_paragraphs_from_their_owners():
    from build_scripts.mdx.checklist_form import render_form
    from calculators import load_checklist

    form = render_form(etree.Element("div"), load_checklist("early-risk-factors"), "docs")
    limits = {area.get("maxlength") for area in form.iter("textarea")}
    assert limits == {str(MAX_NOTE)}
    cited = {a.get("data-para") for a in form.iter("a") if a.get("data-para")}
    assert set(DISCLAIMER_PARAGRAPHS) <= cited
