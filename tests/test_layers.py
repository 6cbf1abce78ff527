"""The build, the calculators and the developer tools are separate parts, and the build's packages
import only from layers below them (ARCHITECTURE.md, "Invariants")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from build_scripts.lib.paths import ROOT

# build_scripts' packages, lowest first: each imports only from lower layers and from itself.
LAYERS = {
    "lib": 0,
    "guidance": 1,
    "mdx": 1,
    "search": 2,
    "editions": 2,
    "security": 2,
    "offline": 2,
    "pyodide_bundle": 2,
    "pipeline": 3,
    "hooks": 4,
    "publish": 4,
}


def imports(path: Path) -> set[str]:
    """The absolute module names ``path`` imports."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found |= {node.module, *(f"{node.module}.{alias.name}" for alias in node.names)}
    return found


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [
        ("build_scripts", ("devtools", "tests")),
        ("calculators", ("build_scripts", "devtools", "tests")),
    ],
)
def test_a_part_does_not_import_the_parts_it_must_not_depend_on(package, forbidden) -> None:
    for path in modules(package):
        bad = {name for name in imports(path) if name.split(".")[0] in forbidden}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_no_build_module_imports_from_a_layer_above_it() -> None:
    for path in modules("build_scripts"):
        parts = path.relative_to(ROOT / "build_scripts").with_suffix("").parts
        if parts[0] == "__init__":
            continue
        own = LAYERS[parts[0]]
        for name in imports(path):
            target = name.split(".")
            if target[0] != "build_scripts" or len(target) < 2 or target[1] == parts[0]:
                continue
            assert LAYERS[target[1]] < own, (
                f"{path.relative_to(ROOT)} ({parts[0]}, layer {own}) imports {name} "
                f"(layer {LAYERS[target[1]]})"
            )
