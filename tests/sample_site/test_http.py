"""Conditional requests and mutations, for incremental-crawl tests."""

from __future__ import annotations

import pytest

from newsarchive.sample_site import SampleSite


@pytest.mark.parametrize("site", ["disway", "wordpress"], indirect=True)
def test_conditional_get_returns_304(site: SampleSite, fetch) -> None:
    url = site.expected()[0]["url"]
    first = fetch(url)
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert fetch(url, {"If-None-Match": etag}).status == 304
    assert fetch(url, {"If-None-Match": f"W/{etag}, \"x\""}).status == 304
    assert fetch(url, {"If-Modified-Since": modified}).status == 304
    assert fetch(url, {"If-None-Match": '"other"'}).status == 200
    assert [status for _, _, status in site.request_log] == [200, 304, 304, 304, 200]


@pytest.mark.parametrize("site", ["disway", "wordpress"], indirect=True)
def test_revise_changes_etag_body_and_sitemap_or_feed(site: SampleSite, fetch) -> None:
    record = site.expected()[3]
    article_id = site.store.by_slug(record["url"].rstrip("/").rsplit("/", 1)[1]).id
    etag = fetch(record["url"]).headers["ETag"]
    revised = site.revise(article_id, new_paragraph="Pembaruan: data korban telah diperbarui pukul 18.00.")
    page = fetch(record["url"], {"If-None-Match": etag})
    assert page.status == 200 and page.headers["ETag"] != etag
    assert revised["body_paragraphs"][-2].startswith("Pembaruan:")
    assert revised["modified"] > record["published"]
    if site.family.name == "disway":  # the CMS feed puts the edited story back on top, under its old pubDate
        feed = fetch(site.base_url + "rss").text
        assert feed.index(revised["url"]) < feed.index(site.expected()[0]["url"])
        assert "Diperbarui:" in fetch(record["url"]).text
    else:
        assert revised["modified"][:19] in fetch(site.base_url + "post-sitemap.xml").text


def test_publish_next_appears_on_home_and_feed(site: SampleSite, fetch) -> None:
    before = len(site.expected())
    new = site.publish_next()
    assert len(site.expected()) == before + 1 and site.expected()[0]["url"] == new["url"]
    path = new["url"].removeprefix(site.base_url.rstrip("/"))
    assert path in fetch(site.base_url).text
    assert new["url"] in fetch(site.base_url + "rss").text
    assert fetch(new["url"]).status == 200


@pytest.mark.parametrize("site", ["disway", "wordpress"], indirect=True)
def test_synthetic_sites_render_on_request(site: SampleSite, fetch) -> None:
    big = SampleSite(site.family.name, synthetic=2100)
    big.start()
    try:
        records = big.expected()
        assert len(records) == 2100 and len({r["url"] for r in records}) == 2100
        last = fetch(records[-1]["url"])
        assert last.status == 200 and records[-1]["title"] in last.text
        if site.family.name == "wordpress":
            index = fetch(big.base_url + "sitemap_index.xml").text
            assert index.count("<sitemap>") == 3
        else:
            assert 'rel="next"' in fetch(big.base_url + "indeks?page=209").text
    finally:
        big.stop()
