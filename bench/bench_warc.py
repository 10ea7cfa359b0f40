"""`make bench-warc`: `newsarchive import-warc` of a 20,000-page WARC file vs a baseline in the
same run: fastwarc iteration + trafilatura `extract` per page, in the same number of processes.

The file is built from the synthetic `disway` sample site (split articles included), its
pages answered in-process with no network, as CC-NEWS writes them: response records only, one
gzip member each. Ours is the whole import (extraction, normalisation, split articles merged,
storage with dedup and full-text index, one writer); the baseline only extracts.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from io import BytesIO
from multiprocessing import get_context
from pathlib import Path
from urllib.parse import urlsplit

from fastwarc.warc import ArchiveIterator, WarcRecordType
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsarchive.sample_site import SampleSite

PAGES_PER_ARTICLE = 1.2  # the synthetic disway site splits one story in five across two pages


def build_warc(path: Path, pages: int) -> int:
    """Write `pages` HTML responses of the synthetic site to `path`; returns how many articles they hold."""
    site = SampleSite("disway", synthetic=int(pages / PAGES_PER_ARTICLE) + 1)
    site.start(host="127.0.0.1", port=0)  # for its base URL: every page is answered in-process
    written = articles = 0
    date = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    try:
        with open(path, "wb") as out:
            writer = WARCWriter(out, gzip=True, warc_version="WARC/1.1")
            for record in site.expected():
                urls = [record["url"]] + [f"{record['url']}/{n}" for n in range(2, record["pages"] + 1)]
                if written + len(urls) > pages:
                    break
                for url in urls:
                    answer = site.respond("GET", urlsplit(url).path, {})
                    body = answer.payload()
                    headers = [("Content-Type", answer.content_type), ("Content-Length", str(len(body))),
                               *answer.headers.items()]
                    writer.write_record(writer.create_warc_record(
                        url, "response", payload=BytesIO(body), warc_headers_dict={"WARC-Date": date},
                        http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")))
                written += len(urls)
                articles += 1
    finally:
        site.stop()
    return articles


def run_ours(warc: Path, db: Path, jobs: int) -> dict:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "newsarchive", "import-warc", str(warc), "--db", str(db),
                           "--jobs", str(jobs)], check=True, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    with sqlite3.connect(db) as conn:
        stored = conn.execute("select count(*) from articles").fetchone()[0]
    return {"seconds": seconds, "articles": stored, "summary": done.stdout.strip()}


def _trafilatura(page: tuple[str, bytes]) -> bool:
    import trafilatura

    url, body = page
    return trafilatura.extract(body, url=url) is not None


def _responses(warc: Path):
    """(url, body) of every HTML response, read with fastwarc."""
    with open(warc, "rb") as stream:
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
            if "html" in (record.http_headers.get("Content-Type") or ""):
                yield record.headers.get("WARC-Target-URI"), record.reader.read()


def run_baseline(warc: Path, jobs: int) -> dict:
    started = time.perf_counter()
    with get_context("spawn").Pool(jobs) as pool:
        extracted = sum(pool.imap(_trafilatura, _responses(warc), chunksize=16))
    return {"seconds": time.perf_counter() - started, "articles": extracted}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", type=Path, help="also write the figures here as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "bench.warc.gz"
        articles = build_warc(warc, args.pages)
        size = warc.stat().st_size
        baseline = run_baseline(warc, args.jobs)
        ours = run_ours(warc, Path(tmp) / "archive.db", args.jobs)
    rows = {"newsarchive import-warc (extract, merge, store + FTS + dedup)": ours,
            "fastwarc + trafilatura.extract (extract only)": baseline}
    print(f"# bench-warc, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {platform.node()} {platform.machine()}, "
          f"nproc {os.cpu_count()}, {args.pages} pages ({articles} articles, {size / 1e6:.1f} MB gzip), --jobs {args.jobs}")
    print("| run | seconds | pages/s | MB read/s | articles out |")
    print("|---|---|---|---|---|")
    for name, run in rows.items():
        run["pages_per_s"] = args.pages / run["seconds"]
        run["bytes_per_s"] = size / run["seconds"]
        print(f"| {name} | {run['seconds']:.1f} | {run['pages_per_s']:.0f} | {run['bytes_per_s'] / 1e6:.2f} | {run['articles']} |")
    ratio = ours["pages_per_s"] / baseline["pages_per_s"]
    print(f"\nratio ours/baseline pages/s: {ratio:.2f} (target >= 2)")
    print(f"import summary: {ours['summary'].splitlines()[0]}")
    if args.json:
        figures = {"pages": args.pages, "articles": articles, "warc_bytes": size, "jobs": args.jobs,
                   "ours": ours, "baseline": baseline, "ratio": ratio}
        args.json.write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
