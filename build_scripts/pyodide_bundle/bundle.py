"""The self-hosted Pyodide bundle: the runtime, a precompiled stdlib and our precompiled wheel.

``build_bundle(out_dir, root=…)`` fills ``out_dir`` (the site's ``assets/pyodide/``) with exactly
``BUNDLE_FILES`` plus the wheel, offline:

1. ``python -m build --wheel --no-isolation`` on a copy of the wheel's inputs (nothing is written
   into the working tree), with the latest edition's renumbering, if any, as
   ``checklists/renumbering.toml`` (``calculators.model`` reads it: records cite the new ids);
2. the runtime files are copied from ``node_modules/pyodide`` (``npm ci``);
3. ``pyodide lockfile add-wheels`` adds the wheel to the stock lock (before step 4: it refuses the
   ``cp313`` wheel name that py-compile gives);
4. ``pyodide py-compile`` compiles the stdlib zip and the wheel to ``.pyc`` in place, renames the
   wheel ``…-cp313-none-any.whl`` and fixes the lock's file name and sha256;
5. the lock is trimmed to our package (and its dependencies, none): it lists only files that are
   in the folder, and the browser downloads a few hundred bytes instead of 127 kB;
6. the stdlib zip is trimmed (``stdlib_trim``): only the members in ``stdlib-keep.txt``, STORED
   (the server compresses it), with flat line tables;
7. ``bundle.json`` names the wheel for the browser worker.

The result is cached in ``build/pyodide-cache/<key>/``, ``key`` a hash of every input, so a
rebuild with unchanged inputs (``mkdocs serve``) only copies the cached folder. The site serves it
from ``assets/pyodide/<key>/``: a new bundle is a new address, so it can be cached for a year.

``python -m build_scripts.pyodide_bundle.bundle --full OUT`` builds an untrimmed bundle into OUT
(for ``make stdlib-keep``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

from pyodide_lock import PyodideLockSpec

from build_scripts.lib.errors import BuildError
from build_scripts.lib.files import copy_tree, write_text
from build_scripts.lib.paths import BUNDLE_CACHE, CALCULATORS, PYODIDE_NPM
from build_scripts.pyodide_bundle import stdlib_trim
from build_scripts.pyodide_bundle.stdlib_trim import (
    KEEP,
    STDLIB,
    StaleKeepList,
    read_keep,
    restore_stored,
)
from calculators.model import RENUMBERING

PACKAGE = "guidance-calculators"
RUNTIME = ("pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")
LOCK = "pyodide-lock.json"
MANIFEST = "bundle.json"
WORKER_MARKER = '"../pyodide/current/"'  # in python-runtime.js; the build writes the key
BUNDLE_FILES = (*RUNTIME, LOCK, MANIFEST)  # and the wheel named in the manifest
TIMEOUT = 600


# Pure functions -----------------------------------------------------------------------------


def input_files(root: Path) -> list[Path]:
    """Every file the bundle depends on in the working tree, sorted: the wheel's sources,
    definitions and metadata (no README: the wheel has no long description, so
    editing the README does not change the bundle), and Pyodide's npm package version."""
    package = root / CALCULATORS
    return sorted(
        [
            *(p for p in package.rglob("*.py") if "__pycache__" not in p.parts),
            *package.rglob("*.toml"),
            root / "pyproject.toml",
            root / PYODIDE_NPM / "package.json",
        ]
    )


def renumbering_file(new_ids: dict[str, str]) -> dict[str, bytes]:
    """The wheel's renumbering file (relative path → content) for ``new_ids`` (old id → new id,
    ids already checked by the editions model), or none when nothing is renumbered."""
    if not new_ids:
        return {}
    lines = [f"{json.dumps(old)} = {json.dumps(new)}" for old, new in sorted(new_ids.items())]
    text = "# The latest edition's [edition.renumbered], written by the build.\n[renumbered]\n"
    return {f"{CALCULATORS}/checklists/{RENUMBERING}": (text + "\n".join(lines) + "\n").encode()}


def cache_key(files: dict[str, bytes], tools: dict[str, str]) -> str:
    """A short hash of the inputs (relative path → content) and tool versions (name → version)."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(f"{name}\0{len(files[name])}\0".encode())
        digest.update(files[name])
    digest.update(json.dumps(tools, sort_keys=True).encode())
    return digest.hexdigest()[:20]


def python_mismatch(lock_info: dict, version: tuple[int, ...]) -> str | None:
    """Why this interpreter cannot precompile for the lock's Python, or None if it can."""
    wanted = tuple(int(part) for part in str(lock_info.get("python", "")).split(".")[:2])
    if tuple(version[:2]) == wanted:
        return None
    have, need = ".".join(map(str, version[:2])), ".".join(map(str, wanted))
    return f"py-compile must run on Python {need} (Pyodide's); this is Python {have}"


