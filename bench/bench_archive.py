"""Archive benchmark: ingest rate, search latency, size and memory at up to a million articles.

Usage: python bench/bench_archive.py [--articles N] [--dir DIR [--reuse]] [--queries 200] [--json PATH]

Builds the same synthetic archive twice, through `Archive.store_many` (best-first index
included) and through a plain sqlite-utils `insert_all` + `enable_fts` (the baseline), then
runs the same realistic queries on both, best-first and newest-first, and prints a table
with the ratio to the baseline; then how often best-first's top 10 equals the top 10 of a
full BM25 sort that scores every match (the same weighting, no skipping), and what FTS5's
own full bm25 sort costs for comparison. `--reuse` keeps the databases of an earlier run
in `--dir` (and its build figures, from `build.json`) and only queries. Text is
Indonesian-like: real function and news words at the top of a Zipf distribution, then
generated words built from Indonesian syllables and affixes.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
import sqlite_utils

from newsarchive.article import Article
from newsarchive.storage import Archive
from newsarchive.storage import rows
from newsarchive.storage.query import match_expression, to_fts
from newsarchive.storage.ranking import RankingIndex, folder_of

COMMON = """yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena tersebut
bisa ada mereka lebih sudah atau telah oleh kata tahun kami harus sebagai masyarakat
pemerintah kota daerah warga polisi kabupaten provinsi bupati gubernur presiden jakarta desa
kecamatan banjir jalan rumah sakit sekolah pendidikan ekonomi harga pasar petani nelayan
bencana gempa kebakaran korban pembangunan anggaran dana bantuan sosial kesehatan dinas kepala
ketua dprd partai pemilu kampanye calon suara hasil rapat kegiatan program masjid gereja
pelabuhan bandara kapal laut hujan longsor tanah air listrik pln pertamina minyak bensin solar
palu makassar manado kendari gorontalo mamuju ambon ternate sulawesi maluku papua kalimantan
tengah selatan utara barat timur pasien dokter perawat puskesmas vaksin covid siswa guru
mahasiswa universitas kampus kejaksaan pengadilan hakim terdakwa korupsi tersangka kasus
penyidik operasi narkoba sabu pencurian pembunuhan kecelakaan lalu lintas sepeda motor mobil
truk jembatan proyek kontraktor investasi tambang nikel emas sawit perkebunan hutan sungai
danau pantai wisata festival budaya adat tari musik olahraga sepak bola atlet pertandingan
juara menang kalah gol stadion""".split()
ONSETS = ["", "b", "d", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "w", "ng", "ny"]
VOWELS = ["a", "a", "i", "u", "e", "o"]
PREFIXES = ["", "", "me", "mem", "men", "meng", "ber", "di", "ter", "pe", "pen", "ke", "se"]
SUFFIXES = ["", "", "", "kan", "an", "nya", "i", "lah"]
VOCABULARY = 60_000
SOURCES = [f"Kabar {name}" for name in (
    "Palu", "Sulteng", "Makassar", "Manado", "Kendari", "Gorontalo", "Mamuju", "Ambon",
    "Ternate", "Jayapura", "Sorong", "Kupang", "Mataram", "Denpasar", "Banjarmasin",
    "Samarinda", "Pontianak", "Balikpapan", "Luwuk", "Poso",
)]  # fmt: skip
START = datetime(2021, 1, 1, tzinfo=timezone(timedelta(hours=8)))
SPAN_SECONDS = 3 * 365 * 86400
BODY_WORDS = 400


def vocabulary(rng: random.Random) -> list[str]:
    """Real words first (most frequent), then generated Indonesian-looking words."""
    words, seen = list(COMMON), set(COMMON)
    while len(words) < VOCABULARY:
        stem = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.randint(2, 3)))
        word = rng.choice(PREFIXES) + stem + rng.choice(SUFFIXES)
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


class Corpus:
    """A deterministic stream of N synthetic articles in publication order."""

    def __init__(self, n: int, seed: int = 1) -> None:
        self.n = n
        self.words = np.array(vocabulary(random.Random(seed)), dtype=object)
        weights = 1.0 / np.arange(1, VOCABULARY + 1) ** 1.05
        self.cumulative = np.cumsum(weights / weights.sum())
        self.seed = seed

    def sample(self, rng: np.random.Generator, count: int) -> np.ndarray:
        picks = np.searchsorted(self.cumulative, rng.random(count))
        return self.words[np.minimum(picks, VOCABULARY - 1)]

    def articles(self) -> Iterator[Article]:
        rng = np.random.default_rng(self.seed)
        step = SPAN_SECONDS / self.n
        for i in range(self.n):
            words = self.sample(rng, BODY_WORDS + 20)
            body = words[20:]
            paragraphs = [" ".join(body[j : j + 80]).capitalize() + "." for j in range(0, BODY_WORDS, 80)]
            published = START + timedelta(seconds=int(i * step + rng.integers(0, max(1, step))))
            source = SOURCES[int(rng.integers(0, len(SOURCES)))]
            yield Article(
                url=f"https://{source.split()[1].lower()}.example.id/berita/{i}",
                source=source,
                title=" ".join(words[:8]).capitalize(),
                caption=" ".join(words[8:20]).capitalize(),
                body="\n\n".join(paragraphs),
                authors=["RED"],
                published=published.isoformat(),
                section="Daerah",
                tags=[],
                language="id",
            )


def plain_rows(corpus: Corpus) -> Iterator[dict]:
    for article in corpus.articles():
        row = article.to_dict()
        for name in ("authors", "tags", "editors"):
            row[name] = ",".join(row[name])
        yield row


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def progress(label: str, done: int, total: int, started: float) -> None:
    rate = done / max(time.perf_counter() - started, 1e-9)
    print(f"  {label}: {done:,}/{total:,} ({rate:,.0f}/s)", file=sys.stderr, flush=True)


class Counted:
    """Wraps the article stream: prints progress, and times generation so it can be excluded."""

    def __init__(self, items: Iterator, label: str, total: int) -> None:
        self.items, self.label, self.total = iter(items), label, total
        self.generating = 0.0

    def __iter__(self) -> Iterator:
        started = time.perf_counter()
        for i in range(1, self.total + 1):
            before = time.perf_counter()
            item = next(self.items)
            self.generating += time.perf_counter() - before
            if i % 50_000 == 0:
                progress(self.label, i, self.total, started)
            yield item


def queries(corpus: Corpus, count: int, rng: random.Random) -> list[dict]:
    """Realistic queries: one word, two words, phrase, prefix, with source or date filter."""
    content = [w for w in corpus.words[:5000] if len(w) > 3][100:]  # news words, not stopwords
    # the archive's own first article: its words are the corpus's, so the phrases occur
    sample_article = next(iter(Corpus(1, seed=corpus.seed).articles()))
    body_words = sample_article.body.replace(".", "").lower().split()
    kinds = ["word", "two", "phrase", "prefix", "source", "date"]
    made = []
    for i in range(count):
        kind = kinds[i % len(kinds)]
        word = rng.choice(content)
        query = {"kind": kind, "q": word}
        if kind == "two":
            query["q"] = f"{word} {rng.choice(content)}"
        elif kind == "phrase":
            # a phrase that occurs: two adjacent words of a generated body
            j = rng.randrange(len(body_words) - 1)
            query["q"] = f'"{body_words[j]} {body_words[j + 1]}"'
        elif kind == "prefix":
            query["q"] = word[: rng.randint(3, 5)] + "*"
        elif kind == "source":
            query["source"] = rng.choice(SOURCES)
        elif kind == "date":
            day = START + timedelta(days=rng.randrange(3 * 365 - 31))
            query["since"] = day.date().isoformat()
            query["until"] = (day + timedelta(days=30)).date().isoformat()
        made.append(query)
    return made


def ours(archive: Archive, query: dict, order: str) -> int:
    return len(
        archive.search(
            query["q"], source=query.get("source"), since=query.get("since"),
            until=query.get("until"), order=order,
        )
    )  # fmt: skip


def bounds(query: dict) -> tuple[int, int]:
    lo = rows.date_bound(query["since"], end=False, option="since") if "since" in query else -(2**63)
    hi = rows.date_bound(query["until"], end=True, option="until") if "until" in query else 2**63 - 1
    return lo, hi


def full_sort_top(archive: Archive, query: dict, k: int = 10) -> list[float]:
    """The scores of the true top k by the archive's BM25 weighting: every match scored and
    sorted. Scores, not ids, so that a tie broken another way still counts as exact."""
    lo, hi = bounds(query)
    found = RankingIndex.of(archive.path).top(
        archive.db.conn, query["q"], source=query.get("source"), lo=lo, hi=hi, limit=k,
        exhaustive=True,
    )  # fmt: skip
    return [round(score, 4) for _, score in found]


FTS5_WEIGHTS = "10.0, 4.0, 1.0, 0.0"  # title, caption, body, source_key: the old best-first


def fts5_sort(archive: Archive, query: dict, k: int = 10) -> int:
    """FTS5's own exact ranking, for comparison: bm25 of every match, sorted."""
    lo, hi = bounds(query)
    bm25 = f"bm25(articles_fts, {FTS5_WEIGHTS})"
    return len(archive.db.execute(
        f"SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
        f" AND rowid BETWEEN ? AND ? ORDER BY {bm25} LIMIT ?",
        [match_expression(query["q"], query.get("source")), lo, hi, k],
    ).fetchall())  # fmt: skip


