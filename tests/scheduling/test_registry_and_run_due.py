"""The site registry, `run-due`, `schedule` and per-site overrides, end to end over loopback."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FAST, run_cli, started


def articles(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("select url, title from articles order by url").fetchall()


@pytest.fixture(scope="module")
def wordpress_site():
    yield from started("wordpress")


def test_sites_add_list_remove(tmp_path: Path, wordpress_site) -> None:
    db = str(tmp_path / "a.db")
    added = run_cli("sites", "add", wordpress_site.base_url, "--name", "banua", "--every", "30m", "--db", db)
    assert "added banua" in added.stdout
    listed = json.loads(run_cli("sites", "list", "--format", "json", "--db", db).stdout)
    assert [(e["name"], e["url"], e["every_seconds"]) for e in listed] == [("banua", wordpress_site.base_url, 1800)]
    lines = run_cli("sites", "list", "--format", "jsonl", "--db", db).stdout.splitlines()
    assert [json.loads(line) for line in lines] == listed
    again = run_cli("sites", "add", wordpress_site.base_url, "--name", "banua", "--db", db, check=False)
    assert again.returncode != 0 and "already" in again.stderr
    run_cli("sites", "remove", "banua", "--db", db)
    assert json.loads(run_cli("sites", "list", "--format", "json", "--db", db).stdout) == []


@pytest.mark.parametrize(
    "option, mentions",
    [(["--article-pattern", "(unclosed"], "bad article-pattern"), (["--field", "headline=h1"], "unknown override")],
)
def test_bad_overrides_fail_when_added(tmp_path: Path, option: list[str], mentions: str) -> None:
    done = run_cli("sites", "add", "https://example.com/", *option, "--db", str(tmp_path / "a.db"), check=False)
    assert done.returncode != 0 and mentions in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_run_due_crawls_due_sites_once(tmp_path: Path, wordpress_site) -> None:
    db = str(tmp_path / "a.db")
    run_cli("sites", "add", wordpress_site.base_url, "--name", "banua", "--every", "1h", "--db", db)
    first = run_cli("run-due", "--db", db, *FAST)
    assert "banua: finished" in first.stdout
    assert len(articles(tmp_path / "a.db")) == len(wordpress_site.expected())
    with sqlite3.connect(tmp_path / "a.db") as conn:  # the second round found nothing due
        assert conn.execute("select count(*) from crawls").fetchone()[0] == 1
    assert "no site is due" in run_cli("run-due", "--db", db, *FAST).stdout
    (entry,) = json.loads(run_cli("sites", "list", "--format", "json", "--db", db).stdout)
    assert entry["last_status"] == "finished" and entry["last_started"]


HOLD_LOCK = """
import sys, time
from pathlib import Path
from newsarchive.scheduling.lock import site_lock
with site_lock(Path(sys.argv[1]), sys.argv[2]):
    print("held", flush=True)
    time.sleep(60)
"""


def test_run_due_skips_a_site_being_crawled(tmp_path: Path, wordpress_site) -> None:
    db = tmp_path / "a.db"
    run_cli("sites", "add", wordpress_site.base_url, "--name", "banua", "--db", str(db))
    site = wordpress_site.base_url.split("//", 1)[1].rstrip("/")
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db), site], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        done = run_cli("run-due", "--db", str(db), *FAST)
        assert articles(db) == []
        assert "banua: skipped, a crawl of it is still running" in done.stdout
        busy = run_cli("crawl", "banua", "--db", str(db), *FAST, check=False)
        assert busy.returncode != 0 and "another process" in busy.stderr
    finally:
        holder.kill()
        holder.wait()


def test_schedule_runs_rounds(tmp_path: Path, wordpress_site) -> None:
    db = str(tmp_path / "a.db")
    run_cli("sites", "add", wordpress_site.base_url, "--name", "banua", "--db", db)
    run_cli("schedule", "--db", db, "--rounds", "2", "--tick", "1s", *FAST, timeout=180)
    assert len(articles(tmp_path / "a.db")) == len(wordpress_site.expected())
    with sqlite3.connect(tmp_path / "a.db") as conn:  # the second round found nothing due yet
        assert conn.execute("select count(*) from crawls").fetchone()[0] == 1


def test_registry_overrides_win(tmp_path: Path) -> None:
    for site in started("disway"):
        db = str(tmp_path / "a.db")
        run_cli("sites", "add", site.base_url, "--name", "radar", "--db", db,
                "--article-pattern", r"/read/635679/", "--field", "title=title")
        run_cli("crawl", "radar", "--db", db, *FAST)
        ((url, title),) = articles(tmp_path / "a.db")
        assert "/read/635679/" in url
        assert title.endswith("- Radar Palembang")  # the <title> element, as the override says
