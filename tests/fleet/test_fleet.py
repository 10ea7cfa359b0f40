"""The crawl fleet on loopback: two real Scrapyd nodes, the sample sites registered, `dispatch`
and `ingest` as a user runs them from cron."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

from newsarchive.discovery.urls import site_of
from newsarchive.fleet.loopback import LoopbackNode as Node
from newsarchive.scheduling.lock import site_lock
from newsarchive.scheduling.registry import add_site
from tests.conftest import FAST, run_cli, started
from tests.fleet.conftest import nodes_of


def query(db: Path, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


def dispatch(db: Path, nodes: list[Node], *extra: str) -> str:
    return run_cli("dispatch", "--db", str(db), *[a for node in nodes for a in ("--scrapyd", node.url)],
                   *FAST, *extra).stdout


def wait_idle(nodes: list[Node]) -> None:
    for node in nodes:
        node.wait_idle(timeout=60)


def sent(output: str) -> dict[str, str]:
    """Site name -> node URL, from dispatch's "NAME: sent to URL as job ID" lines."""
    return {line.split(":")[0]: line.split(" sent to ")[1].split(" as job")[0]
            for line in output.splitlines() if " sent to " in line}


def test_two_nodes_two_rounds_every_article_once_then_incremental(tmp_path: Path, two_nodes: list[Node]) -> None:
    db = tmp_path / "archive.db"
    for disway in started("disway"):
        for wordpress in started("wordpress"):
            sites = {"disway": disway, "wordpress": wordpress}
            for name, site in sites.items():
                add_site(db, site.base_url, name=name, every="1s")
            began = time.monotonic()
            first = sent(dispatch(db, two_nodes))
            assert sorted(first.values()) == sorted(node.url for node in two_nodes)  # one site on each node
            wait_idle(two_nodes)
            crawled = time.monotonic() - began
            # a shard still being written (no done.json) is never read
            partial = tmp_path / "fleet" / "shards" / "half-written"
            partial.mkdir()
            (partial / "articles.jsonl").write_text('{"url": "http://127.0.0.1/cut-sh')
            ingested = run_cli("ingest", "--db", str(db)).stdout
            assert ingested.startswith("shards: 2 ingested, 0 already ingested; articles: ")
            round_one = {name: len(site.request_log) for name, site in sites.items()}
            for name, site in sites.items():
                stored = query(db, "select url from articles where site = ?", site_of(site.base_url))
                assert sorted(u for (u,) in stored) == sorted(rec["url"] for rec in site.expected()), name
            assert query(db, "select count(*), count(distinct url) from articles")[0] == (
                sum(len(site.expected()) for site in sites.values()),) * 2
            assert query(db, "select count(warc_file) = count(*) from articles") == [(1,)]
            # the same shards again: nothing changes
            assert "0 ingested, 2 already ingested" in run_cli("ingest", "--db", str(db)).stdout
            # a complete shard that is damaged is left out, whole, and said so
            broken = tmp_path / "fleet" / "shards" / "broken"
            broken.mkdir()
            (broken / "done.json").write_text('{"site": "x"}')
            refused = run_cli("ingest", "--db", str(db), check=False)
            assert refused.returncode == 1 and refused.stderr.startswith("broken: damaged shard, not ingested (KeyError")
            (broken / "done.json").unlink()

            # between the rounds, one story is revised and one published on the WordPress site
            target = next(a for a in list(wordpress.store)[3:] if a.pages == 1)
            revised = wordpress.revise(target.id, new_paragraph="Pembaruan: banjir sudah surut pada Selasa pagi.")["url"]
            added = wordpress.publish_next()["url"]
            time.sleep(1)  # the sites' interval (1 s) has passed
            second = dispatch(db, two_nodes)
            assert second.count("job finished (shard complete)") == 2 and len(sent(second)) == 2, second
            wait_idle(two_nodes)
            assert "shards: 2 ingested, 2 already ingested" in run_cli("ingest", "--db", str(db)).stdout
            for name, site in sites.items():
                again = len(site.request_log) - round_one[name]
                assert again <= round_one[name] / 10, (name, again, round_one[name])
            crawls = query(db, "select site, status, new, updated from crawls order by id")
            assert len(crawls) == 4 and {status for _, status, _, _ in crawls} == {"finished"}, crawls
            assert all(new > 0 for _, _, new, _ in crawls[:2])
            assert sorted((site, new, updated) for site, _, new, updated in crawls[2:]) == sorted(
                [(site_of(disway.base_url), 0, 0), (site_of(wordpress.base_url), 1, 1)])
            assert query(db, "select count(*), count(distinct url) from articles")[0] == (
                sum(len(site.expected()) for site in sites.values()),) * 2
            assert query(db, "select count(*) from articles where url = ? and site = ?", added,
                         site_of(wordpress.base_url)) == [(1,)]
            assert "banjir sudah surut" in query(db, "select body from articles where url = ?", revised)[0][0]
            (old,) = query(db, "select body from revisions where url = ?", revised)
            assert "banjir sudah surut" not in old[0]
            requests = sum(round_one.values())
            print(f"\nround 1: {requests} requests in {crawled:.1f} s on 2 nodes;"
                  f" round 2: {sum(len(s.request_log) for s in sites.values()) - requests} requests")


