"""Snippets of search hits: the stretch of a text column with most of the query's words.

Made from the hit's stored text, not by FTS5's `snippet()`: best-first hits come from the
whole archive, and asking FTS5 for their snippets would walk every match of the query again.
Matches are found with the best-first index's own analyzer, so what is highlighted is what
was searched for.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .ranking import ANALYZER

MARK = ("\x02", "\x03")  # highlight delimiters; scraped text never holds them
WORDS = 24
_WORD = re.compile(r"\w+")
ELLIPSIS = "…"


@lru_cache(maxsize=65536)
def _token(word: str) -> str:
    tokens = ANALYZER.analyze(word)
    return tokens[0] if tokens else ""


def snippet(texts: tuple[str | None, ...], terms: list[tuple[str, bool]], words: int = WORDS) -> str:
    """The `words`-word window of one of `texts` with the most distinct `terms` (index tokens,
    and whether each is a prefix), matches between `MARK`s; the first text's start if none."""
    best: tuple[tuple[int, int], str, list[re.Match], list[int]] | None = None
    for text in texts:
        found = list(_WORD.finditer(text or ""))
        hits = [n for n, word in enumerate(found) if _matches(_token(word.group()), terms)]
        if not hits:
            continue
        for first in hits:  # a window starting at each match
            inside = [n for n in hits if first <= n < first + words]
            score = (len({_token(found[n].group()) for n in inside}), len(inside))
            if best is None or score > best[0]:
                best = (score, text or "", found, inside)
    if best is None:
        text = next((t for t in texts if t), "")
        found = list(_WORD.finditer(text))
        return _window(text, found, 0, words, [])
    _, text, found, inside = best
    start = max(0, min(inside[0] - 2, len(found) - words))
    return _window(text, found, start, words, inside)


def _matches(token: str, terms: list[tuple[str, bool]]) -> bool:
    return bool(token) and any(token.startswith(t) if prefix else token == t for t, prefix in terms)


def _window(text: str, found: list[re.Match], start: int, words: int, marked: list[int]) -> str:
    marked = set(marked)
    if not found:
        return text[:200]
    end = min(len(found), start + words)
    out, at = [], found[start].start()
    for n in range(start, end):
        word = found[n]
        out.append(text[at:word.start()])
        out.append(f"{MARK[0]}{word.group()}{MARK[1]}" if n in marked else word.group())
        at = word.end()
    if end == len(found):
        out.append(text[at:])
    return (ELLIPSIS if start else "") + "".join(out).strip() + ("" if end == len(found) else ELLIPSIS)
