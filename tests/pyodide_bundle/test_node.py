"""The Node layer: the built bundle (runtime, trimmed precompiled stdlib, our precompiled wheel)
in real Pyodide under Node, answering every checklist case and every other boundary request
(``build_scripts/pyodide_bundle/cases.py``) byte for byte as CPython does. The stdlib is the
trimmed one: a module missing from ``stdlib-keep.txt`` fails every test here.

``build_scripts/pyodide_bundle/run_cases.mjs`` runs once per session on the bundle the build wrote
into the site.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from build_scripts.lib.paths import ROOT
from build_scripts.pyodide_bundle import first_answers
from build_scripts.pyodide_bundle.bundle import COUNTED, PACKAGE, bundle_key, expected_files
from build_scripts.pyodide_bundle.cases import (
    RUNNER,
    all_cases,
    case_id,
    case_mismatches,
    evaluate_request,
    other_requests,
)
from build_scripts.pyodide_bundle.first_answers import FOLDER
from build_scripts.pyodide_bundle.stdlib_trim import KEEP, read_keep
from calculators.boundary import handle
from calculators.model import checklist_ids

CASES = all_cases()
CASE_REQUESTS = [evaluate_request(checklist, case) for checklist, case in CASES]
OTHER_REQUESTS = other_requests()
# (checklist, key, request): each first answer the build computed (first_answers.py).
FIRST = [(c, key, text) for c in checklist_ids() for key, text in first_answers.requests(c)]


@pytest.fixture(scope="module")
def bundle(latest_site) -> Path:
    """The bundle's versioned folder, ``assets/pyodide/<key>/`` (the only one)."""
    folders = list((latest_site / "assets" / "pyodide").iterdir())
    assert len(folders) == 1, folders
    return folders[0]


@pytest.fixture(scope="module")
def node_run(bundle, tmp_path_factory) -> tuple[dict, list[str]]:
    """(runtime info, responses) from one run of every request in Pyodide under Node; the info
    includes the stdlib zip members imported (``stdlib_imported``)."""
    node = shutil.which("node")
    assert node, "Node is required for the Pyodide layer (apt-get install nodejs; make deps)"
    sent = [*CASE_REQUESTS, *OTHER_REQUESTS, *(text for _, _, text in FIRST)]
    path = tmp_path_factory.mktemp("node") / "requests.jsonl"
    path.write_text("".join(r + "\n" for r in sent), encoding="utf-8")
    done = subprocess.run(
        [node, str(RUNNER), str(bundle), str(path), "--info", "--modules"],
        capture_output=True,
        timeout=300,
        check=False,
    )
    stderr = done.stderr.decode("utf-8", "replace")[-4000:]
    assert done.returncode == 0, f"run_cases.mjs failed:\n{stderr}"
    # Split on newlines only: JSON written with ensure_ascii=False may hold U+2028 and the like.
    lines = done.stdout.decode("utf-8").removesuffix("\n").split("\n")
    assert len(lines) == 2 + len(sent), f"expected {2 + len(sent)} lines:\n{stderr}"
    info = {**json.loads(lines[0]), "stdlib_imported": json.loads(lines[-1])}
    return info, lines[1:-1]


def test_bundle_holds_only_the_expected_files(bundle):
    manifest = json.loads((bundle / "bundle.json").read_text(encoding="utf-8"))
    assert manifest == {
        "wheel": "guidance_calculators-0.1.0-cp313-none-any.whl",
        "package": PACKAGE,
        "pyodide": json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"],
        # What a fresh start downloads, for the reader's "40% downloaded" (checklist-worker.js).
        "download": sum((bundle / name).stat().st_size for name in COUNTED),
    }
    # and the first answers' results, computed at build time (first_answers.py)
    assert {p.name for p in bundle.iterdir()} == expected_files(manifest) | {FOLDER}
    assert {p.name for p in (bundle / FOLDER).iterdir()} == {f"{c}.json" for c in checklist_ids()}
    assert expected_files(manifest) == {
        "pyodide.mjs",
        "pyodide.asm.js",
        "pyodide.asm.wasm",
        "python_stdlib.zip",
        "pyodide-lock.json",
        "bundle.json",
        manifest["wheel"],
    }