def test_a_node_killed_mid_job_loses_nothing(tmp_path: Path, egg: Path, two_nodes: list[Node]) -> None:
    db = tmp_path / "archive.db"
    for doomed in nodes_of(tmp_path / "nodes", egg, 1):
        nodes = [doomed[0], two_nodes[1]]
        for site in started("disway", synthetic=80):
            add_site(db, site.base_url, name="radar", every="1s")
            slow = ("-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "DOWNLOAD_DELAY=0.1")  # a job of 10 s or more
            assert sent(dispatch(db, nodes, *slow)) == {"radar": nodes[0].url}
            deadline = time.monotonic() + 30
            while len(site.request_log) < 20:
                assert time.monotonic() < deadline, "the job never got going"
                time.sleep(0.05)
            # due again (1 s), but never sent to a second node while its job runs
            assert dispatch(db, nodes).strip() == f"radar: due, but still being crawled (its job on {nodes[0].url})"
            # nor crawled here by run-due meanwhile
            assert run_cli("run-due", "--db", str(db), *FAST).stdout.strip() == "radar: skipped, a crawl of it is still running"
            nodes[0].kill()
            (job,) = [p for p in (tmp_path / "fleet" / "shards").iterdir()]
            assert (job / "articles.jsonl").exists() and not (job / "done.json").exists()

            again = dispatch(db, nodes)
            assert "radar: job lost (its node does not answer)" in again
            assert sent(again) == {"radar": nodes[1].url}, again
            wait_idle([nodes[1]])
            assert "shards: 1 ingested, 0 already ingested" in run_cli("ingest", "--db", str(db)).stdout
            urls = [u for (u,) in query(db, "select url from articles")]
            assert len(urls) == len(set(urls))
            assert set(urls) == {rec["url"] for rec in site.expected()}
            assert query(db, "select status from crawls") == [("finished",)]
            assert query(db, "select node, status from fleet_jobs where status = 'lost'") == [(nodes[0].url, "lost")]


def test_a_job_that_ends_without_a_shard_is_failed_and_waits_for_its_interval(tmp_path: Path,
                                                                              two_nodes: list[Node]) -> None:
    db = tmp_path / "archive.db"
    add_site(db, "http://127.0.0.1:1/", name="broken", every="1h")
    assert sent(dispatch(db, two_nodes, "-s", "LOG_LEVEL=NO-SUCH-LEVEL"))  # Scrapy refuses to start
    wait_idle(two_nodes)
    noticed = dispatch(db, two_nodes)
    assert noticed.startswith("broken: job failed (ended without a shard") and " sent to " not in noticed, noticed
    assert query(db, "select last_status from sites") == [("failed",)]
    assert not list((tmp_path / "fleet" / "state").iterdir())  # its state file went with it


def test_dispatch_leaves_a_site_that_run_due_is_crawling_here(tmp_path: Path, two_nodes: list[Node]) -> None:
    db = tmp_path / "archive.db"
    add_site(db, "http://127.0.0.1:1/", name="local", every="1h")
    with site_lock(db, "127.0.0.1:1") as held:  # as run-due holds it while it crawls the site
        assert held
        assert dispatch(db, two_nodes).strip() == "local: due, but still being crawled (a crawl on this host)"
    assert not query(db, "select * from fleet_jobs")
