"""The site registry: sites by name, their intervals and the overrides they carry."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..crawler import CrawlTarget
from ..discovery.urls import site_of
from ..errors import NewsarchiveError
from ..extraction.overrides import SiteOverrides
from ..storage import Archive

INTERVAL = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$", re.IGNORECASE)
UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
# Registry settings that go to the spider as arguments (the only per-site crawl configuration).
SPIDER_OVERRIDES = ("start_urls", "allowed_hosts", "allowed_paths", "article_pattern")


def parse_interval(text: str) -> int:
    """'90s', '30m', '1h', '2d', '1w' -> seconds."""
    match = INTERVAL.match(text)
    if not match or int(match.group(1)) == 0:
        raise NewsarchiveError(f"not an interval: {text!r} (use a number and s, m, h, d or w, e.g. 1h)")
    return int(match.group(1)) * UNIT_SECONDS[match.group(2).lower()]


def check_home_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise NewsarchiveError(f"not a site URL: {url!r} (give the home page, e.g. https://example.com/)")
    return url


def check_settings(settings: dict[str, Any]) -> dict[str, Any]:
    """Registry overrides, checked now so that a typo fails at `sites add`, not at 3 a.m."""
    for key in ("allowed_paths", "article_pattern"):
        if settings.get(key):
            try:
                re.compile(settings[key])
            except re.error as err:
                raise NewsarchiveError(f"bad {key.replace('_', '-')} pattern {settings[key]!r}: {err}") from None
    extraction = {k: v for k, v in (settings.get("extraction") or {}).items() if v}
    SiteOverrides.from_dict(extraction)
    settings = {**settings, "extraction": extraction}
    return {k: v for k, v in settings.items() if v}


def default_name(url: str) -> str:
    return site_of(url).removeprefix("www.").replace(":", "-")


def target_for(target: str, db_path: Path) -> CrawlTarget:
    """A URL as it is, or a registered name with its overrides."""
    if "://" in target:
        return CrawlTarget(check_home_url(target))
    entry = None
    if Path(db_path).exists():
        with Archive(db_path, create=False) as archive:
            entry = archive.get_site(target)
    if entry is None:
        raise NewsarchiveError(f"no site named {target!r} in {db_path} (see `newsarchive sites list`)")
    return target_from_entry(entry)


def target_from_entry(entry: dict[str, Any]) -> CrawlTarget:
    settings = entry.get("settings") or {}
    spider_args = {key: settings[key] for key in SPIDER_OVERRIDES if settings.get(key)}
    if settings.get("extraction"):
        spider_args["overrides"] = settings["extraction"]
    return CrawlTarget(entry["url"], name=entry["name"], spider_args=spider_args)


def due_sites(db_path: Path, now: datetime) -> list[CrawlTarget]:
    """Registered sites whose interval has passed since their last crawl started."""
    if not Path(db_path).exists():
        return []
    due = []
    with Archive(db_path, create=False) as archive:
        entries = archive.list_sites()
    for entry in entries:
        last = entry.get("last_started")
        if not last or datetime.fromisoformat(last) + timedelta(seconds=entry["every_seconds"]) <= now:
            due.append(target_from_entry(entry))
    return due


def add_site(
    db_path: Path,
    url: str,
    *,
    name: str | None = None,
    every: str = "1h",
    settings: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Register a site by its home page URL; the name defaults to its host."""
    entry = {
        "name": name or default_name(check_home_url(url)),
        "url": check_home_url(url),
        "every_seconds": parse_interval(every),
        "settings": check_settings(settings or {}),
    }
    with Archive(db_path) as archive:
        return archive.add_site(**entry)