def trim_lock(lock: PyodideLockSpec, package: str) -> PyodideLockSpec:
    """The lock with only ``package`` and what it depends on, recursively (pyodide_lock's own
    models, which refuse a malformed entry)."""
    keep, todo = set(), [package]
    while todo:
        name = todo.pop()
        if name in keep:
            continue
        if name not in lock.packages:
            raise BuildError(f"{LOCK}: no entry for {name!r} (needed by {package!r})")
        keep.add(name)
        todo.extend(lock.packages[name].depends)
    trimmed = lock.clone()
    trimmed.packages = {name: lock.packages[name] for name in sorted(keep)}
    return trimmed


def versioned_worker(text: str, key: str) -> str:
    """The runtime module (``assets/js/python-runtime.js``, read by the worker and the page) with
    its bundle folder set to this build's ``<key>/``."""
    if text.count(WORKER_MARKER) != 1:
        raise BuildError(f"the runtime module must hold {WORKER_MARKER} exactly once")
    return text.replace(WORKER_MARKER, f'"../pyodide/{key}/"')


# What a fresh start downloads, as the worker counts it for the reader ("40% downloaded"):
# the runtime and the standard library, nearly all of it (the loader scripts are imported, not
# fetched, and the rest is a few kB).
COUNTED = ("pyodide.asm.wasm", "python_stdlib.zip")


def manifest(wheel: str, pyodide_version: str, download: int) -> dict:
    """What the browser worker reads to load our package; ``download``: the bytes of ``COUNTED``."""
    return {"wheel": wheel, "package": PACKAGE, "pyodide": pyodide_version, "download": download}


def expected_files(bundle_manifest: dict) -> set[str]:
    """The file names a finished bundle holds: no more, no fewer."""
    return {*BUNDLE_FILES, bundle_manifest["wheel"]}


# Doing the work -----------------------------------------------------------------------------


def _run(args: list[str], cwd: Path) -> None:
    try:
        done = subprocess.run(
            args, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise BuildError(f"{' '.join(args)}: {error}") from error
    if done.returncode != 0:
        tail = (done.stderr or done.stdout)[-3000:]
        raise BuildError(f"{' '.join(args)} failed ({done.returncode}):\n{tail}")


def _tool_versions(pyodide_version: str, trim: bool) -> dict[str, str]:
    versions = {"pyodide": pyodide_version, "python": "{}.{}".format(*sys.version_info[:2])}
    versions["stdlib-keep"] = hashlib.sha256(KEEP.read_bytes()).hexdigest() if trim else "full"
    # How the zip is rewritten: a change to it must not reuse a cached bundle.
    versions["stdlib-trim"] = hashlib.sha256(Path(stdlib_trim.__file__).read_bytes()).hexdigest()
    for name in ("pyodide-build", "pyodide-lock", "setuptools"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = ""
    versions["recipe"] = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    return versions


def _make_bundle(
    stage: Path, root: Path, npm: Path, pyodide_version: str, trim: bool, extra: dict[str, bytes]
) -> None:
    """Build the bundle into the empty folder ``stage``; ``extra``: generated inputs (relative
    path → content)."""
    bindir = Path(sys.executable).parent
    cli = bindir / "pyodide"
    if not cli.exists():
        raise BuildError(f"{cli} not found: install the dev dependencies (make deps)")
    with tempfile.TemporaryDirectory(prefix="wheel-src-") as tmp:
        source, dist = Path(tmp) / "src", Path(tmp) / "dist"
        for path in input_files(root):
            if npm in path.parents:
                continue
            target = source / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        for name, content in extra.items():
            (source / name).write_bytes(content)
        _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist),
              str(source)], cwd=Path(tmp))  # fmt: skip
        wheels = sorted(dist.glob("*-py3-none-any.whl"))
        if len(wheels) != 1:
            raise BuildError(f"expected one pure-Python wheel, built {[w.name for w in wheels]}")
        for name in RUNTIME:
            shutil.copyfile(npm / name, stage / name)
        shutil.copyfile(wheels[0], stage / wheels[0].name)
    _run([str(cli), "lockfile", "add-wheels", "--input", str(npm / LOCK), "--output",
          str(stage / LOCK), "--base-path", str(stage), str(stage / wheels[0].name)],
         cwd=stage)  # fmt: skip
    _run([str(cli), "py-compile", "--silent", "--no-keep", str(stage)], cwd=stage)
    keep = read_keep(KEEP.read_text(encoding="utf-8")) if trim else None
    compiled = stage / f"{STDLIB}.compiled"
    os.replace(stage / STDLIB, compiled)
    try:
        restore_stored(compiled, stage / STDLIB, keep)
    except StaleKeepList as error:
        raise BuildError(str(error)) from error
    compiled.unlink()
    lock = trim_lock(PyodideLockSpec.from_json(stage / LOCK), PACKAGE)
    lock.to_json(stage / LOCK, indent=2)
    wheel = lock.packages[PACKAGE].file_name
    bundle = manifest(wheel, pyodide_version, sum((stage / n).stat().st_size for n in COUNTED))
    write_text(stage / MANIFEST, json.dumps(bundle, indent=2) + "\n")
    found, expected = {p.name for p in stage.iterdir()}, expected_files(bundle)
    if found != expected:
        raise BuildError(f"the bundle holds {sorted(found)}, expected {sorted(expected)}")


