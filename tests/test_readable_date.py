"""`readableDate` and `readableNumber` (docs/assets/js/lib/page.js), run in Node: the words
Chromium's en-GB long date, short time and whole numbers give, put together without Intl, whose
first use loads the locale's data inside a page's set-up (a long task Lighthouse counts as
blocking); and no page script calls Intl."""

import json
import os
import re
import subprocess

import pytest

from build_scripts.lib.paths import ROOT

SCRIPTS = ROOT / "docs" / "assets" / "js"
PAGE_JS = SCRIPTS / "lib" / "page.js"
INTL = re.compile(r"\.toLocale\w*String\(|\bIntl\.")
COMMENT = re.compile(r"^\s*(//|/?\*)")
# Every month; single- and two-digit days; midnight, noon, a minute past, a day's last minute.
TIMES = [(1, 0, 0), (9, 0, 5), (15, 12, 0), (28, 9, 7), (28, 23, 59)]
DATES = [[2026, month, day, hour, minute] for month in range(12) for day, hour, minute in TIMES]


@pytest.mark.node
def test_readable_date_says_what_intl_says_without_calling_it():
    script = f"""
    const dates = {json.dumps(DATES)}.map((parts) => new Date(...parts));
    const wanted = dates.map((d) =>
      d.toLocaleString("en-GB", {{ dateStyle: "long", timeStyle: "short" }}));
    const refuse = () => {{ throw new Error("Intl used"); }};
    Date.prototype.toLocaleString = Date.prototype.toLocaleDateString =
      Date.prototype.toLocaleTimeString = refuse;
    globalThis.Intl = new Proxy({{}}, {{ get: refuse }});
    const {{ readableDate }} = await import({json.dumps(PAGE_JS.as_uri())});
    console.log(JSON.stringify({{ wanted, got: dates.map((d) => readableDate(d)) }}));
    """
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        capture_output=True, text=True, check=False, env={**os.environ, "TZ": "Europe/London"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["got"] == result["wanted"]
    assert result["got"][0] == "1 January 2026 at 00:00"


NUMBERS = [0, 7, 42, 999, 1000, 1001, 12000, 99999, 100000, 1234567]


@pytest.mark.node
def test_readable_number_says_what_intl_says_without_calling_it():
    script = f"""
    const numbers = {json.dumps(NUMBERS)};
    const wanted = numbers.map((n) => n.toLocaleString("en-GB"));
    const refuse = () => {{ throw new Error("Intl used"); }};
    Number.prototype.toLocaleString = refuse;
    globalThis.Intl = new Proxy({{}}, {{ get: refuse }});
    const {{ readableNumber }} = await import({json.dumps(PAGE_JS.as_uri())});
    console.log(JSON.stringify({{ wanted, got: numbers.map((n) => readableNumber(n)) }}));
    """
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["got"] == result["wanted"]
    assert result["got"][-1] == "1,234,567"


def test_no_page_script_calls_intl():
    """notes.js's character counts once called `toLocaleString` as a checklist page set up."""
    calls = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted(SCRIPTS.rglob("*.js"))
        if "vendor" not in path.parts
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if INTL.search(line) and not COMMENT.match(line)
    ]
    assert not calls, f"Intl called by a page script (use lib/page.js's readable*): {calls}"
