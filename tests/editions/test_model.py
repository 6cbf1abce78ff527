"""The editions file is read strictly: every mistake that would break a link is refused."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from build_scripts.editions.model import (
    Edition,
    edition_extra,
    follow,
    load_editions,
)
from build_scripts.lib.errors import BuildError
from build_scripts.lib.paths import EDITIONS_FILE, ROOT

FIRST = '[[edition]]\nid = "1"\nlabel = "One"\nsummary = "s"\nsource = "docs"\n'


def load(tmp_path: Path, text: str) -> list[Edition]:
    path = tmp_path / "editions.toml"
    path.write_text(text, encoding="utf-8")
    return load_editions(path, ROOT)


def test_the_repository_file_reads_and_its_latest_is_the_docs_folder():
    editions = load_editions(ROOT / EDITIONS_FILE, ROOT)
    assert editions[-1].source == ROOT / "docs"
    assert [e.number for e in editions] == list(range(1, len(editions) + 1))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "one or more [[edition]]"),
        (FIRST + "extra = 1\n", "unknown keys ['extra']"),
        (FIRST.replace('id = "1"', 'id = "latest"'), "must be letters"),
        (FIRST.replace('id = "1"', 'id = "../x"'), "must be letters"),
        (FIRST.replace('label = "One"', "label = 1"), "`label` must be a non-empty string"),
        (FIRST + 'effective = "2027-01-01"\n', "`effective` must be a date"),
        (FIRST + "effective = 2027-01-01T09:00:00\n", "`effective` must be a date"),  # a time too
        (FIRST + "effective = 2027-02-30\n", "editions.toml"),  # no such day: TOML refuses it
        (FIRST.replace('"docs"', '"no-such-folder"'), "does not exist"),
        (FIRST + '[edition.renumbered]\n"4.2" = "4.3"\n', "the first edition has no previous"),
        (FIRST + FIRST, "share the same id"),
        (FIRST + FIRST.replace('id = "1"', 'id = "2"') + 'removed = ["x"]\n', "not a paragraph"),
        ("[[edition]\n", "editions.toml"),
    ],
)
def test_mistakes_are_refused_with_a_message(tmp_path, text, message):
    with pytest.raises(BuildError) as error:
        load(tmp_path, text)
    assert message in str(error.value)


def test_effective_date_and_numbering(tmp_path):
    text = (
        FIRST
        + FIRST.replace('id = "1"', 'id = "2"').replace("One", "Two")
        + ("effective = 2027-04-01\n")
    )
    first, second = load(tmp_path, text)
    assert (first.number, second.number) == (1, 2)
    assert second.effective == datetime.date(2027, 4, 1)
    assert second.effective_text == "effective 1 April 2027"
    assert first.effective_text == "date not given"  # the guidance as received has no date
    assert first.dated_label == f"{first.label}, date not given"


def edition(number: int, **kwargs) -> Edition:
    return Edition(number, str(number), f"E{number}", "s", ROOT, **kwargs)


@pytest.mark.parametrize(
    ("paragraph", "later", "expected"),
    [
        ("2.9", [], "2.9"),
        ("4.2", [edition(2, renumbered={"4.2": "4.3"})], "4.3"),
        (
            "4.2",
            [edition(2, renumbered={"4.2": "4.3"}), edition(3, renumbered={"4.3": "5.1"})],
            "5.1",
        ),
        ("2.7", [edition(2, removed=("2.7",))], None),
        ("2.7", [edition(2), edition(3, removed=("2.7",))], None),
    ],
)
def test_follow_chains_renumbering_through_later_editions(paragraph, later, expected):
    assert follow(paragraph, later) == expected


def test_edition_extra_of_a_published_older_edition_and_of_a_plain_build():
    editions = [
        Edition(1, "1", "One", "s", ROOT / "docs"),
        Edition(2, "2", "Two", "s", ROOT / "docs", effective=datetime.date(2027, 4, 1)),
    ]
    older = edition_extra(editions, 0, published=True)
    assert older["edition"] == "One" and older["edition_latest"] == "Two"
    assert older["edition_is_latest"] is False and older["edition_effective"] == ""
    assert older["offline_worker"] == "../sw.js"  # the site's one worker, at its root
    assert older["version"] == {"provider": "mike", "default": "latest"}
    latest = edition_extra(editions, 1, {"2.9": "changed"}, published=True)
    assert latest["edition_marks"] == {"2.9": "changed"} and latest["edition_is_latest"] is True
    assert latest["edition_effective"] == "2027-04-01"  # what the page sends for a record
    assert latest["edition_dated"] == "Two, effective 1 April 2027"
    assert older["edition_dated"] == "One, date not given"
    plain = edition_extra(editions, 1, published=False)  # mkdocs serve / mkdocs build
    assert plain["edition_published"] is False and plain["offline_worker"] == "sw.js"
    assert "version" not in plain and plain["edition_marks"] == {}
