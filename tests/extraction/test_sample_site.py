"""Every article of the bundled sample site extracts exactly (both CMS families).

The pages are fetched from the site on 127.0.0.1; split articles are fetched page by
page, following the page's own next link, and merged before normalising, as the
crawler's pipeline does.
"""

from __future__ import annotations

import urllib.request

import pytest

from newsarchive.extraction import extract_raw, merge_pages
from newsarchive.normalisation import normalise
from newsarchive.sample_site import SampleSite

FIELDS = ("url", "site", "source", "title", "caption", "photo_credit", "dateline", "published",
          "modified", "authors", "editors", "section", "tags", "language")


def _fetch(url: str) -> tuple[bytes, str | None]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read(), response.headers.get_content_charset()


def _article(url: str, pages: int):
    raws = []
    for _ in range(pages):
        html, _charset = _fetch(url)
        raws.append(extract_raw(html, url))
        url = raws[-1].next_page
        if len(raws) < pages:
            assert url, f"no next-page link on page {len(raws)} of {raws[0].url}"
    return normalise(merge_pages(raws))


@pytest.fixture(scope="module", params=["disway", "wordpress"])
def site(request):
    with SampleSite(request.param) as running:
        yield running


def test_every_article_exact(site):
    expected = site.expected()
    assert len(expected) >= 10
    problems = []
    for record in expected:
        article = _article(record["url"], record["pages"])
        got = article.to_dict()
        for name in FIELDS:
            if got[name] != record[name]:
                problems.append(f"{record['url']} {name}: {got[name]!r} != {record[name]!r}")
        if article.paragraphs != record["body_paragraphs"]:
            problems.append(f"{record['url']} body: {article.paragraphs!r} != {record['body_paragraphs']!r}")
    assert not problems, f"{len(problems)} mismatches:\n" + "\n".join(problems[:40])
