"""Caption and photo credit apart: `... – Foto:X/Y)--`, `(FOTO: ANTARA/X)`, `(AP Photo/X)`, `© X`."""

from __future__ import annotations

import re

from .rules import alternation, merged

_PREFIX = alternation("CREDIT_PREFIXES")
_ONLY = alternation("CREDIT_ONLY")
# A photographer's name (initials with a full stop allowed) and the outlet after the slash
# (a web address allowed): "M. Ridwan/radarpalembang.id".
_NAME = r"(?:[A-Z]\.\s*)*[^\W\d][^.!?/|()]{1,39}"
_OUTLET = r"[^\s.!?/|()][^!?/|()]{0,38}[^\s.!?/|()]"
# (pattern, whether the credit keeps its own label as written)
# A credit after a spaced slash; beside a separate credit element it is that credit's
# second part ("<span>Jean Levac</span> / Postmedia News").
_CONTINUATION = re.compile(r"^(?P<cap>.*\S)\s+/\s*(?P<credit>[^/.!?]{2,40})$")
_FORMS: list[tuple[re.Pattern[str], bool]] = [
    # "© Jane Doe", "(c) Agency"
    (re.compile(r"^(?P<cap>.*?)\s*(?:©|\(c\)|Copyright)\s*:?\s*(?P<credit>[^©]+?)\s*$", re.I), False),
    # "(FOTO: ANTARA/Nova Wahyudi)", "[Photo: X]"
    (re.compile(rf"^(?P<cap>.*?)\s*[(\[]\s*(?:{_PREFIX})\s*:\s*(?P<credit>[^)\]]+?)\s*[)\]]\W*$", re.I), False),
    # "... – Foto:David Karnain/Radar Palembang)--", "Foto: Dok. Humas Pemkot", "Bild: dpa"
    (re.compile(rf"^(?P<cap>.*?)[\s|–—-]*\b(?:{_PREFIX})\s*:\s*(?P<credit>.+?)[\s;–—-]*$", re.I), False),
    # "(AP Photo/Jane Doe)"
    (re.compile(r"^(?P<cap>.*?)\s*\((?P<credit>[A-Z][\w.&' -]*\b(?:Photo|Images?|Foto)\s*/\s*[^)]+)\)\W*$"), True),
    # "(Dok. Humas Pemkot)", "Dokumentasi Polres", "(Ist.)": Indonesian credits that need no colon
    (re.compile(r"^(?P<cap>.*?)\s*[(\[]?\s*(?P<credit>(?:Dok\.|Dokumentasi\b|Ist\.)\s*[^)\]]*?)\s*[)\]]?\W*$"), True),
    # "Photo by Jane Doe/Bloomberg"
    (re.compile(r"^(?P<cap>.*?)[\s|–—-]*\b(?:Photos?|Pictures?|Images?|Fotos?)\s+by\s+(?P<credit>.+?)\s*$", re.I), False),
    # "... the ball. IMAGO/Nico Herbertz", "... banjir - Fadli Rahman/Radar Palembang",
    # "... | M. Ridwan/radarpalembang.id": a name/outlet pair after the last sentence or a dash
    (re.compile(rf"^(?P<cap>.*(?:(?<!\b[A-Z])[.!?]|\s[|–—-]))\s*(?P<credit>{_NAME}/\s*{_OUTLET})$"), True),
    # "... di Sungai Musi (Fadli Rahman/Radar Palembang)": the pair in parentheses
    (re.compile(rf"^(?P<cap>.*?)\s*\((?P<credit>{_NAME}/\s*{_OUTLET})\)\W*$"), True),
    # "... at the scene. / Jane Doe", "La Soledat / Lorenzo Marina": a name after a spaced slash
    (_CONTINUATION, True),
    # "... on Monday. (AP)": an agency acronym in parentheses
    (re.compile(r"^(?P<cap>.*?)\s*\((?P<credit>[A-Z]{2,6}(?:/[A-Z]{2,6})?)\)\W*$"), True),
    # language-specific credits that end a caption ("…（山田太郎撮影）", "…＝ＡＰ")
    *[(re.compile(rf"^(?P<cap>.*?)\s*{form}\s*$"), True) for form in merged("CREDIT_SUFFIX_FORMS")],
    # "Caption (Istimewa)", "Ilustrasi"
    (re.compile(rf"^(?P<cap>.*?)[\s(–—-]*\b(?P<credit>{_ONLY})\W*$", re.I), True),
]


