"""A naive crawler starting at the home page finds every article and no dead link."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin, urlsplit

import pytest

from newsarchive.sample_site import SampleSite


@pytest.mark.parametrize("site", ["disway", "wordpress"], indirect=True)
def test_every_article_is_reachable_from_home_without_dead_links(site: SampleSite, fetch) -> None:
    host = urlsplit(site.base_url).netloc
    seen, queue, dead = {site.base_url}, [site.base_url], []
    while queue:
        url = queue.pop()
        page = fetch(url)
        if page.status != 200:
            dead.append((url, page.status))
            continue
        if not page.headers["Content-Type"].startswith("text/html"):
            continue
        for href in re.findall(r'<a [^>]*href="([^"#]+)"', page.text):
            link = urljoin(url, unescape(href))
            if urlsplit(link).netloc == host and link not in seen:
                seen.add(link)
                queue.append(link)
    assert dead == []
    assert {r["url"] for r in site.expected()} <= seen
