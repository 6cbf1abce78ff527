"""WebKitGTK (Debian's) behind the engine-neutral driver: selenium and WebKitWebDriver, driving
the MiniBrowser that libwebkit2gtk installs (started with --automation) on a virtual display."""

from __future__ import annotations

import contextlib
import ctypes
import glob
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from devtools.engines.driver import DEFAULT_TIMEOUT, Driver, EngineUnresponsive

WEBKITWEBDRIVER = Path("/usr/bin/WebKitWebDriver")
XVFB = Path("/usr/bin/Xvfb")
INSTALL = "run devtools/ensure-engines.sh (apt-get install webkit2gtk-driver xvfb)"
# The MiniBrowser's own toolbar (its address box and buttons, GTK 3 widgets) would keep its window
# at least 447 px wide, wider than a phone (360). A user style sheet of GTK's, in a configuration
# folder of the run's own, makes them small; the page's own controls are WebKit's, not GTK's,
# and lay out the same (measured: every input, button and text area of a checklist page).
GTK_CSS = """entry, button, entry *, button * {
  font-size: 1px; padding: 0; margin: 0; min-width: 0; min-height: 0; border-width: 0;
}
"""


def unanswered(error: BaseException) -> bool:
    """A WebDriver command that got no answer (timed out, connection dropped), as opposed to an
    answer that says something failed."""
    from urllib3.exceptions import MaxRetryError, ProtocolError, TimeoutError

    return isinstance(error, (MaxRetryError, ProtocolError, TimeoutError))


def minibrowser() -> Path:
    found = sorted(glob.glob("/usr/lib/*-linux-gnu/webkit2gtk-4.1/MiniBrowser"))
    assert found, f"WebKitGTK's MiniBrowser missing: {INSTALL}"
    return Path(found[0])


