"""The search worker patch: paragraph numbers match exactly, other terms keep their wildcard."""

import subprocess

import pytest

from build_scripts.lib.errors import BuildError
from build_scripts.search.worker_patch import ORIGINAL, patch_worker

WORKER = "f=t=>t.map(r=>" + ORIGINAL + ");"


def run_transform(source: str, terms: list[str]) -> list[str]:
    """Evaluate the (patched) map over query terms in Node, as the worker does."""
    script = source + f"console.log(JSON.stringify(f({terms!r})));"
    out = subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True)
    return eval(out.stdout)


@pytest.mark.node  # the patched rule is run in Node
def test_paragraph_numbers_lose_the_wildcard_and_words_keep_it():
    patched = patch_worker(WORKER)
    assert run_transform(patched, ["2.1", "3.10", "harm", "+x", "2."]) == [
        "2.1",
        "3.10",
        "harm*",
        "+x",
        "2.*",
    ]
    assert run_transform(WORKER, ["2.1"]) == ["2.1*"]


def test_patching_twice_changes_nothing():
    assert patch_worker(patch_worker(WORKER)) == patch_worker(WORKER)


def test_a_changed_worker_fails_loudly():
    with pytest.raises(BuildError, match="search worker changed"):
        patch_worker("function somethingElse(){}")
