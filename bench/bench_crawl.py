"""`make bench-crawl`: our crawl of a loopback site end to end vs a bare Scrapy spider.

Both run in their own process against the same synthetic sample site, throttling off,
same concurrency; the ratio of pages/s is the cost of our pipeline (extraction,
normalisation, validation, storage with FTS).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsarchive.sample_site import SampleSite

HERE = Path(__file__).parent


def child_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run_ours(url: str, db: Path, concurrency: int) -> dict:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "newsarchive", "crawl", url, "--db", str(db),
         "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-s", "ROBOTSTXT_OBEY=0",
         "-s", f"CONCURRENT_REQUESTS={concurrency}", "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}",
         "-s", "NEWSARCHIVE_PROGRESS_INTERVAL=0"],
        check=True, capture_output=True, text=True,
    )
    seconds = time.perf_counter() - started
    with sqlite3.connect(db) as conn:
        requests, articles = conn.execute("select requests, new from crawls order by id desc limit 1").fetchone()
    return {"pages": requests, "articles": articles, "seconds": seconds}


def run_bare(url: str, concurrency: int) -> dict:
    done = subprocess.run(
        [sys.executable, str(HERE / "bare_spider.py"), url, str(concurrency)],
        check=True, capture_output=True, text=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    args = parser.parse_args()
    site = SampleSite("disway", synthetic=args.articles)
    url = site.start(host="127.0.0.1", port=0)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            ours = run_ours(url, Path(tmp) / "archive.db", args.concurrency)
        ours_peak = child_peak_mb()  # measured before any other child has run
        bare = run_bare(url, args.concurrency)
        bare_peak = bare["peak_rss_mb"]
    finally:
        site.stop()
    ours_rate = ours["pages"] / ours["seconds"]
    bare_rate = bare["pages"] / bare["seconds"]
    print(f"# bench-crawl, {time.strftime('%Y-%m-%d')}, {platform.node()} {platform.machine()}, "
          f"{args.articles} synthetic articles, concurrency {args.concurrency}")
    print("| crawler | pages | articles stored | seconds | pages/s | peak RSS (MB) |")
    print("|---|---|---|---|---|---|")
    print(f"| bare Scrapy spider (stores nothing) | {bare['pages']} | 0 | {bare['seconds']:.1f} | {bare_rate:.0f} | {bare_peak:.0f} |")
    print(f"| newsarchive crawl (full pipeline) | {ours['pages']} | {ours['articles']} | {ours['seconds']:.1f} | {ours_rate:.0f} | {ours_peak:.0f} |")
    print(f"\nratio ours/bare pages/s: {ours_rate / bare_rate:.2f} (target >= 0.7); peak memory target < 300 MB")
    if args.json:
        figures = {"articles": args.articles, "concurrency": args.concurrency, "ours": ours, "bare": bare,
                   "ours_peak_rss_mb": ours_peak, "ratio": ours_rate / bare_rate}
        args.json.write_text(json.dumps(figures, indent=2, default=str))


if __name__ == "__main__":
    main()
