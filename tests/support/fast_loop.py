"""``make test-fast``'s guard: a test that starts a build, Node, a browser or nginx fails at once.

``make test-fast`` sets ``TEST_FAST=1``; ``tests/conftest.py`` then calls ``install()``, which
wraps ``subprocess.Popen`` (under ``subprocess.run``, Playwright's driver and every server the
tests start) and the in-process build entry points so that they raise ``FastLoopRefused``
naming what was started. Such a test is missing its marker (``tests/conftest.py``, NEEDS).
"""

from __future__ import annotations

import shlex
import subprocess
from collections.abc import Sequence
from pathlib import Path

BROWSERS = ("chrom", "firefox", "webkit", "xvfb", "headless_shell")
BUILDS = ("build_scripts.publish", "build_scripts.pyodide_bundle", "mkdocs", "build")


class FastLoopRefused(RuntimeError):
    """A test in ``make test-fast`` tried to start what the fast loop promises it never starts."""


def forbidden(args: str | bytes | Sequence) -> str | None:
    """What ``args`` (a Popen command) would start that the fast loop refuses, or None."""
    if isinstance(args, str | bytes):
        argv = shlex.split(args.decode() if isinstance(args, bytes) else args)
    else:
        argv = [str(a) for a in args]
    if not argv:
        return None
    program = Path(argv[0]).name.lower()
    if program.startswith("node") or program in {"npm", "npx"}:
        return "Node"
    if any(name in program for name in BROWSERS):
        return "a browser"
    if program == "nginx":
        return "nginx"
    if program == "mkdocs":
        return "a site build"
    if program == "pyodide":
        return "a Pyodide bundle build"
    if "-m" in argv[:-1] and argv[argv.index("-m") + 1] in BUILDS:
        return "a site build" if argv[argv.index("-m") + 1] != "build" else "a wheel build"
    return None


def refuse(what: str, detail: str) -> None:
    raise FastLoopRefused(
        f"make test-fast must not start {what}, but this test did ({detail}): mark it "
        "(tests/conftest.py, NEEDS: build, node, browser, site or nginx) so that test-fast "
        "leaves it out"
    )


def install() -> None:
    """Make starting a build, Node, a browser or nginx raise for the rest of this session."""
    original = subprocess.Popen.__init__

    def guarded(self, args, *rest, **kwargs) -> None:
        if what := forbidden(args):
            refuse(what, f"subprocess {shlex.join(str(a) for a in _argv(args))[:200]}")
        original(self, args, *rest, **kwargs)

    subprocess.Popen.__init__ = guarded  # type: ignore[method-assign]

    import mkdocs.commands.build

    import build_scripts.publish

    def no_build(*_args, **_kwargs) -> None:
        refuse("a site build", "MkDocs build in this process")

    mkdocs.commands.build.build = no_build
    build_scripts.publish.build = no_build


def _argv(args: str | bytes | Sequence) -> list[str]:
    if isinstance(args, str | bytes):
        return [args.decode() if isinstance(args, bytes) else args]
    return [str(a) for a in args]
