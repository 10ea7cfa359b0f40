"""At the end of a crawl: its health per source, judged and kept in the archive's `health` table."""

from __future__ import annotations

import logging
from typing import Any

from ..storage import Archive
from ..storage.rows import now
from .judge import Thresholds, judge
from .metrics import crawl_metrics

log = logging.getLogger("newsarchive.health")


def record_crawl_health(archive: Archive, crawl_id: int, stats: dict[str, Any], limits: Thresholds) -> list[dict[str, Any]]:
    """Compute, judge and store the crawl's health rows (one per source); returns them."""
    crawl = archive.crawl(crawl_id)
    recorded = []
    for row in crawl_metrics(archive, crawl, stats, limits.min_body):
        earlier = archive.health_count(row["source"], crawl_id)
        baseline = archive.health_history(row["source"], crawl_id, limits.baseline_crawls, baseline=True)
        row["status"], row["alarms"] = judge(row, earlier, baseline, limits)
        row["checked"] = now()
        archive.add_health(row)
        if row["alarms"]:
            log.warning("health alarm for %s: %s", row["source"], ", ".join(a["metric"] for a in row["alarms"]))
        recorded.append(row)
    return recorded
