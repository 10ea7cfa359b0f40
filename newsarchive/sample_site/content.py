"""The sample site's articles as data: loading the JSON, the seed, and synthetic articles.

Articles are stored as the *expected normalised record* plus the noise to insert when
rendering (`related`, `pages`, `credit_style`), so tests can compare what the archive
stores against exactly what was published.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import datetime, timedelta, timezone
from importlib import resources
from typing import Any, Callable, Iterator

DATA = resources.files(__package__) / "data"


@dataclass
class SampleArticle:
    """One published story: clean fields plus how to dirty them on the page."""

    id: int
    slug: str
    title: str
    caption: str | None  # None: a story without a lead photo
    photo_credit: str | None
    body_paragraphs: list[str]
    dateline: str
    published: datetime
    authors: list[str]
    editors: list[str]
    section: str
    tags: list[str]
    related: list[dict[str, Any]] = field(default_factory=list)
    pages: int = 1
    credit_style: str = "foto"
    modified: datetime | None = None
    # Paragraphs as the page shows them when they differ from the clean text (the seed).
    raw_paragraphs: list[str] | None = None
    # "Artikel ini telah tayang di <outlet> dengan judul ..." for syndicated copies.
    syndicated_from: str | None = None

    @property
    def last_modified(self) -> datetime:
        return self.modified or self.published

    def page_paragraphs(self, page: int) -> list[tuple[int, str]]:
        """(index, text) of the paragraphs shown on `page` (1-based) of a split article."""
        shown = self.raw_paragraphs or self.body_paragraphs
        size = -(-len(shown) // self.pages)
        start = (page - 1) * size
        return list(enumerate(shown))[start : start + size]


def slugify(text: str) -> str:
    """A URL slug the way Indonesian news CMSs make them from titles."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def article_from_record(record: dict[str, Any]) -> SampleArticle:
    """An article from its JSON form (ISO dates, slug optional)."""
    fields = dict(record)
    fields["published"] = datetime.fromisoformat(fields["published"])
    if fields.get("modified"):
        fields["modified"] = datetime.fromisoformat(fields["modified"])
    fields.setdefault("slug", slugify(fields["title"]))
    return SampleArticle(**fields)


def _seed_article(record: dict[str, Any]) -> SampleArticle:
    """The seed story: clean fields from expected.json, page text and inserts from the copy."""
    expected = json.loads((DATA / "seed" / "expected.json").read_text("utf-8"))
    text = (DATA / "seed" / "radar-palembang-635679.txt").read_text("utf-8")
    lines = [line.strip(" ") for line in text.split("\n\n")][3:]
    raw, related = [], []
    for line in lines:
        if line.startswith("BACA JUGA:"):
            title = line.removeprefix("BACA JUGA:")
            style = "caps_space" if title.startswith(" ") else "caps"
            related.append({"after": len(raw) - 1, "style": style, "titles": [title.strip()]})
        elif line.strip() and not line.startswith("Sumber:"):
            raw.append(line.rstrip())
    fields = dict(record)
    fields.update(
        slug=expected["url"].rsplit("/", 1)[1],
        title=expected["title"],
        caption=expected["caption"],
        photo_credit=expected["photo_credit"],
        dateline=expected["dateline"],
        body_paragraphs=expected["body_paragraphs"],
        raw_paragraphs=raw,
        related=related,
        credit_style="glued",
    )
    fields.pop("seed")
    return article_from_record(fields)


def load_family(name: str, originals: dict[int, SampleArticle] | None = None,
                outlet: str = "", marker: str = "") -> list[SampleArticle]:
    """The hand-written articles of one family, newest first.

    A record with `"syndicate": <id>` is a copy of `originals[id]` as published by
    `outlet`, its own fields (id, published, ...) overriding the original's.
    """
    records = json.loads((DATA / f"{name}.json").read_text("utf-8"))
    articles = []
    for record in records:
        if record.get("seed"):
            articles.append(_seed_article(record))
        elif "syndicate" in record and originals:
            own = {k: v for k, v in record.items() if k != "syndicate"}
            own["published"] = datetime.fromisoformat(own["published"])
            articles.append(syndicate(originals[record["syndicate"]], outlet, marker, **own))
        else:
            articles.append(article_from_record(record))
    return sorted(articles, key=lambda a: a.published, reverse=True)


