"""Health end to end: sample sites crawled by `run-due`, a layout change, `newsarchive health`.

Ten ordinary crawls (some articles new, some revised, some crawls finding nothing) raise no
alarm; then one site's template loses its caption and date markup and the other answers with a
challenge page, and the very next crawl alarms on exactly those sources and metrics.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from newsarchive.monitoring import health_report
from newsarchive.sample_site import SampleSite
from tests.conftest import FAST, run_cli, started

RETRY_FAST = [*FAST, "-s", "NEWSARCHIVE_RETRY_BACKOFF=0"]
# new articles each site publishes before each ordinary crawl (the first crawl takes them all)
ORDINARY = [0, 3, 0, 5, 2, 1, 4, 0, 6, 2]


def health(db: Path, *args: str):
    done = run_cli("health", "--db", str(db), "--json", *args, check=False)
    return done.returncode, {entry["source"]: entry for entry in json.loads(done.stdout)["sources"]}


@pytest.fixture(scope="module")
def sites():
    disway, wordpress = started("disway"), started("wordpress")
    yield next(disway), next(wordpress)
    for running in (disway, wordpress):
        next(running, None)


def publish(site: SampleSite, count: int) -> None:
    for _ in range(count):
        site.publish_next()


def test_layout_change_alarms_on_the_right_source_and_metric(tmp_path: Path, sites) -> None:
    disway, wordpress = sites
    db = tmp_path / "a.db"
    for site, name in ((disway, "radar"), (wordpress, "banua")):
        run_cli("sites", "add", site.base_url, "--name", name, "--every", "1s", "--db", str(db))
    alerts = tmp_path / "alerts.txt"
    alert = ["-s", f"NEWSARCHIVE_ALERT_COMMAND=cat >> {alerts}"]

    for round_, count in enumerate(ORDINARY):
        publish(disway, count)
        publish(wordpress, count)
        if round_ == 4:  # an edit: the article is fetched again and updated
            disway.revise(disway.store[0].id, new_paragraph="Tambahan: " + "keterangan pejabat. " * 10)
        done = run_cli("run-due", "--db", str(db), *RETRY_FAST, *alert)
        expected = "new" if round_ < 3 else "ok"  # the grace period: three crawls
        assert {entry.status for entry in health_report(db)} == {expected}, done.stdout
        assert f"health: 2 sources, {2 * (expected == 'ok')} ok, {2 * (expected == 'new')} new, 0 in alarm" in done.stdout
    assert not alerts.exists()

    disway.change_layout("markup")
    wordpress.change_layout("challenge")
    publish(disway, 3)
    publish(wordpress, 3)
    done = run_cli("run-due", "--db", str(db), *RETRY_FAST, *alert)
    assert "2 in alarm" in done.stdout and "alert sent for Kabar Banua, Radar Palembang" in done.stdout
    code, report = health(db)
    assert code == 1
    alarms = {name: {a["metric"]: (a["baseline"], a["now"]) for a in entry["alarms"]} for name, entry in report.items()}
    assert set(alarms["Radar Palembang"]) == {"caption", "photo_credit", "published"}
    assert alarms["Radar Palembang"]["caption"] == (1.0, 0.0)
    assert "blocked" in alarms["Kabar Banua"] and alarms["Kabar Banua"]["blocked"][1] == 1.0
    assert report["Kabar Banua"]["site"] == wordpress.base_url.split("//")[1].rstrip("/")
    assert all(a["since"] == entry["checked"] for entry in report.values() for a in entry["alarms"])
    assert "Radar Palembang" in alerts.read_text() and "Kabar Banua" in alerts.read_text()

    table = run_cli("health", "--db", str(db), "--source", "Radar Palembang", check=False)
    assert table.returncode == 1
    assert "Radar Palembang  alarm" in table.stdout and "caption 100% -> 0%" in table.stdout
    assert "Kabar Banua" not in table.stdout

    # still changed at the next crawl: still in alarm since the first one, and no second alert
    first_since = report["Radar Palembang"]["alarms"][0]["since"]
    publish(disway, 2)
    done = run_cli("run-due", "--db", str(db), *RETRY_FAST, *alert)
    assert "alert sent" not in done.stdout
    code, report = health(db, "--source", "Radar Palembang")
    assert code == 1 and report["Radar Palembang"]["alarms"][0]["since"] == first_since

    # the template fixed: the next crawl is judged against the crawls before the change
    disway.change_layout(None)
    publish(disway, 3)
    # the bot wall is there to stay: accepted as the site's new normal, it no longer alarms
    run_cli("health", "--db", str(db), "--accept", "--source", "Kabar Banua", check=False)
    publish(wordpress, 3)
    done = run_cli("run-due", "--db", str(db), *RETRY_FAST)
    assert "2 ok" in done.stdout, done.stdout
    code, report = health(db)
    assert (code, report["Radar Palembang"]["status"], report["Kabar Banua"]["status"]) == (0, "ok", "ok")
    refused = run_cli("health", "--db", str(db), "--accept", "--source", "Radar Palembang", check=False)
    assert refused.returncode == 1 and "not in alarm" in refused.stderr

    # the Datasette query shows each crawl's health over time
    from newsarchive.serving import datasette_app

    async def fetch() -> tuple[list[dict], str]:
        app = datasette_app(db)
        rows = await app.client.get(f"/{db.stem}/health_of_source.json?source=Radar+Palembang&_shape=array")
        page = await app.client.get(f"/{db.stem}/health_of_source?source=")
        return rows.json(), page.text

    rows, page = asyncio.run(fetch())
    assert "datasette_vega" in page and "g.y_column=caption" in page  # the chart, one line per source
    assert [row["status"] for row in rows][:4] == ["ok", "alarm", "alarm", "ok"]
    assert rows[1]["caption"] == 0.0 and rows[3]["caption"] == 1.0 and "caption" in rows[1]["alarms"]
    assert len(rows) == len(ORDINARY) + 3


def test_a_site_answering_429_alarms_on_its_block_rate(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    quick = [*RETRY_FAST, "-s", "NEWSARCHIVE_HEALTH_GRACE_CRAWLS=1", "-s", "RETRY_TIMES=1"]
    for site in started("wordpress"):
        run_cli("crawl", site.base_url, "--db", str(db), *quick)
        assert health(db)[1]["Kabar Banua"]["status"] == "new"
        publish(site, 2)
        run_cli("crawl", site.base_url, "--db", str(db), *quick)
        site.change_layout("429")
        publish(site, 2)
        run_cli("crawl", site.base_url, "--db", str(db), *quick, check=False)
        code, report = health(db)
        assert code == 1
        assert {a["metric"] for a in report["Kabar Banua"]["alarms"]} >= {"blocked"}
    unknown = run_cli("health", "--db", str(db), "--source", "Nobody", check=False)
    assert unknown.returncode == 1 and unknown.stderr.count("\n") == 1 and "Nobody" in unknown.stderr
