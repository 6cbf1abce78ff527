"""The bundle builder's pure parts: the worker's versioned folder. (The stdlib trimming is tested
in test_stdlib_trim.py, the built bundle in test_node.py.)"""

from __future__ import annotations

import tomllib

import pytest
from pyodide_lock import PyodideLockSpec

from build_scripts.lib.errors import BuildError
from build_scripts.lib.paths import ROOT
from build_scripts.pyodide_bundle.bundle import (
    bundle_key,
    renumbering_file,
    trim_lock,
    versioned_worker,
)
from calculators.model import read_renumbering


def test_versioned_worker_writes_the_key_once():
    text = 'const base = new URL("../pyodide/current/", import.meta.url);'
    assert versioned_worker(text, "abc123") == (
        'const base = new URL("../pyodide/abc123/", import.meta.url);'
    )
    with pytest.raises(BuildError):
        versioned_worker("no marker", "abc123")


def lock_of(packages: dict[str, list[str]]) -> PyodideLockSpec:
    info = {"arch": "wasm32", "platform": "emscripten_4_0_9", "python": "3.13.2"}
    entries = {
        name: {
            "name": name,
            "version": "1.0",
            "file_name": f"{name}-1.0-py3-none-any.whl",
            "install_dir": "site",
            "sha256": "0" * 64,
            "imports": [name],
            "depends": depends,
        }
        for name, depends in packages.items()
    }
    return PyodideLockSpec.from_dict({"info": info, "packages": entries})


def test_the_lock_keeps_our_package_and_what_it_depends_on_only():
    lock = lock_of({"ours": ["a"], "a": ["b"], "b": [], "other": []})
    assert list(trim_lock(lock, "ours").packages) == ["a", "b", "ours"]
    assert list(lock.packages) == ["ours", "a", "b", "other"]  # the original is left as it was
    with pytest.raises(BuildError, match="no entry for 'missing'"):
        trim_lock(lock_of({"ours": ["missing"]}), "ours")


def test_the_latest_editions_renumbering_goes_into_the_wheel_and_its_key():
    assert renumbering_file({}) == {}
    ((path, content),) = renumbering_file({"6.2": "6.3", "1.10": "1.9"}).items()
    assert path == "calculators/checklists/renumbering.toml"
    assert read_renumbering(tomllib.loads(content.decode())) == {"6.2": "6.3", "1.10": "1.9"}
    assert bundle_key(ROOT) == bundle_key(ROOT, renumbered={})
    assert bundle_key(ROOT) != bundle_key(ROOT, renumbered={"6.2": "6.3"})
