"""The site runs on a free loopback port and serves each family's pages and feeds."""

from __future__ import annotations

import pytest

from newsarchive.sample_site import SampleSite, serve_sample_sites


@pytest.mark.parametrize(
    ("site", "paths"),
    [
        ("disway", ["", "indeks", "rss", "robots.txt"]),
        ("wordpress", ["", "feed/", "sitemap_index.xml", "post-sitemap.xml", "robots.txt"]),
        ("faults", ["", "feed/", "sitemap_index.xml"]),
    ],
    indirect=["site"],
)
def test_serves_listing_feed_and_sitemap(site: SampleSite, paths: list[str], fetch)  -> None:
    for path in paths:
        assert fetch(site.base_url + path).status == 200, path
    assert site.base_url.startswith("http://127.0.0.1:")
    assert [entry[2] for entry in site.request_log] == [200] * len(paths)


@pytest.mark.parametrize("site", ["disway", "wordpress"], indirect=True)
def test_every_expected_article_is_served_with_canonical_page_one(site: SampleSite, fetch) -> None:
    for record in site.expected():
        page = fetch(record["url"])
        assert page.status == 200, record["url"]
        assert f'<link rel="canonical" href="{record["url"]}">' in page.text
        assert record["source"] in page.text


@pytest.mark.parametrize("site", ["disway", "wordpress"], indirect=True)
def test_non_article_pages_are_served(site: SampleSite, fetch) -> None:
    urls = site.non_article_urls()
    assert urls and not set(urls) & {r["url"] for r in site.expected()}
    for url in urls:
        assert fetch(url).status == 200, url


def test_disway_has_no_sitemap_but_robots_allows_all(site: SampleSite, fetch) -> None:
    assert fetch(site.base_url + "sitemap.xml").status == 404
    robots = fetch(site.base_url + "robots.txt").text
    assert "Allow: /" in robots and "Sitemap" not in robots


def test_serve_sample_sites_yields_both_families_and_stops(fetch) -> None:
    with serve_sample_sites() as urls:
        assert set(urls) == {"disway", "wordpress"}
        assert "Radar Palembang" in fetch(urls["disway"]).text
        assert "Kabar Banua" in fetch(urls["wordpress"]).text
    with pytest.raises(OSError):
        fetch(urls["disway"])
