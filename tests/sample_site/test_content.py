"""The articles are data: the expected records match what the pages carry, the seed exactly."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from newsarchive.sample_site import SampleSite

SEED = json.loads((resources.files("newsarchive.sample_site") / "data/seed/expected.json").read_text("utf-8"))
SEED_PATH = "read/635679/" + SEED["url"].rsplit("/", 1)[1]


def test_expected_covers_both_families_with_the_seed() -> None:
    records = []
    for family in ("disway", "wordpress"):
        with SampleSite(family) as site:
            records += site.expected()
    assert len(records) >= 44
    assert {r["source"] for r in records} == {"Radar Palembang", "Kabar Banua"}
    seeds = [r for r in records if r["url"].endswith(SEED_PATH)]
    assert len(seeds) == 1
    seed = seeds[0]
    for key in ("title", "caption", "photo_credit", "dateline", "body_paragraphs", "source", "language"):
        assert seed[key] == SEED[key], key
    assert seed["published"] == "2022-09-03T14:05:00+07:00"


@pytest.mark.parametrize("site", ["disway", "wordpress"], indirect=True)
def test_records_are_well_formed(site: SampleSite) -> None:
    records = site.expected()
    assert len({r["url"] for r in records}) == len(records)
    assert [r["published"] for r in records] == sorted((r["published"] for r in records), reverse=True)
    offset = "+07:00" if site.family.name == "disway" else "+08:00"
    for record in records:
        assert 4 <= len(record["body_paragraphs"]) <= (25 if record["title"] == SEED["title"] else 12)
        assert record["published"].endswith(offset)
        assert record["authors"] and record["dateline"] and record["title"]
        assert record["body_paragraphs"][0].startswith(record["dateline"] + ", ")
    assert sum(r["pages"] > 1 for r in records) >= 2


def test_seed_page_carries_the_seed_noise(site: SampleSite, fetch) -> None:
    html = fetch(site.base_url + SEED_PATH).text
    seed_text = (resources.files("newsarchive.sample_site") / "data/seed/radar-palembang-635679.txt").read_text("utf-8")
    inserts = [line.strip() for line in seed_text.splitlines() if line.startswith("BACA JUGA")]
    assert len(inserts) == 4
    for line in inserts:
        prefix, title = ("BACA JUGA: ", line[11:]) if line.startswith("BACA JUGA: ") else ("BACA JUGA:", line[10:])
        assert f'<p>{prefix}<a href="/">{title}</a></p>' in html
    assert "disabilitas. – Foto:David Karnain/Radar Palembang)--</div>" in html
    assert "<p>Sumber: </p>" in html
    assert "Sabtu 03-09-2022,14:05 WIB" in html
    assert "<title>Kolaborasi BPJS Sumbagsel Dengan Kilang Pertamina Plaju, Berdayakan Kelompok Disabilitas - Radar Palembang</title>" in html


INLINE_INSERT = re.compile(r"(?:<strong>Baca Juga:</strong> |BACA JUGA : )<a [^>]*>[^<]*</a> ?")


@pytest.mark.parametrize("site", ["disway", "wordpress"], indirect=True)
def test_every_body_paragraph_is_on_one_of_the_pages(site: SampleSite, fetch) -> None:
    from html import escape

    for record in site.expected():
        pages = [fetch(record["url"]).text]
        base = record["url"].rstrip("/")
        for number in range(2, record["pages"] + 1):
            pages.append(fetch(f"{base}/{number}" + ("/" if record["url"].endswith("/") else "")).text)
        assert "Selanjutnya" in pages[0] or record["pages"] == 1
        # inserts written into a paragraph (Tribun-style) are the only markup inside one
        text = INLINE_INSERT.sub("", "".join(pages))
        for paragraph in record["body_paragraphs"]:
            assert escape(" ".join(paragraph.split())) in " ".join(text.split()), (record["url"], paragraph[:40])


@pytest.mark.parametrize("site", ["wordpress"], indirect=True)
def test_wordpress_json_ld_carries_the_wita_date(site: SampleSite, fetch) -> None:
    record = site.expected()[0]
    html = fetch(record["url"]).text
    assert f'"datePublished": "{record["published"]}"' in html
    assert '"@type": "NewsArticle"' in html and '"@graph"' in html
    syndicated = [r for r in site.expected() if r["url"].endswith(SEED["url"].rsplit("/", 1)[1] + "/")]
    assert syndicated and syndicated[0]["body_paragraphs"][0].startswith("PALEMBANG, KABARBANUA.COM - ")
    assert "Artikel ini telah tayang di Radar Palembang dengan judul" in fetch(syndicated[0]["url"]).text


@pytest.mark.parametrize("site", ["disway", "wordpress"], indirect=True)
def test_pages_show_indonesian_dates_with_the_local_zone(site: SampleSite, fetch) -> None:
    from datetime import datetime

    days = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
              "Oktober", "November", "Desember"]
    forms_seen = set()
    for record in site.expected():
        moment = datetime.fromisoformat(record["published"])
        day, month = days[moment.weekday()], months[moment.month - 1]
        html = fetch(record["url"]).text
        if site.family.name == "disway":
            forms = {"numeric": f"{day} {moment:%d-%m-%Y,%H:%M} WIB",
                     "long": f"{day}, {moment:%d} {month} {moment.year} | {moment:%H:%M} WIB"}
        else:
            forms = {"wita": f"{day}, {moment.day} {month} {moment.year} {moment:%H:%M} WITA"}
        shown = [name for name, text in forms.items() if text in html]
        assert shown, record["url"]
        forms_seen.update(shown)
    assert forms_seen == set(forms)
