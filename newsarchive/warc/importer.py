"""`import-warc`: the HTML responses of WARC files (any crawler's, CC-NEWS included)
archived as a crawl of those pages would have archived them.

The same steps as a crawl: extraction's verdict picks the articles, a split article is
followed through its pages (found in the files by URL) and merged, then normalised,
validated (in worker processes) and stored with `Archive.store` at the capture's date by
one writer, so that importing a file twice changes nothing.
"""

from __future__ import annotations

import pickle
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import lru_cache, partial
from itertools import accumulate
from pathlib import Path

from parsel import Selector

from ..discovery.links import canonical_of, continuation_pages, first_page
from ..discovery.urls import canonical_url, same_site, site_of
from ..errors import NewsarchiveError
from ..article import Article
from ..extraction import RawArticle, extract_raw, merge_pages
from ..normalisation import normalise
from ..parallel import BATCH, workers
from ..storage import Archive
from .reader import Capture, html_responses, page_at, response_of, warc_files

MAX_PAGES_PER_ARTICLE = 20  # as the crawl's NEWSARCHIVE_MAX_PAGES_PER_ARTICLE
Pages = list[tuple[str, str]]


def import_warc(
    paths: Iterable[str | Path],
    db_path: str | Path,
    sites: Iterable[str] = (),
    since: date | None = None,
    until: date | None = None,
    jobs: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> Counter:
    """Import the files (and the WARC files under the folders) into the archive.

    `sites` keeps only those hosts (and their `www.` twins); `since`/`until` (inclusive)
    keep articles by publication date, or by capture date where the page states none.
    `jobs` processes extract pages, a batch at a time (`parallel`), then merge the split
    articles; this one alone writes.
    `progress(records, bytes)` is told after each batch how far the reading is (of
    `total_bytes(paths)`).
    Returns the counts: "records", "new"/"updated"/"unchanged", "skipped: REASON".
    """
    files = warc_files(paths)
    if missing := [str(p) for p in files if not p.is_file()]:
        raise NewsarchiveError(f"no such WARC file: {missing[0]}")
    hosts = list(sites)
    counts: Counter = Counter()
    where: dict[str, tuple[Path, int]] = {}  # canonical URL -> its capture, to find later pages
    split: list[tuple[Capture, RawArticle]] = []  # first pages of split articles, merged once every page was read
    wanted = (c for c in html_responses(files, counts) if _kept(c, hosts, counts))
    before = dict(zip(files, accumulate((p.stat().st_size for p in files), initial=0)))  # bytes of the files before each
    with Archive(db_path) as archive, workers(jobs) as pool:
        pending = _Pending(archive, since, until, counts)
        for n, (capture, (verdict, article, found)) in enumerate(pool.map(examine, wanted)):
            if progress and n % BATCH == 0:
                progress(counts["records"], before[capture.file] + capture.offset)
            where[canonical_url(capture.url)] = (capture.file, capture.offset)
            if verdict == "split":
                split.append((capture, found))
            elif article is None:
                counts[verdict] += 1
            else:
                pending.add(capture, article, [(capture.url, found)])
        with _shared(where) as lookup:  # the workers find the later pages through it
            for (capture, _), (verdict, article, pages) in pool.map(partial(merged_at, lookup), split):
                if article is None:
                    counts[verdict] += 1
                else:
                    pending.add(capture, article, pages)
        pending.flush()
    if progress:
        progress(counts["records"], total_bytes(files))
    return counts


def total_bytes(paths: Iterable[str | Path]) -> int:
    """The size of the WARC files an import of `paths` reads."""
    return sum(p.stat().st_size for p in warc_files(paths) if p.is_file())


@contextmanager
def _shared(where: dict[str, tuple[Path, int]]) -> Iterator[str]:
    """The capture of every canonical URL read, in a file for the worker processes to load once."""
    with tempfile.NamedTemporaryFile(prefix="newsarchive-captures-", suffix=".pickle") as file:
        pickle.dump(where, file)
        file.flush()
        try:
            yield file.name
        finally:
            _captures.cache_clear()  # this process's copy, for one job


@lru_cache(maxsize=1)  # loaded once per worker process and import
def _captures(path: str) -> dict[str, tuple[Path, int]]:
    with open(path, "rb") as file:
        return pickle.load(file)


def merged_at(lookup: str, first: tuple[Capture, RawArticle]) -> tuple[str, Article | None, Pages]:
    """`merged`, its later pages found through the captures file `lookup` (run in the workers)."""
    where = _captures(lookup)
    return merged(*first, lambda target: (found := where.get(target)) and page_at(*found))


def merged(capture: Capture, raw: RawArticle, lookup: Callable[[str], tuple[str, str] | None]) -> tuple[str, Article | None, Pages]:
    """A split article from its first page's capture and extraction, and `lookup` of the others:
    ("article", the article, its pages) or ("skipped: REASON", None, [])."""
    try:
        pages = assemble(capture.url, response_of(capture.url, capture.content_type, capture.body).text, lookup)
        if pages is None:
            return "skipped: split article with pages missing", None, []
        raws = [raw if url == capture.url else extract_raw(html, url, fetched_at=capture.date) for url, html in pages]
        article = _validated(normalise(merge_pages(raws) if len(raws) > 1 else raws[0]), capture)
    except Exception:  # noqa: BLE001 - one page extraction chokes on must not stop the import
        return "skipped: extraction failed", None, []
    return (article, None, []) if isinstance(article, str) else ("article", article, pages)


def examine(capture: Capture) -> tuple[str, Article | None, str | RawArticle | None]:
    """What the crawl makes of one page, pure (run in the worker processes):
    ("article", the article, the page's text), ("split", None, what the page says) for the
    first page of a split article, or ("skipped: REASON", None, None)."""
    try:
        return _examine(capture)
    except Exception:  # noqa: BLE001 - one page extraction chokes on must not stop the import
        return "skipped: extraction failed", None, None


def _examine(capture: Capture) -> tuple[str, Article | None, str | RawArticle | None]:
    response = response_of(capture.url, capture.content_type, capture.body)
    page, url = response.selector, canonical_url(capture.url)
    if canonical_of(page, capture.url, site_of(capture.url)) != url or first_page(page, capture.url):
        return "skipped: a copy or later page of another", None, None  # stored with its original
    raw = extract_raw(response.text, capture.url, fetched_at=capture.date)
    if raw.kind != "article":
        return "skipped: not an article", None, None
    if any(continuation_pages(page, capture.url, url)):
        return "split", None, raw
    article = _validated(normalise(raw), capture)
    return (article, None, None) if isinstance(article, str) else ("article", article, response.text)


def _kept(capture: Capture, hosts: list[str], counts: Counter) -> bool:
    if hosts and not any(same_site(capture.url, host) for host in hosts):
        counts["skipped: other site"] += 1
        return False
    return True


def assemble(url: str, html: str, lookup: Callable[[str], tuple[str, str] | None]) -> Pages | None:
    """The pages of a split article from its first, as the crawl follows them (a show-all
    page stands for the whole), each later one from `lookup(canonical URL)`; None if one is missing."""
    article_url = canonical_url(url)
    pages: Pages = [(url, html)]
    while True:
        show_all, next_page = continuation_pages(Selector(text=pages[-1][1]), pages[-1][0], article_url)
        if len(pages) == 1 and show_all:
            pages, target = [], show_all
        elif next_page and len(pages) < MAX_PAGES_PER_ARTICLE and next_page not in {canonical_url(u) for u, _ in pages}:
            target = next_page
        else:
            return pages
        found = lookup(target)
        if found is None:
            return None
        pages.append(found)


def _validated(article: Article, capture: Capture) -> Article | str:
    """The article keyed as the crawl keys it, or why the crawl's validation drops it."""
    article.url, article.site = canonical_url(capture.url), site_of(capture.url)
    if not article.title:
        return "skipped: no title"
    if not article.body.strip():
        return "skipped: no body text"
    return article


class _Pending:
    """Articles to store at their captures' dates, `BATCH` to a transaction."""

    def __init__(self, archive: Archive, since: date | None, until: date | None, counts: Counter) -> None:
        self.archive, self.since, self.until, self.counts = archive, since, until, counts
        self.captures: list[tuple[Article, Pages, str]] = []

    def add(self, capture: Capture, article: Article, pages: Pages) -> None:
        """Store the article (soon) if it is within the dates asked for."""
        day = datetime.fromisoformat(article.published).date() if article.published else capture.date.date()
        if (self.since and day < self.since) or (self.until and day > self.until):
            self.counts["skipped: outside the dates"] += 1
            return
        self.captures.append((article, pages, capture.date.replace(microsecond=0).isoformat()))
        if len(self.captures) == BATCH:
            self.flush()

    def flush(self) -> None:
        self.counts.update(self.archive.store_captures(self.captures))
        self.captures = []
