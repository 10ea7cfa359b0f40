"""Publication and modification dates, always with a UTC offset (a bare day: its midnight).

Order of trust: structured data, then `<time datetime>` and date-classed
elements in the article's own header, then the visible text there. A wall-clock
time without an offset takes the zone named next to it (WIB, CET, ...), else
the site's country (TLD, then `<html lang>`), else UTC.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from lxml.html import HtmlElement

from ..normalisation.rules import (COUNTRY_ZONES, DAYS, LANGUAGE_COUNTRIES, LANGUAGES, MONTHS, TIME_ZONES,
                                   merged)
from .dom import class_id
from .structured import Structured

PUBLISHED_META = ("article:published_time", "og:article:published_time", "datepublished",
                  "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued",
                  "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "date",
                  "sailthru.date", "parsely-pub-date", "article.published", "og:published_time",
                  "cxenseparse:recs:publishtime", "article_date_original", "originalpublicationdate")
# A CMS's own name for the publication time ("content_PublishedDate", "dtk:publishdate"),
# read when none of the usual names is there.
_OWN_PUBLISHED_META = re.compile(r"publish|pubdate|pub_date|posted|created")
_OWN_MODIFIED_META = re.compile(r"modified|updated")
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                 "last-modified", "article.updated", "dc.date.modified")

_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_TZ = "|".join(sorted(TIME_ZONES, key=len, reverse=True))
_TIME = (r"(?:[\s,|•·/–-]*(?:pukul|jam|um|at|à|a\s+las|alle|kl\.?|klo)?\s*(?P<H>\d{1,2})[:.h](?P<M>\d{2})"
         r"(?:[:.](?P<S>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\.?)?\s*(?:Uhr|h)?\s*"
         rf"(?:\(?(?P<tz>{_TZ})\b\)?|(?P<off>(?:UTC|GMT)?\s?[+-]\d{{1,2}}(?::?\d{{2}})?))?)?")
_FILLER = rf"(?:(?:{'|'.join(merged('DATE_FILLERS'))})\s+)?"
_DATE_FORMS = [
    rf"(?P<d>\d{{1,2}})\.?\s*{_FILLER}(?P<mon>{_MONTH})\.?,?\s+{_FILLER}(?P<y>\d{{4}})",
    rf"(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
    r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)",
    r"(?<!\d)(?P<d>\d{1,2})[-/.](?P<m>\d{1,2})[-/.](?P<y>\d{4})",
]
_VISIBLE = [re.compile(rf"(?<![\w]){form}{_TIME}", re.I) for form in _DATE_FORMS]
_RELATIVE = [
    (re.compile(lang.RELATIVE_FORM.format(units="|".join(sorted(lang.RELATIVE_UNITS, key=len, reverse=True))),
                re.I), lang.RELATIVE_UNITS)
    for lang in LANGUAGES.values() if hasattr(lang, "RELATIVE_FORM")
]
_DAY_NAME = "|".join(sorted(map(re.escape, DAYS), key=len, reverse=True))
_DAY_FIRST = re.compile(rf"\s*(?:{_DAY_NAME})\b[,.]?\s+\d", re.I)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_OTHER_LANGUAGE_TRIES = 3
_ISO = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}:\d{2}(?::\d{2})?)(?:[.,]\d+)?\s*"
                  r"(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?)?\s*$", re.I)
_DATE_CLASS = re.compile(r"date|time|publish|posted|tanggal|waktu|datum|zeit|fecha|data|meta|byline|info|author",
                         re.I)
# A zone name written beside a clock ("14:30 WIB"): a date line, whatever its element is called.
_CLOCK_AND_ZONE = re.compile(rf"\d[:.]\d\d\s*\(?(?:{_TZ})\b", re.I)
# "14:30 WIB, Senin 12 Desember 2016": the clock written before the day.
_CLOCK_FIRST = re.compile(rf"(?<!\d)(?P<H>\d{{1,2}})[:.](?P<M>\d{{2}})\s*(?:\(?(?P<tz>{_TZ})\b\)?)?[\s,|•·/–-]*"
                          rf"(?:(?:{_DAY_NAME})\b[,.]?\s*)?$", re.I)


def site_zone(url: str, language: str | None) -> ZoneInfo | None:
    """The zone of the site's country: the host's TLD, else the page language's region."""
    tld = (urlsplit(url).hostname or "").rsplit(".", 1)[-1].lower()
    country = "uk" if tld == "gb" else tld
    if country not in COUNTRY_ZONES and language:
        parts = language.lower().replace("_", "-").split("-")
        country = parts[1] if len(parts) > 1 and parts[1] in COUNTRY_ZONES else \
            LANGUAGE_COUNTRIES.get(parts[0], "")
        country = "uk" if country == "gb" else country
    name = COUNTRY_ZONES.get(country)
    return ZoneInfo(name) if name else None


