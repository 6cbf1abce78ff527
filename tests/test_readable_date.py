"""`readableDate` (docs/assets/js/lib/page.js), run in Node: the words Chromium's en-GB long date
and short time give, put together without Intl, whose first use loads the locale's data inside
every page's set-up (a long task Lighthouse counts as blocking)."""

import json
import os
import subprocess

import pytest

from build_scripts.lib.paths import ROOT

PAGE_JS = ROOT / "docs" / "assets" / "js" / "lib" / "page.js"
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
