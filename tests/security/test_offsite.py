"""The self-containment check: anything loaded from another host is found."""

import pytest

from build_scripts.security.offsite import offsite_in_css, offsite_in_html


@pytest.mark.parametrize(
    "html",
    [
        '<script src="https://cdn.example.net/x.js"></script>',
        '<link rel="stylesheet" href="//fonts.example.com/css">',
        '<link rel="preconnect" href="https://fonts.example.com">',
        '<img src="http://example.org/a.png" alt="">',
        '<iframe src="https://example.org/"></iframe>',
        '<div style="background:url(https://example.org/a.png)"></div>',
        "<style>@import 'https://example.org/a.css';</style>",
    ],
)
def test_assets_from_another_host_are_found(html):
    assert offsite_in_html(html)


@pytest.mark.parametrize(
    "html",
    [
        '<a href="https://www.legislation.gov.uk/">a link the reader follows</a>',
        '<script src="../assets/js/paragraphs.js"></script>',
        '<link rel="stylesheet" href="/assets/css/guidance.css">',
        '<link rel="canonical" href="https://example.org/page/">',
        '<img src="data:image/svg+xml;base64,AAAA" alt="">',
    ],
)
def test_own_assets_and_plain_links_pass(html):
    assert offsite_in_html(html) == []


def test_css_imports_and_font_urls_are_found():
    css = "@font-face{src:url('https://fonts.gstatic.com/a.woff2')} a{background:url(x.png)}"
    assert offsite_in_css(css) == ["css url https://fonts.gstatic.com/a.woff2"]
