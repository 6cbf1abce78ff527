"""Trimming the stdlib zip: the keep list, the STORED trimmed zip, flat line tables. (The trimmed
bundle running every checklist is tested in test_node.py.)"""

from __future__ import annotations

import importlib.util
import marshal
import zipfile

import pytest

from build_scripts.pyodide_bundle.stdlib_trim import (
    StaleKeepList,
    flat_pyc,
    kept_members,
    read_keep,
    restore_stored,
)


def pyc(source: str) -> bytes:
    """A .pyc file's bytes for ``source``."""
    return importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(compile(source, "m", "exec"))


NAMES = ["a.pyc", "json/", "json/__init__.pyc", "json/decoder.pyc", "x/", "x/y/", "x/y/z.pyc"]


def test_read_keep_ignores_comments_and_blank_lines():
    assert read_keep("# header\n\njson/__init__.pyc  # why\n a.pyc\n") == {
        "json/__init__.pyc",
        "a.pyc",
    }


@pytest.mark.parametrize(
    ("keep", "expected"),
    [
        ({"a.pyc"}, ["a.pyc"]),
        ({"json/decoder.pyc"}, ["json/", "json/decoder.pyc"]),
        ({"x/y/z.pyc"}, ["x/", "x/y/", "x/y/z.pyc"]),
        (set(), []),
    ],
)
def test_kept_members_are_the_listed_ones_and_their_folders_in_zip_order(keep, expected):
    assert kept_members(NAMES, keep) == expected


def test_a_stale_keep_list_fails():
    with pytest.raises(StaleKeepList, match="make stdlib-keep"):
        kept_members(NAMES, {"gone.pyc"})


def test_restore_stored_keeps_only_the_listed_members_uncompressed(tmp_path):
    source, target = tmp_path / "in.zip", tmp_path / "out.zip"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as z:
        for name in NAMES:
            z.writestr(name, b"" if name.endswith("/") else pyc(f"NAME = {name!r}"))
    restore_stored(source, target, {"json/decoder.pyc", "a.pyc"})
    with zipfile.ZipFile(target) as z:
        assert z.namelist() == ["a.pyc", "json/", "json/decoder.pyc"]
        assert {i.compress_type for i in z.infolist()} == {zipfile.ZIP_STORED}
        namespace: dict = {}
        exec(marshal.loads(z.read("json/decoder.pyc")[16:]), namespace)
        assert namespace["NAME"] == "json/decoder.pyc"
    restore_stored(source, target, None)
    assert zipfile.ZipFile(target).namelist() == NAMES


def test_flat_pyc_runs_the_same_with_every_line_the_first():
    source = "def f(x):\n    y = x + 1\n    return [y, sys._getframe().f_lineno]\n"
    compiled = pyc("import sys\n" + source + "result = f(1)\n")
    flat = flat_pyc(compiled)
    assert flat[:16] == compiled[:16]
    assert len(flat) < len(compiled)
    namespace: dict = {}
    exec(marshal.loads(flat[16:]), namespace)
    assert namespace["result"] == [2, 2]  # f starts on line 2 of the module
