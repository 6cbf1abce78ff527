"""`make lock`'s last step: add every file's sha256 from PyPI to exact pins, for --require-hashes.

    python -m devtools.hash_lock requirements.lock [more.lock …]

Each ``name==version`` line gets the hashes of every file PyPI has for that release (wheels for
every platform and the sdist), read from PyPI's JSON simple API, so ``pip install
--require-hashes`` accepts whichever file pip picks on any machine and nothing else.
"""

from __future__ import annotations

import json
import re
import sys
import urllib.request
from pathlib import Path

PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)")
SIMPLE = "https://pypi.org/simple/{}/"


def normalise(name: str) -> str:
    """A project's name as PyPI's simple API spells it (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def release_hashes(name: str, version: str) -> list[str]:
    """The sha256 of every file of ``name`` ``version`` on PyPI, sorted."""
    request = urllib.request.Request(
        SIMPLE.format(normalise(name)), headers={"Accept": "application/vnd.pypi.simple.v1+json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        files = json.load(response)["files"]
    project = "[-_.]".join(re.escape(part) for part in normalise(name).split("-"))
    stem = re.compile(rf"^{project}-{re.escape(version)}[-.]")
    found = sorted(
        f["hashes"]["sha256"]
        for f in files
        if stem.match(f["filename"].lower()) and not f.get("yanked")
    )
    if not found:
        raise SystemExit(f"hash_lock: PyPI has no files for {name}=={version}")
    return found


def hashed(text: str) -> str:
    """The lock's text with ``--hash`` options on every pin (comments kept)."""
    lines = []
    for line in text.splitlines():
        line = line.split(" \\")[0] if PIN.match(line) else line
        if line.lstrip().startswith("--hash") or (not line.strip() and lines and lines[-1] == ""):
            continue
        match = PIN.match(line)
        if not match:
            lines.append(line)
            continue
        hashes = release_hashes(*match.groups())
        lines.append(" \\\n".join([line.strip(), *(f"    --hash=sha256:{h}" for h in hashes)]))
    return "\n".join(lines) + "\n"


def main(paths: list[str]) -> None:
    for path in map(Path, paths):
        path.write_text(hashed(path.read_text(encoding="utf-8")), encoding="utf-8")
        print(f"{path}: hashes added")


if __name__ == "__main__":
    main(sys.argv[1:])
