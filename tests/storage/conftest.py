"""Shared fixtures: a fresh archive and articles to store in it."""

from __future__ import annotations

import pytest

from newsarchive.article import Article
from newsarchive.storage import Archive

BODY = (
    "Banjir melanda Kota Palu setelah hujan deras mengguyur sejak malam hari. Ratusan warga "
    "di Kelurahan Tondo terpaksa mengungsi ke tempat yang lebih tinggi.\n\n"
    "Kepala Badan Penanggulangan Bencana Daerah mengatakan petugas sudah dikerahkan untuk "
    "membantu evakuasi warga lanjut usia dan anak-anak. Bantuan logistik juga disalurkan."
)


def article(n: int = 1, **changes) -> Article:
    """A realistic article; `n` varies its url, title and date."""
    fields = dict(
        url=f"https://kabar.example.id/berita/{n}",
        source="Kabar Sulteng",
        title=f"Banjir rendam permukiman warga {n}",
        caption="Warga menyeberangi genangan di depan masjid raya",
        photo_credit="FOTO: ANTARA",
        body=BODY,
        authors=["ABD"],
        published=f"2024-05-{n % 28 + 1:02d}T10:00:00+08:00",
        section="Daerah",
        tags=["banjir"],
        language="id",
    )
    fields.update(changes)
    return Article(**fields)


@pytest.fixture
def archive(tmp_path) -> Archive:
    with Archive(tmp_path / "data" / "archive.db") as opened:
        yield opened


@pytest.fixture
def make_article():
    return article
