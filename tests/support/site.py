"""Building and serving the site in the tests: a free loopback port, and ``make site``'s build."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

from build_scripts.lib.paths import ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def publish(out: Path, port: int, editions: Path | None = None) -> subprocess.CompletedProcess:
    """``make site``'s build (every edition, strict) into ``out``, for serving on ``port``."""
    env = {**os.environ, "SITE_URL": f"http://127.0.0.1:{port}/", "PYTHONPATH": str(ROOT)}
    args = [sys.executable, "-m", "build_scripts.publish", "--site-dir", str(out)]
    args += ["--editions", str(editions)] if editions else []
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