def _die_with_parent() -> None:
    """In the child: be killed when the test run dies, however it dies (Linux's PDEATHSIG)."""
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class VirtualDisplay:
    """Xvfb on the first free display; ``-displayfd`` says which, once it accepts connections."""

    def __init__(self) -> None:
        assert XVFB.exists(), f"Xvfb missing: {INSTALL}"
        read, write = os.pipe()
        self.proc = subprocess.Popen(
            [
                str(XVFB),
                "-displayfd",
                str(write),
                "-screen",
                "0",
                "1280x1024x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=[write],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=_die_with_parent,
        )
        os.close(write)
        with os.fdopen(read) as ready:  # blocks until Xvfb is ready (or has died: "")
            number = ready.readline().strip()
        assert number, f"Xvfb did not start (exit {self.proc.poll()})"
        self.display = f":{number}"

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class WebKit:
    """One virtual display and one WebKitWebDriver for the run; each session a new MiniBrowser."""

    def __init__(self) -> None:
        from selenium.webdriver.webkitgtk.service import Service

        assert WEBKITWEBDRIVER.exists(), f"WebKitWebDriver missing: {INSTALL}"
        self.binary = minibrowser()
        self.xvfb = VirtualDisplay()
        self.config = Path(tempfile.mkdtemp(prefix="webkit-gtk-"))
        (self.config / "gtk-3.0").mkdir()
        (self.config / "gtk-3.0" / "gtk.css").write_text(GTK_CSS, encoding="utf-8")
        env = {**os.environ, "DISPLAY": self.xvfb.display, "XDG_CONFIG_HOME": str(self.config)}
        self.service = Service(str(WEBKITWEBDRIVER), env=env)
        self.service.start()
        self.version = ""
        #: Set once a command went unanswered: the next tab starts WebKit again (fixtures.py).
        self.unresponsive = False

    def session(self):
        from selenium import webdriver
        from selenium.webdriver.remote.client_config import ClientConfig
        from selenium.webdriver.remote.file_detector import UselessFileDetector
        from selenium.webdriver.webkitgtk.options import Options

        options = Options()
        options.binary_location = str(self.binary)
        options.add_argument("--automation")
        options.set_capability("unhandledPromptBehavior", "ignore")
        # Commands return at once; the driver waits for the page itself (a click that opens a
        # confirm() would otherwise wait for a navigation that the open prompt holds back).
        options.page_load_strategy = "none"
        # A command WebKitWebDriver never answers fails after a minute instead of hanging the run.
        config = ClientConfig(remote_server_addr=self.service.service_url, timeout=60)
        # On a busy machine a new MiniBrowser sometimes never answers its first command: a second
        # session is asked for once, and said (a run has failed on it).
        for attempt in (1, 2):
            try:
                driver = webdriver.Remote(
                    command_executor=self.service.service_url, options=options, client_config=config
                )
                break
            except Exception as error:
                if attempt == 2:
                    self.unresponsive = True
                    raise EngineUnresponsive(f"webkit: no new session ({error!r})") from error
                print(f"webkit: no session on the first try ({type(error).__name__}); again")
        # The browser runs on this machine: send a file's path as it is (selenium's default
        # uploads it with a command WebKitWebDriver does not have).
        driver.file_detector = UselessFileDetector()
        self.version = driver.capabilities.get("browserVersion", "")
        return driver

    def quit(self) -> None:
        try:
            self.service.stop()
        finally:
            self.xvfb.stop()
            shutil.rmtree(self.config, ignore_errors=True)


class WebKitDriver(Driver):
    name = "webkit"
    # Classic WebDriver has no "run this before the page's scripts": WATCH is added when the
    # page has loaded, so errors while loading are not seen; CSP violations from then are, where
    # WebKit's ReportingObserver delivers them buffered (checked by a test of its own).
    watch_from_start = False

    def __init__(self, webkit: WebKit, base_url: str) -> None:
        super().__init__(base_url)
        self.webkit = webkit
        self.driver = webkit.session()
        self.version = webkit.version
        self.driver.set_window_size(1280, 900)
        self._seen: list[str] = []
        self._action = "accept"

    def _call(self, command, *args):
        """Run a selenium command; one the driver never answers is the engine's failure."""
        try:
            return command(*args)
        except Exception as error:
            self._raise(error, command)

    def _raise(self, error: BaseException, command) -> None:
        if unanswered(error):
            self.webkit.unresponsive = True
            raise EngineUnresponsive(f"webkit: no answer to {command} ({error!r})") from error
        raise error

    def _handle_prompt(self) -> None:
        from selenium.common.exceptions import NoAlertPresentException

        try:
            alert = self._call(lambda: self.driver.switch_to.alert)
            self._seen.append(alert.text)
        except NoAlertPresentException:
            return
        if self._action == "accept":
            alert.accept()
        else:
            alert.dismiss()

    def _element(self, selector: str):
        from selenium.webdriver.common.by import By

        self.wait_for(
            "s => { const e = document.querySelector(s); return e && e.getClientRects().length; }",
            selector,
        )
        return self._call(self.driver.find_element, By.CSS_SELECTOR, selector)

    def _viewport(self, width: int, height: int) -> None:
        """Classic WebDriver sizes the window, not the page: the window's size, then that again
        plus what the MiniBrowser's toolbar takes (measured). Narrower than 447 px only with
        GTK_CSS."""
        self._call(self.driver.set_window_size, width, height)
        inner = self.eval("() => [innerWidth, innerHeight]")
        self._call(self.driver.set_window_size, 2 * width - inner[0], 2 * height - inner[1])

    def _goto(self, url: str) -> None:
        self._mark_leaving()
        self._call(self.driver.get, url)
        self._handle_prompt()
        self._wait_for_load()

    def _mark_leaving(self) -> None:
        with contextlib.suppress(Exception):
            self.driver.execute_script("window.__leaving = true;")

    def _wait_for_load(self) -> None:
        """The new document (not the old one, marked leaving) has loaded."""
        self.wait_for("() => !window.__leaving && document.readyState === 'complete'")

    def _click(self, selector: str) -> None:
        self._answering_prompts(self._element(selector).click)

    def _wait_for_load_if_any(self) -> None:
        """After a click or key: if a full page load started, wait for it to finish."""
        with contextlib.suppress(Exception):
            self.wait_for("() => document.readyState === 'complete'")

    def _type(self, selector: str, text: str) -> None:
        self._element(selector).send_keys(text)

    def _press(self, key: str) -> None:
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.keys import Keys

        names = {
            "Enter": Keys.ENTER,
            " ": Keys.SPACE,
            "Space": Keys.SPACE,
            "Tab": Keys.TAB,
            "Escape": Keys.ESCAPE,
            "ArrowDown": Keys.ARROW_DOWN,
            "ArrowUp": Keys.ARROW_UP,
            "PageDown": Keys.PAGE_DOWN,
        }
        self._answering_prompts(ActionChains(self.driver).send_keys(names.get(key, key)).perform)

    def _answering_prompts(self, command) -> None:
        """Run a WebDriver command that may open a dialog (the leave guard's confirm): the
        command does not return while the dialog is open, so it runs in a thread while this one
        answers the dialog; then wait for any page load it started."""
        failed: list[BaseException] = []

        def run() -> None:
            try:
                command()
            except BaseException as error:
                failed.append(error)

        sender = threading.Thread(target=run, daemon=True)
        sender.start()
        deadline = time.monotonic() + DEFAULT_TIMEOUT
        while sender.is_alive() and time.monotonic() < deadline:
            sender.join(0.2)
            if sender.is_alive():
                self._handle_prompt()
        if sender.is_alive():
            self.webkit.unresponsive = True
            raise EngineUnresponsive(f"webkit: {command} never returned")
        if failed:
            self._raise(failed[0], command)
        self._handle_prompt()
        self._wait_for_load_if_any()

    def _eval(self, source: str, args: list) -> object:
        self._handle_prompt()
        return self._call(self.driver.execute_script, f"return ({source})(...arguments);", *args)

    def set_files(self, selector: str, path: str) -> None:
        from selenium.webdriver.common.by import By

        self.wait_for_selector(selector)  # a file input may be hidden: not _element's wait
        self._call(lambda: self.driver.find_element(By.CSS_SELECTOR, selector).send_keys(path))

    def dialogs(self, action: str | None = None) -> list[str]:
        if action:
            self._action = action
        self._handle_prompt()
        seen, self._seen = self._seen, []
        return seen

    def close(self) -> None:
        if not self.webkit.unresponsive:  # else the next tab starts WebKit again anyway
            self.driver.quit()