def _offset(text: str) -> timezone | None:
    text = text.upper().replace("UTC", "").replace("GMT", "").strip()
    if text == "Z" or not text:
        return timezone.utc
    m = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", text)
    if not m:
        return None
    delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3) or 0))
    return timezone(-delta if m.group(1) == "-" else delta)


def _localise(moment: datetime, zone: timezone | ZoneInfo | None) -> str:
    """ISO 8601 with an offset; `zone` is the fallback when the moment is naive."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone or timezone.utc)
    return moment.isoformat()


def _zone_word(word: str | None) -> timezone | None:
    if not word:
        return None
    return timezone(timedelta(hours=TIME_ZONES[word.upper()]))


def parse_iso(value: str, zone: timezone | ZoneInfo | None) -> str | None:
    """A machine-readable date as ISO with offset; a bare day stays a bare day."""
    m = _ISO.match(value.replace("/", "-")) if value else None
    if not m:
        return parse_visible(value or "", zone)
    day, clock, off = m.groups()
    try:
        if not clock:
            return date.fromisoformat(day).isoformat()
        hour, rest = clock.split(":", 1)
        moment = datetime.fromisoformat(f"{day}T{hour.zfill(2)}:{rest}")  # "4:10:00" is 04:10
    except ValueError:  # "2022-13-45", "25:00": no such moment
        return None
    tz = _offset(off) if off else None
    return _localise(moment.replace(tzinfo=tz) if tz else moment, zone)


def parse_visible(text: str, zone: timezone | ZoneInfo | None) -> str | None:
    """The first human-written date in `text` (Indonesian, English, German forms)."""
    for pattern in _VISIBLE:
        m = pattern.search(text)
        if not m:
            continue
        g = m.groupdict()
        month = MONTHS.get(g["mon"].lower().rstrip(".")) if g.get("mon") else int(g["m"])
        try:
            day = date(int(g["y"]), month, int(g["d"]))
        except (TypeError, ValueError):
            continue
        if g["H"] is None:
            g = _clock_before(text[:m.start()]) or g
        if g["H"] is None:
            return day.isoformat()
        hour = int(g["H"]) % 24
        if g["ampm"]:
            hour = hour % 12 + (12 if g["ampm"].lower().startswith("p") else 0)
        try:
            moment = datetime(day.year, day.month, day.day, hour, int(g["M"]), int(g["S"] or 0))
        except ValueError:
            return day.isoformat()
        tz = _zone_word(g["tz"]) or (_offset(g["off"]) if g["off"] else None)
        return _localise(moment.replace(tzinfo=tz) if tz else moment, zone)
    return None


def _clock_before(text: str) -> dict[str, str | None] | None:
    """The clock written just before a date ("14:30 WIB, Senin ..."), as the date pattern's groups."""
    found = _CLOCK_FIRST.search(text[-40:])
    if not found:
        return None
    return {"H": found.group("H"), "M": found.group("M"), "S": None, "ampm": None, "tz": found.group("tz"),
            "off": None}


def parse_relative(text: str, now: datetime) -> str | None:
    """`2 jam lalu`, `3 hours ago`, `vor 5 Minuten`: the moment that many units before `now`."""
    for pattern, units in _RELATIVE:
        found = pattern.search(text)
        if found:
            seconds = int(found.group("n")) * units[found.group("unit").lower()]
            return (now - timedelta(seconds=seconds)).replace(microsecond=0).isoformat()
    return None


def _visible_candidates(regions: list[HtmlElement]) -> list[str]:
    """Texts of the date-like elements of the article's own regions, in order."""
    out: list[str] = []
    for region in regions:
        out.extend(_region_candidates(region))
    return out


def _region_candidates(scope: HtmlElement) -> list[str]:
    out = []
    for el in scope.iter("time"):
        out.append(el.get("datetime") or "")
        out.append(el.text_content())
    for el in scope.iter():
        if not isinstance(el.tag, str):
            continue
        classed = (el.get("class") or el.get("id")) and _DATE_CLASS.search(class_id(el))
        # "Sabtu, 03 September 2022 ..." or "Jakarta, ... 14:30 WIB" unclassed
        if classed or el.text and (_DAY_FIRST.match(el.text) or _CLOCK_AND_ZONE.search(el.text)):
            text = el.text_content()
            if len(text) < 200:
                out.append(text)
    return [t for t in out if t and t.strip()]


