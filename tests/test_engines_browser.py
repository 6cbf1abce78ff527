"""The same journeys in Chromium, Firefox ESR and WebKitGTK (tests/engines/): one list, written
once against an engine-neutral driver, run in each engine."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from devtools.engines.driver import EngineUnresponsive
from devtools.engines.firefox import FirefoxDriver, FirefoxProcess
from devtools.serve import serve_in_thread
from tests.engines import journeys
from tests.engines.fixtures import *  # noqa: F403 (the fixtures: engine, open_tab, drive)
from tests.engines.fixtures import Restarting
from tests.support.site import free_port

pytestmark = [
    pytest.mark.engines,
    # A browser or driver that stops answering (EngineUnresponsive: not the page failing) is
    # started again and the test run once more; the run's summary counts it as a rerun.
    pytest.mark.flaky(reruns=1, only_rerun=["EngineUnresponsive"]),
]


def test_the_latest_page_opens_with_its_title(drive):
    drive.goto("")
    assert drive.eval("() => document.title").startswith("Home - Guidance on children")
    print(f"{drive.name} {drive.version}")


def test_a_paragraph_link_lands_highlighted(drive):
    journeys.paragraph_link_lands_highlighted(drive)


def test_search_finds_2_10(drive):
    journeys.search_finds_2_10(drive)


def test_a_search_result_tapped_on_a_phone_lands_at_the_top_with_the_header(drive):
    print(f"{drive.name}: {journeys.search_result_lands_on_a_phone(drive)}")


def test_a_checklist_answered_by_keyboard_gives_prompts_with_working_links(drive):
    journeys.checklist_by_keyboard_gives_prompts_with_working_links(drive)


def test_back_and_forward_keep_the_place_and_the_answers(drive):
    how = journeys.back_and_forward_keep_the_place_and_the_answers(drive)
    print(f"{drive.name}: Back told from a link by {how}")


def test_no_page_error_and_no_csp_violation_on_any_page(drive, latest_site):
    journeys.no_error_and_no_csp_violation_on_any_page(drive, latest_site)
    if not drive.watch_from_start:
        print(
            f"{drive.name}: errors and CSP violations watched from each page's load on (no way to "
            "run a script before the page's own over classic WebDriver), CSP violations before it "
            "through ReportingObserver where the engine buffers them"
        )


def test_nothing_is_stored_but_the_sites_public_files(drive, built_site):
    journeys.nothing_stored_but_the_public_files(drive, built_site)


def test_after_one_visit_a_page_and_a_checklist_work_offline(open_tab, built_site):
    server = serve_in_thread(built_site, free_port())
    stopped = []

    def stop() -> None:
        server.shutdown()
        server.server_close()
        stopped.append(True)

    try:
        d = open_tab(f"http://127.0.0.1:{server.server_address[1]}/")
        checked = journeys.offline_after_one_visit(d, stop)
        print(f"{d.name}: {checked}")
    finally:
        if not stopped:
            stop()


def test_the_record_is_shown_saved_to_a_file_and_opened_again(drive, tmp_path):
    journeys.record_shown_saved_and_opened_again(drive, tmp_path)


def test_a_bad_file_gets_its_message_and_keeps_the_answers(drive, tmp_path):
    journeys.bad_file_gets_its_message_and_keeps_the_answers(drive, tmp_path)


def test_the_assessment_record_gathers_two_checklists_after_moving_by_clicking(drive):
    journeys.assessment_record_gathers_two_checklists(drive)


# ---- engine-specific features: each proven in each engine, or a clear message ----


def test_python_starts_in_the_checklists_worker(drive):
    seconds = journeys.python_starts(drive)
    print(f"{drive.name} {drive.version}: first result {seconds} s after navigation")


def test_a_stored_python_snapshot_restores_in_this_engine(drive):
    print(f"{drive.name}: the snapshot was {journeys.a_stored_snapshot_restores(drive)}")


def test_the_clipboard_copies_the_record_or_the_page_says_why_not(drive):
    print(f"{drive.name}: {journeys.clipboard_copies_or_says_why_not(drive)}")


def test_leaving_with_unsaved_answers_asks_first(drive):
    journeys.leaving_with_unsaved_answers_is_guarded(drive)


def test_the_service_worker_runs_or_the_site_works_without_it(drive):
    print(f"{drive.name}: {journeys.service_worker_or_why_not(drive)}")


# ---- the harness: a browser that stops answering is the engine's failure, not the page's ----


def test_a_firefox_that_stops_answering_is_said_at_once_and_started_again(site_url):
    """The driver's process dies: the call waiting on it fails at once as EngineUnresponsive
    (not after its two-minute timeout, and never as the page's failure), and the next tab runs in
    a new Firefox."""
    firefox = Restarting(FirefoxProcess, FirefoxDriver)
    try:
        dead = firefox.process
        dead.proc.kill()
        with pytest.raises(EngineUnresponsive):
            FirefoxDriver(dead, site_url)
        tab = firefox.tab(site_url)
        assert firefox.process is not dead
        assert gone(dead.browser_pid), "the dead driver's Firefox is still running"
        tab.goto("")
        assert tab.eval("() => document.title").startswith("Home - Guidance on children")
    finally:
        firefox.quit()


def gone(pid: int, timeout: float = 10.0) -> bool:
    """The process has exited (or is a zombie no one has reaped yet), within ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0]
        except (FileNotFoundError, ProcessLookupError):
            return True
        if state == "Z":
            return True
        time.sleep(0.1)
    return False
