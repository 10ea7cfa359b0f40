"""`ingest`: finished shards stored in the archive, each exactly once, by the archive's one writer.

A shard is a folder whose `done.json` exists (`shard.ShardWriter` writes it last); each is
stored in one transaction, through the crawl's own store stage (`pipelines.store.store_item`)
at the fetch times the job recorded, with a `crawls` row and health as a local crawl leaves.
A shard stored before (table `shards`) is skipped, so ingesting twice changes nothing.
"""

from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from pathlib import Path

from ..crawler import project_settings
from ..errors import NewsarchiveError
from ..extensions.crawlrecord import close_crawl
from ..pipelines.store import store_item
from ..scheduling.lock import site_lock
from ..storage import Archive
from ..warc.reader import html_responses
from ..warc.writer import warc_folder
from .job import fleet_folder
from .shard import MARKER, fetched_article

INGEST_LOCK = "fleet-ingest"  # one ingest at a time (a name no site has)


def finished_shards(source: Path) -> list[Path]:
    """The shard folders under `source` that are complete, in name order."""
    return sorted(marker.parent for marker in Path(source).glob(f"*/{MARKER}"))


def ingest(db_path: Path, source: Path | None = None) -> tuple[Counter, dict[str, str]]:
    """Store the finished shards under `source` (`fleet/shards/` beside the archive, which may not
    exist yet) not stored yet. Returns the counts ("shards", "already ingested", "records", and
    the store outcomes "new", "updated", "unchanged") and the damaged shards, name -> why (left
    out, nothing of them stored)."""
    if source is not None and not Path(source).is_dir():
        raise NewsarchiveError(f"no shard folder at {source}")
    source = source or fleet_folder(db_path) / "shards"
    settings = project_settings(db_path)
    counts: Counter = Counter()
    damaged: dict[str, str] = {}
    with site_lock(db_path, INGEST_LOCK) as held:
        if not held:
            raise NewsarchiveError("another ingest into this archive is running; try again later")
        with Archive(db_path) as archive:
            for folder in finished_shards(source):
                if archive.shard_ingested(folder.name):
                    counts["already ingested"] += 1
                    continue
                try:
                    counts.update(ingest_shard(archive, folder, settings))
                except (OSError, ValueError, KeyError, TypeError) as err:  # its transaction rolled back
                    damaged[folder.name] = f"{err.__class__.__name__}: {err}"
                    continue
                counts["shards"] += 1
    return counts, damaged


def ingest_shard(archive: Archive, folder: Path, settings) -> Counter:
    """One shard in one transaction: its crawl row, its articles, their WARC captures, its health."""
    done = json.loads((folder / MARKER).read_text())
    captures = _copy_warcs(archive, folder, done["warc"])
    outcomes: Counter = Counter()
    with archive.transaction():
        crawl_id = archive.start_crawl(done["site"], started=done["started"])
        for name in done["articles"]:
            path = folder / name
            if not path.exists():  # a job that found nothing stores no feed file
                continue
            with open(path, encoding="utf-8") as lines:
                for line in lines:
                    record = json.loads(line)
                    item = fetched_article(record)
                    outcomes[store_item(archive, item, crawl_id, seen=record["seen"])] += 1
                    found = [captures.get(url) for url, _ in item.pages]
                    if any(found):
                        archive.point_to_warc(item.url, found)
        stats = {**done["stats"], **{f"newsarchive/{outcome}": n for outcome, n in outcomes.items()}}
        close_crawl(archive, crawl_id, done["status"], stats, settings, finished=done["finished"])
        archive.add_shard(folder.name, crawl_id, sum(outcomes.values()))
    return Counter(records=sum(outcomes.values())) + outcomes


def _copy_warcs(archive: Archive, folder: Path, names: list[str]) -> dict[str, tuple[str, int]]:
    """The shard's WARC files copied into `warc/` beside the archive (named after the shard, as
    nodes may share a file name); page URL -> (file, offset) of its response record."""
    target = warc_folder(archive.path)
    copies = []
    for name in names:
        copy = target / f"{folder.name}-{Path(name).name}"
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / name, copy)
        with open(copy, "rb") as durable:  # rows will point here and drop their HTML copy
            os.fsync(durable.fileno())
        copies.append(copy)
    return {capture.url: (capture.file.name, capture.offset) for capture in html_responses(copies, Counter())}
