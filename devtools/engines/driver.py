"""The engine-neutral driver the journeys use, and what every adapter shares.

A journey (tests/engines/journeys.py) sees only this interface: pages by path, elements by CSS
selector, JavaScript as the source of a function (``"(a, b) => ..."``) called with JSON
arguments, and conditions waited for with a timeout, never a fixed sleep. Three adapters in this
folder implement it: Chromium (Playwright, ``chromium.py``), Firefox ESR (puppeteer-core over
WebDriver BiDi, ``firefox.py``) and WebKitGTK (selenium and WebKitWebDriver, ``webkit.py``).
``make bench`` uses them too, for its figures in each engine.

Every page is watched for errors and Content Security Policy violations by ``WATCH``, which the
adapters run before the page's own scripts where the engine allows it (Chromium, Firefox), else
as soon as the page has loaded (WebKit: see ``Driver.watch_from_start``).
"""

from __future__ import annotations

import contextlib
import json
import time
from abc import ABC, abstractmethod
from urllib.parse import urljoin

# Errors (script errors, unhandled rejections, resources that failed to load) and CSP violations
# of the page, kept in window.__engines until the driver collects them. ReportingObserver with
# `buffered` also delivers CSP violations from before it was created (WebKit), where it exists.
WATCH = """(() => {
  if (window.__engines) return;
  const w = window.__engines = { csp: [], errors: [],
                                 late: document.readyState !== 'loading' };
  document.addEventListener('securitypolicyviolation',
    e => w.csp.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
    true);
  window.addEventListener('error', e => {
    const t = e.target;
    w.errors.push(t && t !== window ? `failed to load ${t.src || t.href || t.tagName}`
                                    : `${e.message} at ${e.filename}:${e.lineno}`);
  }, true);
  window.addEventListener('unhandledrejection',
    e => w.errors.push(`unhandled rejection: ${e.reason && (e.reason.stack || e.reason)}`));
  if (typeof ReportingObserver === 'function') {
    try {
      new ReportingObserver(reports => { for (const r of reports) {
        w.csp.push(`${r.body.effectiveDirective} ${r.body.blockedURL} (report)`); } },
        { types: ['csp-violation'], buffered: true }).observe();
    } catch (error) { /* an engine without csp-violation reports */ }
  }
})()"""

# Collect (and clear) what WATCH has seen on the current document.
HARVEST = """() => {
  const w = window.__engines;
  if (!w) return { csp: [], errors: [], watched: false, late: false };
  return { csp: w.csp.splice(0), errors: w.errors.splice(0), watched: true, late: w.late };
}"""

# Mark the first visible element matching a selector, for the adapter to click.
VISIBLE = """s => {
  const e = [...document.querySelectorAll(s)].find(e => e.getClientRects().length
    && getComputedStyle(e).visibility !== 'hidden');
  if (!e) return null;
  const mark = e.getAttribute('data-engines-click') || String(Math.random()).slice(2);
  e.setAttribute('data-engines-click', mark);
  return mark;
}"""

# The element stays where it is for two frames (a checklist redraws its results as answers
# change): a click computed on a moving element lands on whatever moves under the pointer.
STEADY = """async s => {
  const e = document.querySelector(s);
  const at = () => { const r = e.getBoundingClientRect(); return `${r.left},${r.top}`; };
  const before = at();
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  return before === at();
}"""
# Whether the marked element received the click (it, or something inside it).
HEARD = """s => { const e = document.querySelector(s);
  if (!e) return -1;  // gone: the click took the page elsewhere
  if (!e.__enginesHeard) { e.__enginesHeard = [];
    e.addEventListener('click', () => e.__enginesHeard.push(1), true); }
  return e.__enginesHeard.length; }"""

DEFAULT_TIMEOUT = 20.0
PYTHON_TIMEOUT = 90.0  # Python's start in a worker on a loaded 2-core machine


class JourneyError(AssertionError):
    """A condition a journey waited for never came (with what the page showed last)."""


class EngineUnresponsive(RuntimeError):
    """The browser or its driver stopped answering commands: not something the page did. The
    engine is started again for the next tab, and the test is run once more (and says so)."""