def _zone_hint(texts: list[str]) -> timezone | None:
    for text in texts:
        m = re.search(rf"\b({_TZ})\b", text)
        if m:
            return _zone_word(m.group(1))
    return None


def find_dates(data: Structured, regions: list[HtmlElement], url: str, language: str | None,
               now: datetime | None = None) -> tuple[str | None, str | None]:
    """(published, modified) of the article, each ISO 8601 with an offset or None.

    `regions` are where the article's date line may be, nearest first (the headline's
    header, the article's scope). `now` is the fetch time, for relative dates ("2 jam
    lalu"); None leaves them unread.
    """
    texts = _visible_candidates(regions)
    zone = _zone_hint(texts) or site_zone(url, language)

    def first(ld_key: str, meta_keys: tuple[str, ...], own: re.Pattern[str]) -> str | None:
        values = [data.ld(ld_key)] + [data.first(k) for k in meta_keys]
        values += [data.first(k) for k in data.meta if k not in meta_keys and own.search(k)
                   and ("date" in k or "time" in k)]
        values += [el.get("datetime") or el.get("content") or el.text_content()
                   for el in data.microdata.get(ld_key, [])]
        for value in values:
            if isinstance(value, list):
                value = value[0] if value else None
            if isinstance(value, str) and value.strip():
                parsed = parse_iso(value.strip(), zone)
                if parsed:
                    return parsed
        return None

    published = _wall_clock_as_shown(first("datePublished", PUBLISHED_META, _OWN_PUBLISHED_META), texts, zone)
    if published is None or len(published) == 10:
        for text in texts:
            visible = parse_iso(text.strip(), zone) if _ISO.match(text) else parse_visible(text, zone)
            if visible and (published is None or (len(visible) > 10 and visible[:10] == published)):
                published = visible
                break
    if published is None:
        published = _other_language(texts, language, zone)
    if published is None and now is not None:
        published = next((p for p in (parse_relative(t, now) for t in texts) if p), None)
    modified = first("dateModified", MODIFIED_META, _OWN_MODIFIED_META)
    return with_offset(published, zone), with_offset(modified, zone)


def _wall_clock_as_shown(declared: str | None, texts: list[str], zone: timezone | ZoneInfo | None) -> str | None:
    """A declared UTC time whose wall clock is the one the page shows beside a zone name
    ("14:30:00+00:00" in the meta, "14:30 WIB" on the page): the CMS wrote local time and
    labelled it UTC, so the shown zone is right. Declared times that agree are kept."""
    if not declared or len(declared) == 10 or not declared.endswith(("+00:00", "Z")):
        return declared
    for text in texts:
        if not re.search(rf"\b(?:{_TZ})\b", text):
            continue
        shown = parse_visible(text, zone)
        if not shown or len(shown) == 10 or shown[:16] != declared[:16]:
            continue
        offset = datetime.fromisoformat(shown).tzinfo
        moment = datetime.fromisoformat(declared.replace("Z", "+00:00"))
        if offset is not None and offset.utcoffset(None) != moment.utcoffset():
            return moment.replace(tzinfo=offset).isoformat()
    return declared


def with_offset(value: str | None, zone: timezone | ZoneInfo | None) -> str | None:
    """A bare day as the start of that day in the site's zone: the archive's dates always
    carry an offset, and a day's start keeps the day right wherever it is read."""
    if value is None or len(value) != 10:
        return value
    return _localise(datetime.fromisoformat(value), zone)


def _other_language(texts: list[str], language: str | None, zone: timezone | ZoneInfo | None) -> str | None:
    """A visible date in a language without a rule table ("3 septembre 2022 à 14h05"), read by
    dateparser; only short texts that carry a year, so that no unrelated number is read as a date."""
    candidates = [t for t in texts if len(t) < 80 and _YEAR.search(t)][:_OTHER_LANGUAGE_TRIES]
    if not candidates:
        return None
    import dateparser  # slow to import and to run: only for pages nothing else could date

    languages = [language.split("-")[0].lower()] if language else None
    for text in candidates:
        try:
            found = dateparser.parse(text, languages=languages, settings={"PREFER_DATES_FROM": "past"})
        except (ValueError, LookupError):
            found = None
        if found is not None:
            return _localise(found, zone)
    return None
