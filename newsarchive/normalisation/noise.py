"""Body blocks that are not story: related-link inserts, page furniture, syndication footers."""

from __future__ import annotations

import re

from .rules import LANGUAGES, merged


def _related_pattern() -> re.Pattern[str]:
    loose = [m for lang in LANGUAGES.values() if not lang.RELATED_NEEDS_COLON for m in lang.RELATED_MARKERS]
    strict = [m for lang in LANGUAGES.values() if lang.RELATED_NEEDS_COLON for m in lang.RELATED_MARKERS]
    # Loose markers count anywhere at a block start; strict ones need a colon, or the
    # block to be the marker alone (a box heading).
    return re.compile(rf"^\W*(?:(?:{'|'.join(loose)})\b|(?:{'|'.join(strict)})\s*(?::|$|»|›|>))", re.I)


def _caps_pattern() -> re.Pattern[str]:
    """Strict markers written in capitals ("READ MORE Title") count without a colon."""
    strict = [m.upper().replace(r"\S", r"\s") for lang in LANGUAGES.values() if lang.RELATED_NEEDS_COLON
              for m in lang.RELATED_MARKERS]
    return re.compile(rf"^\W*(?:{'|'.join(strict)})\b")


RELATED = _related_pattern()
RELATED_CAPS = _caps_pattern()
NOISE_LINE = re.compile(rf"^\W*(?:{'|'.join(merged('NOISE_LINES'))})\W*$", re.I)
FOOTER = re.compile(rf"(?:{'|'.join(merged('FOOTERS'))})", re.I)


def is_related(block: str) -> bool:
    return bool(RELATED.match(block) or RELATED_CAPS.match(block))


def strip_footer(block: str) -> str:
    """The block without a syndication footer (from its marker to the end)."""
    found = FOOTER.search(block)
    return block[:found.start()].rstrip() if found else block


def drop_noise(blocks: list[str], extra: list[str]) -> list[str]:
    """Blocks that are story; `extra` are a site's own line patterns to drop."""
    extra_lines = [re.compile(p, re.I) for p in extra]
    out = []
    for block in blocks:
        if is_related(block) or NOISE_LINE.match(block) or any(p.search(block) for p in extra_lines):
            continue
        block = strip_footer(block)
        if block:
            out.append(block)
    return out
