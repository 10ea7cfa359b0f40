"""Crawling named or registered sites under their locks: `crawl`, `run-due`, `schedule`."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import ExitStack
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable

from ..crawler import CrawlResult, CrawlTarget, run_crawls
from ..errors import NewsarchiveError
from ..settings import USER_AGENT
from ..storage import Archive
from .isolated import run_isolated
from .lock import site_lock
from .registry import due_sites, target_for


def crawl_locked(
    targets: list[CrawlTarget], db_path: Path, isolate: bool = False, **options: Any
) -> tuple[list[CrawlResult], list[CrawlTarget]]:
    """Crawl the targets whose lock is free (`isolate`: each in a process of its own);
    return the results and the targets skipped as busy."""
    with ExitStack() as stack:
        free, busy = [], []
        for target in targets:
            (free if stack.enter_context(site_lock(db_path, target.site)) else busy).append(target)
        if not free:
            return [], busy
        with Archive(db_path) as archive:
            for target in free:
                archive.mark_interrupted_crawls(target.site)
                if target.name:
                    archive.mark_site(target.name, started=now())
        results = (run_isolated if isolate else run_crawls)(free, db_path, **options)
        with Archive(db_path) as archive:
            for result in results:
                if result.target.name:
                    archive.mark_site(result.target.name, finished=now(), status=result.status)
        return results, busy


def check_reachable(url: str, timeout: float = 20.0) -> None:
    """One request to the home page before Scrapy starts, so that a dead site is one clear line."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # GET: some servers mishandle HEAD
    try:
        urllib.request.urlopen(request, timeout=timeout).close()
    except urllib.error.HTTPError:
        return  # it answered; the crawl will say what it makes of that
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise NewsarchiveError(f"could not reach {url}: {getattr(reason, 'strerror', None) or reason}") from None


def crawl(target: str, db_path: Path, **options: Any) -> CrawlResult:
    """Crawl one site, given by home page URL or registry name."""
    resolved = target_for(target, db_path)
    check_reachable(resolved.url)
    results, busy = crawl_locked([resolved], db_path, **options)
    if busy:
        raise NewsarchiveError(f"{resolved.site} is being crawled by another process; try again later")
    result = results[0]
    if result.failure:
        raise NewsarchiveError(f"could not crawl {resolved.url}: {result.failure}")
    return result


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def run_due(db_path: Path, when: datetime | None = None, **options: Any) -> tuple[list[CrawlResult], list[CrawlTarget]]:
    """Crawl every registered site whose interval has passed, each under its lock.

    Returns the crawls run and the due sites skipped because a crawl of them is still running
    (here, or as a crawl fleet job that `dispatch` sent to a Scrapyd node).
    """
    targets = due_sites(db_path, when or datetime.now(timezone.utc))
    if not targets:
        return [], []
    with Archive(db_path, create=False) as archive:
        on_fleet = {job["site_name"] for job in archive.jobs()}
    results, busy = crawl_locked([t for t in targets if t.name not in on_fleet], db_path, isolate=True, **options)
    return results, [t for t in targets if t.name in on_fleet] + busy


def schedule(
    db_path: Path,
    tick: timedelta = timedelta(minutes=1),
    rounds: int | None = None,
    run_due_args: list[str] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Run `run-due [run_due_args]` every tick, each round in a fresh process (Scrapy's reactor starts once per process)."""
    done = 0
    while rounds is None or done < rounds:
        subprocess.run(
            [sys.executable, "-m", "newsarchive", "run-due", "--db", str(db_path), *(run_due_args or [])],
            check=False,
        )
        done += 1
        if rounds is None or done < rounds:
            sleep(tick.total_seconds())
