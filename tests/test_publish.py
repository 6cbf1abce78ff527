"""Two editions published together: the real guidance, and a second edition made by the test with
2.18 reworded, 1.9 added and 4.2 renumbered 4.3 (tests/support/editions.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from build_scripts.lib.html_tree import parse
from tests.support.browser import axe_violations, wait_until
from tests.support.editions import ADDED, make_second_edition
from tests.support.site import free_port, publish
from tests.test_edition_line_browser import PHONE, strip_in_view
from tests.test_site_browser import open_paragraph_menu


@pytest.fixture(scope="module")
def two_editions(tmp_path_factory) -> tuple[Path, int]:
    tmp = tmp_path_factory.mktemp("editions")
    port = free_port()
    result = publish(tmp / "site", port, make_second_edition(tmp))
    assert result.returncode == 0, f"the build failed:\n{result.stderr[-4000:]}"
    return tmp / "site", port


@pytest.fixture(scope="module")
def root_url(two_editions):
    from devtools.serve import serve_in_thread

    site, port = two_editions
    server = serve_in_thread(site, port)
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()


@pytest.mark.build
@pytest.mark.node
def test_removing_a_paragraph_id_without_a_map_entry_fails_the_build(tmp_path):
    editions = make_second_edition(tmp_path, renumbering=False)
    result = publish(tmp_path / "site", free_port(), editions)
    assert result.returncode == 1
    assert "paragraph 4.2 of the previous edition is missing" in result.stderr
    assert not (tmp_path / "site" / "versions.json").exists()


def test_each_edition_has_its_folder_and_the_root_goes_to_latest(two_editions):
    site, _ = two_editions
    assert json.loads((site / "versions.json").read_text())[0]["aliases"] == ["latest"]
    for folder in ("1", "2", "latest"):
        assert (site / folder / "assessment" / "index.html").exists()
    assert 'url=latest/"' in (site / "index.html").read_text()
    assert not (site / "1" / "checklists").exists()  # the checklists are the latest edition's


def test_what_changed_lists_exactly_the_three_changes(two_editions):
    site, _ = two_editions
    page = parse((site / "latest" / "what-changed" / "index.html").read_text())
    entries = [n.attrs["id"] for n in page.iter() if n.attrs.get("id", "").startswith("change-")]
    assert sorted(entries) == ["change-1.9", "change-2.18", "change-4.3"]
    diff = next(n for n in page.iter() if "change__text" in n.classes)
    assert "Inserted: It is essential." in diff.text() and "Deleted:" not in diff.text()


def test_paragraphs_json_lists_every_paragraph_with_its_permanent_url(two_editions):
    site, port = two_editions
    first = json.loads((site / "1" / "paragraphs.json").read_text())
    second = json.loads((site / "2" / "paragraphs.json").read_text())
    ids = [p["id"] for p in second["paragraphs"]]
    assert "1.9" in ids and "4.3" in ids and "4.2" not in ids and "section-3" in ids
    entry = next(p for p in second["paragraphs"] if p["id"] == "1.9")
    assert entry["url"] == f"http://127.0.0.1:{port}/2/introduction/#1.9"
    assert entry["text"] == ADDED.removeprefix("1.9 ")
    assert first["edition"]["number"] == 1 and len(first["paragraphs"]) == len(ids) - 1


def test_the_version_selector_lists_both_editions(page, root_url):
    page.goto(f"{root_url}latest/assessment/")
    page.locator(".md-version__current").wait_for()
    titles = page.locator(".md-version__link").all_text_contents()
    assert [t.strip() for t in titles] == ["Edition 2 (test)", "Edition 1 (as received)"]
    # Its accessible name includes what it shows (WCAG 2.5.3): set by editions.js.
    current = page.locator(".md-version__current")
    expect(current).to_have_attribute("aria-label", "Edition 2 (test): choose another edition")


def test_the_old_edition_banner_links_to_the_same_paragraph_in_latest(page, root_url):
    page.goto(f"{root_url}1/impact-on-children/#4.2")
    link = page.locator(".edition-banner__link")
    page.wait_for_function(
        "() => document.querySelector('.edition-banner__link').href.endsWith('#4.3')"
    )
    assert link.inner_text() == "Read paragraph 4.3 in Edition 2 (test)"
    banner = page.locator(".edition-banner").inner_text()
    assert "This is Edition 1 (as received), an earlier edition" in banner
    link.click()
    page.wait_for_url(re.compile(r"/latest/impact-on-children/#4\.3$"))
    assert page.locator("[id='4.3']").is_visible()


def test_the_latest_edition_has_no_banner_and_marks_the_changed_paragraph(page, root_url):
    page.goto(f"{root_url}latest/assessment/#2.18")
    assert page.locator(".edition-banner").count() == 0
    marker = page.locator("[id='2.18'] .para-changed")
    assert marker.inner_text() == "Changed in this edition"
    marker.click()
    page.wait_for_url(re.compile(r"/latest/what-changed/#change-2\.18$"))


@pytest.mark.parametrize(
    ("short", "landing", "target"),
    [
        ("p/2.9", r"/latest/assessment/#2\.9$", "2.9"),
        ("p/4.2", r"/latest/impact-on-children/#4\.3$", "4.3"),
        ("p/1.9", r"/latest/introduction/#1\.9$", "1.9"),
        ("p/section-3", r"/latest/protective-carers/#section-3$", "section-3"),
    ],
)
def test_short_links_land_on_the_paragraph_in_latest(page, root_url, short, landing, target):
    page.goto(f"{root_url}{short}")
    page.wait_for_url(re.compile(landing))
    assert page.locator(f"[id='{target}']").is_visible()


def test_an_old_edition_record_opened_in_the_new_edition_reports_the_changed_item(
    page, root_url, tmp_path
):
    saved = {
        "format": "guidance-checklist",
        "format_version": 1,
        "checklist": "core-assessment-information",
        "edition": "Edition 1 (as received)",
        "edition_number": 1,
        "saved_at": "1 January 2027, 09:00",
        "answers": {"nature-of-images": "outstanding", "adult": "yes"},
        "notes": {},
    }
    path = tmp_path / "old.json"
    path.write_text(json.dumps(saved), encoding="utf-8")
    page.goto(f"{root_url}latest/checklists/core-assessment-information/")
    open_button = page.locator("button[data-action='open']")
    page.wait_for_function(
        "() => !document.querySelector(\"button[data-action='open']\").disabled", timeout=120_000
    )
    with page.expect_file_chooser() as chooser:
        open_button.click()
    chooser.value.set_files(str(path))
    message = page.locator(".checklist__message")
    page.wait_for_function(
        "() => document.querySelector('.checklist__message').textContent.includes('Opened')"
    )
    text = message.inner_text()
    assert "saved with 'Edition 1 (as received)'; you are using 'Edition 2 (test)'" in text
    assert "check them:" in text and "(2.18)" in text and "(1.7)" not in text
    assert page.locator("input[name='nature-of-images'][value='outstanding']").is_checked()
    # The record's heading names the edition in use with its effective date (spec P10).
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=root_url[:-1])
    page.get_by_role("button", name="Copy record").click()
    # The browser's clipboard, which another test may have filled: this record's own title.
    wait_until(
        page,
        "async () => (await navigator.clipboard.readText())"
        ".startsWith('Core assessment information: checklist record')",
    )
    record = page.evaluate("navigator.clipboard.readText()")
    assert "\nEdition: Edition 2 (test), effective 1 April 2027\n" in record


@pytest.mark.parametrize(
    ("path", "dated"),
    [
        ("1/impact-on-children/#4.2", "Edition 1 (as received), date not given"),
        ("1/", "Edition 1 (as received), date not given"),
        ("latest/assessment/#2.18", "Edition 2 (test), effective 1 April 2027"),
        ("latest/checklists/early-risk-factors/", "Edition 2 (test), effective 1 April 2027"),
    ],
)
def test_on_a_phone_each_edition_names_itself_and_its_date_in_view(page, root_url, path, dated):
    page.set_viewport_size(PHONE)
    page.goto(f"{root_url}{path}")
    page.wait_for_load_state("load")
    strip_in_view(page, PHONE, dated)
    if path.startswith("1/"):  # an older edition's page still says so, as before
        assert "an earlier edition" in page.locator(".edition-banner").inner_text()


def test_a_copied_citation_names_the_edition_and_its_effective_date(page, root_url):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=root_url[:-1])
    page.goto(f"{root_url}latest/assessment/")
    open_paragraph_menu(page, "2.18")
    page.locator('[id="para-menu-2.18"]').get_by_role("button", name="Copy citation").click()
    wait_until(
        page, "async () => (await navigator.clipboard.readText()).includes('paragraph 2.18')"
    )
    citation = page.evaluate("navigator.clipboard.readText()")
    assert citation.endswith(
        f", paragraph 2.18, Edition 2 (test), effective 1 April 2027, {root_url}2/assessment/#2.18"
    )


@pytest.mark.parametrize(
    "path",
    ["1/impact-on-children/#4.2", "1/", "latest/what-changed/", "latest/assessment/#2.9"],
)
def test_edition_pages_have_no_axe_violations(page, root_url, path):
    page.goto(f"{root_url}{path}")
    page.locator(".md-version__current").wait_for()
    assert axe_violations(page) == []


def test_an_address_from_before_editions_still_opens_at_its_paragraph(page, root_url):
    page.goto(f"{root_url}assessment/#2.10")
    page.wait_for_url(re.compile(r"/1/assessment/#2\.10$"))
    assert page.locator("[id='2.10']").is_visible()


STYLED = """() => [...document.querySelectorAll('link[rel=stylesheet]')]
    .every(link => link.sheet && link.sheet.cssRules.length > 0)"""


def test_offline_an_older_edition_opens_where_the_reader_has_been(chromium, root_url):
    # The site's one worker (at its root) precaches latest/; an older edition is kept only as it
    # is visited, including the page that was open when the worker first took control.
    context = chromium.new_context(base_url=root_url, service_workers="allow")
    page = context.new_page()
    page.goto("1/assessment/#2.9")
    page.wait_for_function("() => navigator.serviceWorker.controller?.state === 'activated'")
    wait_until(
        page,
        """async () => Boolean(await (await caches.open('guidance-earlier-editions'))
                                 .match(location.href.split('#')[0]))""",
    )
    context.set_offline(True)
    page.goto("1/assessment/#2.9")
    page.wait_for_function("() => document.getElementById('2.9')?.classList.contains('is-target')")
    assert page.locator(".edition-banner").is_visible()
    assert page.evaluate(STYLED)  # its stylesheets came from the cache too

    page.goto("1/glossary/")  # never visited: the site's page saying so, not the browser's error
    assert page.locator("h1").first.inner_text() == "Not available offline"
    assert axe_violations(page) == []

    page.goto("p/2.9/")  # the latest edition is there in full
    page.wait_for_url(re.compile(r"/latest/assessment/#2\.9$"))
    assert page.locator("[id='2.9']").is_visible()
    context.close()
