"""Where a crawl's state lives, from its settings alone (never the working directory): the
archive for a local crawl, or a state file and a shard for a fleet job, which opens no archive."""

from __future__ import annotations

import hashlib
import tempfile
from pathlib import Path

from scrapy.settings import BaseSettings
from scrapy.utils.conf import closest_scrapy_cfg

from ..errors import NewsarchiveError
from ..scheduling.lock import lock_folder
from ..storage import Archive
from ..warc.writer import warc_folder
from .state import SiteState, read_state, site_state


def is_fleet_job(settings: BaseSettings) -> bool:
    return bool(settings.get("NEWSARCHIVE_STATE"))


def archive_path(settings: BaseSettings) -> Path:
    """NEWSARCHIVE_DB; a relative path is read from the Scrapy project folder (scrapy.cfg's)."""
    path = Path(settings.get("NEWSARCHIVE_DB"))
    if path.is_absolute():
        return path
    if not (config := closest_scrapy_cfg()):
        raise NewsarchiveError(
            f"NEWSARCHIVE_DB={path} is relative and there is no project folder (scrapy.cfg) to read it"
            " from: give an absolute path, or NEWSARCHIVE_STATE and NEWSARCHIVE_SHARD for a fleet job"
        )
    return Path(config).parent / path


def locks_of(settings: BaseSettings) -> Path:
    """The folder of the per-site locks the spider takes."""
    if settings.get("NEWSARCHIVE_LOCK_DIR"):
        return Path(settings.get("NEWSARCHIVE_LOCK_DIR"))
    if is_fleet_job(settings):
        return Path(tempfile.gettempdir()) / "newsarchive-locks"
    return lock_folder(archive_path(settings))


def crawl_state(settings: BaseSettings, site: str) -> SiteState:
    """The site's state from the fleet job's state file, else from the archive."""
    if is_fleet_job(settings):
        return read_state(settings.get("NEWSARCHIVE_STATE"), site)
    with Archive(archive_path(settings)) as archive:
        return site_state(archive, site)


def warc_target(settings: BaseSettings) -> Path:
    """Where the crawl's WARC files are written: `warc/` beside the archive, or for a fleet job a
    spool folder of its own, shipped into the shard at its end (`shard.ShardWriter`)."""
    if is_fleet_job(settings):
        shard = hashlib.sha1(settings.get("NEWSARCHIVE_SHARD", "").encode()).hexdigest()[:16]
        return Path(tempfile.gettempdir()) / "newsarchive-warc" / shard
    return warc_folder(archive_path(settings))


def fleet_folder(db_path: str | Path) -> Path:
    """`fleet/` beside the archive: the state files dispatch writes (`state/`) and the shards
    ingest reads (`shards/`), unless told other places."""
    return Path(db_path).parent / "fleet"
