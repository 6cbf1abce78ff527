"""The build's one pipeline: its steps in order, and a failing step named in the build error."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts import hooks, pipeline
from build_scripts.lib.errors import BuildError


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
    return pipeline.EditionBuild(**options, latest=False, serving=True, **overrides)


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
        "on_serve",
    }
    assert all(getattr(hooks, name).__self__ is hooks._hooks for name in handlers)