def syndicate(original: SampleArticle, outlet: str, marker: str, **fields: Any) -> SampleArticle:
    """A sister outlet's copy: same story, `marker` (e.g. `KABARBANUA.COM -`) in the dateline."""
    first, *rest = original.body_paragraphs
    _, _, story = first.partition(" — ")
    body = [f"{original.dateline}, {marker} {story}", *rest]
    style = "foto" if original.credit_style == "glued" else original.credit_style
    return replace(original, body_paragraphs=body, raw_paragraphs=None, syndicated_from=outlet,
                   credit_style=style, **fields)


# --- synthetic articles (scale mode, faults site, publish_next) -------------------------

_PLACES = ["PALEMBANG", "PRABUMULIH", "LUBUKLINGGAU", "BANJARMASIN", "MARTAPURA", "MAKASSAR",
           "PAREPARE", "SAMARINDA", "BALIKPAPAN", "KAYUAGUNG", "BATURAJA", "PALU"]
_TOPICS = [("banjir", "Banjir Rendam Permukiman Warga"), ("pasar", "Harga Cabai Naik di Pasar"),
           ("pemkot", "Pemkot Gelar Rapat Anggaran"), ("sepak-bola", "Klub Lokal Menang Tipis"),
           ("kesehatan", "Puskesmas Buka Layanan Malam"), ("umkm", "Pelaku UMKM Dapat Pelatihan"),
           ("jalan", "Perbaikan Jalan Provinsi Dimulai"), ("pendidikan", "Sekolah Terima Bantuan Buku")]
_SUBJECTS = ["Warga", "Pemerintah kota", "Dinas terkait", "Kepala desa", "Pedagang", "Panitia",
             "Petugas kesehatan", "Ketua RT", "Pelaku usaha", "Pihak kepolisian"]
_VERBS = ["menyampaikan", "memastikan", "menjelaskan", "mengatakan", "menegaskan", "mengakui"]
_OBJECTS = ["kegiatan berjalan lancar sejak pagi", "anggaran sudah disiapkan tahun ini",
            "warga diminta tetap waspada", "harga kebutuhan pokok masih stabil",
            "pendataan akan dilanjutkan pekan depan", "program ini menyasar ratusan keluarga",
            "koordinasi dengan kecamatan terus dilakukan", "hasilnya akan dievaluasi bulan depan",
            "sejumlah ruas jalan masih tergenang", "bantuan disalurkan melalui kelurahan"]
_NAMES = ["Ahmad Fauzi", "Siti Aminah", "Rudi Hartono", "Dewi Lestari", "Hendra Saputra",
          "Nur Hasanah", "Budi Santoso", "Rina Marlina", "Andi Pratama", "Yusuf Maulana"]
SYNTHETIC_START = datetime(2025, 6, 1, 8, 0)


