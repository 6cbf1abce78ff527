"""Issue 27 item 2: where the host sends no headers (GitHub Pages, a plain file server), a page of
the site inside another site's frame says so and shows no checklist form, and a page the site
opened in a new tab keeps no reference to its opener. (With the headers, the browser refuses
the frame itself: ``frame-ancestors 'none'``, tested in tests/security.)"""

from __future__ import annotations

import pytest

from devtools.serve import serve_in_thread
from tests.support.site import free_port
from tests.test_checklist_browser import PAGE


@pytest.fixture
def bare(built_site):
    """The built site with no headers at all, on a port of its own."""
    server = serve_in_thread(built_site, free_port(), headers=False)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def other_site(tmp_path, bare):
    """Another origin (another port) whose page frames a checklist of the bare site."""
    (tmp_path / "frame.html").write_text(
        f'<!doctype html><title>Other site</title><iframe src="{bare}latest/{PAGE}"'
        ' width="900" height="700"></iframe>',
        "utf-8",
    )
    server = serve_in_thread(tmp_path, free_port(), headers=False)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_a_checklist_in_another_sites_frame_shows_no_form(chromium, other_site, bare):
    context = chromium.new_context(service_workers="block")
    page = context.new_page()
    page.goto(f"{other_site}frame.html")
    frame = page.frame_locator("iframe")
    notice = frame.locator(".framed-notice")
    notice.wait_for()
    assert "shown inside another website" in notice.inner_text()
    link = notice.get_by_role("link", name="Open this page in its own tab")
    assert link.get_attribute("href") == f"{bare}latest/{PAGE}"
    assert frame.locator("form.checklist").count() == 0

    # The same page in its own tab is the checklist, as ever.
    own = context.new_page()
    own.goto(f"{bare}latest/{PAGE}")
    own.locator("form.checklist").wait_for()
    own.wait_for_function("() => document.readyState === 'complete'")
    assert own.locator(".framed-notice").count() == 0
    context.close()


def test_a_page_of_the_site_cuts_its_opener(chromium, other_site, bare):
    context = chromium.new_context(service_workers="block")
    page = context.new_page()
    page.goto(f"{other_site}frame.html")
    with context.expect_page() as opened:
        page.evaluate(f"window.open({f'{bare}latest/'!r})")
    tab = opened.value
    tab.wait_for_load_state("load")
    tab.wait_for_function("() => window.opener === null")
    context.close()
