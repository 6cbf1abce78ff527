"""Every id of the checklists spec (P1…P16, C2-1…, C3-1…) has a test named after it.

The ids are read from the spec itself: the "(P1)" markers of its principles and the id column of
both correction tables. A test counts wherever it is under tests/, found by parsing the files
(functions named ``test_<id>_…``, the id lower-cased with "-" as "_")."""

from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).parent
SPEC = TESTS / "fixtures" / "checklists-spec.md"


def spec_ids() -> list[str]:
    text = SPEC.read_text(encoding="utf-8")
    principles = re.findall(r"\((P\d+)\)", text)
    rows = re.findall(r"^\|\s*(C[23]-\d+)\s*\|", text, flags=re.MULTILINE)
    return list(dict.fromkeys([*principles, *rows]))


def names_of_tests() -> set[str]:
    names = set()
    for path in TESTS.rglob("*.py"):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        except (SyntaxError, UnicodeDecodeError):
            continue
        names |= {
            node.name
            for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.name.startswith("test_")
        }
    return names


def prefix(spec_id: str) -> str:
    return f"test_{spec_id.lower().replace('-', '_')}_"


def test_the_spec_has_every_id_it_announces():
    expected = [f"P{n}" for n in range(1, 17)]
    expected += [f"C2-{n}" for n in range(1, 25)] + [f"C3-{n}" for n in range(1, 18)]
    assert sorted(spec_ids()) == sorted(expected)


def test_every_spec_id_has_a_test_named_after_it():
    names = names_of_tests()
    untested = [i for i in spec_ids() if not any(n.startswith(prefix(i)) for n in names)]
    assert untested == [], f"no test_<id>_… for: {', '.join(untested)}"
