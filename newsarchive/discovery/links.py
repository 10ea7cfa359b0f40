"""Links of a fetched page, sorted into what the crawler does with them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator
from urllib.parse import parse_qsl, urljoin, urlsplit

from parsel import Selector

from .pages import is_listing_url, is_media_url, looks_like_article_url
from .urls import canonical_url, same_site

NEXT_WORDS = re.compile(
    r"^\s*(selanjutnya|berikutnya|halaman berikutnya|next|next page|older posts|older|"
    r"weiter|suivant|siguiente|›|»|>)\s*[›»>]*\s*$",
    re.IGNORECASE,
)
PAGE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
SHOW_ALL_WORDS = re.compile(r"(tampilkan semua|lihat semua halaman|show all|single page)", re.IGNORECASE)
PAGE_QUERY_KEYS = ("page", "p", "halaman", "hal", "paged", "pg")


@dataclass
class PageLinks:
    """Same-site links of one page: probable articles, pagination, other pages."""

    articles: list[str] = field(default_factory=list)
    pagination: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)


def _absolute(base: str, href: str) -> str | None:
    href = href.strip()
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:", "whatsapp:")):
        return None
    url = urljoin(base, href)
    return url if url.startswith(("http://", "https://")) else None


def anchors(page: Selector, url: str) -> Iterator[tuple[str, str, str]]:
    """(absolute URL, text, rel) of every link, walking the lxml tree once (parsel per anchor is slow)."""
    base = page.css("base::attr(href)").get() or url
    for anchor in page.root.iter("a"):
        href = anchor.get("href")
        target = _absolute(base, href) if href else None
        if target:
            yield target, " ".join("".join(anchor.itertext()).split()), (anchor.get("rel") or "").lower()


def is_pagination_anchor(text: str, rel: str, url: str, page_url: str) -> bool:
    """Pagination of the current listing: rel=next, a next-page word, or a page number of it."""
    if "next" in rel.split():
        return True
    if _page_number(url) is not None and _strip_page(url) == _strip_page(page_url):
        return True
    return bool(NEXT_WORDS.match(text)) and not looks_like_article_url(url)


def _page_number(url: str) -> int | None:
    parts = urlsplit(url)
    for key, value in parse_qsl(parts.query):
        if key.lower() in PAGE_QUERY_KEYS and value.isdigit():
            return int(value)
    match = re.search(r"/(?:page|halaman)/(\d+)/?$", parts.path)
    return int(match.group(1)) if match else None


def _strip_page(url: str) -> str:
    parts = urlsplit(url)
    query = "&".join(
        f"{k}={v}" for k, v in parse_qsl(parts.query) if k.lower() not in PAGE_QUERY_KEYS
    )
    path = re.sub(r"/(?:page|halaman)/\d+/?$", "/", parts.path)
    return f"{parts.netloc}{path.rstrip('/')}?{query}"


def page_links(page: Selector, url: str, site: str) -> PageLinks:
    """Sort the same-site links of a page; each URL canonical, each listed once."""
    found = PageLinks()
    seen: set[str] = {canonical_url(url)}
    for target, text, rel in anchors(page, url):
        if not same_site(target, site) or is_media_url(target):
            continue
        target = canonical_url(target)
        if target in seen:
            continue
        seen.add(target)
        if is_pagination_anchor(text, rel, target, url):
            found.pagination.append(target)
        elif looks_like_article_url(target):
            found.articles.append(target)
        else:
            found.others.append(target)
    for link in page.css('link[rel="next"]::attr(href)').getall():
        target = _absolute(url, link)
        if target and same_site(target, site) and canonical_url(target) not in seen:
            found.pagination.append(canonical_url(target))
    found.feeds = feed_links(page, url)
    return found


def feed_links(page: Selector, url: str) -> list[str]:
    """Feeds the page declares with <link rel="alternate">."""
    hrefs = page.xpath(
        '//link[contains(@rel, "alternate")][contains(@type, "rss") or contains(@type, "atom")'
        ' or contains(@type, "xml")]/@href'
    ).getall()
    return [u for u in (_absolute(url, h) for h in hrefs) if u]


def canonical_of(page: Selector, url: str, site: str) -> str:
    """The page's `rel=canonical` when it is on the site, else the page's own URL; canonicalised."""
    href = page.css('link[rel="canonical"]::attr(href)').get()
    if href:
        target = urljoin(url, href.strip())
        if same_site(target, site):
            return canonical_url(target)
    return canonical_url(url)


def continuation_pages(page: Selector, url: str, article_url: str) -> tuple[str | None, str | None]:
    """For a split article: (show-all URL if offered, else the next page's URL).

    A next page continues the same article: its URL extends the article's
    (`/read/1/slug/2`, `/slug/2/`, `?page=2`) and is not a listing.
    """
    stem = canonical_url(article_url).rstrip("/").split("?")[0]
    current = canonical_url(url)
    show_all = None
    next_page = None
    for target, text, rel in anchors(page, url):
        if not target.startswith(stem.split("://", 1)[0]) or stem.split("://", 1)[1] not in target:
            continue  # cheap test before canonicalising: not this article's URL
        target = canonical_url(target)
        continues = target.rstrip("/").startswith(stem) and target != current
        if not continues or is_listing_url(target):
            continue
        query = dict(parse_qsl(urlsplit(target).query))
        if any(query.get(k) == "all" for k in PAGE_QUERY_KEYS) or SHOW_ALL_WORDS.search(text):
            show_all = show_all or target
        elif next_page is None and ("next" in rel.split() or NEXT_WORDS.match(text)):
            next_page = target
    return show_all, next_page


_PATH_PAGE = re.compile(r"^(?P<stem>.+?)/(?P<n>\d{1,2})/?$")  # `/read/1/slug/2`, `/slug/2/`
MAX_PAGE_NUMBER = 50


def first_page(page: Selector, url: str) -> str | None:
    """The first page of the split article `url` is a later page of, else None.

    A later page has a page number in its URL (`/read/1/slug/3`, `/slug/3/`, `?page=3`)
    and links to the same URL without it, its first page; that first page must itself look
    like an article, so that `/berita/12` (item 12 of a section) is not page 12 of `/berita`.
    The page's own `rel=canonical` is not asked: split pages often name themselves.
    """
    current = canonical_url(url)
    parts = urlsplit(current)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k.lower() not in PAGE_QUERY_KEYS]
    numbered = [int(v) for k, v in parse_qsl(parts.query) if k.lower() in PAGE_QUERY_KEYS and v.isdigit()]
    path = parts.path
    if not numbered and (match := _PATH_PAGE.match(path)):
        numbered, path = [int(match["n"])], match["stem"] + ("/" if path.endswith("/") else "")
    if not numbered or not 2 <= numbered[0] <= MAX_PAGE_NUMBER:
        return None
    stem = canonical_url(parts._replace(path=path, query="&".join(f"{k}={v}" for k, v in query)).geturl())
    if stem == current or not looks_like_article_url(stem) or is_listing_url(stem):
        return None
    forms = {stem.rstrip("/"), stem.rstrip("/") + "/"}
    return stem if any(canonical_url(target) in forms for target, _, _ in anchors(page, url)) else None

