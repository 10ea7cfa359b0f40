"""Best-first search: exact top results from the index beside the archive, kept in step with
every writer of the archive."""

from __future__ import annotations

import random
import shutil
import sqlite3

import pytest
import sqlite_utils

from newsarchive.storage import Archive
from newsarchive.storage.ranking import RankingIndex, folder_of
from newsarchive.storage.search import ranked

WORDS = "banjir bandang posko pengungsi warga desa lumpur relawan dapur umum pasar harga cabai".split()


@pytest.fixture
def many(archive, make_article):
    """300 articles of random news words, so that scores differ and the top 10 must be sought."""
    rng = random.Random(3)
    archive.store_many([
        make_article(
            n, title=" ".join(rng.choices(WORDS, k=rng.randint(2, 6))),
            caption=" ".join(rng.choices(WORDS, k=rng.randint(0, 8))),
            body=" ".join(rng.choices(WORDS, k=rng.randint(5, 200))),
            source=rng.choice(["Radar Palu", "Kabar Sulteng"]),
            published=f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T09:00:00+07:00",
        )
        for n in range(1, 301)
    ])  # fmt: skip
    return archive


def urls(hits) -> list[str]:
    return [hit.url.rsplit("/", 1)[1] for hit in hits]


@pytest.mark.parametrize("query, options", [
    ("banjir", {}), ("banjir posko", {}), ('"dapur umum"', {}), ("pen*", {}),
    ("cabai", {"source": "Radar Palu"}), ("warga", {"since": "2024-03-01", "until": "2024-05-31"}),
    ("lumpur OR relawan NOT harga", {}),
])  # fmt: skip
def test_top_ten_is_the_top_of_every_match_scored(many, query, options):
    index = RankingIndex.of(many.path)
    lo, hi = -(2**63), 2**63 - 1
    if options.get("since"):
        from newsarchive.storage import rows

        lo = rows.date_bound(options["since"], end=False, option="since")
        hi = rows.date_bound(options["until"], end=True, option="until")
    source = options.get("source")
    top = index.top(many.db.conn, query, source=source, lo=lo, hi=hi, limit=10)
    every = index.top(many.db.conn, query, source=source, lo=lo, hi=hi, limit=10, exhaustive=True)
    assert len(top) == 10
    assert [round(score, 4) for _, score in top] == [round(score, 4) for _, score in every]


@pytest.mark.parametrize("query", ["banjir", "banjir posko", '"dapur umum"', "pen*", "lumpur OR relawan NOT harga",
                                   "desa NOT warga OR cabai", "posko AND umum"])  # fmt: skip
def test_best_first_finds_what_fts5_finds(many, query):
    """The same query language means the same matches in both indexes (FTS5's precedence)."""
    best = ranked(many.db.conn, query, limit=1000)
    newest = ranked(many.db.conn, query, limit=1000, order="newest")
    assert sorted(i for i, _ in best) == sorted(i for i, _ in newest)
    scores = [score for _, score in best]
    assert scores == sorted(scores, reverse=True) and all(s is None for _, s in newest)


def test_title_weighs_more_and_a_prefix_is_one_term(archive, make_article):
    archive.store(make_article(1, title="Rapat warga", caption="", body="Pembangunan jembatan dibahas."))
    archive.store(make_article(2, title="Pembangunan jembatan", caption="", body="Rapat warga desa."))
    assert urls(archive.search("pembangunan")) == ["2", "1"]
    assert urls(archive.search("pemb*")) == ["2", "1"]
    assert urls(archive.search("pembangunanx*")) == []
    assert urls(archive.search("Pembangunán")) == ["2", "1"]  # diacritics folded, as FTS5 does


def test_plain_sqlite_utils_writes_are_searched_best_first(archive, make_article):
    """Triggers log every write, whoever makes it; the next best-first search applies them."""
    archive.store(make_article(1, title="Banjir di Sigi"))
    assert urls(archive.search("banjir")) == ["1"]
    other = sqlite_utils.Database(archive.path)
    other["articles"].insert({"id": 5, "url": "https://x.example.id/5", "title": "Banjir bandang"})
    assert sorted(urls(archive.search("bandang"))) == ["5"]
    other["articles"].update(5, {"title": "Longsor"})
    assert urls(archive.search("bandang")) == [] and urls(archive.search("longsor")) == ["5"]
    other["articles"].delete(5)
    assert urls(archive.search("longsor")) == []
    other.close()


def test_store_many_leaves_the_index_current_and_the_log_short(many):
    assert many.db.execute("SELECT count(*) FROM ranking_changes").fetchone()[0] == 0
    assert RankingIndex.of(many.path).synced() > 0


def test_a_deleted_index_is_rebuilt_by_the_next_search(many):
    before = urls(many.search("banjir posko"))
    shutil.rmtree(folder_of(many.path))
    RankingIndex._open.clear()  # a new process
    assert urls(many.search("banjir posko")) == before


def test_a_read_only_connection_keeps_the_index_in_step(archive, make_article):
    """Datasette opens the archive read-only: the index folder is written, the archive never."""
    archive.store(make_article(1, title="Banjir di Sigi"))
    archive.store(make_article(2, title="Banjir di Palu"))
    reader = sqlite3.connect(f"file:{archive.path}?mode=ro", uri=True)
    assert sorted(i for i, _ in ranked(reader, "banjir")) == sorted(
        i for (i,) in archive.db.execute("SELECT id FROM articles"))  # fmt: skip
    reader.close()


def test_the_end_of_a_crawl_brings_the_index_up_to_date(archive, make_article):
    crawl = archive.start_crawl("kabar.example.id")
    archive.store(make_article(1, title="Banjir di Sigi"), crawl_id=crawl)
    assert archive.db.execute("SELECT count(*) FROM ranking_changes").fetchone()[0] > 0
    archive.finish_crawl(crawl, "finished", {"new": 1})
    assert archive.db.execute("SELECT count(*) FROM ranking_changes").fetchone()[0] == 0
    assert urls(archive.search("banjir")) == ["1"]
