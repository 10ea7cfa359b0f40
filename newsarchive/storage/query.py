"""Translating what a user types into a safe FTS5 query expression.

Supported: words, "quoted phrases", prefixes `word*`, and the operators OR, NOT, AND (in
capitals, as FTS5 spells them). Every word and phrase becomes an FTS5 string literal, so
anything else the user types (parentheses, `title:`, `^`, `NEAR(`, stray quotes, any
script) is just text for the tokenizer and can never change the query's structure. The
expression is then passed to SQLite as a bound parameter.
"""

from __future__ import annotations

import re
import unicodedata

from ..errors import NewsarchiveError
from . import schema

MAX_CHARS = 1000
MAX_TERMS = 32
MIN_PREFIX = 3  # the prefix index covers 3 characters; shorter prefixes match half the archive
OPERATORS = ("OR", "NOT", "AND")
_CHUNK = re.compile(r'"([^"]*)("?)(\*?)|(\S+)')


def _has_token(text: str) -> bool:
    """Whether the unicode61 tokenizer would find a token in `text` (letters, digits, marks)."""
    return any(unicodedata.category(ch)[0] in "LNM" or ch.isalnum() for ch in text)


def _literal(text: str, prefix: bool) -> str:
    return '"' + text.replace('"', '""') + '"' + ("*" if prefix else "")


Literal = tuple[str, bool]  # a word or phrase as typed, and whether it ends in `*`


def parse(query: str) -> list[Literal | str]:
    """A user's query as literals and the operators between them (implicit AND left out),
    or a one-line NewsarchiveError. Both indexes read this: FTS5 (`to_fts`) and best-first
    (`ranking`)."""
    if len(query) > MAX_CHARS:
        raise NewsarchiveError(
            f"the search is {len(query)} characters long; at most {MAX_CHARS} are allowed"
        )
    parts: list[Literal | str] = []
    # a NUL would end the expression inside SQLite, leaving a quote open
    for phrase, _closed, star, word in _CHUNK.findall(query.replace("\x00", " ")):
        if word in OPERATORS:
            if word == "NOT" and not parts:
                raise NewsarchiveError("NOT needs a word before it, e.g. `banjir NOT jakarta`")
            if parts and parts[-1] not in OPERATORS:
                parts.append(word)
            continue
        text, prefix = (phrase, bool(star)) if word == "" else (word.rstrip("*"), word.endswith("*"))
        if not _has_token(text):
            continue
        if prefix and len(text.strip()) < MIN_PREFIX:
            raise NewsarchiveError(
                f"{text.strip()}* is too short a prefix: type at least {MIN_PREFIX} letters"
            )
        parts.append((text, prefix))
    while parts and parts[-1] in OPERATORS:
        parts.pop()
    terms = sum(1 for p in parts if p not in OPERATORS)
    if terms == 0:
        raise NewsarchiveError(f"nothing to search for in {query[:60]!r}: type a word")
    if terms > MAX_TERMS:
        raise NewsarchiveError(f"the search has {terms} words; at most {MAX_TERMS} are allowed")
    return parts


def to_fts(query: str) -> str:
    """The FTS5 MATCH expression for a user's query, or a one-line NewsarchiveError."""
    return " ".join(p if isinstance(p, str) else _literal(*p) for p in parse(query))


def match_expression(query: str, source: str | None = None) -> str:
    """The whole MATCH expression of a search: the text columns, and the source's token if any.

    A source is one more FTS5 term (`source_key`), walked inside the index: no row lookup
    per match. The CLI and the Datasette front (`newsarchive_match`) both use this.
    """
    expression = f"{{{' '.join(schema.TEXT_COLUMNS)}}} : ({to_fts(query)})"
    if source:
        expression += f' AND source_key : "{schema.source_token(source)}"'
    return expression
