"""A static file server for the built site on loopback, with the right MIME types (.wasm, .mjs).

Used by the tests and `make bench`. `make serve` uses MkDocs' live-reload server instead.
"""

from __future__ import annotations

import mimetypes
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

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


class QuietHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **TYPES}  # noqa: RUF012

    def log_message(self, format, *args):
        pass


class SiteServer(ThreadingHTTPServer):
    """Serves the folder in ``root``; assigning another folder to ``root`` swaps the site (the
    offline tests serve a rebuilt site at the same address, as a redeployment would)."""

    root: Path


def _handler(request, client_address, server: SiteServer) -> QuietHandler:
    return QuietHandler(request, client_address, server, directory=str(server.root))


def serve_in_thread(root: Path, port: int) -> SiteServer:
    """Serve ``root`` at http://127.0.0.1:port/ from a daemon thread; call .shutdown() to stop."""
    server = SiteServer(("127.0.0.1", port), _handler)
    server.root = root
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
