"""A crawl's health numbers per source: its new or changed articles' fields, and its requests.

Fields are counted filled only when valid: a body of a sane length, a publication date with
its UTC offset, at least one author. Request numbers come from the crawl's Scrapy stats.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import defaultdict
from typing import Any

from ..storage import Archive
from ..storage.schema import HEALTH_FIELDS

_OFFSET = re.compile(r"(?:[+-]\d{2}:\d{2}|Z)$")


def field_checks(min_body: int) -> dict[str, Any]:
    """field -> whether an article row has it filled and valid."""
    text = lambda name: lambda row: bool((row[name] or "").strip())  # noqa: E731
    checks = {name: text(name) for name in HEALTH_FIELDS}
    checks["body"] = lambda row: len(row["body"] or "") >= min_body
    checks["published"] = lambda row: bool(_OFFSET.search(row["published"] or ""))
    checks["authors"] = lambda row: bool(json.loads(row["authors"] or "[]"))
    return checks


def request_counts(stats: dict[str, Any]) -> dict[str, int]:
    """The crawl's request numbers from Scrapy's stats (`requests` leaves retries out)."""
    lost_to_http = sum(v for k, v in stats.items() if k.startswith("newsarchive/given_up/HTTP "))
    return {
        "requests": stats.get("downloader/request_count", 0) - stats.get("retry/count", 0),
        "responses": stats.get("downloader/response_count", 0),
        "errors": stats.get("newsarchive/given_up", 0) + stats.get("spider_exceptions/count", 0),
        "http_errors": lost_to_http,
        "blocked": stats.get("newsarchive/health/blocked", 0),
        "challenges": stats.get("newsarchive/health/challenges", 0),
        "not_modified": stats.get("downloader/response_status_count/304", 0),
        "article_pages": stats.get("newsarchive/pages/article", 0),
        "listing_pages": stats.get("newsarchive/pages/listing", 0),
    }


def body_quantiles(lengths: list[int]) -> dict[str, int | None]:
    """p10, median and p90 of the body lengths in characters (None without articles)."""
    if not lengths:
        return {"body_p10": None, "body_median": None, "body_p90": None}
    deciles = statistics.quantiles(lengths, n=10, method="inclusive") if len(lengths) > 1 else [lengths[0]] * 9
    return {"body_p10": round(deciles[0]), "body_median": round(statistics.median(lengths)),
            "body_p90": round(deciles[-1])}


def crawl_metrics(archive: Archive, crawl: dict[str, Any], stats: dict[str, Any], min_body: int) -> list[dict[str, Any]]:
    """One row of numbers per source the crawl archived (or the site's known sources, if none)."""
    by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in archive.crawl_articles(crawl["id"], crawl["started"]):
        by_source[row["source"] or row["site"]].append(row)
    for name in archive.sources_of_site(crawl["site"]) or ([] if by_source else [crawl["site"]]):
        by_source.setdefault(name, [])
    checks = field_checks(min_body)
    requests = request_counts(stats)
    return [
        {
            "crawl_id": crawl["id"], "site": crawl["site"], "source": source,
            "crawl_status": crawl["status"], "incremental": int(bool(stats.get("newsarchive/incremental"))),
            "articles": len(rows),
            "new": sum(1 for row in rows if row["first_seen"] >= crawl["started"]),
            **{name: sum(1 for row in rows if check(row)) for name, check in checks.items()},
            **body_quantiles([len(row["body"] or "") for row in rows]),
            **requests,
        }
        for source, rows in sorted(by_source.items())
    ]  # fmt: skip
