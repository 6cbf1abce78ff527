"""The web app manifest and its icons: what makes the site installable on a phone's home screen.

``write(folder, precached=…)`` writes ``manifest.json`` and ``icons/*.png`` into the folder of the
offline worker (the site's root in the published layout, the edition's folder in a one-edition
build), before the worker is generated, so that both are precached. The manifest's scope is that
folder, the worker's scope too (``assets/js/offline.js`` registers ``sw.js`` for ``./``): every
edition is inside it, so a link to an older edition opens that edition in the installed app. Its
start URL is the latest edition (``latest/`` in the published layout), which the worker precaches:
installed, the app opens offline.

The icons are drawn here with the standard library (``zlib``, ``struct``): an indigo square with a
white page of text lines, nothing downloaded. The page sits well inside the central circle of 80 %
that a maskable icon must keep (the launcher may crop to a circle or a rounded square).
"""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

from build_scripts.lib.files import write_bytes, write_text
from build_scripts.lib.paths import APP_MANIFEST

ICONS = "icons"
NAME = "Guidance on children and families affected by adults viewing child sexual abuse images"
SHORT_NAME = "CSA guidance"
DESCRIPTION = (
    "Pan Bedfordshire guidelines for assessing children and families affected by adults viewing "
    "child sexual abuse images, with checklists that run on your device, offline."
)
THEME = "#3f51b5"  # the theme's indigo header (mkdocs.yml palette: primary indigo)
BACKGROUND = "#ffffff"
INDIGO, WHITE = (0x28, 0x35, 0x93), (0xFF, 0xFF, 0xFF)
# (file, size, purpose): Chromium needs a 144 px or larger "any" icon; launchers use 192 and 512.
ICON_SET = (
    ("icon-192.png", 192, "any"),
    ("icon-512.png", 512, "any"),
    ("icon-maskable-192.png", 192, "maskable"),
    ("icon-maskable-512.png", 512, "maskable"),
)


def png(width: int, height: int, rows: list[bytes]) -> bytes:
    """An 8-bit RGB PNG of ``rows`` (each ``width * 3`` bytes)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + row for row in rows)  # filter 0 (none) on every row
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def icon(size: int, *, maskable: bool) -> bytes:
    """The icon: a white page with four indigo lines of text on indigo. A maskable icon's page is
    smaller, so that its corners stay inside the safe circle (radius 40 % of the size)."""
    scale = 0.30 if maskable else 0.36  # half the page's height, as a share of the size
    half_h, half_w = size * scale, size * scale * 0.78
    centre = size / 2
    top, bottom, left, right = centre - half_h, centre + half_h, centre - half_w, centre + half_w
    line_h = max(2, round(size * 0.035))
    lines = [top + (bottom - top) * f for f in (0.22, 0.40, 0.58, 0.76)]
    rows = []
    for y in range(size):
        row = bytearray()
        text_line = any(start <= y < start + line_h for start in lines)
        for x in range(size):
            on_page = top <= y < bottom and left <= x < right
            short = text_line and y >= lines[-1] and x > left + (right - left) * 0.6
            in_text = on_page and text_line and left + size * 0.06 <= x < right - size * 0.06
            row += bytes(INDIGO if not on_page or (in_text and not short) else WHITE)
        rows.append(bytes(row))
    return png(size, size, rows)


def manifest(precached: str = "") -> dict:
    """The manifest, its URLs relative to itself; ``precached`` is the latest edition's folder
    relative to the worker ("latest/"), or "" in a one-edition build."""
    start = precached or "./"
    return {
        "id": start,
        "name": NAME,
        "short_name": SHORT_NAME,
        "description": DESCRIPTION,
        "lang": "en-GB",
        "dir": "ltr",
        "start_url": start,
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME,
        "background_color": BACKGROUND,
        "icons": [
            {
                "src": f"{ICONS}/{name}",
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": purpose,
            }
            for name, size, purpose in ICON_SET
        ],
    }


def write(folder: Path, *, precached: str = "") -> None:
    """``manifest.json`` and its icons in ``folder`` (the offline worker's folder)."""
    text = json.dumps(manifest(precached), ensure_ascii=False, indent=1) + "\n"
    write_text(folder / APP_MANIFEST, text)
    for name, size, purpose in ICON_SET:
        write_bytes(folder / ICONS / name, icon(size, maskable=purpose == "maskable"))
