"""`make new-edition`: the latest edition's pages are frozen and a new edition is registered."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_scripts.editions.model import load_editions
from build_scripts.editions.new_edition import next_entry, start_edition
from build_scripts.lib.errors import BuildError
from build_scripts.lib.paths import ROOT


@pytest.fixture
def project(tmp_path) -> Path:
    shutil.copyfile(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copytree(ROOT / "editions", tmp_path / "editions")
    return tmp_path


def test_the_latest_is_frozen_and_the_new_edition_reads_from_docs(project):
    before = load_editions(project / "editions" / "editions.toml", project)
    frozen = start_edition(project, "next", "Edition next", "What it changes.", "2027-04-01")
    after = load_editions(project / "editions" / "editions.toml", project)
    assert len(after) == len(before) + 1
    assert after[-2].source == frozen == project / "editions" / before[-1].id
    assert after[-1].source == project / "docs" and after[-1].effective.isoformat() == "2027-04-01"
    assert (frozen / "assessment.md").read_text() == (
        project / "docs" / "assessment.md"
    ).read_text()
    assert (frozen / "_data" / "links.toml").exists() and not (frozen / "checklists").exists()


@pytest.mark.parametrize(
    ("edition_id", "label", "message"),
    [("latest", "E", "must be letters"), ("1", "Edition 1 (as received)", "share the same id")],
)
def test_a_bad_new_edition_changes_nothing(project, edition_id, label, message):
    editions = project / "editions" / "editions.toml"
    text = editions.read_text()
    with pytest.raises(BuildError, match=message.split()[0]):
        start_edition(project, edition_id, label, "s", None)
    assert editions.read_text() == text


def test_next_entry_quotes_its_strings():
    assert 'label = "Edition \\"2\\""' in next_entry("2", 'Edition "2"', "s", None)
