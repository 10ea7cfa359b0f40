"""The faults site misbehaves exactly as crawler tests expect."""

from __future__ import annotations

import time

import pytest

from newsarchive.sample_site import SampleSite

pytestmark = pytest.mark.parametrize("site", ["faults"], indirect=True)


def test_transient_503_then_200(site: SampleSite, fetch) -> None:
    url = site.fault_urls()["transient"]
    first = fetch(url)
    assert first.status == 503 and first.headers["Retry-After"] == "1"
    assert [fetch(url).status for _ in range(2)] == [503, 200]


def test_redirect_chain_reaches_an_article_and_loop_never_ends(site: SampleSite, fetch) -> None:
    urls = site.fault_urls()
    hop = fetch(urls["redirect_chain"], follow=False)
    assert hop.status == 301 and hop.headers["Location"] == "/go/berita-pilihan-2/"
    assert fetch(site.base_url.rstrip("/") + hop.headers["Location"], follow=False).status == 302
    final = fetch(urls["redirect_chain"])
    assert final.status == 200 and urls["redirect_target"].removeprefix(site.base_url.rstrip("/")) in final.text
    locations = {fetch(site.base_url + f"putar/{x}/", follow=False).headers["Location"] for x in "ab"}
    assert locations == {"/putar/a/", "/putar/b/"}


def test_windows_1252_declared_only_in_the_header(site: SampleSite, fetch) -> None:
    page = fetch(site.fault_urls()["windows_1252"])
    assert page.headers["Content-Type"] == "text/html; charset=windows-1252"
    assert b"<meta charset" not in page.body
    assert "“Warga menyebutnya kafé rakyat – tempat".encode("cp1252") in page.body
    record = next(r for r in site.expected() if r["url"] == site.fault_urls()["windows_1252"])
    assert any("kafé" in p for p in record["body_paragraphs"])


def test_page_all_split_pdf_calendar_and_dead_sitemap_entry(site: SampleSite, fetch) -> None:
    urls = site.fault_urls()
    record = next(r for r in site.expected() if urls["page_all"].startswith(r["url"]))
    whole = fetch(urls["page_all"]).text
    assert all(p in whole for p in record["body_paragraphs"][1:])
    second = fetch(record["url"] + "?page=2").text
    assert record["body_paragraphs"][-1] not in second and "?page=all" in second
    pdf = fetch(urls["pdf"])
    assert pdf.headers["Content-Type"] == "application/pdf" and pdf.body.startswith(b"%PDF")
    assert 'href="/kalender/2025/05/"' in fetch(urls["calendar"]).text
    assert 'href="/kalender/1999/12/"' in fetch(site.base_url + "kalender/2000/01/").text
    assert urls["missing"] in fetch(site.base_url + "post-sitemap.xml").text
    assert fetch(urls["missing"]).status == 404


def test_home_links_every_fault_and_tracking_duplicates(site: SampleSite, fetch) -> None:
    home = fetch(site.base_url).text
    base = site.base_url.rstrip("/")
    for name in ("redirect_chain", "redirect_loop", "calendar", "pdf", "huge", "page_all"):
        assert site.fault_urls()[name].removeprefix(base).replace("&", "&amp;") in home, name
    assert home.count("utm_source=") >= 2
    assert len(fetch(site.fault_urls()["huge"]).body) >= 3 * 1024 * 1024


def test_broken_html_and_slow_page_still_hold_their_article(site: SampleSite, fetch) -> None:
    urls = site.fault_urls()
    broken = fetch(urls["broken_html"]).text
    assert "</div></span><main" in broken
    record = next(r for r in site.expected() if r["url"] == urls["broken_html"])
    assert record["title"] in broken
    started = time.monotonic()
    assert fetch(urls["slow"]).status == 200
    assert time.monotonic() - started >= 1.4
