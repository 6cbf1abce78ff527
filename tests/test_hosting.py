"""The site as production serves it: nginx with the generated ``build/hosting/nginx.conf``
(included as the README says), and the Python test server with ``_headers``, send the headers
the README promises, from the one source (``build_scripts/security/headers.py``)."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from build_scripts.security.headers import HEADERS, IMMUTABLE, NO_CACHE

SECURITY = [*HEADERS, "Content-Security-Policy"]


def get(url: str) -> tuple[int, dict[str, str]]:
    """The status and headers (names in lower case) of a GET, asking for gzip."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            response.read()
            return response.status, {k.lower(): v for k, v in response.headers.items()}
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}


@pytest.fixture(scope="module")
def wasm_path(latest_site) -> str:
    (wasm,) = (latest_site / "assets" / "pyodide").glob("*/pyodide.asm.wasm")
    return "latest/" + wasm.relative_to(latest_site).as_posix()


# Chosen while the test runs, so NEEDS (tests/conftest.py) cannot see them: marked here.
BUILT = [pytest.mark.site, pytest.mark.build, pytest.mark.node]


@pytest.fixture(
    params=[
        pytest.param("nginx", marks=[*BUILT, pytest.mark.nginx]),
        pytest.param("python", marks=BUILT),
    ]
)
def server(request) -> str:
    return request.getfixturevalue("nginx_root" if request.param == "nginx" else "site_root")


def assert_security_headers(headers: dict[str, str]) -> None:
    for name, value in HEADERS.items():
        assert headers.get(name.lower()) == value, name
    policy = headers.get("content-security-policy", "")
    assert "frame-ancestors 'none'" in policy and "connect-src 'self'" in policy
    assert "worker-src 'self' blob:" in policy


def test_a_page_has_every_promised_header(server):
    status, headers = get(server + "latest/")
    assert status == 200
    assert_security_headers(headers)
    assert headers["strict-transport-security"].startswith("max-age=")


def test_the_bundle_is_immutable_wasm_and_compressed_by_nginx(nginx_root, wasm_path):
    status, headers = get(nginx_root + wasm_path)
    assert status == 200
    assert headers["content-type"] == "application/wasm"
    assert headers["cache-control"] == IMMUTABLE
    assert headers.get("content-encoding") == "gzip"
    assert_security_headers(headers)


def test_the_bundle_is_immutable_and_wasm_on_the_test_server(site_root, wasm_path):
    status, headers = get(site_root + wasm_path)
    assert status == 200 and headers["content-type"] == "application/wasm"
    assert headers["cache-control"] == IMMUTABLE
    assert_security_headers(headers)


def test_the_offline_worker_is_always_revalidated(server):
    status, headers = get(server + "sw.js")
    assert status == 200 and headers["cache-control"] == NO_CACHE
    assert_security_headers(headers)


def test_a_missing_page_is_a_404_with_the_headers(server):
    status, headers = get(server + "latest/no-such-page/")
    assert status == 404
    assert_security_headers(headers)


@pytest.mark.parametrize("path", ["latest/", "sw.js", "latest/no-such-page/"])
def test_nginx_and_the_test_server_send_the_same_security_headers(nginx_root, site_root, path):
    _, nginx = get(nginx_root + path)
    _, python = get(site_root + path)
    assert {n: nginx.get(n.lower()) for n in SECURITY} == {
        n: python.get(n.lower()) for n in SECURITY
    }
