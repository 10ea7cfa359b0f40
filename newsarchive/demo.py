"""`make demo`: the bundled sample sites, crawled into an archive, then queried."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .crawler import CrawlTarget
from .errors import NewsarchiveError
from .sample_site import SampleSite
from .serving.terminal import clean, highlighted
from .scheduling.runner import crawl_locked
from .storage import Archive

DEMO_FAMILIES = ("disway", "wordpress")
DEMO_BASE_PORT = 8701  # fixed ports, so that a second demo finds the same sites (same archive rows)
DEMO_QUERY = "pertamina"
# The demo's sites are on this machine: no need to wait between requests.
DEMO_SETTINGS = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0, "NEWSARCHIVE_PROGRESS_INTERVAL": 0}


def run_demo(db_path: Path, base_port: int = DEMO_BASE_PORT, say: Callable[[str], None] = print) -> None:
    """Serve the sample sites on `base_port` and the next port, crawl them, report."""
    sites = {family: SampleSite(family) for family in DEMO_FAMILIES}
    try:
        for port, (family, site) in enumerate(sites.items(), start=base_port):
            try:
                site.start(host="127.0.0.1", port=port)
            except OSError as err:
                raise NewsarchiveError(f"cannot serve the sample site on port {port}: {err.strerror}") from err
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
        say(f"  {clean(source['source']):<24} {source['articles']:>4} articles  ({clean(source['site'])})")
    say("")
    say(f'Full-text search for "{DEMO_QUERY}":')
    for hit in archive.search(DEMO_QUERY, limit=5):
        say(f"  {clean(hit.published)[:16]:<16}  {clean(hit.source)}: {clean(hit.title)}")
        say(f"      {highlighted(hit, color=False)}")
    say("")
    say(f"Browse the archive: .venv/bin/newsarchive serve --db {db_path}")
    say(f'Search it:          .venv/bin/newsarchive search "banjir" --db {db_path}')