def test_lock_lists_only_our_wheel_with_its_checksum(bundle):
    lock = json.loads((bundle / "pyodide-lock.json").read_text(encoding="utf-8"))
    assert lock["info"]["python"].startswith("3.13.")
    assert list(lock["packages"]) == [PACKAGE]
    entry = lock["packages"][PACKAGE]
    wheel = bundle / entry["file_name"]
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert entry["imports"] == ["calculators"]
    assert entry["depends"] == []


def test_wheel_is_precompiled_and_holds_every_checklist(bundle):
    wheel = bundle / json.loads((bundle / "bundle.json").read_text())["wheel"]
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "calculators").glob("*.py")}
    assert {s + "c" for s in sources} <= names
    assert not {n for n in names if n.endswith(".py")}
    checklists = ROOT / "calculators" / "checklists"
    definitions = {f"calculators/checklists/{p.name}" for p in checklists.glob("*.checklist.toml")}
    assert definitions
    assert definitions <= names


def test_stdlib_zip_is_precompiled(bundle):
    names = zipfile.ZipFile(bundle / "python_stdlib.zip").namelist()
    assert "json/__init__.pyc" in names
    assert not [n for n in names if n.endswith(".py")]


def test_stdlib_zip_is_trimmed_to_the_keep_list_and_stored(bundle):
    """Only what make stdlib-keep found (and its folders), uncompressed: the server compresses."""
    infos = zipfile.ZipFile(bundle / "python_stdlib.zip").infolist()
    files = {i.filename for i in infos if not i.is_dir()}
    assert files == read_keep(KEEP.read_text(encoding="utf-8"))
    assert {i.compress_type for i in infos} == {zipfile.ZIP_STORED}
    stock = zipfile.ZipFile(ROOT / "node_modules/pyodide/python_stdlib.zip").namelist()
    assert len(files) < len(stock) / 3


def test_bundle_folder_is_versioned_and_the_worker_points_at_it(latest_site, bundle):
    """The one module naming the folder has this build's key; the worker reads it there."""
    assert bundle.name == bundle_key(ROOT)
    site_js = latest_site / "assets/js"
    assert 'from "./python-runtime.js"' in (site_js / "checklist-worker.js").read_text("utf-8")
    worker = (site_js / "python-runtime.js").read_text(encoding="utf-8")
    assert f'"../pyodide/{bundle.name}/"' in worker
    assert '"../pyodide/current/"' not in worker


def test_stdlib_keep_list_is_what_was_imported(node_run):
    """Every member kept was imported (the list is not padded). A member that is needed but not
    kept fails the cases themselves, in this module."""
    info, _ = node_run
    kept = read_keep(KEEP.read_text(encoding="utf-8"))
    assert set(info["stdlib_imported"]) == kept, "stdlib-keep.txt is stale: run make stdlib-keep"


def test_runs_python_3_13_in_pyodide_offline(node_run):
    info, _ = node_run
    assert info["python"][:2] == [3, 13]
    assert info["pyodide"] == "0.29.5"
    assert not [url for url in info["fetched"] if url.startswith(("http:", "https:"))]


def test_modules_are_imported_from_precompiled_files(node_run):
    info, _ = node_run
    modules = info["modules"]
    ours = {name for name in modules if name.split(".")[0] == "calculators"}
    expected = {"calculators"} | {
        f"calculators.{p.stem}" for p in (ROOT / "calculators").glob("*.py") if p.stem != "__init__"
    }
    assert ours == expected
    for name in ours:
        assert modules[name]["file"].endswith(".pyc"), modules[name]
        assert modules[name]["loader"] == "SourcelessFileLoader", modules[name]
    for name in ("json", "tomllib", "dataclasses"):
        assert modules[name]["file"].startswith("/lib/python313.zip/"), modules[name]
        assert modules[name]["file"].endswith(".pyc"), modules[name]
    assert not [f for f in info["package_files"] if f.endswith(".py")]


