"""Syndicated and near-duplicate stories are linked at store time, never merged."""

from __future__ import annotations

from newsarchive.storage import dedup

STORY = " ".join(
    f"Kalimat nomor {i} tentang banjir yang melanda Kabupaten Donggala pada pekan ini."
    for i in range(20)
)


def test_copies_are_linked_to_first_publication(archive, make_article):
    archive.store(make_article(1, body=STORY, published="2024-05-01T08:00:00+08:00"))
    edited = "DONGGALA - " + STORY.replace("nomor 7", "ketujuh")
    archive.store(make_article(2, source="Radar", body=edited, published="2024-05-01T09:00:00+08:00"))
    other = " ".join(f"Harga cabai di pasar {i} naik tajam menjelang hari raya." for i in range(20))
    archive.store(make_article(3, body=other))
    found = dict(archive.db.execute(
        "SELECT substr(url, -1), (SELECT substr(url, -1) FROM articles r WHERE r.id = a.duplicate_of)"
        " FROM articles a"
    ).fetchall())  # fmt: skip
    assert found == {"1": None, "2": "1", "3": None}
    assert archive.stats()["duplicates"] == 1


def test_earlier_copy_arriving_later_becomes_the_root(archive, make_article):
    archive.store(make_article(1, body=STORY, published="2024-05-03T08:00:00+08:00"))
    archive.store(make_article(2, body=STORY, published="2024-05-02T08:00:00+08:00"))
    archive.store(make_article(3, body=STORY, published="2024-05-04T08:00:00+08:00"))
    roots = {r for (r,) in archive.db.execute("SELECT duplicate_of FROM articles")}
    (root_url,) = archive.db.execute(
        "SELECT url FROM articles WHERE duplicate_of IS NULL"
    ).fetchone()
    assert root_url.endswith("/2") and len(roots) == 2  # {None, id of 2}


def test_short_bodies_are_not_compared():
    assert dedup.signature("Singkat saja. Dua kalimat.") is None


def test_similarity_estimates_jaccard():
    a = dedup.signature(STORY)
    assert dedup.similarity(a, dedup.signature("PALU - " + STORY)) > 0.8
    assert dedup.similarity(a, dedup.signature(STORY.upper())) == 1.0  # case-folded
