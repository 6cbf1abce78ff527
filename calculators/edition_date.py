"""The site's words for an edition and its effective date, in one place: every page's edition line,
its copied citations (written at build time from these words) and every record's heading (written
here, from the date the page sends) say "Edition 2, effective 1 April 2027", or "…, date not given"
where the content owner has given none (``editions/editions.toml``: the guidance as received has
no date of its own).
"""

from __future__ import annotations

import datetime
import re

__all__ = ["NOT_GIVEN", "dated_label", "effective_from_text", "effective_words"]

NOT_GIVEN = "date not given"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip
ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")  # ASCII digits only


def effective_words(effective: datetime.date | None) -> str:
    """ "effective 1 April 2027", or "date not given" (the site's words, never the locale's)."""
    if effective is None:
        return NOT_GIVEN
    return f"effective {effective.day} {MONTHS[effective.month - 1]} {effective.year}"


def dated_label(label: str, effective: datetime.date | None) -> str:
    """The edition as pages, citations and records name it: "Edition 1 (as received), date not
    given"."""
    return f"{label}, {effective_words(effective)}"


def effective_from_text(text: str) -> datetime.date | None:
    """The date as the page sends it: "" (none given) or a real date written 2027-04-01;
    anything else is a ``ValueError``."""
    if text == "":
        return None
    if not ISO_DATE.match(text):
        raise ValueError("not a date written 2027-04-01")
    return datetime.date.fromisoformat(text)  # a ValueError for 2027-02-30
