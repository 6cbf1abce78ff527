"""Debian's nginx serving a built site as the README tells operators to: a server block with the
site as its root and the generated ``build/hosting/nginx.conf`` included in it.

``NginxServer`` has the test server's interface (``server_address``, ``root`` to swap the site,
``shutdown``/``server_close``), so a test can take either."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from build_scripts.lib.paths import NGINX, ROOT

NGINX_BIN = shutil.which("nginx") or "/usr/sbin/nginx"
CONF = """daemon off;
master_process off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
        root {root};
        # The README: include the generated snippet in the site's server block.
        include {snippet};
    }}
}}
"""


def snippet_of(site: Path) -> Path:
    """The hosting snippet of the build that made ``site``: the copy kept beside it when it was
    built (``keep_snippet``), else the one in ``build/`` (which a later build overwrites)."""
    kept = site.with_name(f"{site.name}.nginx.conf")
    return kept if kept.is_file() else ROOT / NGINX


def keep_snippet(site: Path) -> None:
    """Keep the hosting snippet just written for ``site`` beside it, for its nginx: the tests
    build other sites later in the same session (editions), each writing ``build/``'s."""
    shutil.copyfile(ROOT / NGINX, site.with_name(f"{site.name}.nginx.conf"))


class NginxServer:
    """nginx on 127.0.0.1:``port`` serving ``root`` with the build's hosting snippet."""

    def __init__(self, root: Path, port: int, snippet: Path | None = None) -> None:
        assert Path(NGINX_BIN).exists(), "nginx is missing: make nginx installs it (never skip)"
        snippet = snippet or snippet_of(root)
        assert snippet.is_file(), f"the build did not write {snippet}"
        self.server_address = ("127.0.0.1", port)
        self._snippet = snippet
        self._tmp = Path(tempfile.mkdtemp(prefix="nginx-"))
        self._process: subprocess.Popen | None = None
        self._root = root
        self._start()

    @property
    def root(self) -> Path:
        return self._root

    @root.setter
    def root(self, root: Path) -> None:
        """Deploy another site at the same address (a restart, as a redeployment would)."""
        self._stop()
        self._root = root
        self._start()

    def _start(self) -> None:
        conf = self._tmp / "nginx.conf"
        text = CONF.format(
            tmp=self._tmp, port=self.server_address[1], root=self._root, snippet=self._snippet
        )
        conf.write_text(text, encoding="utf-8")
        self._process = subprocess.Popen(
            [NGINX_BIN, "-c", str(conf), "-e", str(self._tmp / "error.log")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        url = f"http://127.0.0.1:{self.server_address[1]}/"
        for _ in range(100):  # up within a second or two; an error ends the wait at once
            if self._process.poll() is not None:
                raise RuntimeError(f"nginx did not start: {self._process.stderr.read()!r}")
            try:
                urllib.request.urlopen(url, timeout=1).close()
                return
            except urllib.error.HTTPError:
                return  # it answered
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not answer")

    def _stop(self) -> None:
        if self._process and self._process.poll() is None:
            self._process.terminate()
            self._process.wait(10)
        self._process = None

    def shutdown(self) -> None:
        self._stop()

    def server_close(self) -> None:
        self._stop()
        shutil.rmtree(self._tmp, ignore_errors=True)
