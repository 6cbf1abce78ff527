"""Vendored browser code is the pinned npm package's, byte for byte (but its source-map comment)."""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_workbox_window_is_the_pinned_packages_own_build():
    version = json.loads((ROOT / "package.json").read_text())["devDependencies"]["workbox-window"]
    built = ROOT / "node_modules/workbox-window/build/workbox-window.prod.mjs"
    vendored = ROOT / f"docs/assets/js/vendor/workbox-window-{version}.prod.js"
    expected = re.sub(r"//# sourceMappingURL=\S+\n?$", "", built.read_text(encoding="utf-8"))
    assert vendored.read_text(encoding="utf-8") == expected, "run npm run vendor"
    assert f'from "./vendor/{vendored.name}"' in (ROOT / "docs/assets/js/offline.js").read_text()
