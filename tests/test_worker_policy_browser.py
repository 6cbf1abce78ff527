"""The code that receives answers is under the page's policy on every host (issue 14 item 1).

The checklist worker is made from a blob: URL, so it inherits the page's Content Security Policy
(a meta tag's too): served with no headers at all, as by GitHub Pages or a plain file server, and
served with the production headers, a fetch or an import from inside it to another address (a
listener on 127.0.0.2) is blocked, and the listener receives nothing."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from devtools.serve import serve_in_thread
from tests.support.nginx import NginxServer
from tests.support.site import free_port
from tests.test_checklist_browser import PAGE, answer, the_checklist_worker, wait_for_python

REACH = """async (url) => {
  const tried = {};
  try { await fetch(url + 'fetch', {signal: AbortSignal.timeout(5000)}); tried.fetch = 'reached'; }
  catch (error) { tried.fetch = 'blocked'; }
  try { await import(url + 'import.js'); tried.import = 'reached'; }
  catch (error) { tried.import = 'blocked'; }
  return tried;
}"""


class Listener(BaseHTTPRequestHandler):
    heard: list[str]

    def do_GET(self) -> None:
        self.heard.append(self.path)
        self.send_response(200)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Type", "text/javascript")
        self.end_headers()
        self.wfile.write(b"export default 1;")

    def log_message(self, format, *args):
        pass


@pytest.fixture
def listener():
    """A server on another loopback address that records every request it receives."""
    heard: list[str] = []
    server = ThreadingHTTPServer(("127.0.0.2", 0), type("L", (Listener,), {"heard": heard}))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    server.heard = heard
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(params=["no headers", "_headers", "nginx"])
def host(request, built_site):
    """The built site served with no headers at all, or with the production headers (the test
    server's ``_headers``, or nginx with the generated snippet)."""
    if request.param == "nginx":
        server = NginxServer(built_site, free_port())
    else:
        server = serve_in_thread(built_site, free_port(), headers=request.param == "_headers")
    yield f"http://127.0.0.1:{server.server_address[1]}/latest/"
    server.shutdown()
    server.server_close()


def test_the_checklist_worker_cannot_reach_another_address_on_any_host(chromium, host, listener):
    context = chromium.new_context(base_url=host, service_workers="block")
    page = context.new_page()
    page.goto(PAGE)
    wait_for_python(page)
    answer(page, "adult", "yes")  # the worker is working, under its policy
    page.locator(".checklist__prompts [data-prompt]").first.wait_for()
    elsewhere = f"http://127.0.0.2:{listener.server_address[1]}/?d=secret-"
    tried = the_checklist_worker(page).evaluate(REACH, elsewhere)
    context.close()
    assert tried == {"fetch": "blocked", "import": "blocked"}
    assert listener.heard == []