def best_top(archive: Archive, query: dict, k: int = 10) -> list[float]:
    hits = archive.search(query["q"], source=query.get("source"), since=query.get("since"),
                          until=query.get("until"), limit=k)  # fmt: skip
    return [round(hit.score, 4) for hit in hits]


def plain(db: sqlite_utils.Database, query: dict, order: str) -> int:
    """The same query on the baseline through sqlite-utils' own `search` (bm25 or date)."""
    where, args = [], {}
    if "source" in query:
        where.append("source = :source")
        args["source"] = query["source"]
    if "since" in query:
        where.append("published >= :since AND published < :until")
        args.update(since=query["since"], until=query["until"] + "T23:59:59")
    results = db["articles"].search(
        to_fts(query["q"]),
        order_by="published desc" if order == "newest" else None,
        columns=["url", "title", "source", "published"],
        limit=20,
        where=" AND ".join(where) or None,
        where_args=args or None,
    )
    return len(list(results))


def latencies(run, target, qs: list[dict], order: str) -> list[float]:
    out = []
    for query in qs:
        started = time.perf_counter()
        run(target, query, order)
        out.append((time.perf_counter() - started) * 1000)
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def db_size(path: Path) -> int:
    """The database file, its WAL, and the best-first index folder beside it."""
    files = [*path.parent.glob(path.name + "*"), *folder_of(path).glob("*")]
    return sum(p.stat().st_size for p in files if p.is_file())


