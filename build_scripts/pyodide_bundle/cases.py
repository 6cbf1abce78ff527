"""The cases that stand beside each checklist definition, as data, the one checker of a result
against its case, and every request the bundle is proven with (in CPython, in Pyodide under Node
with ``run_cases.mjs``, and by ``make stdlib-keep``)."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from build_scripts.lib.paths import CALCULATORS, ROOT
from calculators.boundary import handle

CHECKLISTS = ROOT / CALCULATORS / "checklists"
RUNNER = Path(__file__).with_name("run_cases.mjs")


def all_cases() -> list[tuple[str, dict]]:
    """(checklist id, case) for every case of every checklist."""
    found = []
    for path in sorted(CHECKLISTS.glob("*.cases.toml")):
        checklist = path.name.removesuffix(".cases.toml")
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            found.append((checklist, case))
    return found


def case_id(pair: tuple[str, dict]) -> str:
    return f"{pair[0]}: {pair[1]['name']}"


def case_mismatches(case: dict, response: dict) -> list[str]:
    """How a boundary ``evaluate`` response differs from what its case expects (empty: none)."""
    found = []

    def expect(what: str, got: object, wanted: object) -> None:
        if got != wanted:
            found.append(f"{what}: got {got!r}, expected {wanted!r}")

    if "error" in case:
        expect("ok", response.get("ok"), False)
        expect("error field", response.get("error", {}).get("field"), case["error"])
        return found
    if response.get("ok") is not True:
        return [f"expected a result, got {response!r}"]
    sections = {s["kind"]: s["prompts"] for s in response["sections"]}
    shown = [
        p for kind in ("pinned", "follows", "listed", "standing") for p in sections.get(kind, [])
    ]
    every = [p for s in response["sections"] for p in s["prompts"]]
    if "prompts" in case:  # read first, what follows, what always applies, in order
        expect("prompts", [p["id"] for p in shown], case["prompts"])
    if "to_find_out" in case:
        got = [u["id"] for u in response["to_find_out"]["items"]]
        expect("to find out", got, case["to_find_out"])
    if "if_so" in case:  # what would follow if so, and the items its site line names
        got = {p["id"]: _named(p["waits_on"], response) for p in sections.get("if-so", [])}
        expect("if so", got, case["if_so"])
    if "from_answers" in case:  # the site's line naming the answers that brought a prompt
        lines = {p["id"]: p["from_answers"] for p in every}
        expect(
            "from answers", {k: lines.get(k) for k in case["from_answers"]}, case["from_answers"]
        )
    if "waits_on" in case:  # the site's line naming what a prompt waits on
        lines = {p["id"]: p["waits_on"] for p in every}
        expect("waits on", {k: lines.get(k) for k in case["waits_on"]}, case["waits_on"])
    if "leads" in case:  # the lead (whole sentences of the quote) of a prompt
        leads = {p["id"]: p["lead"] for p in every}
        expect("leads", {k: leads.get(k) for k in case["leads"]}, case["leads"])
    if "groups" in case:  # pinned / follows / standing, in the order shown
        kinds = [s["kind"] for s in response["sections"] for _ in s["prompts"]]
        expect("groups", [k for k in kinds if k != "if-so"], case["groups"])
    if "adult_flagged" in case:  # the items and prompts labelled as written for adults (1.7)
        flagged = [a["id"] for a in response["answers"] if a["adult_label"]]
        flagged += [p["id"] for p in every if p["adult_label"]]
        expect("adult flagged", flagged, case["adult_flagged"])
    if "status" in case:  # answered / not-known / not-answered / not-asked, for the items named
        status = {a["id"]: a["status"] for a in response["answers"]}
        expect("status", {k: status.get(k) for k in case["status"]}, case["status"])
    if "labels" in case:  # the answer as recorded, for the items named
        labels = {a["id"]: a["label"] for a in response["answers"]}
        expect("labels", {k: labels.get(k) for k in case["labels"]}, case["labels"])
    if "marks" in case:  # a menu question's marks ticked beside its status, for the items named
        marks = {
            a["id"]: [m["label"] for m in a["marks"] if m["marked"]] for a in response["answers"]
        }
        expect("marks", {k: marks.get(k) for k in case["marks"]}, case["marks"])
    if "missing" in case:
        expect("missing", [m["id"] for m in response["missing"]], case["missing"])
    if "listed" in case:  # the items a listing prompt names
        listed = {p["id"]: [i["id"] for i in p["items"]] for p in every if p["items"]}
        expect("listed", listed, case["listed"])
    if "statements" in case:
        expect("statements", response["statements"], case["statements"])
    if "quotes" in case:  # the quote a prompt shown carries, where a case is about its wholeness
        quotes = {p["id"]: p["quote"] for p in every}
        expect("quotes", {k: quotes.get(k) for k in case["quotes"]}, case["quotes"])
    if "beside" in case:  # item id → the prompts shown beside it (2.5 by 2.18's first point)
        beside = {a["id"]: [p["id"] for p in a["beside"]] for a in response["answers"]}
        expect("beside", {k: v for k, v in beside.items() if v}, case["beside"])
    if "links" in case:  # prompt id → the places it links besides its paragraph (Section 3)
        links = {p["id"]: [k["target"] for k in p["links"]] for p in every}
        expect("links", {k: links.get(k) for k in case["links"]}, case["links"])
    if "carried" in case:  # 2.23 a: each other checklist's open items, [] when not used
        carried = {c["checklist"]: [i["id"] for i in c["items"]] for c in response["carried"]}
        expect("carried", {k: carried.get(k) for k in case["carried"]}, case["carried"])
    return found


def _named(line: str, response: dict) -> list[str]:
    """The ids of the questions a site line names by quoting them (“text” (answer), or “text”
    answered …, where only some answers would bring the prompt)."""
    by_text = {a["text"]: a["id"] for a in response["answers"]}
    return [by_text.get(t, t) for t in re.findall(r"“(.+?)” (?:\(|answered )", line)]


META = {"guidance": "G", "edition": "E", "edition_effective": "2027-04-01", "edition_number": 1,
        "made_at": "T"}  # fmt: skip


def evaluate_request(checklist: str, case: dict) -> str:
    """The boundary's evaluate request for one case."""
    payload = {"checklist": checklist, "answers": case["answers"], "notes": case.get("notes", {})}
    tab = {"tab": case.get("tab", []), "shared": case.get("shared", {})}
    return json.dumps({"op": "evaluate", "payload": payload, **tab, **META}, ensure_ascii=False)


