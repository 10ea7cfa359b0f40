"""Bylines to people: labels stripped, names split, editors kept apart, non-people dropped."""

from __future__ import annotations

import re

from .rules import NOT_PEOPLE, ROLE_WORDS, alternation, merged

_AUTHOR_LABEL = re.compile(rf"^\W*(?:{alternation('AUTHOR_LABELS')})(?!\w)\s*:?\s*", re.I)
_EDITOR_LABEL = re.compile(rf"^\W*(?:{alternation('EDITOR_LABELS')})(?!\w)\s*:?\s*", re.I)
_SEGMENTS = re.compile(r"\s*[|•·]\s*|\s{3,}|\n")
_SPLIT = re.compile(rf"\s*(?:[,;]|\s(?:{alternation('NAME_JOINERS')})\s)\s*", re.I)
# "Jane Doe in Berlin", "By Jane Doe, in News, Business": a place or a category follows.
_PLACE_AFTER = re.compile(rf"(\s*,\s*|\s+)(?:{alternation('PLACE_PREPOSITIONS')})\s+(\w)")
_PLACE_WORDS = re.compile(r"[\w'’.-]+(?:\s+[\w'’.-]+)*?(?=\s*(?:[,;]|$)|\s+(?:\w+\s+)?(?-i:[a-z&]))")
_SLASH = re.compile(r"\s*/\s*")  # "Jane Doe/John Roe"
_EMAIL = re.compile(r"\S+@\S+")
_TITLE_AFTER_NAME = re.compile(rf"\s+(?:{alternation('AUTHOR_SUFFIXES')})$")
# "Andi Saputra - detikNews", "Rina Putri – Jakarta": one word after a spaced dash is the
# outlet or the place the reporter files from, never a co-author.
_OUTLET_AFTER = re.compile(r"\s+[-–—]\s+[\w.'’-]+\s*$")
_HANDLE = re.compile(r"(?:\bfollow\b.*$|@\w+|\bon (?:twitter|x|instagram)\b.*$)", re.I)
_MAX_WORDS = 6
# A body line that is only a byline: "Penulis: X | Editor: Y", "Pewarta: X", "By Jane Doe".
_LABELLED_SEGMENT = rf"(?:{alternation('AUTHOR_LABELS')}|{alternation('EDITOR_LABELS')})\s*:\s*[^|:]{{2,60}}"
_PEOPLE_LINE = re.compile(rf"^\W*{_LABELLED_SEGMENT}(?:\s*[|•·,]\s*{_LABELLED_SEGMENT})*\W*$"
                          rf"|^(?:{alternation('AUTHOR_LABELS')})\s+(?:[A-Z][\w'’.-]*\s?){{1,4}}$", re.I)


# A line that is only names: "Jane Doe", "JANE DOE/John Roe", "Jane Doe and John Roe".
_NAME = r"[^\W\d_][\w'’.-]*"
_PERSON = rf"{_NAME}(?:\s+{_NAME}){{1,3}}"
_NAME_SEPARATOR = rf"\s*(?:[/,&]|\s(?:{alternation('NAME_JOINERS')})\s)\s*"
_NAMES_LINE = re.compile(rf"^{_PERSON}(?:{_NAME_SEPARATOR}{_PERSON})*$", re.I)


def is_names_line(text: str) -> bool:
    """Whether a short line is nothing but people's names, each of 2-4 capitalised words."""
    if len(text) > 120 or any(ch.isdigit() for ch in text) or not _NAMES_LINE.match(text):
        return False
    joiners = {j.casefold() for j in merged("NAME_JOINERS")}
    words = [w for w in re.split(r"[\s/,&]+", text) if w and w.casefold() not in joiners]
    return all(w[0].isupper() for w in words)


def is_names_byline(line: str) -> bool:
    """A byline that, past its label ("By", "Von"), is nothing but names."""
    return is_names_line(_AUTHOR_LABEL.sub("", line, count=1).strip())


def is_people_line(block: str) -> bool:
    """A body paragraph that only names the reporter and/or editor (kept out of the body)."""
    return len(block) <= 160 and bool(_PEOPLE_LINE.match(block))


def _squash(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def _is_person(name: str, not_people: set[str]) -> bool:
    folded = name.casefold()
    if folded in NOT_PEOPLE or len(name) < 2 or set(folded.split()) & ROLE_WORDS:
        return False
    squashed = _squash(name)
    if any(squashed == _squash(org) or (len(_squash(org)) > 2 and squashed.startswith(_squash(org)))
           for org in not_people):
        return False
    if any(ch.isdigit() for ch in name) or "http" in folded or "/" in name or ":" in name:
        return False
    cased = [ch for ch in name if ch.lower() != ch.upper()]
    if cased and not any(ch.isupper() for ch in cased) and (" " in name or len(name) > 4):
        return False  # "capital", "in News": not a name ("dpa", "amw" initials are)
    return len(name.split()) <= _MAX_WORDS


def _without_place(segment: str) -> str:
    """A byline part without "in <Place>" ("Jane Doe in Kyiv and John Roe in Moscow") and
    without what follows ", in <Category>" ("By Jane Doe, in News, Business"): a capitalised
    word after the lower-case preposition."""
    while True:
        found = next((f for f in _PLACE_AFTER.finditer(segment) if f.group(2).isupper() and f.start() > 0), None)
        if found is None:
            return segment
        if "," in found.group(1):
            return segment[:found.start()]
        place = _PLACE_WORDS.match(segment, found.start(2))
        end = place.end() if place else len(segment)
        segment = segment[:found.start()] + segment[end:]


def _is_place_after(name: str, previous: str | None) -> bool:
    """"Jane Doe, Washington": one capitalised word after a full name is where the
    reporter writes from (a co-author has a full name too; agencies are "dpa", "AFP")."""
    return previous is not None and len(previous.split()) >= 2 and " " not in name \
        and name[:1].isupper() and any(ch.islower() for ch in name[1:])


def split_people(raw: list[str], not_people: set[str] = frozenset()) -> tuple[list[str], list[str]]:
    """(authors, editors) from raw byline strings; `not_people` are publisher names and hosts."""
    folded_orgs = {n.casefold() for n in not_people if n}
    authors: list[str] = []
    editors: list[str] = []
    for line in raw:
        for segment in _SEGMENTS.split(line):
            target = authors
            if _EDITOR_LABEL.match(segment):
                target, segment = editors, _EDITOR_LABEL.sub("", segment)
            else:
                segment = _AUTHOR_LABEL.sub("", segment)
            segment = _OUTLET_AFTER.sub("", _without_place(_HANDLE.sub("", _EMAIL.sub("", segment))))
            names = _SPLIT.split(segment)
            if not any(mark in segment for mark in (":", "(", "www.")):  # not a credit or an address
                names = [part for name in names for part in _SLASH.split(name)]
            previous = None
            for position, name in enumerate(names):
                name = _TITLE_AFTER_NAME.sub("", " ".join(name.strip(" .:-–—()[]").split()))
                if position == len(names) - 1 and _is_place_after(name, previous):
                    break
                if _is_person(name, folded_orgs) and name.casefold() not in {t.casefold() for t in target}:
                    target.append(name)
                previous = name
    folded_authors = {a.casefold() for a in authors}
    return authors, [e for e in editors if e.casefold() not in folded_authors]
