"""The hosting headers: one source for ``_headers``, nginx and the Python test server."""

from build_scripts.security.headers import (
    headers_file,
    headers_for,
    nginx_snippet,
    parse_headers_file,
)

POLICY = "default-src 'self'; frame-ancestors 'none'"


def test_hosting_headers_carry_the_policy_and_the_wasm_type():
    headers, nginx = headers_file(POLICY), nginx_snippet(POLICY)
    assert f"/*\n  Content-Security-Policy: {POLICY}\n" in headers
    assert f'add_header Content-Security-Policy "{POLICY}" always;' in nginx
    for text in (headers, nginx):
        assert "no-referrer" in text and "nosniff" in text
        assert "application/wasm" in text and "Permissions-Policy" in text


def test_the_versioned_pyodide_bundle_is_cached_for_a_year():
    headers = headers_file(POLICY)
    assert "/assets/pyodide/*\n  Cache-Control: public, max-age=31536000, immutable" in headers
    assert "/*/assets/pyodide/*\n  Cache-Control: public, max-age=31536000" in headers
    nginx = nginx_snippet(POLICY)
    bundle = nginx.index("location ~ /assets/pyodide/[0-9a-f]+/ {")
    assert bundle < nginx.index("location ~* \\.wasm$")  # the first matching regex wins
    block = nginx[bundle : nginx.index("\n}", bundle)]
    assert 'add_header Cache-Control "public, max-age=31536000, immutable" always;' in block
    assert "application/wasm wasm;" in block and "Content-Security-Policy" in block
    assert "gzip_types" in nginx and "application/wasm" in nginx.split("gzip_types")[1]


def test_the_offline_worker_is_revalidated_on_every_visit():
    assert "/sw.js\n  Cache-Control: no-cache\n" in headers_file(POLICY)
    nginx = nginx_snippet(POLICY)
    block = nginx[nginx.index("location ~ /sw\\.js$ {") :]
    assert block.index('add_header Cache-Control "no-cache" always;') < block.index("}")


def test_a_headers_file_reads_back_as_the_headers_each_path_gets():
    rules = parse_headers_file(headers_file(POLICY))
    page = headers_for("/latest/assessment/", rules)
    assert page["Content-Security-Policy"] == POLICY
    assert page["Referrer-Policy"] == "no-referrer"
    assert "Cache-Control" not in page
    wasm = headers_for("/latest/assets/pyodide/0123abcd/pyodide.asm.wasm", rules)
    assert wasm["Content-Type"] == "application/wasm"
    assert wasm["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers_for("/sw.js", rules)["Cache-Control"] == "no-cache"
