"""A static file server for the built site on loopback, with the right MIME types (.wasm, .mjs).

Used by the tests and `make bench`. `make serve` uses MkDocs' live-reload server instead.
It sends the headers of the ``_headers`` file the build wrote at the served folder's root, as a
static host does (the policy, the bundle immutable for a year, ``sw.js`` revalidated): what is
tested is what is served. With ``compress=True`` (`make bench`) it also sends gzip to browsers
that accept it, as a production server would, so transfer sizes and Lighthouse figures are
realistic; the tests serve uncompressed.
"""

from __future__ import annotations

import email.utils
import functools
import gzip
import mimetypes
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from build_scripts.lib.paths import HEADERS_FILE
from build_scripts.security.headers import headers_for, parse_headers_file

# Pyodide fails to compile (and never resolves) if the wasm is served with another type.
TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".whl": "application/zip",
    ".zip": "application/zip",
}
for suffix, kind in TYPES.items():
    mimetypes.add_type(kind, suffix)

# Worth compressing: text, the wasm and the STORED stdlib zip (not the deflated wheel, not PNGs).
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".zip", ".svg", ".xml", ".txt"}


def site_headers(root: Path, url_path: str) -> dict[str, str]:
    """The headers the site's ``_headers`` file gives ``url_path`` (none if there is no file);
    the content type is the server's own (``TYPES``)."""
    path = root / HEADERS_FILE
    if not path.is_file():
        return {}
    found = headers_for(url_path, _rules(str(path), path.stat().st_mtime_ns))
    return {name: value for name, value in found.items() if name.lower() != "content-type"}


@functools.lru_cache(maxsize=8)
def _rules(path: str, _mtime_ns: int) -> list[tuple[str, dict[str, str]]]:
    return parse_headers_file(Path(path).read_text(encoding="utf-8"))


@functools.lru_cache(maxsize=256)
def _gzipped(path: str, mtime_ns: int) -> bytes:
    """A file gzip-compressed (level 6, as nginx is set up), once per file version."""
    return gzip.compress(Path(path).read_bytes(), 6)


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **TYPES}  # noqa: RUF012
    compress = False
    send_site_headers = True

    def log_message(self, format, *args):
        pass

    def end_headers(self) -> None:
        if not self.send_site_headers:  # a host that sends no headers (a plain file server)
            super().end_headers()
            return
        for name, value in site_headers(Path(self.directory), self.path.split("?", 1)[0]).items():
            self.send_header(name, value)
        super().end_headers()

    def do_GET(self) -> None:
        if self.compress and "gzip" in self.headers.get("Accept-Encoding", ""):
            path = Path(self.translate_path(self.path))
            if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
                path = path / "index.html"
            if path.is_file() and path.suffix in COMPRESSIBLE:
                stat = path.stat()
                body = _gzipped(str(path), stat.st_mtime_ns)
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
                self.send_header("Content-Length", str(len(body)))
                self.send_header(
                    "Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True)
                )
                self.end_headers()
                self.wfile.write(body)
                return
        super().do_GET()


class SiteServer(ThreadingHTTPServer):
    """Serves the folder in ``root``; assigning another folder to ``root`` swaps the site (the
    offline tests serve a rebuilt site at the same address, as a redeployment would)."""

    root: Path


def serve_in_thread(
    root: Path, port: int, *, compress: bool = False, headers: bool = True
) -> SiteServer:
    """Serve ``root`` at http://127.0.0.1:port/ from a daemon thread; call .shutdown() to stop.
    ``compress`` sends gzip to clients that accept it; ``headers=False`` leaves out the
    ``_headers`` file's headers, as GitHub Pages or a plain file server would."""
    attrs = {"compress": compress, "send_site_headers": headers}
    handler_class = type("Handler", (QuietHandler,), attrs)

    def handler(request, client_address, server: SiteServer) -> QuietHandler:
        return handler_class(request, client_address, server, directory=str(server.root))

    server = SiteServer(("127.0.0.1", port), handler)
    server.root = root
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
