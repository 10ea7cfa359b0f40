"""A crawl of the traps site: every ordinary article, a bounded cost for each trap, no other host (issue 12)."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsarchive.sample_site.traps import DRIP_PATH, TrapSite, dead_link
from tests.conftest import FAST, crawl, run_cli, started

DEAD_LINKS = 3000
DEAD_SITEMAP_URLS = 5000  # x 4 sitemaps
BUDGET = 25  # NEWSARCHIVE_SOURCE_ERROR_BUDGET's default
TIMEOUT = 3  # DOWNLOAD_TIMEOUT for the drip page, small to keep the test fast


@pytest.fixture(scope="module")
def traps():
    site = TrapSite(dead_links=DEAD_LINKS, dead_sitemap_urls=DEAD_SITEMAP_URLS)
    site.start(host="127.0.0.1", port=0)
    yield site
    site.stop()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory, traps) -> dict:
    db = tmp_path_factory.mktemp("traps") / "archive.db"
    began = time.monotonic()
    done = crawl(traps.base_url, db, "-s", f"DOWNLOAD_TIMEOUT={TIMEOUT}", "-s", "RETRY_TIMES=1")
    seconds = time.monotonic() - began
    with sqlite3.connect(db) as conn:
        urls = {url for (url,) in conn.execute("select url from articles")}
        status = conn.execute("select status from crawls").fetchone()[0]
    return {"urls": urls, "status": status, "log": done.stderr, "seconds": seconds}


def test_every_ordinary_article_is_archived(crawled, traps) -> None:
    assert crawled["urls"] == {rec["url"] for rec in traps.expected()}
    assert crawled["status"] == "finished"


def test_dead_sitemaps_cost_a_bounded_number_of_requests(crawled, traps) -> None:
    dead = traps.requests_to(r"arsip-lama-yang-tidak-ada")
    window = 8  # NEWSARCHIVE_SOURCE_WINDOW: requests of one source out at a time
    assert 4 * BUDGET <= dead <= 4 * (BUDGET + window)
    assert crawled["log"].count("abandoned http") >= 4


def test_a_dead_listing_is_abandoned_too(crawled, traps) -> None:
    assert traps.requests_to(dead_link(0).rsplit("-", 1)[0]) <= BUDGET + 8


def test_drip_and_huge_pages_are_bounded(crawled, traps) -> None:
    assert traps.requests_to(DRIP_PATH) == 2  # RETRY_TIMES=1: one try and one retry, each cut at the timeout
    assert traps.requests_to("megabita") == 2  # one each, cut at DOWNLOAD_MAXSIZE, not retried
    assert "larger than download max size" in crawled["log"]
    # a generous safety bound, measured by the harness: the drip alone holds ~2 x 3 s + backoff
    assert crawled["seconds"] < 90


def test_meta_refresh_chains_end(crawled, traps) -> None:
    assert traps.requests_to(r"^/segar/") <= 11  # REDIRECT_MAX_TIMES=10
    assert traps.requests_to(r"^/putar-segar/") <= 2
    assert "redirect loop back to http://127.0.0.1" in crawled["log"]  # counted, not silently filtered


def test_nothing_is_asked_of_another_host(crawled, traps) -> None:
    own = traps.base_url.split("//", 1)[1].rstrip("/")
    assert set(traps.hosts) == {own}
    assert "refused off-site request to http://localhost:" in crawled["log"]
    assert not traps.requests_to(r"^(javascript|data):")


def test_allowed_hosts_are_followed(tmp_path: Path, traps) -> None:
    """A host the user allows is crawled like the site itself (here: the other name of this machine)."""
    port = traps.base_url.rsplit(":", 1)[1].strip("/")
    before = traps.hosts[f"localhost:{port}"]
    crawl(traps.base_url, tmp_path / "a.db", "-s", f"NEWSARCHIVE_ALLOWED_HOSTS=localhost:{port}",
          "-s", "DOWNLOAD_TIMEOUT=1", "-s", "RETRY_TIMES=0")
    assert traps.hosts[f"localhost:{port}"] > before


def test_a_registered_site_may_allow_a_host(tmp_path: Path, traps) -> None:
    port = traps.base_url.rsplit(":", 1)[1].strip("/")
    before = traps.hosts[f"localhost:{port}"]
    db = str(tmp_path / "a.db")
    run_cli("sites", "add", traps.base_url, "--name", "traps", "--allow-host", f"localhost:{port}", "--db", db)
    crawl("traps", tmp_path / "a.db", "-s", "DOWNLOAD_TIMEOUT=1", "-s", "RETRY_TIMES=0")
    assert traps.hosts[f"localhost:{port}"] > before


def query(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_run_due_finishes_healthy_sites_when_one_overruns_its_budget(tmp_path: Path, traps) -> None:
    for healthy in started("wordpress"):
        db = str(tmp_path / "a.db")
        run_cli("sites", "add", healthy.base_url, "--name", "banua", "--db", db)
        run_cli("sites", "add", traps.base_url, "--name", "traps", "--db", db)
        done = run_cli("run-due", "--db", db, *FAST, "-s", "CLOSESPIDER_TIMEOUT=10", "-s", "DOWNLOAD_TIMEOUT=120", "-s", "NEWSARCHIVE_KILL_GRACE=5",
                       check=False, timeout=170)
        assert done.returncode == 1
        assert "banua: finished" in done.stdout and "traps: failed" in done.stdout
        statuses = dict(query(tmp_path / "a.db", "select site, status from crawls"))
        assert statuses[healthy.base_url.split("//")[1].rstrip("/")] == "finished"
        assert statuses[traps.base_url.split("//")[1].rstrip("/")] == "failed"
        banua = {u for (u,) in query(tmp_path / "a.db", f"select url from articles where site like '%{healthy.base_url.rsplit(':', 1)[1].strip('/')}'")}
        assert banua == {rec["url"] for rec in healthy.expected()}


def test_ctrl_c_exits_non_zero_and_the_crawl_says_interrupted(tmp_path: Path, traps) -> None:
    """The first Ctrl-C lets Scrapy stop gracefully (downloads in flight end within DOWNLOAD_TIMEOUT)."""
    db = tmp_path / "a.db"
    drips = traps.requests_to(DRIP_PATH)
    child = subprocess.Popen([sys.executable, "-m", "newsarchive", "crawl", traps.base_url, "--db", str(db), *FAST,
                              "-s", "DOWNLOAD_TIMEOUT=5"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and traps.requests_to(DRIP_PATH) == drips:  # the crawl is under way
        time.sleep(0.1)
    child.send_signal(signal.SIGINT)
    out, _ = child.communicate(timeout=60)
    assert child.returncode == 130
    assert "interrupted" in out
    assert query(db, "select status from crawls") == [("interrupted",)]


def test_jobdir_keeps_every_request_of_split_articles(tmp_path: Path) -> None:
    """Paused (a stop at --max-articles) and resumed with JOBDIR: nothing is lost, nothing unserializable."""
    for site in started("wordpress"):
        db, jobdir = tmp_path / "a.db", f"JOBDIR={tmp_path / 'job'}"
        split = [rec for rec in site.expected() if rec["pages"] > 1]
        assert split
        first = crawl(site.base_url, db, "-v", "-s", jobdir, "--max-articles", "3", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1")
        second = crawl(site.base_url, db, "-v", "-s", jobdir)
        for done in (first, second):
            assert "scheduler/unserializable" not in done.stderr and "Unable to serialize" not in done.stderr
        bodies = dict(query(db, "select url, body from articles"))
        assert set(bodies) == {rec["url"] for rec in site.expected()}
        for rec in split:
            assert bodies[rec["url"]].split("\n\n") == rec["body_paragraphs"], rec["url"]


def test_exit_code_says_what_the_crawls_came_to() -> None:
    from newsarchive.cli.crawl import exit_code
    from newsarchive.crawler import CrawlResult, CrawlTarget

    def result(status: str, **counts: int) -> CrawlResult:
        return CrawlResult(CrawlTarget("http://127.0.0.1:1/"), status, {"errors": 0, "crawler_errors": 0, **counts})

    assert exit_code([result("finished", errors=3)]) == 0  # pages the site failed to serve
    assert exit_code([result("finished", errors=1, crawler_errors=1)]) == 1  # a traceback of our own
    assert exit_code([result("finished"), result("failed")]) == 1
    assert exit_code([result("finished"), result("interrupted")]) == 130


def test_run_due_stops_a_crawl_over_its_memory_budget(tmp_path: Path) -> None:
    """A budget below what any crawl process needs: the crawl is stopped and recorded as failed."""
    for site in started("wordpress"):
        db = str(tmp_path / "a.db")
        run_cli("sites", "add", site.base_url, "--name", "banua", "--db", db)
        done = run_cli("run-due", "--db", db, *FAST, "-s", "MEMUSAGE_LIMIT_MB=30", check=False)
        assert done.returncode == 1 and "banua: failed" in done.stdout
        assert query(tmp_path / "a.db", "select status from crawls") == [("failed",)]
