"""Judging a crawl against its source's baseline: real changes alarm, noise and absent fields do not."""

from __future__ import annotations

import json
import math

import pytest
from scrapy.settings import Settings

from newsarchive.monitoring.challenge import is_challenge
from newsarchive.monitoring.judge import Thresholds, judge
from newsarchive.monitoring.metrics import field_checks
from newsarchive.monitoring.significance import binomial_at_least, binomial_at_most, poisson_at_most
from newsarchive.sample_site.layout_change import CHALLENGE_PAGE
from newsarchive.storage.schema import HEALTH_COUNTS, HEALTH_FIELDS


def limits(**changes) -> Thresholds:
    settings = Settings()
    settings.setmodule("newsarchive.settings")
    settings.update({f"NEWSARCHIVE_HEALTH_{k.upper()}": v for k, v in changes.items()})
    return Thresholds.from_settings(settings)


def crawl(articles: int = 20, new: int = 20, *, missing: dict[str, int] | None = None,
          requests: int = 40, errors: int = 0, blocked: int = 0, status: str = "finished") -> dict:
    """A health row: `articles` new or changed articles (`new` of them new), every field filled
    except the `missing` counts."""
    row = dict.fromkeys(HEALTH_COUNTS, 0)
    row.update({name: articles - (missing or {}).get(name, 0) for name in HEALTH_FIELDS})
    row.update(articles=articles, new=new, requests=requests,
               responses=requests, errors=errors, blocked=blocked, crawl_status=status, incremental=1,
               status="ok")  # fmt: skip
    return row


def metrics(status_alarms: tuple[str, list[dict]]) -> set[str]:
    return {alarm["metric"] for alarm in status_alarms[1]}


def test_a_field_that_falls_from_ninety_to_five_percent_alarms() -> None:
    baseline = [crawl(20, missing={"caption": 2}) for _ in range(5)]
    status, alarms = judge(crawl(20, missing={"caption": 19}), 5, baseline, limits())
    assert status == "alarm"
    assert alarms == [{"metric": "caption", "baseline": 0.9, "now": 0.05}]


def test_a_field_the_source_never_had_is_no_alarm() -> None:
    baseline = [crawl(20, missing={"dateline": 20, "photo_credit": 19}) for _ in range(5)]
    assert judge(crawl(20, missing={"dateline": 20, "photo_credit": 20}), 5, baseline, limits()) == ("ok", [])


def test_a_small_crawl_missing_a_field_by_chance_is_no_alarm() -> None:
    baseline = [crawl(20, missing={"section": 2}) for _ in range(5)]  # 90% have a section
    assert judge(crawl(2, missing={"section": 2}), 5, baseline, limits()) == ("ok", [])
    # ... but five articles in a row without one is not chance
    assert metrics(judge(crawl(5, missing={"section": 5}), 5, baseline, limits())) == {"section"}


def test_a_short_body_is_not_counted_as_a_body() -> None:
    check = field_checks(min_body=250)
    row = {"title": "T", "body": "Kami menggunakan cookie.", "published": "2025-01-01T10:00:00",
           "authors": "[]", "caption": " ", "photo_credit": None, "dateline": "PALU", "section": "X",
           "image_url": "http://x/1.jpg"}
    assert {name for name, ok in check.items() if ok(row)} == {"title", "dateline", "section", "image_url"}
    row.update(body="x" * 250, published="2025-01-01T10:00:00+07:00", authors=json.dumps(["A"]))
    assert {"body", "published", "authors"} <= {name for name, ok in check.items() if ok(row)}


def test_a_new_source_is_new_during_its_grace_period() -> None:
    baseline = [crawl(20) for _ in range(2)]
    assert judge(crawl(20, missing={"title": 20}), 2, baseline, limits()) == ("new", [])
    assert judge(crawl(20, missing={"title": 20}), 2, baseline, limits(grace_crawls=2))[0] == "alarm"


def test_yield_alarms_when_a_busy_source_finds_nothing_new() -> None:
    baseline = [crawl(20, new=n) for n in (18, 22, 20, 19, 25)]
    assert judge(crawl(0, new=0), 5, baseline, limits()) == ("alarm", [{"metric": "yield", "baseline": 20, "now": 0}])
    assert judge(crawl(12, new=12), 5, baseline, limits()) == ("ok", [])  # a quiet hour
    # a source that usually has two new articles may well have none
    assert judge(crawl(0, new=0), 5, [crawl(2, new=2) for _ in range(5)], limits()) == ("ok", [])
    # a crawl stopped at --max-articles is not judged on its yield
    assert judge(crawl(0, new=0, status="stopped"), 5, baseline, limits()) == ("ok", [])


def test_block_and_error_rates_alarm_when_they_rise_far() -> None:
    baseline = [crawl(20, blocked=1, errors=1) for _ in range(5)]
    assert metrics(judge(crawl(0, requests=30, blocked=30, errors=20), 5, baseline, limits())) == {"blocked", "errors"}
    assert judge(crawl(20, blocked=3, errors=3), 5, baseline, limits()) == ("ok", [])


def test_alarmed_crawls_are_left_out_of_the_baseline_by_the_caller() -> None:
    """The judge pools what it is given; with no baseline it cannot alarm."""
    assert judge(crawl(20, missing={"caption": 20}), 5, [], limits()) == ("ok", [])


@pytest.mark.parametrize("n, p", [(5, 0.5), (30, 0.9), (200, 0.03)])
def test_tail_probabilities_are_distributions(n: int, p: float) -> None:
    for k in range(n):
        assert binomial_at_most(k, n, p) + binomial_at_least(k + 1, n, p) == pytest.approx(1.0)
    assert binomial_at_most(0, n, p) == pytest.approx((1 - p) ** n)
    assert poisson_at_most(0, 20.0) == pytest.approx(math.exp(-20))
    assert poisson_at_most(3, 2.0) == pytest.approx(math.exp(-2) * (1 + 2 + 2 + 4 / 3))


def test_challenge_pages_are_told_from_articles() -> None:
    assert is_challenge({}, CHALLENGE_PAGE.encode())
    assert is_challenge({b"cf-mitigated": b"challenge"}, b"<html></html>")
    article = (b"<html><head><title>Banjir di Palu</title></head><body><article><p>Banjir.</p></article>"
               b'<form class="comment"><div class="g-recaptcha"></div></form></body></html>')
    assert not is_challenge({}, article)
