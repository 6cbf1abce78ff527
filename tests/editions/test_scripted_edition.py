"""A scripted second edition of the real guidance, built end to end as ``make site`` builds it:
1.1 reworded, 2.24 added, 1.2 removed, 6.2 (cited by a checklist) renumbered 6.3, with the map
in editions.toml (tests/support/editions.py), the definitions left citing 6.2: the pages, the
bundled wheel and its records cite 6.3. The refusals are tests/editions/test_citations.py."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import urljoin

import pytest

from build_scripts.lib.html_tree import parse
from tests.editions.test_feed import content, parse_atom
from tests.support.editions import make_scripted_edition
from tests.support.site import free_port, publish


@pytest.fixture(scope="module")
def scripted_edition(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("scripted")
    result = publish(tmp / "site", free_port(), make_scripted_edition(tmp, remove="1.2"))
    assert result.returncode == 0, f"the build failed:\n{result.stderr[-4000:]}"
    (tmp / "publish.log").write_text(result.stderr, encoding="utf-8")
    return tmp / "site"


def unit_text(site: Path, page: str, pid: str) -> str:
    tree = parse((site / page / "index.html").read_text(encoding="utf-8"))
    return next(n.text() for n in tree.iter() if n.attrs.get("id") == pid)


def test_with_the_map_the_build_passes_and_the_checklist_cites_the_new_number(scripted_edition):
    for folder in ("2", "latest"):
        page = scripted_edition / folder / "checklists/interview-planner-perpetrator/index.html"
        text = page.read_text(encoding="utf-8")
        assert "#6.3" in text and "#6.2" not in text
        tree = parse(text)
        cited = {n.attrs.get("data-para") for n in tree.iter()} - {None}
        assert "6.3" in cited and "6.2" not in cited
    # The no-answers panel cites no 6.x here: tests/mdx/test_checklist_form.py renumbers 6.1.
    record_page = (scripted_edition / "2/checklists/assessment-record/index.html").read_text(
        "utf-8"
    )
    assert "(Stage 2, paragraph 6.3)" in record_page and "paragraph 6.2)" not in record_page


def test_the_content_owner_is_told_which_definition_still_cites_the_old_number(scripted_edition):
    log = (scripted_edition.parent / "publish.log").read_text(encoding="utf-8")
    assert (
        "Note: interview-planner-perpetrator.checklist.toml cites 6.2 (serves, 33 items), which "
        "Edition 2 (scripted) renumbers 6.3: the pages and records cite 6.3; the definition may "
        "be updated to cite it"
    ) in log


RECORD = """
import json, calculators
from calculators import boundary
request = {
    "op": "evaluate", "tab": [], "guidance": "G", "edition": "Edition 2 (scripted)",
    "edition_effective": "", "made_at": "today",
    "payload": {"checklist": "interview-planner-perpetrator",
                "answers": {"adult": "yes", "hours-online": ["asked"]}},
}
print(calculators.__file__)
print(json.loads(boundary.handle(json.dumps(request)))["record"])
"""


def test_the_bundled_wheel_keeps_the_definition_and_its_records_cite_the_new_number(
    scripted_edition, tmp_path
):
    (wheel,) = (scripted_edition / "2/assets/pyodide").glob("*/*.whl")
    with zipfile.ZipFile(wheel) as archive:
        definition = archive.read(
            "calculators/checklists/interview-planner-perpetrator.checklist.toml"
        )
        assert b'\nserves = "6.2"\n' in definition  # as written
        assert b'"6.2" = "6.3"' in archive.read("calculators/checklists/renumbering.toml")
        archive.extractall(tmp_path)
    # The wheel's own (precompiled) package, run by CPython from the wheel's folder.
    done = subprocess.run(
        [sys.executable, "-c", RECORD], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    where, record = done.stdout.split("\n", 1)
    assert Path(where).is_relative_to(tmp_path)
    assert "spends on-line in any one week" in record
    assert "(6.3)" in record and "6.2" not in record


def test_the_old_words_stay_at_the_old_addresses(scripted_edition):
    assert "has been developed" in unit_text(scripted_edition, "1/introduction", "1.1")
    assert "was developed" in unit_text(scripted_edition, "2/introduction", "1.1")
    assert unit_text(scripted_edition, "1/introduction", "1.2").startswith("1.2 All agencies")
    assert unit_text(scripted_edition, "1/interviewing-perpetrator-and-partner", "6.2")


def test_paragraphs_json_hashes_differ_only_for_the_changed_paragraph(scripted_edition):
    def read(folder: str) -> dict[str, dict]:
        data = json.loads((scripted_edition / folder / "paragraphs.json").read_text())
        return {p["id"]: p for p in data["paragraphs"]}

    one, two = read("1"), read("2")
    moved = {"6.2": "6.3"}
    differ = [
        pid for pid in one if pid != "1.2" and one[pid]["hash"] != two[moved.get(pid, pid)]["hash"]
    ]
    assert differ == ["1.1"]
    assert set(two) - {moved.get(pid, pid) for pid in one} == {"2.24"}
    since = {pid: two[pid]["since"]["id"] for pid in ("1.1", "2.24", "6.3", "2.9")}
    assert since == {"1.1": "2", "2.24": "2", "6.3": "1", "2.9": "1"}


def test_the_feed_shows_the_edition_and_every_page_names_it(scripted_edition):
    newest = parse_atom((scripted_edition / "feed.xml").read_text(encoding="utf-8")).entries[0]
    assert newest.title == "Edition 2 (scripted)"
    links = {a.text: a.get("href").split("/", 3)[3] for a in content(newest).iter("a")}
    assert links == {
        "1.1": "2/introduction/#1.1",
        "2.24": "2/assessment/#2.24",
        "1.2": "1/introduction/#1.2",
        "6.3": "2/interviewing-perpetrator-and-partner/#6.3",
    }
    for page in ("latest/index.html", "1/assessment/index.html", "2/partners/index.html"):
        head = (scripted_edition / page).read_text(encoding="utf-8").split("</head>")[0]
        link = re.search(
            r'<link rel="alternate" type="application/atom\+xml"[^>]* href="([^"]+)"', head
        )
        assert link, page
        assert urljoin(f"https://g.example/{page}", link[1]) == "https://g.example/feed.xml", page
