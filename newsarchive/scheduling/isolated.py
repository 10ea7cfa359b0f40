"""One process per site for `run-due`: one hostile site never hurts the others.

Scrapy's memory budget (MEMUSAGE_LIMIT_MB) watches the whole process, so sites sharing a
CrawlerProcess would all be stopped by one site's bomb, and a reactor blocked in C code
stops them all. Here every site is crawled in a child process of its own (at most
NEWSARCHIVE_CRAWL_PROCESSES at once); inside it Scrapy's own budgets close the crawl
gracefully (CLOSESPIDER_TIMEOUT, MEMUSAGE_LIMIT_MB), and should the child not answer, the
parent kills it past the same budgets (memory over the limit, or the time budget plus
NEWSARCHIVE_KILL_GRACE seconds) and records the crawl as failed.
"""

from __future__ import annotations

import multiprocessing
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from ..crawler import CrawlResult, CrawlTarget, project_settings, run_crawls
from ..storage import Archive

POLL_SECONDS = 0.5


def _child(target: CrawlTarget, db_path: Path, options: dict[str, Any], send: Connection) -> None:
    try:
        send.send(run_crawls([target], db_path, **options)[0])
    except BaseException as err:  # noqa: BLE001 - whatever happened, the parent records it
        send.send(CrawlResult(target, "failed", {}, f"{err.__class__.__name__}: {err}"))
    finally:
        send.close()


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB (Linux /proc; 0 where unknown)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@dataclass
class _Running:
    target: CrawlTarget
    process: multiprocessing.Process
    results: Connection
    started: float


def run_isolated(targets: list[CrawlTarget], db_path: Path, **options: Any) -> list[CrawlResult]:
    """Crawl each target in a child process; one result per target, in the targets' order."""
    settings = project_settings(db_path, options.get("settings"))
    limit_mb = settings.getfloat("MEMUSAGE_LIMIT_MB") if settings.getbool("MEMUSAGE_ENABLED") else 0
    timeout = settings.getfloat("CLOSESPIDER_TIMEOUT")
    deadline = timeout + settings.getfloat("NEWSARCHIVE_KILL_GRACE") if timeout else 0
    parallel = max(settings.getint("NEWSARCHIVE_CRAWL_PROCESSES"), 1)
    context = multiprocessing.get_context("spawn")  # a fresh interpreter: Scrapy's reactor starts once per process
    waiting, running, done = list(targets), [], {}
    while waiting or running:
        while waiting and len(running) < parallel:
            target = waiting.pop(0)
            receive, send = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(target, db_path, options, send), daemon=True)
            process.start()
            send.close()
            running.append(_Running(target, process, receive, time.monotonic()))
        time.sleep(POLL_SECONDS)
        for crawl in list(running):
            result = _finished(crawl) or _overrun(crawl, limit_mb, deadline)
            if result is not None:
                if result.failure and not result.counts:  # the child never closed its crawl row
                    _record_failed(db_path, crawl.target.site)
                running.remove(crawl)
                done[id(crawl.target)] = result
    return [done[id(target)] for target in targets]


def _finished(crawl: _Running) -> CrawlResult | None:
    if crawl.results.poll():
        try:
            result = crawl.results.recv()
        except EOFError:
            result = None
        crawl.process.join()
        return result or CrawlResult(crawl.target, "failed", {}, f"crawl process ended with code {crawl.process.exitcode}")
    if not crawl.process.is_alive():
        return CrawlResult(crawl.target, "failed", {}, f"crawl process ended with code {crawl.process.exitcode}")
    return None


def _overrun(crawl: _Running, limit_mb: float, deadline: float) -> CrawlResult | None:
    """Kill a crawl past its budgets that did not stop by itself."""
    memory = rss_mb(crawl.process.pid)
    if limit_mb and memory > limit_mb:
        why = f"killed at {memory:.0f} MB, over MEMUSAGE_LIMIT_MB={limit_mb:.0f}"
    elif deadline and time.monotonic() - crawl.started > deadline:
        why = f"killed after {deadline:.0f} s, past CLOSESPIDER_TIMEOUT and NEWSARCHIVE_KILL_GRACE"
    else:
        return None
    crawl.process.kill()
    crawl.process.join()
    return CrawlResult(crawl.target, "failed", {}, why)


def _record_failed(db_path: Path, site: str) -> None:
    """The `crawls` row of a crawl process that died or was killed: its own, else a new one."""
    with Archive(db_path) as archive:
        if not archive.mark_interrupted_crawls(site, status="failed"):
            archive.finish_crawl(archive.start_crawl(site), "failed", {})
