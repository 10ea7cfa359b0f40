"""Caption and photo credit apart: `... – Foto:X/Y)--`, `(FOTO: ANTARA/X)`, `(AP Photo/X)`, `© X`."""

from __future__ import annotations

import re

from .rules import alternation

_PREFIX = alternation("CREDIT_PREFIXES")
_ONLY = alternation("CREDIT_ONLY")
_FORMS = [
    # "(FOTO: ANTARA/Nova Wahyudi)", "[Photo: X]"
    re.compile(rf"^(?P<cap>.*?)\s*[(\[]\s*(?:{_PREFIX})\s*:\s*(?P<credit>[^)\]]+?)\s*[)\]]\W*$", re.I),
    # "... – Foto:David Karnain/Radar Palembang)--", "Foto: Dok. Humas Pemkot", "Bild: dpa"
    re.compile(rf"^(?P<cap>.*?)[\s|–—-]*\b(?:{_PREFIX})\s*:\s*(?P<credit>.+?)[\s)\]–—-]*$", re.I),
    # "(AP Photo/Jane Doe)", "(Reuters)"
    re.compile(r"^(?P<cap>.*?)\s*\((?P<credit>[A-Z][\w.&' -]*\b(?:Photo|Images?|Foto)\s*/\s*[^)]+)\)\W*$"),
    # "© Jane Doe", "(c) Agency"
    re.compile(r"^(?P<cap>.*?)\s*(?:©|\(c\)|Copyright)\s*:?\s*(?P<credit>[^©]+?)\s*$", re.I),
    # "Caption (Istimewa)", "Ilustrasi", "Caption. Foto Istimewa"
    re.compile(rf"^(?P<cap>.*?)[\s(–—-]*\b(?P<credit>{_ONLY})\W*$", re.I),
]


def split_credit(caption: str | None, credit: str | None) -> tuple[str | None, str | None]:
    """(caption, credit): a credit glued to the caption is cut off; a known credit is kept."""
    if not caption:
        return None, credit or None
    if credit:
        if caption.endswith(credit):
            caption = caption[: -len(credit)].rstrip(" ,;|/–—-:(")
            caption = re.sub(rf"(?:{_PREFIX})\s*:?\s*$", "", caption, flags=re.I).rstrip(" ,;|/–—-:(")
        return caption or None, credit
    for form in _FORMS:
        found = form.match(caption)
        if found and found.group("credit").strip():
            cap = found.group("cap").strip().rstrip(" ,;|/–—-(")
            return cap or None, found.group("credit").strip()
    return caption, None
