"""Each date form of regional pages, with the offset it must carry."""

from datetime import datetime, timezone

import pytest

from newsarchive.extract import extract_article
from newsarchive.extraction.dates import parse_relative, parse_visible

URL_ID = "https://warta.example.id/read/1/perbaikan-jalan"


@pytest.mark.parametrize("visible, expected", [
    ("Sabtu, 03 September 2022 | 14:05 WIB", "2022-09-03T14:05:00+07:00"),
    ("Sabtu 03-09-2022,14:05 WIB", "2022-09-03T14:05:00+07:00"),
    ("Senin, 6 Januari 2025 09:15 WIB", "2025-01-06T09:15:00+07:00"),
    ("Kamis, 12 Desember 2024 10:00 WITA", "2024-12-12T10:00:00+08:00"),
    ("Jumat, 1 Maret 2024 - 16:30 WIT", "2024-03-01T16:30:00+09:00"),
    ("Jum'at, 9 Agustus 2024 pukul 07.45 WIB", "2024-08-09T07:45:00+07:00"),
    ("3 Agt 2022 14:05 WIB", "2022-08-03T14:05:00+07:00"),
    ("Monday, September 5, 2022 2:05 PM EDT", "2022-09-05T14:05:00-04:00"),
    ("5. September 2022, 14:05 Uhr MESZ", "2022-09-05T14:05:00+02:00"),
], ids=["id-long-pipe", "id-numeric-disway", "id-long", "wita", "wit", "jumat-pukul-dot",
        "id-abbrev-month", "en-us-ampm-zone", "de-uhr-zone"])
def test_visible_date_with_named_zone(page, visible, expected):
    article = extract_article(page(meta_line=f'<span class="date">{visible}</span>'), URL_ID)
    assert article.published == expected


def test_day_only_date_stays_a_day_when_parsed():
    assert parse_visible("3 Sep 2022", None) == "2022-09-03"


def test_day_only_date_on_page_is_midnight_in_the_site_zone(page):
    html = page(meta_line='<span class="date">3 Sep 2022</span>')
    assert extract_article(html, URL_ID).published == "2022-09-03T00:00:00+07:00"


def test_no_zone_named_uses_site_country(page):
    article = extract_article(page(meta_line='<span class="date">Sabtu, 03 September 2022 14:05</span>'), URL_ID)
    assert article.published == "2022-09-03T14:05:00+07:00"


def test_no_zone_german_site_uses_cet_with_dst(page):
    html = page(meta_line='<span class="date">5. September 2022, 14:05 Uhr</span>', lang="de")
    assert extract_article(html, "https://zeitung.example.de/a/1").published == "2022-09-05T14:05:00+02:00"


def test_structured_date_with_offset_wins(page):
    head = '<meta property="article:published_time" content="2022-09-03T07:05:00+00:00">'
    html = page(head=head, meta_line='<span class="date">Sabtu, 03 September 2022 14:05 WIB</span>')
    assert extract_article(html, URL_ID).published == "2022-09-03T07:05:00+00:00"


def test_naive_structured_date_takes_visible_zone(page):
    head = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","datePublished":"2022-09-03 14:05:00"}</script>'
    html = page(head=head, meta_line='<span class="date">03/09/2022 14:05 WITA</span>')
    assert extract_article(html, URL_ID).published == "2022-09-03T14:05:00+08:00"


def test_modified_kept_apart(page):
    head = ('<meta property="article:published_time" content="2022-09-03T14:05:00+07:00">'
            '<meta property="article:modified_time" content="2022-09-04T08:00:00+07:00">')
    article = extract_article(page(head=head), URL_ID)
    assert (article.published, article.modified) == ("2022-09-03T14:05:00+07:00", "2022-09-04T08:00:00+07:00")


def test_date_outside_the_article_is_ignored(page):
    html = page().replace('<footer>', '<div class="sidebar"><span class="date">Senin, 6 Januari 2025 09:15 WIB</span></div><footer>')
    assert extract_article(html, URL_ID).published is None


@pytest.mark.parametrize("text, expected", [
    ("2 jam lalu", "2022-09-03T12:05:00+07:00"),
    ("30 menit yang lalu", "2022-09-03T13:35:00+07:00"),
    ("3 hours ago", "2022-09-03T11:05:00+07:00"),
    ("vor 5 Minuten", "2022-09-03T14:00:00+07:00"),
])
def test_relative_dates(text, expected):
    now = datetime.fromisoformat("2022-09-03T14:05:00+07:00")
    assert parse_relative(text, now) == expected


def test_relative_date_on_page_needs_fetch_time(page):
    html = page(meta_line='<span class="date">2 jam lalu</span>')
    assert extract_article(html, URL_ID).published is None
    fetched = datetime(2022, 9, 3, 7, 5, tzinfo=timezone.utc)
    assert extract_article(html, URL_ID, fetched_at=fetched).published == "2022-09-03T05:05:00+00:00"


@pytest.mark.parametrize("visible, url", [
    ("3 septembre 2022 à 14h05", "https://journal.example.fr/a/1"),
    ("3 de septiembre de 2022 a las 14:05", "https://diario.example.es/a/1"),
    ("3 settembre 2022 alle 14:05", "https://giornale.example.it/a/1"),
], ids=["fr", "es", "it"])
def test_romance_language_dates(page, visible, url):
    html = page(meta_line=f'<span class="date">{visible}</span>', lang=url.rsplit(".", 1)[1][:2])
    assert extract_article(html, url).published == "2022-09-03T14:05:00+02:00"


def test_date_in_a_language_without_rule_table(page):
    html = page(meta_line='<span class="date">3 września 2022 14:05</span>', lang="pl")
    assert extract_article(html, "https://gazeta.example.pl/a/1").published == "2022-09-03T14:05:00+02:00"


def test_unclassed_date_starting_with_a_day_name(page):
    html = page(meta_line='<span>Sabtu, 03 September 2022 | 14:05 WIB</span>').replace('<div class="meta">', "<div>")
    assert extract_article(html, URL_ID).published == "2022-09-03T14:05:00+07:00"


def test_naive_time_on_a_us_english_page_is_eastern(page):
    head = '<meta property="article:published_time" content="2024-04-25T04:21:02">'
    html = page(head=head, lang="en-US")
    assert extract_article(html, "https://magazine.example.com/a/1").published == "2024-04-25T04:21:02-04:00"


def test_turkish_month_names(page):
    html = page(meta_line='<span class="date">Cumartesi, 3 Eylül 2022 14:05</span>', lang="tr")
    assert extract_article(html, "https://haber.example.com.tr/a/1").published == "2022-09-03T14:05:00+03:00"


def test_one_digit_hour_and_impossible_dates_never_raise(page):
    """A one-digit hour is read; a date that cannot exist is no date, and the page is kept."""
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"x",'
          '"datePublished":"2022-05-11T4:10:00+02:00","dateModified":"2022-13-45T25:99:00"}</script>')
    article = extract_article(page(head=ld), URL_ID)
    assert article.published == "2022-05-11T04:10:00+02:00"
    assert article.modified is None and article.body