def synthetic_article(index: int, tz: timezone, marker: str, first_id: int = 900000,
                      seed: int = 7) -> SampleArticle:
    """Article number `index` (0 = newest) of a deterministic synthetic stream, ~300 words."""
    rng = random.Random(seed * 1_000_003 + index)
    place = rng.choice(_PLACES)
    tag, headline = rng.choice(_TOPICS)
    title = f"{headline} di {place.title()}, Edisi {index + 1}"
    author, editor = rng.sample(_NAMES, 2)
    paragraphs = []
    for _ in range(rng.randint(6, 9)):
        sentences = [f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} bahwa {rng.choice(_OBJECTS)}."
                     for _ in range(rng.randint(4, 6))]
        paragraphs.append(" ".join(sentences))
    paragraphs[0] = f"{place}, {marker} {paragraphs[0]}"
    paragraphs[-1] += f" ({author.split()[0][:3].lower()})"
    published = (SYNTHETIC_START - timedelta(hours=7 * index, minutes=13 * (index % 4))).replace(tzinfo=tz)
    return SampleArticle(
        id=first_id - index, slug=f"{slugify(title)}", title=title,
        caption=f"Suasana kegiatan di {place.title()} saat {headline.lower()}.",
        photo_credit=rng.choice(["Dok. Humas Pemkot", "Istimewa", f"{author}"]),
        body_paragraphs=paragraphs, dateline=place, published=published,
        authors=[author], editors=[editor], section=tag.replace("-", " ").title(), tags=[tag, place.lower()],
        related=[{"after": 1, "style": rng.choice(["caps", "lower", "strong"]), "n": 1}],
        pages=1 + (index % 5 == 3),
    )


class ArticleStore:
    """The articles a running site publishes, newest first; synthetic ones built on demand.

    Synthetic articles are generated from their index, so a site of 100,000 articles
    holds only the few that were added or revised.
    """

    def __init__(self, articles: list[SampleArticle], synthetic: int = 0,
                 make: Callable[[int], SampleArticle] | None = None) -> None:
        self._fixed = list(articles)
        self._synthetic = synthetic
        # every page shows a few recent articles (sidebar, related links): keep those built
        self._make = lru_cache(maxsize=512)(make) if make else make
        self._overrides: dict[int, SampleArticle] = {}

    def __len__(self) -> int:
        return len(self._fixed) + self._synthetic

    def __getitem__(self, position: int) -> SampleArticle:
        if position < 0:
            position += len(self)
        if not 0 <= position < len(self):
            raise IndexError(position)
        if position < len(self._fixed):
            return self._fixed[position]
        index = position - len(self._fixed)
        return self._overrides.get(index) or self._make(index)

    def __iter__(self) -> Iterator[SampleArticle]:
        return (self[i] for i in range(len(self)))

    def slice(self, start: int, stop: int) -> list[SampleArticle]:
        return [self[i] for i in range(start, min(stop, len(self)))]

    def newest_change(self, start: int, stop: int) -> datetime | None:
        """The latest `last_modified` among positions [start, stop), without building every
        synthetic article: unrevised ones change newest first, so their first one stands for all."""
        stop = min(stop, len(self))
        fixed = [a.last_modified for a in self._fixed[start:stop]]
        first = max(start, len(self._fixed))
        synthetic = [self[first].last_modified] if first < stop else []
        revised = [a.last_modified for i, a in self._overrides.items() if first <= len(self._fixed) + i < stop]
        return max([*fixed, *synthetic, *revised], default=None)

    def get(self, article_id: int) -> SampleArticle | None:
        for article in self._fixed:
            if article.id == article_id:
                return article
        if self._synthetic:
            index = self._make(0).id - article_id
            if 0 <= index < self._synthetic:
                return self[len(self._fixed) + index]
        return None

    def by_slug(self, slug: str) -> SampleArticle | None:
        found = next((a for a in self._fixed if a.slug == slug), None)
        if found is None and self._synthetic:
            number = re.search(r"-edisi-(\d+)$", slug)
            if number and 0 < int(number.group(1)) <= self._synthetic:
                candidate = self[len(self._fixed) + int(number.group(1)) - 1]
                found = candidate if candidate.slug == slug else None
        return found

    def add(self, article: SampleArticle) -> None:
        self._fixed.insert(0, article)
        self._fixed.sort(key=lambda a: a.published, reverse=True)

    def update(self, article: SampleArticle) -> None:
        for position, existing in enumerate(self._fixed):
            if existing.id == article.id:
                self._fixed[position] = article
                return
        self._overrides[self._make(0).id - article.id] = article
