"""The bundle builder's pure parts: the worker's versioned folder. (The stdlib trimming is tested
in test_stdlib_trim.py, the built bundle in test_node.py.)"""

from __future__ import annotations

import pytest

from build_scripts.lib.errors import BuildError
from build_scripts.pyodide_bundle.bundle import versioned_worker


def test_versioned_worker_writes_the_key_once():
    text = 'const base = new URL("../pyodide/current/", import.meta.url);'
    assert versioned_worker(text, "abc123") == (
        'const base = new URL("../pyodide/abc123/", import.meta.url);'
    )
    with pytest.raises(BuildError):
        versioned_worker("no marker", "abc123")
