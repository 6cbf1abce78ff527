"""Firefox ESR (Debian's) behind the engine-neutral driver: puppeteer-core over WebDriver BiDi,
in a Node process (devtools/engines/firefox_driver.mjs) spoken to in JSON lines."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import threading
import time
from pathlib import Path

from build_scripts.lib.paths import ROOT
from devtools.engines.driver import WATCH, Driver, EngineUnresponsive

HERE = Path(__file__).resolve().parent
FIREFOX = Path("/usr/bin/firefox-esr")
PUPPETEER = ROOT / "node_modules" / "puppeteer-core"
# Puppeteer names keys as Playwright does, but Space is " ".
KEYS = {"Space": " "}


class FirefoxProcess:
    """One Firefox ESR for the whole run, behind its Node driver. One thread reads its answers
    and files them by id, so a call that timed out never takes a later call's answer."""

    def __init__(self) -> None:
        assert FIREFOX.exists(), (
            "Firefox ESR missing: run devtools/ensure-engines.sh (apt-get install firefox-esr)"
        )
        assert PUPPETEER.exists(), "puppeteer-core missing: run `npm ci`"
        self.proc = subprocess.Popen(
            ["node", str(HERE / "firefox_driver.mjs")],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.stderr: list[str] = []
        self.answers: dict[int, dict] = {}
        self.arrived = threading.Condition()
        #: Set once a call went unanswered: the next tab starts a new Firefox (fixtures.py).
        self.unresponsive = False
        threading.Thread(target=self._drain, daemon=True).start()
        threading.Thread(target=self._answer, daemon=True).start()
        self.next_id = 0
        started = self._read(0, timeout=120)
        self.version, self.browser_pid = started["version"], started["pid"]

    def _drain(self) -> None:
        for line in self.proc.stderr:
            self.stderr.append(line)

    def _answer(self) -> None:
        for line in self.proc.stdout:
            message = json.loads(line)
            with self.arrived:
                self.answers[message["id"]] = message
                self.arrived.notify_all()
        with self.arrived:  # the driver has exited: wake every waiting call
            self.arrived.notify_all()

    def _read(self, want: int, timeout: float) -> object:
        deadline = time.monotonic() + timeout
        with self.arrived:  # woken by each answer; the process's death is seen within a second
            while not (want in self.answers or self.proc.poll() is not None):
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self.arrived.wait(min(1.0, left))
            result = self.answers.pop(want, None)
        if result is None:
            self.unresponsive = True
            raise EngineUnresponsive(
                f"Firefox's driver did not answer in {timeout} s (exit {self.proc.poll()}): "
                + "".join(self.stderr[-20:])
            )
        if not result["ok"]:
            raise RuntimeError(f"firefox: {result['error']}")
        return result.get("value")

    def call(self, op: str, timeout: float = 120, **args) -> object:
        self.next_id += 1
        try:
            self.proc.stdin.write(json.dumps({"id": self.next_id, "op": op, "args": args}) + "\n")
            self.proc.stdin.flush()
        except OSError as error:  # the driver has exited
            self.unresponsive = True
            raise EngineUnresponsive(f"Firefox's driver is gone ({error!r})") from error
        return self._read(self.next_id, timeout)

    def quit(self) -> None:
        try:
            self.proc.stdin.write(json.dumps({"id": -1, "op": "quit"}) + "\n")
            self.proc.stdin.close()
            self.proc.wait(timeout=30)
        except Exception:
            self.proc.kill()
            self.proc.wait()
            with contextlib.suppress(OSError):  # the pipe of a driver that has died
                self.proc.stdin.close()
            # A driver that died leaves its Firefox running, in a process group of its own.
            if self.browser_pid:
                with contextlib.suppress(OSError):
                    os.killpg(self.browser_pid, signal.SIGKILL)


class FirefoxDriver(Driver):
    name = "firefox"

    def __init__(self, firefox: FirefoxProcess, base_url: str) -> None:
        super().__init__(base_url)
        self.firefox = firefox
        self.version = str(firefox.version)
        firefox.call("newContext", initScript=f"{WATCH};")

    def _goto(self, url: str) -> None:
        self.firefox.call("goto", url=url)

    def _viewport(self, width: int, height: int) -> None:
        self.firefox.call("viewport", width=width, height=height)

    def _click(self, selector: str) -> None:
        self.firefox.call("click", selector=selector)

    def _type(self, selector: str, text: str) -> None:
        self.firefox.call("type", selector=selector, text=text)

    def _press(self, key: str) -> None:
        self.firefox.call("press", key=KEYS.get(key, key))

    def _eval(self, source: str, args: list) -> object:
        return self.firefox.call("evaluate", source=source, args=args)

    def set_files(self, selector: str, path: str) -> None:
        self.firefox.call("setFiles", selector=selector, paths=[path])

    def dialogs(self, action: str | None = None) -> list[str]:
        seen = self.firefox.call("dialogs", action=action)
        return [d["message"] for d in seen]

    def close(self) -> None:
        if not self.firefox.unresponsive:  # else the next tab starts a new Firefox anyway
            self.firefox.call("close")
