"""make test-fast's guard (tests/support/fast_loop.py) refuses what the fast loop never starts."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.support import fast_loop


@pytest.mark.parametrize(
    ("argv", "what"),
    [
        (["node", "run_cases.mjs"], "Node"),
        (["/usr/bin/node"], "Node"),
        (["/x/playwright/driver/node", "cli.js", "run-driver"], "Node"),
        (["/usr/bin/chromium", "--headless"], "a browser"),
        (["/usr/bin/firefox-esr"], "a browser"),
        (["WebKitWebDriver", "--port=1"], "a browser"),
        (["Xvfb", ":99"], "a browser"),
        (["/usr/sbin/nginx", "-c", "x.conf"], "nginx"),
        ([sys.executable, "-m", "build_scripts.publish", "--site-dir", "x"], "a site build"),
        (["mkdocs", "build"], "a site build"),
        ([sys.executable, "-m", "build", "--wheel"], "a wheel build"),
        (["pyodide", "py-compile", "x"], "a Pyodide bundle build"),
        ("node run_cases.mjs", "Node"),
        (["git", "status"], None),
        ([sys.executable, "-c", "print(1)"], None),
    ],
)
def test_what_the_fast_loop_refuses(argv, what) -> None:
    assert fast_loop.forbidden(argv) == what


def test_installed_it_raises_before_anything_starts(monkeypatch) -> None:
    # Each patched name set to itself: monkeypatch puts the original back after the test.
    monkeypatch.setattr(subprocess.Popen, "__init__", subprocess.Popen.__init__)
    import mkdocs.commands.build

    import build_scripts.publish

    monkeypatch.setattr(mkdocs.commands.build, "build", mkdocs.commands.build.build)
    monkeypatch.setattr(build_scripts.publish, "build", build_scripts.publish.build)
    fast_loop.install()
    with pytest.raises(fast_loop.FastLoopRefused, match="must not start Node"):
        subprocess.run(["node", "--version"], check=False)
    with pytest.raises(fast_loop.FastLoopRefused, match="must not start a site build"):
        build_scripts.publish.build(None)
    done = subprocess.run([sys.executable, "-c", "print(1)"], capture_output=True, check=True)
    assert done.stdout == b"1\n"
