"""Whether a known page may have changed, judged on the site's own clock.

A site's dates often trail the real clock, are local time without an offset, or give only
the day (`<lastmod>2025-06-01</lastmod>`). So what a sitemap or feed says of a page now is
compared with what the site said at the page's last fetch (the date then announced, else
the page's own modified or published date), never with the time we fetched it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol


class KnownDates(Protocol):
    """What the archive holds of a page that dates it (as written by the site)."""

    announced: str | None
    modified: str | None
    published: str | None


def _read(value: str) -> datetime | date | None:
    """A W3C date-time as written: naive stays naive, a bare day stays a `date`."""
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    try:
        return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
    except ValueError:
        return None


def compare(now: str, then: str) -> int | None:
    """1 if `now` is later than `then` on the site's clock, 0 if not, None if one cannot tell.

    A naive time is read in the other date's offset (the site's local time); a bare day is
    compared by day, as the other date's own offset puts it, and the same day cannot tell.
    """
    a, b = _read(now), _read(then)
    if a is None or b is None:
        return None
    if not isinstance(a, datetime) or not isinstance(b, datetime):
        day_a = a.date() if isinstance(a, datetime) else a
        day_b = b.date() if isinstance(b, datetime) else b
        return None if day_a == day_b else int(day_a > day_b)
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = (a.replace(tzinfo=b.tzinfo), b) if a.tzinfo is None else (a, b.replace(tzinfo=a.tzinfo))
    return int(a > b)


def may_have_changed(announced: str | None, known: KnownDates) -> bool:
    """Whether a sitemap's or feed's date for a known page calls for a (conditional) fetch.

    The same statement as at the last fetch means unchanged; a later one, changed; when one
    cannot tell (no date kept, a bare day equal to the page's), one conditional request is cheap.
    """
    if not announced:
        return False
    if known.announced:
        return announced.strip() != known.announced.strip() and compare(announced, known.announced) != 0
    reference = known.modified or known.published
    return reference is None or compare(announced, reference) != 0


def out_of_order(dates: Sequence[datetime | None]) -> list[bool]:
    """For entries listed newest first: which ones sit above a newer entry.

    An old article back at the top of a feed or listing was bumped there, usually because
    it was edited. `None` is an entry of unknown date: it says nothing either way.
    """
    newest_below: datetime | None = None
    flags = [False] * len(dates)
    for position in range(len(dates) - 1, -1, -1):
        moment = dates[position]
        if moment is None:
            continue
        flags[position] = newest_below is not None and moment < newest_below
        newest_below = moment if newest_below is None else max(newest_below, moment)
    return flags
