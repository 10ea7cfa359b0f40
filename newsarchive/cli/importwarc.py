"""`newsarchive import-warc`: backfill the archive from WARC files (any crawler's, CC-NEWS)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import click

from .base import cli, db_option

DAY = click.DateTime(formats=["%Y-%m-%d"])


@cli.command("import-warc")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--site", "sites", multiple=True, metavar="HOST", help="Only pages of this host (repeatable).")
@click.option("--since", type=DAY, help="Only articles published (else captured) on or after this date (YYYY-MM-DD).")
@click.option("--until", type=DAY, help="Only articles published (else captured) on or before this date (YYYY-MM-DD).")
@click.option("--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="the core count",
              help="Processes extracting pages (one writes).")
@db_option()
def import_warc(paths: tuple[Path, ...], sites: tuple[str, ...], since: datetime | None,
                until: datetime | None, jobs: int, db_path: Path) -> None:
    """Archive the HTML responses of WARC files (FILE or DIR ...) as a crawl of them would."""
    from ..warc.importer import import_warc as run, total_bytes  # heavy, and only needed here

    with progress_bar(total_bytes(paths)) as progress:
        counts = run(paths, db_path, sites, since and since.date(), until and until.date(), jobs, progress)
    stored = ", ".join(f"{counts[k]} {k}" for k in ("new", "updated", "unchanged"))
    click.echo(f"records read: {counts['records']}; articles: {stored}")
    for reason, n in sorted((k, v) for k, v in counts.items() if k.startswith("skipped")):
        click.echo(f"  {reason.removeprefix('skipped: ')}: {n}")


@contextmanager
def progress_bar(total: int) -> Iterator[Callable[[int, int], None] | None]:
    """`progress(records, bytes read)` drawing a bar on stderr (records/s, ETA by bytes) when
    stderr is a terminal; None otherwise, so that piped or logged output is the counts alone."""
    if not sys.stderr.isatty():
        yield None
        return
    start = time.monotonic()

    def rate(records: int | None) -> str:
        return f"{records} records, {records / max(time.monotonic() - start, 1e-6):,.0f}/s" if records else ""

    with click.progressbar(length=max(total, 1), label="reading", file=sys.stderr, item_show_func=rate) as bar:
        yield lambda records, done: bar.update(done - bar.pos, records)
