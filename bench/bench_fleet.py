"""`make bench-fleet`: a crawl fleet of Scrapyd nodes on loopback, measured end to end.

Synthetic sample sites are registered, `dispatch` sends them to the nodes (throttling off:
what a node can do, not what politeness allows), `ingest` stores the shards; then a second,
incremental round. Reports requests per second per node, the ingest rate and round 2's requests.
The nodes, the sites and ingest share this machine's cores.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import tempfile
import time
from datetime import datetime
from pathlib import Path

from newsarchive.fleet.dispatch import dispatch
from newsarchive.fleet.ingest import ingest
from newsarchive.fleet.loopback import LoopbackNode, build_egg
from newsarchive.sample_site import SampleSite
from newsarchive.scheduling.registry import add_site

ROOT = Path(__file__).parents[1]
FAST = {"AUTOTHROTTLE_ENABLED": "0", "DOWNLOAD_DELAY": "0", "ROBOTSTXT_OBEY": "0",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "8", "NEWSARCHIVE_PROGRESS_INTERVAL": "0"}


def run_round(db: Path, nodes: list[LoopbackNode], fleet: Path) -> dict:
    """One dispatch, the nodes' work, one ingest: requests per node and the rates."""
    sent = dispatch(db, [node.url for node in nodes], settings=FAST).sent
    for node in nodes:
        node.wait_idle(timeout=3600)
    per_node: dict[str, dict] = {}
    for _, url, job in sent:
        stats = json.loads((fleet / "shards" / job / "done.json").read_text())["stats"]
        spans = per_node.setdefault(url, {"requests": 0, "jobs": 0, "start": [], "end": [], "peak_mb": 0})
        spans["peak_mb"] = max(spans["peak_mb"], stats.get("memusage/max", 0) / 2**20)
        spans["requests"] += stats.get("downloader/request_count", 0)
        spans["jobs"] += 1
        spans["start"].append(datetime.fromisoformat(stats["start_time"]))
        spans["end"].append(datetime.fromisoformat(stats["finish_time"]))
    began = time.perf_counter()
    counts, _ = ingest(db, fleet / "shards")
    ingest_seconds = time.perf_counter() - began
    nodes_report = {
        url: {"jobs": s["jobs"], "requests": s["requests"], "peak_mb": s["peak_mb"],
              "seconds": (seconds := (max(s["end"]) - min(s["start"])).total_seconds()),
              "requests_per_second": s["requests"] / seconds}
        for url, s in per_node.items()
    }  # fmt: skip
    return {"nodes": nodes_report, "requests": sum(s["requests"] for s in per_node.values()),
            "records": counts["records"], "new": counts["new"], "ingest_seconds": ingest_seconds,
            "ingest_per_second": counts["records"] / ingest_seconds if ingest_seconds else 0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--nodes", type=int, default=2)
    parser.add_argument("--sites", type=int, default=4)
    parser.add_argument("--articles", type=int, default=1000, help="synthetic articles per site")
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    args = parser.parse_args()
    sites = [SampleSite("disway", synthetic=args.articles) for _ in range(args.sites)]
    nodes: list[LoopbackNode] = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        db = tmp_path / "archive.db"
        try:
            for n, site in enumerate(sites):
                add_site(db, site.start(host="127.0.0.1", port=0), name=f"site{n}", every="1s")
            egg = build_egg(ROOT, tmp_path / "newsarchive.egg")
            nodes = [LoopbackNode(tmp_path / f"node{n}").start(ROOT, egg) for n in range(args.nodes)]
            first = run_round(db, nodes, tmp_path / "fleet")
            time.sleep(1)  # the sites' interval
            second = run_round(db, nodes, tmp_path / "fleet")
            with sqlite3.connect(db) as conn:
                stored, distinct = conn.execute("select count(*), count(distinct url) from articles").fetchone()
        finally:
            for node in nodes:
                node.kill()
            for site in sites:
                site.stop()
    print(f"# bench-fleet, {time.strftime('%Y-%m-%d %H:%M')} UTC, {platform.node()} {platform.machine()},"
          f" {os.cpu_count()} cores; {args.nodes} Scrapyd nodes, {args.sites} sites x {args.articles} articles")
    print("| round | node | jobs | requests | seconds | requests/s | a job's peak RSS (MB) |")
    print("|---|---|---|---|---|---|---|")
    for name, figures in (("1", first), ("2 (incremental)", second)):
        for url, node in sorted(figures["nodes"].items()):
            print(f"| {name} | {url} | {node['jobs']} | {node['requests']} | {node['seconds']:.1f} |"
                  f" {node['requests_per_second']:.0f} | {node['peak_mb']:.0f} |")
    print(f"\narticles stored: {stored} ({distinct} distinct URLs); round 2 made"
          f" {second['requests'] / first['requests']:.1%} of round 1's {first['requests']} requests")
    print(f"ingest: {first['records']} records in {first['ingest_seconds']:.1f} s ="
          f" {first['ingest_per_second']:.0f} records/s")
    if args.json:
        args.json.write_text(json.dumps({"articles": stored, "distinct": distinct, "round1": first,
                                         "round2": second}, indent=2, default=str))


if __name__ == "__main__":
    main()
