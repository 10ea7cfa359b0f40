"""Change decisions on the site's clock: what a sitemap or feed says now against what it said then."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import pytest

from newsarchive.discovery.changes import compare, may_have_changed, out_of_order, site_zone


@dataclass
class Known:
    announced: str | None = None
    modified: str | None = None
    published: str | None = None


@pytest.mark.parametrize("now, then, expected", [
    ("2025-06-02T10:00:00+08:00", "2025-06-02T09:59:59+08:00", 1),
    ("2025-06-02T01:00:00Z", "2025-06-02T09:00:00+08:00", 0),  # the same moment, another offset
    ("2025-06-02T10:00:00", "2025-06-02T09:00:00+08:00", 1),  # local time without an offset
    ("2025-06-02T08:00:00", "2025-06-02T09:00:00+08:00", 0),  # read as UTC it would look newer
    ("2025-06-03", "2025-06-02T23:00:00+08:00", 1),  # a bare day after the page's day
    ("2025-06-02", "2025-06-02T23:00:00+08:00", None),  # the same day: cannot tell
    ("2025-06-01", "2025-06-02T00:30:00+08:00", 0),
    ("not a date", "2025-06-02", None),
])
def test_compare_on_the_sites_clock(now, then, expected):
    assert compare(now, then) == expected


def test_same_statement_as_last_fetch_is_unchanged_even_for_a_bare_day():
    assert not may_have_changed("2025-06-02", Known(announced="2025-06-02", modified="2025-06-02T10:00:00+08:00"))
    assert may_have_changed("2025-06-03", Known(announced="2025-06-02"))
    assert not may_have_changed("2025-06-02T02:00:00+00:00", Known(announced="2025-06-02T10:00:00+08:00"))


def test_without_a_kept_statement_the_pages_own_dates_decide():
    assert may_have_changed("2025-06-02T12:00:00+08:00", Known(modified="2025-06-02T10:00:00+08:00"))
    assert not may_have_changed("2025-06-02T10:00:00+08:00", Known(modified="2025-06-02T10:00:00+08:00"))
    assert may_have_changed("2025-06-02", Known(published="2025-06-02T10:00:00+08:00"))  # in doubt: ask
    assert may_have_changed("2025-06-02", Known())
    assert not may_have_changed(None, Known(published="2020-01-01T00:00:00+07:00"))


def test_dates_behind_our_clock_still_count_as_changes():
    lagging = datetime.now(timezone.utc) - timedelta(days=3)
    assert may_have_changed(lagging.isoformat(), Known(modified=(lagging - timedelta(hours=1)).isoformat()))


def test_an_old_entry_above_newer_ones_was_bumped():
    day = datetime(2025, 6, 1, tzinfo=timezone.utc)
    dates = [day - timedelta(days=30), day, None, day - timedelta(days=1), day - timedelta(days=2)]
    assert out_of_order(dates) == [True, False, False, False, False]
    assert out_of_order([day, day - timedelta(days=1)]) == [False, False]


def test_a_date_kept_from_the_feed_meets_the_sitemaps_other_format():
    """The page was last fetched through the feed (UTC); the sitemap writes local time or the day."""
    known = Known(announced="2025-06-01T17:30:00+00:00", published="2025-06-02T01:30:00+08:00")
    assert not may_have_changed("2025-06-02T01:30:00", known)  # local time without an offset: the same moment
    assert not may_have_changed("2025-06-02", known)  # the same local day: no later statement
    assert may_have_changed("2025-06-02T01:31:00", known)
    assert may_have_changed("2025-06-03", known)


def test_site_zone_is_the_offset_most_pages_state():
    zone = site_zone(["2025-06-01T08:00:00-05:00", "2025-06-02T09:00:00-05:00", "2025-06-02T14:00:00+00:00", None])
    assert zone == timezone(timedelta(hours=-5))
    # a child sitemap in local time, an hour after the newest date kept (a feed's, in UTC)
    assert compare("2025-06-02T10:00:00", "2025-06-02T14:00:00+00:00", zone) == 1
    assert site_zone([None]) is None
