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


def drop_noise(blocks: list[str], extra: list[str]) -> list[str]:
    """Blocks that are story; `extra` are a site's own line patterns to drop."""
    extra_lines = [re.compile(p, re.I) for p in extra]
    out = []
    for block in blocks:
        if is_furniture(block) or any(p.search(block) for p in extra_lines):
            continue
        block = strip_footer(block)
        if block:
            out.append(block)
    return out
