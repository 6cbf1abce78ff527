"""The Content Security Policy module, and the policy on every built page."""

import re

import pytest

from build_scripts.security.csp import (
    inline_scripts,
    policy,
    script_hash,
    unhashable,
    with_meta,
)


def test_inline_scripts_are_found_and_data_scripts_are_not():
    html = (
        '<script>a()</script><script type="module">b()</script><script src="x.js"></script>'
        '<script type="application/json">{"c": 1}</script>'
    )
    assert inline_scripts(html) == ["a()", "b()"]


def test_the_hash_is_the_browsers_sha256_of_the_script_text():
    # Known value: printf 'alert(1)' | openssl dgst -sha256 -binary | base64
    assert script_hash("alert(1)") == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"


@pytest.mark.parametrize(
    "html",
    [
        '<a href="javascript:go()">x</a>',
        '<button onclick="go()">x</button>',
        '<img src=x onerror="go()">',
    ],
)
def test_handlers_and_javascript_urls_cannot_be_hashed(html):
    assert unhashable(html)


def test_the_policy_allows_only_our_files_wasm_and_hashed_scripts():
    text = policy({"'sha256-abc'"})
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-abc'" in text
    assert "unsafe-inline" not in text and "'unsafe-eval'" not in text
    for directive in [
        "default-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
        "img-src 'self' data:",
    ]:
        assert directive in text
    assert "frame-ancestors" not in text  # ignored in a meta element
    assert "frame-ancestors 'none'" in policy(set(), header=True)


def test_the_meta_goes_first_in_head_and_is_replaced_not_repeated():
    html = "<html><head><script>x()</script></head></html>"
    once = with_meta(html, "default-src 'self'")
    assert once.index("Content-Security-Policy") < once.index("<script>")
    assert with_meta(once, "default-src 'none'").count("Content-Security-Policy") == 1


def test_every_built_page_carries_the_policy_with_every_inline_script_hashed(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        meta = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', html)
        assert meta, page
        for script in inline_scripts(html):
            assert script_hash(script) in meta.group(1), page
    assert "frame-ancestors 'none'" in (built_site / "_headers").read_text()
