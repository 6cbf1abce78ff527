"""The loopback server of the tests and the bench: types, the site's own headers, optional gzip."""

from __future__ import annotations

import gzip
import urllib.request
from email.message import Message

import pytest

from build_scripts.security.headers import headers_file
from devtools.serve import serve_in_thread
from tests.support.site import free_port


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "assets" / "pyodide" / "abc123"
    folder.mkdir(parents=True)
    (folder / "pyodide.asm.wasm").write_bytes(b"\0asm" * 1000)
    (tmp_path / "index.html").write_text("<p>hello</p>" * 100)
    (tmp_path / "_headers").write_text(headers_file("default-src 'self'"))
    return tmp_path


def get(url: str, encoding: str = "") -> tuple[Message, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request) as response:
        return response.headers, response.read()


@pytest.mark.parametrize("compress", [False, True])
def test_serves_types_caching_and_gzip_only_when_asked(files, compress):
    port = free_port()
    server = serve_in_thread(files, port, compress=compress)
    try:
        base = f"http://127.0.0.1:{port}/"
        headers, body = get(base + "assets/pyodide/abc123/pyodide.asm.wasm", "gzip")
        assert headers["Content-Type"] == "application/wasm"
        assert "immutable" in headers["Cache-Control"]
        if compress:
            assert headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(body) == b"\0asm" * 1000
        else:
            assert "Content-Encoding" not in headers and body == b"\0asm" * 1000
        headers, body = get(base, "gzip")
        assert "Cache-Control" not in headers
        assert headers["Content-Security-Policy"] == "default-src 'self'"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert (gzip.decompress(body) if compress else body) == b"<p>hello</p>" * 100
        headers, body = get(base)  # a client that does not accept gzip gets the file as it is
        assert "Content-Encoding" not in headers and body == b"<p>hello</p>" * 100
    finally:
        server.shutdown()