_LABEL = re.compile(rf"^\W*(?:(?:{_PREFIX})\b(?:\s+by\b|\s*:)|©|\(c\))\s*", re.I)


_LABEL_ONLY = re.compile(rf"^\W*(?:{_PREFIX})?\W*$", re.I)
_PIPE = re.compile(r"\s+\|\s+")  # "picture alliance/dpa | Jane Doe": a layout separator


def _paired(text: str, opening: str, closing: str) -> bool:
    """Whether every bracket in `text` closes one opened before it."""
    depth = 0
    for char in text:
        depth += (char == opening) - (char == closing)
        if depth < 0:
            return False
    return depth == 0


def _unbracket(text: str) -> str:
    """Spaces and brackets off the ends, but only brackets that pair with nothing inside:
    `(Reuters)` and `X/Radar Palembang)` lose theirs, `Urs Flueeler (Keystone)` keeps its."""
    text = text.strip(" ;")
    changed = True
    while text and changed:
        changed = False
        for opening, closing in ("()", "[]"):
            if text[0] == opening and text[-1] == closing and _paired(text[1:-1], opening, closing):
                text = text[1:-1]
            elif text[-1] == closing and text.count(closing) > text.count(opening):
                text = text[:-1]
            elif text[0] == opening and text.count(opening) > text.count(closing):
                text = text[1:]
            else:
                continue
            text, changed = text.strip(" ;"), True
            break
    return text


def clean_credit(credit: str | None) -> str | None:
    """A credit without its label: `Foto: Getty Images` -> `Getty Images`; a bare label is none.

    Parts a page sets apart with a pipe are listed with a comma, as a credit line reads."""
    if not credit or _LABEL_ONLY.match(credit):
        return None
    return _PIPE.sub(", ", _unbracket(_LABEL.sub("", credit))) or None


def _glued(caption: str) -> tuple[str | None, str | None]:
    """(caption, credit) when a credit form ends the caption, else (caption, None)."""
    for form, keeps_label in _FORMS:
        found = form.match(caption)
        if found and found.group("credit").strip():
            cap = found.group("cap").strip().rstrip(" ,;|/–—-(")
            credit = found.group("credit").strip()
            return cap or None, credit if keeps_label else clean_credit(credit)
    return caption, None


def labelled_credit(text: str) -> str | None:
    """The credit of a text only when a label says so ("(Photo: X)", "© X", "Foto: X"):
    for image alt/title text, where looser forms would misread a description."""
    for form, keeps_label in _FORMS:
        found = None if keeps_label else form.match(text)
        if found and found.group("credit").strip():
            return clean_credit(found.group("credit").strip())
    return None


def split_credit(caption: str | None, credit: str | None) -> tuple[str | None, str | None]:
    """(caption, credit): a credit glued to the caption is cut off and kept; a credit the
    page gave in its own element is used when the caption carries none."""
    credit = clean_credit(credit)
    if not caption:
        return None, credit
    if credit and caption.endswith(credit):
        caption = caption[: -len(credit)].rstrip(" ,;|/–—-:(")
        caption = re.sub(rf"(?:{_PREFIX})\s*:?\s*$", "", caption, flags=re.I).rstrip(" ,;|/–—-:(")
        return caption or None, credit
    if credit and (continued := _CONTINUATION.match(caption)):
        return continued.group("cap").rstrip(" ,;|/–—-("), f"{credit}, {continued.group('credit').strip()}"
    caption, glued = _glued(caption)
    return caption, glued or credit  # a labelled credit in the caption beats a loose element