def build_ours(path: Path, n: int) -> tuple[float, float, float]:
    """Seconds, of which generating the articles, and peak MB of storing n articles."""
    started = time.perf_counter()
    stream = Counted(Corpus(n).articles(), "Archive.store_many", n)
    with Archive(path) as archive:
        archive.store_many(stream)
        archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return time.perf_counter() - started, stream.generating, peak_mb()


def build_plain(path: Path, n: int) -> tuple[float, float, float]:
    """The same for sqlite-utils: `insert_all` into a bare table, then `enable_fts`."""
    started = time.perf_counter()
    stream = Counted(plain_rows(Corpus(n)), "plain insert_all", n)
    baseline = sqlite_utils.Database(path)
    baseline["articles"].insert_all(stream)
    print("  plain enable_fts ...", file=sys.stderr, flush=True)
    baseline["articles"].enable_fts(["title", "caption", "body"])
    return time.perf_counter() - started, stream.generating, peak_mb()


def in_own_process(build: Callable[..., tuple[float, float, float]], *args) -> tuple[float, float, float]:
    """`build(*args)` in a fresh interpreter, so its peak memory is its own."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(build, *args).result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--dir", type=Path, help="where to build the databases (kept)")
    parser.add_argument("--reuse", action="store_true",
                        help="query the databases an earlier run built in --dir, do not build")
    parser.add_argument("--json", type=Path, help="also write the headline numbers here as JSON")
    args = parser.parse_args()
    n = args.articles
    if args.reuse and not args.dir:
        parser.error("--reuse needs --dir")
    workdir = args.dir or Path(tempfile.mkdtemp(prefix="bench-archive-"))
    workdir.mkdir(parents=True, exist_ok=True)
    ours_path, plain_path = workdir / "ours.db", workdir / "plain.db"
    corpus = Corpus(n)
    print(f"archive benchmark: {n:,} articles, {args.queries} queries, in {workdir}", file=sys.stderr)
    built = workdir / "build.json"
    if args.reuse:
        figures = json.loads(built.read_text())
        if figures["articles"] != n:
            parser.error(f"{workdir} holds {figures['articles']:,} articles, not {n:,}")
    else:
        for path in (ours_path, plain_path):
            for file in path.parent.glob(path.name + "*"):
                file.unlink()
        shutil.rmtree(folder_of(ours_path), ignore_errors=True)
        # each build in a process of its own, so that each peak memory is its own
        figures = {"articles": n, "ours": in_own_process(build_ours, ours_path, n),
                   "plain": in_own_process(build_plain, plain_path, n)}  # fmt: skip
        built.write_text(json.dumps(figures))
    (ours_s, ours_gen, ours_peak), (plain_s, plain_gen, plain_peak) = figures["ours"], figures["plain"]
    baseline = sqlite_utils.Database(plain_path)

    qs = queries(corpus, args.queries, random.Random(7))
    results = {}
    with Archive(ours_path, create=False) as archive:
        for order in ("best", "newest"):
            latencies(ours, archive, qs[:10], order)  # warm the page cache
            results[("ours", order)] = latencies(ours, archive, qs, order)
        # exactness of best-first: its top 10 against a full bm25 sort of every match
        exact = [best_top(archive, q) == full_sort_top(archive, q) for q in qs]
        results[("full", "best")] = latencies(lambda a, q, _: fts5_sort(a, q), archive, qs, "best")
    query_peak = peak_mb()
    for order in ("best", "newest"):
        latencies(plain, baseline, qs[:10], order)
        results[("plain", order)] = latencies(plain, baseline, qs, order)

    ours_rate, plain_rate = n / (ours_s - ours_gen), n / (plain_s - plain_gen)
    lines = [
        f"| measure | newsarchive | plain sqlite-utils | ratio |",
        f"|---|---:|---:|---:|",
        f"| ingest, articles/s (generation excluded) | {ours_rate:,.0f} | {plain_rate:,.0f} | {ours_rate / plain_rate:.2f} |",
        f"| ingest wall time incl. generation, s | {ours_s:,.0f} | {plain_s:,.0f} | {ours_s / plain_s:.2f} |",
    ]  # fmt: skip
    for order in ("best", "newest"):
        for p in (50, 95):
            mine, base = percentile(results[("ours", order)], p), percentile(results[("plain", order)], p)
            lines.append(f"| search {order}-first p{p}, ms | {mine:.1f} | {base:.1f} | {mine / base:.3f} |")
    ours_size, plain_size = db_size(ours_path), db_size(plain_path)
    lines += [
        f"| database bytes per article | {ours_size / n:,.0f} | {plain_size / n:,.0f} | {ours_size / plain_size:.2f} |",
        f"| peak memory of the build process, MB | {ours_peak:,.0f} | {plain_peak:,.0f} | {ours_peak / plain_peak:.2f} |",
        f"| peak memory of the query process, MB | {query_peak:,.0f} | | |",
    ]  # fmt: skip
    by_kind, kinds_json = [], {}
    for order in ("best", "newest"):
        for kind in ("word", "two", "phrase", "prefix", "source", "date"):
            values = [t for t, q in zip(results[("ours", order)], qs) if q["kind"] == kind]
            p50, p95 = statistics.median(values), percentile(values, 95)
            by_kind.append(f"{order}/{kind} p50 {p50:.1f} p95 {p95:.1f}")
            kinds_json[f"{order}_{kind}_p95_ms"] = round(p95, 1)
    print(f"\n{n:,} articles, {len(qs)} queries, {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC")
    print(platform.platform(), "|", subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip(), "cores")
    print("\n".join(lines))
    full = results[("full", "best")]
    exact_share = sum(exact) / len(exact)
    print("\nnewsarchive latency by query kind (ms): " + "; ".join(by_kind))
    print(f"\nbest-first top 10 equal to a full BM25 sort's: {exact_share:.2f} of queries"
          f" (misses by kind: {', '.join(q['kind'] for q, ok in zip(qs, exact) if not ok) or 'none'});"
          f" FTS5's full bm25 sort, top 10: p50 {statistics.median(full):.1f} ms, p95 {percentile(full, 95):.1f} ms")
    if args.json:
        args.json.write_text(json.dumps({
            "articles": n, "ingest_ratio": round(ours_rate / plain_rate, 3),
            "best_p95_ms": round(percentile(results[("ours", "best")], 95), 1),
            "newest_p95_ms": round(percentile(results[("ours", "newest")], 95), 1),
            "best_exact_share": round(exact_share, 3),
            "fts5_sort_p95_ms": round(percentile(full, 95), 1),
            "bytes_per_article": round(ours_size / n), "build_peak_mb": round(ours_peak),
            "query_peak_mb": round(query_peak), **kinds_json,
        }, indent=2) + "\n")  # fmt: skip
    if args.dir is None:
        shutil.rmtree(workdir)


if __name__ == "__main__":
    main()
