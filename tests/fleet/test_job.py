"""A fleet job outside Scrapyd (`scrapy crawl` as Scrapyd's runner starts it): state from a file,
a shard instead of the archive, its site's lock taken by the spider, nothing from the working folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newsarchive.discovery.urls import site_of
from newsarchive.fleet.state import read_state, write_state
from newsarchive.scheduling.lock import site_lock
from newsarchive.storage import Archive
from tests.conftest import FAST, crawl, started


def scrapy_crawl(cwd: Path, url: str, *settings: str) -> subprocess.CompletedProcess:
    """`scrapy crawl news` in a folder with no scrapy.cfg, as Scrapyd runs a job of the egg."""
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"start_url={url}", *FAST, *settings],
        cwd=cwd, capture_output=True, text=True, timeout=120,
        env={**os.environ, "SCRAPY_SETTINGS_MODULE": "newsarchive.settings"},
    )


def fleet_job(tmp_path: Path, url: str, state: Path, name: str) -> dict:
    shard = (tmp_path / "shards" / name).as_uri()
    done = scrapy_crawl(tmp_path, url, "-s", f"NEWSARCHIVE_STATE={state}", "-s", f"NEWSARCHIVE_SHARD={shard}",
                        "-s", "FEEDS=" + json.dumps({f"{shard}/articles.jsonl": {"format": "shard"}}),
                        "-s", f"NEWSARCHIVE_LOCK_DIR={tmp_path / 'locks'}")
    assert done.returncode == 0, done.stderr
    return json.loads((tmp_path / "shards" / name / "done.json").read_text())


def test_state_file_holds_what_the_archive_knows(tmp_path: Path, wordpress) -> None:
    db = tmp_path / "archive.db"
    crawl(wordpress.base_url, db)
    site = site_of(wordpress.base_url)
    with Archive(db) as archive:
        write_state(archive, site, tmp_path / "state.json.gz")
        known, last = archive.known(site), archive.last_complete_crawl(site)
    state = read_state((tmp_path / "state.json.gz").as_uri(), site)
    assert state.known == known and state.last_complete == last and len(known) == len(wordpress.expected())


def test_the_spider_takes_its_sites_lock(tmp_path: Path) -> None:
    for site in started("wordpress"):
        with Archive(tmp_path / "empty.db") as archive:
            write_state(archive, site_of(site.base_url), tmp_path / "state.json.gz")
        with site_lock(None, site_of(site.base_url), tmp_path / "locks") as held:
            assert held
            busy = fleet_job(tmp_path, site.base_url, tmp_path / "state.json.gz", "busy")
        assert (busy["reason"], busy["status"], busy["stats"].get("downloader/request_count", 0)) == ("busy", "failed", 0)
        assert not site.request_log
        done = fleet_job(tmp_path, site.base_url, tmp_path / "state.json.gz", "free")
        assert done["status"] == "finished" and done["warc"]
        lines = (tmp_path / "shards" / "free" / "articles.jsonl").read_text().splitlines()
        assert len(lines) == len(site.expected())
        assert not (tmp_path / "data").exists()  # no archive appeared in the working folder


def test_a_relative_archive_is_never_read_from_the_working_folder(tmp_path: Path) -> None:
    done = scrapy_crawl(tmp_path, "http://127.0.0.1:1/")
    assert done.returncode != 0
    assert "NEWSARCHIVE_DB=data/archive.db is relative and there is no project folder" in done.stderr
    assert not (tmp_path / "data").exists()


def test_a_fleet_job_whose_articles_would_not_reach_its_shard_does_not_start(tmp_path: Path) -> None:
    shard = (tmp_path / "shards" / "job").as_uri()
    with Archive(tmp_path / "empty.db") as archive:
        write_state(archive, "127.0.0.1:1", tmp_path / "state.json.gz")
    done = scrapy_crawl(tmp_path, "http://127.0.0.1:1/", "-s", f"NEWSARCHIVE_STATE={tmp_path / 'state.json.gz'}",
                        "-s", f"NEWSARCHIVE_SHARD={shard}",  # FEEDS as Scrapyd's items_dir sets it
                        "-s", "FEEDS=" + json.dumps({(tmp_path / "items.jl").as_uri(): {"format": "jsonlines"}}))
    assert done.returncode != 0 and "needs NEWSARCHIVE_SHARD and a FEEDS entry of format shard" in done.stderr
    assert not (tmp_path / "shards").exists()