class Driver(ABC):
    """One browser tab in a fresh, private profile of one engine."""

    name: str
    version: str
    #: True where WATCH runs before the page's scripts; False where it is added after load.
    watch_from_start: bool = True
    #: True where the engine runs service workers for the site under test.
    service_workers: bool = True

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.problems: list[str] = []
        self.late_watch = False

    # ---- what each adapter implements ----
    @abstractmethod
    def _goto(self, url: str) -> None: ...

    @abstractmethod
    def _click(self, selector: str) -> None: ...

    @abstractmethod
    def _type(self, selector: str, text: str) -> None: ...

    @abstractmethod
    def _press(self, key: str) -> None:
        """Press a key on the focused element; ``key`` as Playwright names it ("Enter", " ",
        "Tab", "ArrowDown", "PageDown")."""

    @abstractmethod
    def _eval(self, source: str, args: list) -> object: ...

    @abstractmethod
    def set_files(self, selector: str, path: str) -> None:
        """Choose ``path`` in the file input ``selector``, as a reader picking a file does."""

    @abstractmethod
    def dialogs(self, action: str | None = None) -> list[str]:
        """The messages of the dialogs (confirm, alert, beforeunload) shown since the last call;
        ``action`` ("accept" or "dismiss") sets what happens to the next ones (default accept)."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def _viewport(self, width: int, height: int) -> None:
        """Make the page's window ``width`` by ``height`` CSS pixels (or as near as the engine
        allows: ``set_viewport`` checks)."""

    def set_viewport(self, width: int, height: int) -> None:
        """The window of a phone (360 x 740) or a desktop: the page's ``innerWidth`` is
        ``width``, or the journey fails here rather than testing another width."""
        self._viewport(width, height)
        self.wait_for("w => innerWidth === w", width)

    # ---- shared behaviour ----
    def url(self) -> str:
        return str(self.eval("() => location.href"))

    def goto(self, path: str) -> None:
        self.collect()
        self._goto(urljoin(self.base_url, path))
        self._after_navigation()

    def click(self, selector: str) -> None:
        """Click the first *visible* element matching ``selector`` (as a reader would; the
        theme's navigation holds hidden copies of its links)."""
        mark = self.wait_for(VISIBLE, selector)
        target = f'[data-engines-click="{mark}"]'
        # As a reader does: brought to the middle of the window, clear of the sticky header and
        # of a notice at the foot of the page.
        self.eval("s => document.querySelector(s).scrollIntoView({block: 'center'})", target)
        self.wait_for(STEADY, target)
        heard = self.eval(HEARD, target)
        self.collect()
        self._click(target)
        self._after_navigation()
        # A click that reached nothing (the page moved between aiming and clicking, as WebKit's
        # driver sometimes lets it) is made again, once, and said.
        if self.eval(HEARD, target) == heard:
            print(f"{self.name}: the click on {selector} was not received; clicking again")
            self.wait_for(STEADY, target)
            self._click(target)
            self._after_navigation()

    def back(self) -> None:
        """Back, as the browser's button does (a history traversal; with instant navigation the
        document stays, so the page's own scripts see it as one)."""
        self.collect()
        self.eval("() => { history.back(); }")
        self._after_navigation()

    def forward(self) -> None:
        """Forward, as the browser's button does."""
        self.collect()
        self.eval("() => { history.forward(); }")
        self._after_navigation()

    def type(self, selector: str, text: str) -> None:
        self._type(selector, text)

    def press(self, key: str) -> None:
        self.collect()
        self._press(key)
        self._after_navigation()

    def wait_for_selector(self, selector: str, timeout: float = DEFAULT_TIMEOUT) -> bool:
        """An element matches ``selector`` (a boolean: engines differ in how they return nodes)."""
        return bool(self.wait_for("s => !!document.querySelector(s)", selector, timeout=timeout))

    def focus(self, selector: str) -> None:
        self.wait_for_selector(selector)
        self.eval("s => document.querySelector(s).focus()", selector)

    def eval(self, source: str, *args) -> object:
        return self._eval(source, list(args))

    def text(self, selector: str) -> str:
        """The text of the first element matching ``selector`` (waited for)."""
        self.wait_for_selector(selector)
        return str(self.eval("s => document.querySelector(s).textContent", selector))

    def wait_for(self, source: str, *args, timeout: float = DEFAULT_TIMEOUT) -> object:
        """Poll the function ``source`` until it returns something truthy (its value). Return
        booleans, numbers, strings or JSON, never a DOM node (puppeteer serialises one as {})."""
        deadline = time.monotonic() + timeout
        last: object = None
        while True:
            try:
                last = self.eval(source, *args)
                if last:
                    return last
            except EngineUnresponsive:
                raise
            except Exception as error:  # a navigation in progress: the document is going
                last = error
            if time.monotonic() > deadline:
                raise JourneyError(
                    f"{self.name}: timed out after {timeout} s waiting for {source} {args}; "
                    f"last {last!r}; at {self._safe_url()}"
                )
            time.sleep(0.1)

    def _safe_url(self) -> str:
        try:
            return self.url()
        except Exception as error:
            return f"(no url: {error})"

    def _after_navigation(self) -> None:
        """Where WATCH cannot run first, run it as soon as there is a document."""
        if not self.watch_from_start:
            # A document being replaced fails: the next command tries again.
            with contextlib.suppress(Exception):
                self.eval(f"() => {WATCH}")

    def collect(self) -> dict:
        """Move what WATCH saw on the current document into ``self.problems``."""
        try:
            seen = self.eval(HARVEST)
        except Exception:
            return {}
        if not isinstance(seen, dict):
            return {}
        self.problems += [f"CSP: {v} on {self._safe_url()}" for v in seen.get("csp", [])]
        self.problems += [f"error: {e} on {self._safe_url()}" for e in seen.get("errors", [])]
        self.late_watch = self.late_watch or bool(seen.get("late"))
        return seen

    def assert_no_problems(self) -> None:
        """No page error and no CSP violation on any page seen so far (and the watch ran)."""
        self._after_navigation()
        seen = self.collect()
        assert seen.get("watched"), f"{self.name}: the error/CSP watch is not in the page"
        assert self.problems == [], json.dumps(self.problems, indent=1)