def _cached(folder: Path) -> bool:
    try:
        bundle = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return {p.name for p in folder.iterdir()} == expected_files(bundle)
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _prune(cache: Path, keep: str, trim: bool) -> None:
    """Remove other keys' bundles, and staging folders left by builds that were killed (not after
    a full build: the site's trimmed bundle stays cached)."""
    if not trim:
        return
    for old in cache.iterdir():
        try:
            age = time.time() - old.stat().st_mtime
        except OSError:  # removed meanwhile by another build
            continue
        if old.name != keep and (not old.name.startswith(".") or age > 2 * TIMEOUT):
            shutil.rmtree(old, ignore_errors=True)


def bundle_key(root: Path, *, trim: bool = True, renumbered: dict[str, str] | None = None) -> str:
    """The cache key of the bundle the inputs in ``root`` and the latest edition's renumbering
    make (also its folder in the site)."""
    npm = root / PYODIDE_NPM
    if not (npm / "package.json").exists():
        raise BuildError(f"{npm} is missing: run npm ci (make deps) to install Pyodide")
    pyodide_version = json.loads((npm / "package.json").read_text(encoding="utf-8"))["version"]
    files = {str(p.relative_to(root)): p.read_bytes() for p in input_files(root)}
    files.update(renumbering_file(renumbered or {}))
    return cache_key(files, _tool_versions(pyodide_version, trim))


def build_bundle(
    out_dir: Path, *, root: Path, trim: bool = True, renumbered: dict[str, str] | None = None
) -> dict:
    """Fill ``out_dir`` with the Pyodide bundle (from the cache when the inputs are unchanged);
    ``trim=False`` keeps the whole stdlib; ``renumbered``: the latest edition's map (old id →
    new id), which the wheel's checklists follow.

    Returns the manifest with ``cached`` (bool), ``key`` and ``seconds``. Raises BuildError.
    """
    started = time.perf_counter()
    key = bundle_key(root, trim=trim, renumbered=renumbered)
    npm = root / PYODIDE_NPM
    pyodide_version = json.loads((npm / "package.json").read_text(encoding="utf-8"))["version"]
    stock_info = json.loads((npm / LOCK).read_text(encoding="utf-8"))["info"]
    if problem := python_mismatch(stock_info, sys.version_info):
        raise BuildError(f"{problem} ({sys.executable})")

    cache = root / BUNDLE_CACHE
    folder = cache / key
    cached = _cached(folder)
    if not cached:
        cache.mkdir(parents=True, exist_ok=True)
        stage = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=cache))
        stage.chmod(0o755)  # mkdtemp makes it private; the site is served to everyone
        try:
            extra = renumbering_file(renumbered or {})
            _make_bundle(stage, root, npm, pyodide_version, trim, extra)
            if not _cached(folder):  # else another build finished the same key first: use it
                shutil.rmtree(folder, ignore_errors=True)
                os.replace(stage, folder)  # atomic: a concurrent build sees all of it or none
        except OSError as error:
            if not _cached(folder):
                raise BuildError(f"building in {stage}: {error}") from error
        finally:
            shutil.rmtree(stage, ignore_errors=True)
        _prune(cache, keep=key, trim=trim)

    copy_tree(folder, out_dir)
    bundle = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    return {**bundle, "cached": cached, "key": key, "seconds": time.perf_counter() - started}


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="Build the Pyodide bundle into a folder.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--full", action="store_true", help="keep the whole stdlib (untrimmed)")
    args = parser.parse_args()
    built = build_bundle(args.out, root=Path.cwd(), trim=not args.full)
    print(f"{args.out}: bundle {built['key']} (cached: {built['cached']})")
