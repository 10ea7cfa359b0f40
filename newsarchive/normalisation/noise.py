"""Body blocks that are not story: related-link inserts, page furniture, syndication footers."""

from __future__ import annotations

import re

from .rules import LANGUAGES, merged


def _markers(needs_colon: bool) -> list[str]:
    return [m for lang in LANGUAGES.values() if getattr(lang, "RELATED_NEEDS_COLON", True) == needs_colon
            for m in getattr(lang, "RELATED_MARKERS", [])]


def _related_pattern() -> re.Pattern[str]:
    loose, strict = _markers(False), _markers(True)
    # Loose markers count anywhere at a block start; strict ones need a colon, or the
    # block to be the marker alone (a box heading).
    return re.compile(rf"^\W*(?:(?:{'|'.join(loose)})\b|(?:{'|'.join(strict)})\s*(?::|$|»|›|>))", re.I)


def _caps_pattern() -> re.Pattern[str]:
    """Strict markers written in capitals ("READ MORE Title") count without a colon."""
    strict = [m.upper().replace(r"\S", r"\s") for m in _markers(True)]
    return re.compile(rf"^\W*(?:{'|'.join(strict)})\b")


RELATED = _related_pattern()
RELATED_CAPS = _caps_pattern()
# An insert written into a paragraph: a capitalised marker and a colon after other text.
INLINE_RELATED = re.compile(rf"\s+(?P<marker>{'|'.join(_markers(False) + _markers(True))})\s*:\s*", re.I)
TITLE_SMALL_WORDS = {w.casefold() for w in merged("TITLE_SMALL_WORDS")}
_QUOTES = "\"'“‘«„"
NOISE_LINE = re.compile(rf"^\W*(?:{'|'.join(merged('NOISE_LINES'))})\W*$", re.I)
FOOTER = re.compile(rf"(?:{'|'.join(merged('FOOTERS'))})", re.I)


def is_related(block: str) -> bool:
    return bool(RELATED.match(block) or RELATED_CAPS.match(block))


def is_furniture(text: str) -> bool:
    """A line that is page furniture or a related-link insert, wherever it appears."""
    return is_related(text) or bool(NOISE_LINE.match(text))


def strip_footer(block: str) -> str:
    """The block without a syndication footer (from its marker to the end)."""
    found = FOOTER.search(block)
    return block[:found.start()].rstrip() if found else block


def _title_end(text: str) -> int:
    """Where the linked title that starts `text` ends, in plain text: a run of capitalised
    words (and a headline's small words). A lower-case word after the run belongs to the
    story again, so the run's last word was that sentence's first; a title in sentence case
    runs to its full stop."""
    ends: list[int] = []
    for token in re.finditer(r"\S+", text):
        word = token.group()
        if word[0] in _QUOTES:
            break
        core = word.lstrip("([")
        if not (core[:1].isupper() or core[:1].isdigit() or word.casefold() in TITLE_SMALL_WORDS):
            if len(ends) == 1:  # sentence case: to the end of its sentence
                stop = re.search(r"[.!?](?=\s|$)", text)
                return stop.end() if stop else len(text)
            if len(ends) >= 2 and word[:1].islower():
                ends.pop()
            break
        ends.append(token.end())
        if word[-1] in ".!?":
            break
    return ends[-1] if ends else 0


def strip_inline_related(block: str) -> str:
    """A paragraph without the related-link inserts written into it
    ("... tetap lancar. Baca Juga: Harga Cabai Naik Warga lain ...")."""
    start = 0
    while found := INLINE_RELATED.search(block, start):
        if not found.group("marker")[0].isupper():
            start = found.end()
            continue
        end = found.end() + _title_end(block[found.end():])
        block = f"{block[: found.start()]} {block[end:].lstrip()}".strip()
        start = found.start()
    return block


def drop_noise(blocks: list[str], extra: list[str]) -> list[str]:
    """Blocks that are story; `extra` are a site's own line patterns to drop."""
    extra_lines = [re.compile(p, re.I) for p in extra]
    out = []
    for block in blocks:
        if is_furniture(block) or any(p.search(block) for p in extra_lines):
            continue
        block = strip_footer(strip_inline_related(block))
        if block:
            out.append(block)
    return out
