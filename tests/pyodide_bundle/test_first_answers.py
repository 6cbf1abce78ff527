"""The results of a first answer computed at build time (``first_answers.py``), and the page's
reading of them (``docs/assets/js/checklist/first-answers.js``, in Node): the page draws an entry
only for a request the build made, and reads the entry the build wrote for it. That each entry is
Pyodide's own answer is checked in ``test_node.py``."""

from __future__ import annotations

import json
import subprocess

import pytest

from build_scripts.lib.paths import ROOT
from build_scripts.pyodide_bundle.first_answers import entries, file_text, requests
from calculators import evaluate
from calculators.model import checklist_ids, load_checklist

PAGE_MODULE = ROOT / "docs" / "assets" / "js" / "checklist" / "first-answers.js"
CHECKLIST = "early-risk-factors"  # asks a shared question of each kind (adult; contact: several)


@pytest.mark.parametrize("checklist", checklist_ids())
def test_every_first_answer_is_the_evaluators_result_one_entry_a_line(checklist):
    text = file_text(checklist)
    found = entries(text)
    lines = text.split("\n")
    assert lines[0] == "{" and lines[-2:] == ["}", ""]
    assert len(lines) == len(found) + 3  # one entry a line: the page parses only its lines
    # No answer, then every value of every question that takes a mark, in the form's order.
    questions = load_checklist(checklist).questions
    marked = [q for q in questions if not q.caution and q.answers.labels]  # words only: no mark
    assert list(found) == ["", *(f"{q.id}={v}" for q in marked for v in q.answers.labels)]
    assert found[""] == evaluate({"checklist": checklist, "answers": {}})
    for q in marked:
        value = next(iter(q.answers.labels))
        answer = [value] if q.kind == "several" else value
        # A shared question's answer went as the tab's, and came back as this checklist's.
        assert found[f"{q.id}={value}"] == evaluate(
            {"checklist": checklist, "answers": {q.id: answer}}
        )
    assert not any("record" in entry or "ok" in entry for entry in found.values())
    # Each entry after the first holds only what differs from it.
    stored = json.loads(text)
    base = stored.pop("")
    assert all(base.get(k) != v for changes in stored.values() for k, v in changes.items())


# (request, the key the page reads, or None: a form the build did not compute)
REQUESTS = [
    ({"payload": {"answers": {}, "notes": {}}, "tab": [], "shared": {}}, ""),
    (
        {"payload": {"answers": {"images-of-own-children": "yes"}}, "tab": [], "shared": {}},
        "images-of-own-children=yes",
    ),
    ({"payload": {"answers": {}}, "shared": {"contact": ["lives-with"]}}, "contact=lives-with"),
    ({"payload": {"answers": {}}, "shared": {"adult": "no"}}, "adult=no"),
    # A shared answer to a question this checklist does not ask is not its answer.
    (
        {"payload": {"answers": {"previous-history": "no"}}, "shared": {"other-question": "x"}},
        "previous-history=no",
    ),
    ({"payload": {"answers": {"previous-history": "no"}}, "shared": {"adult": "no"}}, None),
    ({"payload": {"answers": {}}, "shared": {"contact": ["lives-with", "regular"]}}, None),
    (
        {
            "payload": {
                "answers": {"previous-history": "no"},
                "notes": {"previous-history": "words"},
            }
        },
        None,
    ),
    (
        {"payload": {"answers": {}}, "tab": [{"checklist": "strategy-discussion", "answers": {}}]},
        None,
    ),
]


@pytest.mark.node
def test_the_page_reads_the_entry_the_build_wrote_for_its_request():
    script = f"""
    const {{ entryKey, entryOf }} = await import({json.dumps(PAGE_MODULE.as_uri())});
    const text = {json.dumps(file_text(CHECKLIST))};
    const requests = {json.dumps([request for request, _ in REQUESTS])};
    const asks = ["adult", "contact"];
    const keys = requests.map((request) => entryKey(request, asks));
    const read = Object.entries({json.dumps(entries(file_text(CHECKLIST)))});
    const same = read.every(([key, e]) => JSON.stringify(entryOf(text, key)) === JSON.stringify(e));
    console.log(JSON.stringify({{ keys, same, missing: entryOf(text, "no=such") }}));
    """
    done = subprocess.run(  # on stdin: the file's text is too long for an argument
        ["node", "--input-type=module", "-"],
        input=script,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert found["keys"] == [key for _, key in REQUESTS]
    assert found["same"] is True
    assert found["missing"] is None


def test_the_requests_are_the_pages():
    """The shared questions the page's test names are this checklist's (``asks``)."""
    shared = {q.id for q in load_checklist(CHECKLIST).scope if q.shared}
    assert shared == {"adult", "contact"}
    assert next(requests(CHECKLIST))[0] == ""
