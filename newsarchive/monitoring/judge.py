"""Judging one crawl of a source against that source's own recent crawls.

A metric alarms only when it moved far (a field share fell below half its baseline, an
error or block rate rose by `rate_rise`) and the move is too unlikely to be chance at the
crawl's size (`significance`). A field the source never filled has nothing to fall from.
The baseline is the source's last `baseline_crawls` crawls that were not in alarm, so a
change stays in alarm until it is fixed; a source with fewer than `grace_crawls` earlier
crawls is "new".
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Any

from ..storage.schema import HEALTH_FIELDS
from .significance import binomial_at_least, binomial_at_most, poisson_at_most

# rate metric -> (its count, the count it is a share of)
RATES = {"errors": ("errors", "requests"), "blocked": ("blocked", "responses")}


@dataclass(frozen=True)
class Thresholds:
    """The settings `NEWSARCHIVE_HEALTH_*` (defaults in `newsarchive.settings`)."""

    baseline_crawls: int
    grace_crawls: int
    significance: float
    field_drop: float
    rate_rise: float
    min_body: int

    @classmethod
    def from_settings(cls, settings: Any) -> "Thresholds":
        return cls(
            baseline_crawls=settings.getint("NEWSARCHIVE_HEALTH_BASELINE_CRAWLS"),
            grace_crawls=settings.getint("NEWSARCHIVE_HEALTH_GRACE_CRAWLS"),
            significance=settings.getfloat("NEWSARCHIVE_HEALTH_SIGNIFICANCE"),
            field_drop=settings.getfloat("NEWSARCHIVE_HEALTH_FIELD_DROP"),
            rate_rise=settings.getfloat("NEWSARCHIVE_HEALTH_RATE_RISE"),
            min_body=settings.getint("NEWSARCHIVE_HEALTH_MIN_BODY"),
        )


def _alarm(metric: str, baseline: float, now: float) -> dict[str, Any]:
    return {"metric": metric, "baseline": round(baseline, 2), "now": round(now, 2)}


def _share(metric: str, row: dict, baseline: list[dict], count: str, total: str, limits: Thresholds,
           rising: bool) -> dict | None:
    """An alarm if the share `count`/`total` moved far and significantly from the pooled baseline."""
    n, k = row[total], row[count]
    pooled_n, pooled_k = sum(b[total] for b in baseline), sum(b[count] for b in baseline)
    if not n or not pooled_n:
        return None
    before, now = pooled_k / pooled_n, k / n
    smoothed = (pooled_k + 1) / (pooled_n + 2)  # never 0 or 1: one crawl cannot be "impossible"
    if rising:
        far = now >= before + limits.rate_rise
        unlikely = binomial_at_least(k, n, smoothed) < limits.significance
    else:
        far = now < before * (1 - limits.field_drop)
        unlikely = binomial_at_most(k, n, smoothed) < limits.significance
    return _alarm(metric, before, now) if far and unlikely else None


def _yield(row: dict, baseline: list[dict], limits: Thresholds) -> dict | None:
    """An alarm if a finished incremental crawl found far fewer new articles than usual."""
    usual = [b["new"] for b in baseline if b["crawl_status"] == "finished" and b["incremental"]]
    if row["crawl_status"] != "finished" or not row["incremental"] or not usual:
        return None
    median = statistics.median(usual)
    far = row["new"] < median * (1 - limits.field_drop)
    if far and poisson_at_most(row["new"], median) < limits.significance:
        return _alarm("yield", median, row["new"])
    return None


def judge(
    row: dict[str, Any], earlier: int, baseline: list[dict[str, Any]], limits: Thresholds
) -> tuple[str, list[dict[str, Any]]]:
    """("new" | "ok" | "alarm", alarms) for a crawl's row, given how many crawls of the source
    came before and the baseline: its latest earlier rows not in alarm, at most `baseline_crawls`."""
    if earlier < limits.grace_crawls:
        return "new", []
    found = [_share(name, row, baseline, name, "articles", limits, rising=False) for name in HEALTH_FIELDS]
    found.append(_yield(row, baseline, limits))
    found += [_share(metric, row, baseline, count, total, limits, rising=True)
              for metric, (count, total) in RATES.items()]
    alarms = [alarm for alarm in found if alarm]
    return ("alarm" if alarms else "ok"), alarms
