"""`make demo`: the bundled sample sites, crawled into an archive, then queried."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .crawler import CrawlTarget
from .errors import NewsarchiveError
from .sample_site import SampleSite
from .scheduling.runner import crawl_locked
from .storage import Archive

DEMO_PORTS = {"disway": 8701, "wordpress": 8702}  # fixed, so that a second demo finds the same sites
DEMO_QUERY = "pertamina"
# The demo's sites are on this machine: no need to wait between requests.
DEMO_SETTINGS = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "NEWSARCHIVE_PROGRESS_INTERVAL": 0}


def run_demo(db_path: Path, say: Callable[[str], None] = print) -> None:
    sites = {family: SampleSite(family) for family in DEMO_PORTS}
    try:
        for family, site in sites.items():
            try:
                site.start(host="127.0.0.1", port=DEMO_PORTS[family])
            except OSError as err:
                raise NewsarchiveError(f"cannot serve the sample site on port {DEMO_PORTS[family]}: {err.strerror}") from err
            say(f"sample site ({family}) serving at {site.base_url}")
        targets = [CrawlTarget(site.base_url) for site in sites.values()]
        results, _ = crawl_locked(targets, db_path, settings=DEMO_SETTINGS)
    finally:
        for site in sites.values():
            site.stop()
    for result in results:
        counts = ", ".join(f"{v} {k}" for k, v in result.counts.items())
        say(f"crawled {result.target.url}: {result.status}; {counts}")
    archive = Archive(db_path)
    say("")
    say("Archived, per source:")
    for source in archive.stats()["sources"]:
        say(f"  {source['source']:<24} {source['articles']:>4} articles  ({source['site']})")
    say("")
    say(f'Full-text search for "{DEMO_QUERY}":')
    for hit in archive.search(DEMO_QUERY, limit=5):
        say(f"  {hit.published or '':<25} {hit.source}: {hit.title}")
        say(f"      {hit.snippet}")
    say("")
    say(f"Browse the archive: .venv/bin/newsarchive serve --db {db_path}")
    say(f'Search it:          .venv/bin/newsarchive search "banjir" --db {db_path}')
