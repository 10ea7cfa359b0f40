"""Per-source health: what each crawl archived, judged against the source's own past.

`record` keeps a crawl's health rows (computed by `metrics`, judged by `judge`); `report`
reads the latest verdict per source for `newsarchive health`; `alert` tells a person when a
source goes into alarm after `run-due`. Pages that are bot walls are told by `challenge`.
"""

from .alert import after_crawls
from .record import record_crawl_health
from .report import SourceHealth, health_report

__all__ = ["SourceHealth", "after_crawls", "health_report", "record_crawl_health"]
