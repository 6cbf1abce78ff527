"""The build's one pipeline: its steps in order, and a failing step named in the build error."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts import hooks, pipeline
from build_scripts.lib import html_tree
from build_scripts.lib.errors import BuildError
from build_scripts.security import csp
from calculators import load_checklist
from calculators.model import follow_renumbering


def test_the_edition_steps_run_in_the_documented_order():
    names = [name for name, _, _ in pipeline.EDITION_STEPS]
    assert names == [
        "citations",
        "search",
        "search worker",
        "editorial report",
        "Python bundle",
        "self-hosted",
        "page policy",
    ]
    assert [name for name, _ in pipeline.SITE_STEPS] == [
        "hosting headers",
        "app manifest",  # before the worker, which precaches the manifest and its icons
        "offline worker",
    ]


def build(**overrides) -> pipeline.EditionBuild:
    options = {"site": Path("s"), "docs": Path("d"), "root": Path("r"), "edition": "E"}
    options |= {"latest": False, "serving": True} | overrides
    return pipeline.EditionBuild(**options)


def test_a_step_that_does_not_apply_is_skipped_and_a_failing_step_is_named(monkeypatch):
    ran = []

    def fails(target) -> None:
        ran.append("fails")
        raise BuildError("the theme changed")

    steps = (
        ("only the latest", lambda b: b.latest, lambda b: ran.append("latest")),
        ("the failing step", pipeline.ALWAYS, fails),
    )
    monkeypatch.setattr(pipeline, "EDITION_STEPS", steps)
    with pytest.raises(BuildError, match=r"^the failing step: the theme changed$"):
        pipeline.run_edition(build())
    assert ran == ["fails"]


def test_pages_are_read_once_each_and_marked_only_when_the_edition_has_marks():
    page = '<div class="para" id="2.9"><p><a class="para-num" href="#2.9">2.9</a> Words</p></div>'
    plain = build()
    assert plain.read_page(page, "assessment/", "../what-changed/") == page
    assert plain.search_entries["assessment/"][0]["location"] == "assessment/#2.9"
    marked = build(marks={"2.9": "changed"})
    assert "Changed in this edition" in marked.read_page(page, "assessment/", "../what-changed/")


@pytest.fixture
def parsed(monkeypatch) -> list[str]:
    """Every HTML text parsed from now on, in order (html_tree's one parser)."""
    texts: list[str] = []
    feed = html_tree._Builder.feed

    def counted(self, data: str) -> None:
        texts.append(data)
        feed(self, data)

    monkeypatch.setattr(html_tree._Builder, "feed", counted)
    return texts


def test_a_page_is_parsed_once_as_it_is_read(parsed):
    page = '<div class="para" id="2.9"><p><a class="para-num" href="#2.9">2.9</a> Words</p></div>'
    reading = build()
    reading.read_page(page, "assessment/", "../what-changed/")
    assert parsed == [page]  # search entries, paragraphs, editorial items, link keys: one tree
    assert reading.paragraphs and reading.search_entries["assessment/"]


def test_each_built_page_is_parsed_once_for_the_checks_that_read_it(parsed, tmp_path):
    pages = {
        tmp_path / "index.html": "<html><head></head><body><script>a()</script></body></html>",
        tmp_path / "x" / "index.html": "<html><head></head><body><p>x</p></body></html>",
    }
    for path, text in pages.items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    edition = build(site=tmp_path, serving=False)
    pipeline.self_hosted(edition)
    pipeline.page_policy(edition)
    assert sorted(parsed) == sorted(pages.values())
    parsed.clear()
    site = pipeline.Site(tmp_path, tmp_path, [])
    pipeline.hosting_headers(site)  # the policies the pages carry: read, not parsed again
    assert parsed == []
    assert csp.script_hash("a()") in (tmp_path / "_headers").read_text(encoding="utf-8")


def test_the_hooks_keep_their_state_on_one_object():
    assert isinstance(hooks._hooks, hooks.Hooks)
    state = {name for name, value in vars(hooks).items() if not name.startswith("__")}
    handlers = {name for name in state if name.startswith("on_")}
    assert handlers == {
        "on_startup",
        "on_config",
        "on_pre_build",
        "on_page_content",
        "on_post_build",
        "on_shutdown",
        "on_serve",
    }
    assert all(getattr(hooks, name).__self__ is hooks._hooks for name in handlers)


def test_the_latest_editions_build_follows_its_renumbering_until_the_build_ends():
    def serves(extra: dict) -> str:
        hooks.on_config(
            {"extra": {"edition_id": "2", "edition_renumbered": {"6.2": "6.3"}, **extra}}
        )
        return load_checklist("interview-planner-perpetrator").serves

    try:
        assert serves({"edition_is_latest": True}) == "6.3"
        assert serves({"edition_is_latest": False}) == "6.2"  # an older edition: no checklists
        serves({"edition_is_latest": True})
        hooks.on_shutdown()
        assert load_checklist("interview-planner-perpetrator").serves == "6.2"
    finally:
        follow_renumbering(None)