@pytest.mark.parametrize("index", range(len(CASES)), ids=[case_id(c) for c in CASES])
def test_case_in_pyodide_matches_cpython(node_run, index):
    _, responses = node_run
    _, case = CASES[index]
    response = responses[index]
    assert response == handle(CASE_REQUESTS[index])  # stdout was strictly UTF-8: byte-identical
    assert case_mismatches(case, json.loads(response)) == []


@pytest.mark.parametrize("index", range(len(OTHER_REQUESTS)))
def test_other_request_in_pyodide_matches_cpython(node_run, index):
    _, responses = node_run
    request = OTHER_REQUESTS[index]
    assert responses[len(CASES) + index] == handle(request)


@pytest.mark.parametrize("checklist", checklist_ids())
def test_first_answers_computed_at_build_are_pyodides(node_run, bundle, checklist):
    """Every result the page may draw before Python is ready is the one Python in the browser
    gives for the same request, and the file has no other."""
    _, responses = node_run
    start = len(CASE_REQUESTS) + len(OTHER_REQUESTS)
    pyodide = {
        key: first_answers.result(responses[start + i], key)
        for i, (c, key, _) in enumerate(FIRST)
        if c == checklist
    }
    built = first_answers.entries((bundle / FOLDER / f"{checklist}.json").read_text("utf-8"))
    assert list(built) == list(pyodide)
    assert built == pyodide


@pytest.fixture(scope="module")
def snapshot_run(bundle, tmp_path_factory) -> tuple[dict, list[str]]:
    """(sizes, responses): a memory snapshot made as the browser makes it (``--make-snapshot``),
    then, in a second Node process, Python restored from it answering every request."""
    node = shutil.which("node")
    assert node, "Node is required for the Pyodide layer (apt-get install nodejs; make deps)"
    folder = tmp_path_factory.mktemp("snapshot")
    stored = folder / "memory-snapshot"
    requests = folder / "requests.jsonl"
    requests.write_text("".join(r + "\n" for r in [*CASE_REQUESTS, *OTHER_REQUESTS]), "utf-8")
    made = subprocess.run(
        [node, str(RUNNER), str(bundle), os.devnull, f"--make-snapshot={stored}"],
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert made.returncode == 0, made.stderr.decode("utf-8", "replace")[-4000:]
    sizes = json.loads(made.stdout)
    restored = subprocess.run(
        [node, str(RUNNER), str(bundle), str(requests), f"--snapshot={stored}"],
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert restored.returncode == 0, restored.stderr.decode("utf-8", "replace")[-4000:]
    return sizes, restored.stdout.decode("utf-8").removesuffix("\n").split("\n")


def test_snapshot_is_stored_small(snapshot_run, bundle):
    sizes, _ = snapshot_run
    # Zero pages dropped and gzip: a fifth of the heap (about 4 of 21 MB with Pyodide 0.29.5).
    assert sizes["stored"] < sizes["raw"] / 4, sizes
    assert (bundle.parent / bundle.name / "memory-snapshot").exists() is False  # never shipped


def test_every_request_from_a_restored_snapshot_matches_cpython(snapshot_run):
    _, responses = snapshot_run
    requests = [*CASE_REQUESTS, *OTHER_REQUESTS]
    assert len(responses) == len(requests)
    mismatched = [r for r, got in zip(requests, responses, strict=True) if got != handle(r)]
    assert mismatched == []
    for (_, case), response in zip(CASES, responses, strict=False):
        assert case_mismatches(case, json.loads(response)) == []
