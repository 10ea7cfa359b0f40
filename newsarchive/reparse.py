"""`reparse`: the archive re-extracted from its raw pages after the extractor improves, with no
network. Each page is read from its WARC record (or from the `pages` table where it holds the
HTML itself), in worker processes as `import-warc` reads its files; one process writes."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from functools import partial

from .article import Article
from .parallel import batches, workers
from .storage import Archive
from .storage.archive import RawPage
from .warc.reader import page_at

Extract = Callable[[Sequence[tuple[str, str | bytes]]], Article]


def reparse(archive: Archive, extract: Extract, source: str | None = None, jobs: int = 1) -> Counter:
    """Re-extract every article with `extract(pages)` ([(url, html), ...] in reading order) and
    store each result like a fresh fetch (a changed article gains a revision).

    `jobs` processes read and extract (`extract` must then pickle: a module-level function).
    Returns the store's counts, plus "failed" (the extractor raised) and "unreadable capture"
    (a WARC file gone or damaged): those articles are left as they were.
    """
    counts: Counter = Counter()
    with workers(jobs) as pool:
        for batch in batches(pool.map(partial(reextracted, extract), archive.raw_pages(source))):
            fresh = []
            for (url, _), (outcome, article) in batch:
                if article is None:
                    counts[outcome] += 1
                else:
                    fresh.append(dataclasses.replace(article, url=url))
            counts.update(archive.store_many(fresh))
    return counts


def reextracted(extract: Extract, job: tuple[str, list[RawPage]]) -> tuple[str, Article | None]:
    """("article", the article) of one archived article's pages, or (why not, None); run in the workers."""
    _, pages = job
    try:
        texts = [(p.url, p.html if p.html is not None else page_at(p.warc_path, p.warc_offset)[1]) for p in pages]
    except Exception:  # noqa: BLE001 - warcio and the file system raise many kinds on damage
        return "unreadable capture", None
    try:
        return "article", extract(texts)
    except Exception:  # noqa: BLE001 - one bad page must not stop the re-extraction
        return "failed", None
