"""Snippets of search hits, cut from the stored text with the best-first index's analyzer."""

from __future__ import annotations

from newsarchive.storage.query import parse
from newsarchive.storage.ranking import terms
from newsarchive.storage.snippets import MARK, snippet


def marked(text: str) -> str:
    return text.replace(MARK[0], "[").replace(MARK[1], "]")


def test_the_window_with_most_query_words_prefixes_and_phrases():
    body = " ".join(f"kata{i}" for i in range(100)) + " Pembangunan jembatan desa Tondo dimulai. " + \
        " ".join(f"lain{i}" for i in range(50))  # fmt: skip
    cut = marked(snippet(("Judul", None, body), terms(parse('pembangun* "desa tondo"'))))
    assert cut.startswith("…kata98 kata99 [Pembangunan] jembatan [desa] [Tondo] dimulai.")
    assert cut.endswith("…") and len(cut.split()) == 24


def test_folded_like_the_index_and_the_start_when_nothing_matches():
    assert marked(snippet(("Banjir di Désa", None, "isi"), terms(parse("desa")))) == "Banjir di [Désa]"
    assert snippet(("Judul berita", None, "Isi"), terms(parse("tidakada"))) == "Judul berita"
    assert snippet((None, None, None), []) == ""
