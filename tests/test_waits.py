"""The browser tests' waits can fail: Playwright's ``wait_for_function`` takes the Promise an async
predicate returns for a truthy value and returns at once, so a wait on an async predicate waits
for nothing (seven did: an offline copy, a worker gone, an earlier edition stored, the
clipboard). Such a wait goes through ``tests/support/browser.wait_until``, which awaits it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).parent


def async_waits(source: str) -> list[int]:
    """The lines where ``wait_for_function`` is given an async predicate: written there, or a
    module constant, or an f-string that starts with one."""
    tree = ast.parse(source)
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name) and isinstance(node.value.value, str)
    }
    found = []
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "wait_for_function"
            and node.args
        ):
            continue
        first = node.args[0]
        if isinstance(first, ast.JoinedStr) and first.values:
            first = first.values[0]
        text = (
            first.value
            if isinstance(first, ast.Constant)
            else constants.get(first.id, "")
            if isinstance(first, ast.Name)
            else ""
        )
        if isinstance(text, str) and text.lstrip().startswith("async"):
            found.append(node.lineno)
    return found


def test_the_check_finds_an_async_predicate_however_it_is_written():
    source = """
GONE = "async () => !(await caches.keys()).length"
page.wait_for_function("async () => false")
page.wait_for_function(GONE, polling=200)
page.wait_for_function(f"async () => {x}")
page.wait_for_function("() => true")
"""
    assert async_waits(source) == [3, 4, 5]


@pytest.mark.parametrize("path", sorted(TESTS.rglob("*.py")), ids=lambda p: p.name)
def test_no_browser_test_waits_on_an_async_predicate_with_wait_for_function(path):
    assert async_waits(path.read_text(encoding="utf-8")) == [], f"{path}: use wait_until"
