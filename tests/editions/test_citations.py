"""The checklists follow the edition: their citations are checked against the latest edition as
built (build_scripts/editions/citations.py), in a scripted second edition of the real guidance."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

from build_scripts.editions.citations import Citation, all_citations, resolve
from build_scripts.editions.model import load_editions
from build_scripts.guidance.pages import guidance_pages
from build_scripts.guidance.paragraphs import Paragraph
from build_scripts.lib.errors import BuildError
from build_scripts.lib.paths import MKDOCS_YML, ROOT
from build_scripts.publish import _config, check_citations, publish, read_paragraphs
from calculators import load_checklist
from calculators.model import renumbered
from tests.support.editions import make_scripted_edition


def edition_paragraphs(editions_file: Path, tmp: Path) -> tuple[list[Paragraph], object]:
    """The latest edition of ``editions_file`` read as ``make site`` reads it (no MkDocs build)."""
    latest = load_editions(editions_file, ROOT)[-1]
    pages = guidance_pages(load_config(str(ROOT / MKDOCS_YML)).nav)
    config = _config(latest.source, tmp / "site", "http://127.0.0.1/")
    return read_paragraphs(config, latest.source, pages), latest


def refusal(editions_file: Path, tmp: Path) -> str:
    with pytest.raises(BuildError) as raised:
        publish(tmp / "site", "http://127.0.0.1/", editions_file)
    assert not (tmp / "site").exists()
    return str(raised.value)


def test_the_shipped_checklists_stand_in_the_edition_as_built(tmp_path):
    paragraphs, _ = edition_paragraphs(ROOT / "editions" / "editions.toml", tmp_path)
    assert resolve(all_citations(), paragraphs, label="Edition 1") == {}


def test_a_removed_cited_paragraph_stops_the_build_naming_each_checklist_file(tmp_path):
    message = refusal(make_scripted_edition(tmp_path, remove="2.4"), tmp_path)
    assert message.startswith("2 citation(s) of the checklists cannot stand in Edition 2")
    assert message.count("\n") == 2  # one message, a line a citation
    assert (
        "strategy-discussion.checklist.toml: prompt 'equipment-seized' cites 2.4, "
        "which Edition 2 (scripted) removes: change the prompt or cite another paragraph"
    ) in message
    assert "core-assessment-information.checklist.toml: prompt 'police-timescales-2-4'" in message
    assert "6.2" not in message  # renumbered with the map: applied, its quotes verbatim in 6.3


def test_without_the_map_the_refusal_says_to_add_it(tmp_path):
    message = refusal(make_scripted_edition(tmp_path, remove="2.4", mapped=False), tmp_path)
    assert "interview-planner-perpetrator.checklist.toml: item " in message
    assert "cites 6.2, which Edition 2 (scripted) does not have" in message
    assert "add it to the edition's [edition.renumbered]" in message
    assert "cites 2.4, which Edition 2 (scripted) does not have" in message


def test_a_quote_no_longer_verbatim_stops_the_build_naming_the_file_and_prompt(tmp_path):
    editions = make_scripted_edition(tmp_path, remove="1.2", reword_cited=True)
    message = refusal(editions, tmp_path)
    assert message.startswith("1 citation(s) of the checklists cannot stand")
    assert "strategy-discussion.checklist.toml: prompt '" in message
    assert "cites 2.13: its words “Best practice is" in message
    assert "no longer verbatim in 2.13 of Edition 2 (scripted)" in message


def test_with_the_map_the_renumbering_is_applied_and_the_quotes_checked_in_the_new_paragraph(
    tmp_path,
):
    paragraphs, latest = edition_paragraphs(make_scripted_edition(tmp_path, remove="1.2"), tmp_path)
    check_citations(latest, paragraphs)  # does not raise
    found = resolve(
        all_citations(), paragraphs, label="E2", removed=latest.removed, renumbered={"6.2": "6.3"}
    )
    assert found == {"6.2": "6.3"}
    # The quotes are checked in 6.3: a word of it changed there is refused, naming 6.3.
    changed = [p if p.id != "6.3" else Paragraph("6.3", p.page, "x", "6.3 x") for p in paragraphs]
    with pytest.raises(BuildError, match=r"no longer verbatim in 6\.3 \(renumbered from 6\.2\)"):
        resolve(all_citations(), changed, label="E2", renumbered={"6.2": "6.3"})


def test_a_paragraph_a_new_edition_adds_can_be_cited_and_a_callout_needs_its_paragraph():
    paragraphs = [Paragraph("2.24", "assessment/", "New words here.", "2.24 New words here.")]
    cite = Citation("x.checklist.toml", "prompt 'p'", "2.24", ("New words",))
    assert resolve([cite], paragraphs, label="E2") == {}
    box = Citation("x.checklist.toml", "prompt 'b'", "1.8-box")
    with pytest.raises(BuildError, match=r"x\.checklist\.toml: prompt 'b' cites 1\.8-box"):
        resolve([box], paragraphs, label="E2")


def test_the_renumbering_reaches_every_citation_of_a_checklist():
    checklist = renumbered(load_checklist("interview-planner-perpetrator"), {"6.2": "6.3"})
    cited = {q.paragraph for q in checklist.items} | {
        c.paragraph for p in checklist.prompts for c in p.cites
    }
    assert "6.3" in cited and "6.2" not in cited
    assert checklist.serves != "6.2"


def test_the_pipeline_checks_the_citations_of_the_latest_edition_after_its_build(tmp_path):
    from build_scripts import pipeline

    build = pipeline.EditionBuild(tmp_path, tmp_path, ROOT, "Edition 9", True, False)
    build.paragraphs = [Paragraph("2.24", "assessment/", "New.", "2.24 New.")]
    with pytest.raises(BuildError, match=r"(?s)^citations: .*cites 2\.9, which Edition 9 does not"):
        pipeline._run("citations", pipeline.checklist_citations, build)
    assert ("citations", pipeline.checklist_citations) == pipeline.EDITION_STEPS[0][::2]
