"""Language rules as data: one table module per language, combined here.

Code elsewhere asks for the combined patterns; adding a language is adding a
module to `LANGUAGES`.
"""

from __future__ import annotations

from types import ModuleType

from . import de, en, es, fr, id, it, ja, ko, nl, pl, ru, sv, tr, zu

LANGUAGES: dict[str, ModuleType] = {m.LANGUAGE: m for m in (id, en, de, fr, es, it, nl, sv, pl, tr, ja, ko, ru, zu)}


def merged(name: str) -> list:
    """The concatenation of one list-valued rule over every language that has it."""
    out: list = []
    for module in LANGUAGES.values():
        out.extend(getattr(module, name, []))
    return out


def merged_map(name: str) -> dict:
    """The union of one dict-valued rule over every language (first language wins)."""
    out: dict = {}
    for module in LANGUAGES.values():
        for key, value in getattr(module, name, {}).items():
            out.setdefault(key, value)
    return out


def alternation(name: str) -> str:
    """A regex alternation of one list-valued rule over every language, longest first."""
    return "|".join(sorted(merged(name), key=len, reverse=True))


MONTHS: dict[str, int] = merged_map("MONTHS")
TIME_ZONES: dict[str, float] = merged_map("TIME_ZONES")
DAYS: list[str] = merged("DAYS")
NOT_PEOPLE: set[str] = set(merged("NOT_PEOPLE"))
ROLE_WORDS: set[str] = set(merged("ROLE_WORDS"))
NEWS_AGENCIES: set[str] = {name.casefold() for name in merged("NEWS_AGENCIES")}

# Country-code TLD -> IANA zone, for pages whose dates carry no offset at all.
COUNTRY_ZONES = {
    "id": "Asia/Jakarta", "de": "Europe/Berlin", "at": "Europe/Vienna", "ch": "Europe/Zurich",
    "uk": "Europe/London", "ie": "Europe/Dublin", "fr": "Europe/Paris", "es": "Europe/Madrid",
    "it": "Europe/Rome", "nl": "Europe/Amsterdam", "be": "Europe/Brussels", "no": "Europe/Oslo",
    "se": "Europe/Stockholm", "dk": "Europe/Copenhagen", "fi": "Europe/Helsinki",
    "pl": "Europe/Warsaw", "cz": "Europe/Prague", "pt": "Europe/Lisbon", "gr": "Europe/Athens",
    "ru": "Europe/Moscow", "ua": "Europe/Kyiv", "tr": "Europe/Istanbul", "jp": "Asia/Tokyo",
    "kr": "Asia/Seoul", "cn": "Asia/Shanghai", "tw": "Asia/Taipei", "in": "Asia/Kolkata",
    "my": "Asia/Kuala_Lumpur", "sg": "Asia/Singapore", "ph": "Asia/Manila", "th": "Asia/Bangkok",
    "vn": "Asia/Ho_Chi_Minh", "au": "Australia/Sydney", "nz": "Pacific/Auckland",
    "za": "Africa/Johannesburg", "ng": "Africa/Lagos", "ke": "Africa/Nairobi",
    "ca": "America/Toronto", "br": "America/Sao_Paulo", "ar": "America/Argentina/Buenos_Aires",
    "mx": "America/Mexico_City", "il": "Asia/Jerusalem", "hu": "Europe/Budapest",
    "ro": "Europe/Bucharest", "lu": "Europe/Luxembourg", "li": "Europe/Vaduz",
    "us": "America/New_York",  # most US newsrooms date in Eastern time
}

# Language -> country, for pages on generic TLDs whose `<html lang>` has no region.
LANGUAGE_COUNTRIES = {
    "id": "id", "de": "de", "ja": "jp", "ko": "kr", "it": "it", "pl": "pl", "nl": "nl",
    "sv": "se", "nb": "no", "nn": "no", "no": "no", "da": "dk", "fi": "fi", "cs": "cz",
    "el": "gr", "tr": "tr", "uk": "ua", "hu": "hu", "ro": "ro", "fr": "fr", "es": "es",
    "pt": "pt", "ms": "my", "th": "th", "vi": "vn", "zh": "cn",
}