def other_requests() -> list[str]:
    """Every boundary operation beyond the cases, and its error paths: save and open (round trip,
    older edition, every refusal), the limits, the assessment
    record of every checklist, and bad requests."""
    cases = all_cases()
    fullest: dict[str, dict] = {}  # each checklist's valid case with the most answers
    for checklist, case in cases:
        if "error" not in case and len(case["answers"]) > len(
            fullest.get(checklist, {}).get("answers", [None])
        ):
            fullest[checklist] = case
    payloads = {
        checklist: {"checklist": checklist, "answers": case["answers"], "notes": {}}
        for checklist, case in fullest.items()
    }
    checklist, payload = next(iter(payloads.items()))
    saved = json.loads(handle(json.dumps({"op": "save", "payload": payload, **META})))["file"]
    saved_dict = json.loads(saved)

    def opening(text: str, edition_number: object = 2, page: str = checklist) -> str:
        request = {"op": "open", "text": text, "checklist": page, "edition": "Other"}
        return json.dumps({**request, "edition_number": edition_number}, ensure_ascii=False)

    requests = [
        "not JSON",
        "[]",
        json.dumps({"op": "unknown"}),
        json.dumps({"op": "evaluate", "payload": {"checklist": "no-such-checklist"}, **META}),
        json.dumps({"op": "evaluate", "payload": {**payload, "answers": {"no-such": "yes"}}}),
        json.dumps({"op": "evaluate", "payload": {**payload, "surplus": 1}, **META}),
        json.dumps({"op": "evaluate", "payload": payload, **META, "made_at": 3}),
        # The edition's effective date: none given, and one that is no date.
        json.dumps({"op": "evaluate", "payload": payload, **META, "edition_effective": ""}),
        json.dumps(
            {"op": "evaluate", "payload": payload, **META, "edition_effective": "2027-02-30"}
        ),
        json.dumps({"op": "save", "payload": payload, **META, "edition_number": "1"}),
        opening(saved),
        opening(saved, edition_number=1),
        opening(saved, edition_number=0),
        opening(saved, edition_number=True),
        opening(saved, page="another-checklist"),
        opening("not JSON"),
        opening("[1, 2]"),
        opening(json.dumps({**saved_dict, "format_version": 9})),
        opening(json.dumps({**saved_dict, "surplus": 1})),
        opening(json.dumps({**saved_dict, "answers": {"no-such": "yes"}})),
        opening("x" * 1_000_001),
        # Read strictly (issue 14 item 5): nesting (once RecursionError, a dead Pyodide), a key
        # twice, format_version true or 1.0, an item named by its question, no bidi controls.
        opening("[" * 10_000 + "]" * 10_000),
        opening(saved.rstrip()[:-1] + ', "format": "guidance-checklist"}'),
        opening(json.dumps({**saved_dict, "format_version": True})),
        opening(json.dumps({**saved_dict, "format_version": 1.0})),
        opening(json.dumps({**saved_dict, "edition": "E\u202e2", "edition_number": 9})),
        opening(json.dumps({**saved_dict, "checklist": "x" * 5000})),
        "[" * 10_000 + "]" * 10_000,
        '{"op": "limits", "op": "limits"}',
        json.dumps({"op": "open", "checklist": checklist}),
        json.dumps({"op": "limits"}),
        json.dumps({"op": "assessment_record", "payloads": list(payloads.values()), **META}),
        json.dumps({"op": "assessment_record", "payloads": [], **META}),
        json.dumps({"op": "assessment_record", "payloads": [payload, payload], **META}),
        json.dumps({"op": "evaluate", "payload": payload, "shared": {"adult": "maybe"}, **META}),
        json.dumps({"op": "evaluate", "payload": payload, "tab": [payload], **META}),
    ]
    everything = {"payloads": list(payloads.values()), "shared": {"adult": "no"}, **META}
    requests.append(json.dumps({"op": "save_assessment", **everything}))
    whole = json.loads(handle(requests[-1]))["file"]
    for text in (whole, saved, "[]", whole.replace('"guidance-assessment"', '"other"')):
        requests.append(
            json.dumps({"op": "open_assessment", "text": text, "edition": "E", "edition_number": 1})
        )
    for checklist_payload in payloads.values():
        requests.append(json.dumps({"op": "save", "payload": checklist_payload, **META}))
    return requests


def boundary_requests() -> list[str]:
    """Every request the Node layer sends: each case, then every other operation."""
    return [*(evaluate_request(c, case) for c, case in all_cases()), *other_requests()]
