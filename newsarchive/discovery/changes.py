"""Whether a known page may have changed, judged on the site's own clock.

A site's dates often trail the real clock, are local time without an offset, or give only
the day (`<lastmod>2025-06-01</lastmod>`). So what a sitemap or feed says of a page now is
compared with what the site said at the page's last fetch (the date then announced, else
the page's own modified or published date), never with the time we fetched it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime, tzinfo
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


def compare(now: str, then: str, zone: tzinfo | None = None) -> int | None:
    """1 if `now` is later than `then` on the site's clock, 0 if not, None if one cannot tell.

    A naive time is local time: read in `zone` (the site's offset) when given, else in the
    other date's offset. A bare day is compared by day, in that same local time, and the same
    day cannot tell.
    """
    a, b = _read(now), _read(then)
    if a is None or b is None:
        return None
    if zone is not None:
        a, b = (_localised(d, zone) for d in (a, b))
    if not isinstance(a, datetime) or not isinstance(b, datetime):
        day_a = a.date() if isinstance(a, datetime) else a
        day_b = b.date() if isinstance(b, datetime) else b
        return None if day_a == day_b else int(day_a > day_b)
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = (a.replace(tzinfo=b.tzinfo), b) if a.tzinfo is None else (a, b.replace(tzinfo=a.tzinfo))
    return int(a > b)


def _localised(moment: datetime | date, zone: tzinfo) -> datetime | date:
    """A date-time in the site's local time (a naive one taken as already local); a day as is."""
    if not isinstance(moment, datetime):
        return moment
    return moment.replace(tzinfo=zone) if moment.tzinfo is None else moment.astimezone(zone)


def may_have_changed(announced: str | None, known: KnownDates) -> bool:
    """Whether a sitemap's or feed's date for a known page calls for a (conditional) fetch.

    Against the date kept from the last fetch (perhaps from the site's other sitemap or
    feed), only a later one is a change: a bare day equal to it cannot reveal a same-day edit.
    With no date kept, the page's own dates decide, and where they cannot (none, or the same
    bare day), one conditional request is cheap. Local times are read in the page's offset.
    """
    if not announced:
        return False
    reference = known.modified or known.published
    zone = parsed.tzinfo if reference and isinstance(parsed := _read(reference), datetime) else None
    if known.announced:
        return announced.strip() != known.announced.strip() and compare(announced, known.announced, zone) == 1
    return reference is None or compare(announced, reference, zone) != 0


def site_zone(dates: Iterable[str | None]) -> tzinfo | None:
    """The offset most of a site's pages state their dates in: its local time."""
    zones = Counter(d.tzinfo for text in dates if text and isinstance(d := _read(text), datetime) and d.tzinfo)
    return zones.most_common(1)[0][0] if zones else None


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
