"""The item pipelines as Scrapy runs them: extract -> normalise -> validate, on one item."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest
from scrapy.exceptions import DropItem

from newsarchive.items import FetchedArticle
from newsarchive.pipelines.extract import ExtractPipeline
from newsarchive.pipelines.normalise import NormalisePipeline
from newsarchive.pipelines.validate import ValidatePipeline

SEED_PAGE = (Path(__file__).parents[1] / "fixtures" / "seed-disway.html").read_text(encoding="utf-8")
URL = "https://radarpalembang.disway.id/read/635679/kolaborasi-bpjs-sumbagsel-dengan-kilang-pertamina-plaju-berdayakan-kelompok-disabilitas"


def run(item: FetchedArticle, since=None) -> FetchedArticle:
    crawler = SimpleNamespace(spider=SimpleNamespace(site_overrides=None, since_date=since))
    extract = ExtractPipeline(crawler)
    extract.open_spider()
    item = extract.process_item(item)
    item = NormalisePipeline().process_item(item)
    return ValidatePipeline(crawler).process_item(item)


def test_relative_dates_count_from_the_fetch_time() -> None:
    html = SEED_PAGE.replace("Sabtu 03-09-2022,14:05 WIB", "2 jam lalu")
    fetched = datetime(2024, 5, 1, 10, 0, tzinfo=timezone.utc)
    item = run(FetchedArticle(url=URL, site="radarpalembang.disway.id", pages=[(URL, html)], fetched_at=fetched))
    assert datetime.fromisoformat(item.article.published) == datetime(2024, 5, 1, 8, 0, tzinfo=timezone.utc)


def test_split_pages_are_merged_in_order() -> None:
    head, tail = SEED_PAGE.split("Keahlian Baru", 1)
    first = head + "</div></article></body></html>"
    second = SEED_PAGE.split("<p>", 1)[0] + "<p>Keahlian Baru" + tail
    item = run(FetchedArticle(url=URL, site="radarpalembang.disway.id", pages=[(URL, first), (URL + "/2", second)]))
    paragraphs = item.article.paragraphs
    assert paragraphs[0].startswith("PALEMBANG, RADAR PALEMBANG")
    assert paragraphs[-1].endswith("(dav)")
    assert len(paragraphs) == len(set(paragraphs))


def test_articles_before_since_are_dropped_with_a_reason() -> None:
    with pytest.raises(DropItem, match="before --since"):
        run(FetchedArticle(url=URL, site="x", pages=[(URL, SEED_PAGE)]), since=datetime(2023, 1, 1, tzinfo=timezone.utc))


def test_pages_without_text_are_dropped_with_a_reason() -> None:
    with pytest.raises(DropItem, match="no (title|body)"):
        run(FetchedArticle(url=URL, site="x", pages=[(URL, "<html><body><nav>Beranda</nav></body></html>")]))
