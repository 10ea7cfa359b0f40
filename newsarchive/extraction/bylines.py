"""Who wrote the article, as the page states it: declared authors, and the visible byline.

Returned strings are raw ("By Jane Doe and John Roe", "Penulis: X | Editor: Y");
`newsarchive.normalisation.people` splits them, keeps people only and sets editors apart.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..normalisation.people import is_names_line
from ..normalisation.rules import NEWS_AGENCIES, alternation
from .dom import clean, markers
from .structured import Structured, is_account_url, names_of

AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
               "dcterms.creator", "byl", "cxenseparse:author", "articleauthor")
_LABELLED = re.compile(rf"^(?:{alternation('AUTHOR_LABELS')})\s*:?\s+\w+", re.I)
_EDITOR_LABEL = re.compile(rf"^(?:{alternation('EDITOR_LABELS')})\b", re.I)
_EDITOR_LABELLED = re.compile(rf"^(?:{alternation('EDITOR_LABELS')})\s*:\s*\w+", re.I)
_WORDS = re.compile(r"\w+")
BYLINE_WORDS = {"author", "authors", "byline", "penulis", "reporter", "writer", "autor",
                "autorin", "journalist", "contributor", "creator", "redaktur", "editor"}


def _looks_like_url(value: str) -> bool:
    return value.startswith(("http://", "https://", "/")) or "www." in value


def declared_authors(data: Structured) -> list[str]:
    """Author names the page declares: JSON-LD persons, else meta author tags, else microdata."""
    people = [clean(name) for name, is_person in names_of(data.ld("author"), data)
              if is_person or clean(name).casefold() in NEWS_AGENCIES]
    people += [clean(name) for name, is_person in names_of(data.ld("creator"), data) if is_person
               and clean(name) not in people]
    if people:
        return [p for p in people if p and not _looks_like_url(p)]
    for key in AUTHOR_META:
        values = [v for v in data.all(key) if not _looks_like_url(v)]
        if values:
            return values
    for el in data.microdata.get("author", []):
        names = [clean(n.text_content()) for n in el.xpath(".//*[@itemprop='name']")]
        text = names or [clean(el.get("content") or el.text_content())]
        if any(text):
            return [t for t in text if t]
    return []


def visible_bylines(scope: HtmlElement | None) -> list[str]:
    """Byline texts shown in the article's region: `rel=author` links, else the byline
    element (with its byline-classed siblings: a reporter and an editor span), else a
    labelled line ("Von ...", "Penulis: ..."); plus any "Editor: ..." line of the region."""
    if scope is None:
        return []
    return _author_lines(scope) + _editor_lines(scope)


def _author_lines(scope: HtmlElement) -> list[str]:
    links = [a for a in scope.iter("a") if "author" in (a.get("rel") or "").split() and clean(a.text_content())]
    if links:  # the page names its authors; a shared account among them names nobody
        return [clean(a.text_content()) for a in links if not is_account_url(a.get("href") or "")]
    for el in scope.iter():
        if _is_byline_element(el):
            siblings = [el] + [s for s in el.itersiblings() if _is_byline_element(s)]
            return [part for s in siblings for part in _byline_parts(s)]
    for el in scope.iter("p", "li", "span", "div", "address"):
        text = clean(el.text_content())
        if len(text) < 100 and _LABELLED.match(text):
            return [text]
    return []


def _is_byline_element(el: HtmlElement) -> bool:
    """Byline-classed and short: an author box's biography ("td-author-description") is not."""
    return isinstance(el.tag, str) and bool(markers(el) & BYLINE_WORDS) and 2 < len(clean(el.text_content())) < 200


def _editor_lines(scope: HtmlElement) -> list[str]:
    """Short "Editor : Name" lines anywhere in the region: elements whose own first text
    (or their first child's) is an editor label."""
    out: list[str] = []
    for el in scope.iter("p", "li", "span", "div", "small"):
        lead = (el.text or "").strip() or ((el[0].text or "").strip() if len(el) else "")
        if not lead or not _EDITOR_LABEL.match(lead):
            continue
        text = clean(el.text_content())
        if len(text) < 80 and _EDITOR_LABELLED.match(text) and not any(text in o or o in text for o in out):
            out.append(text)
    return out


def _byline_parts(el: HtmlElement) -> list[str]:
    """A byline whose names sit in separate elements stays a list, not one run-together
    string: the texts of its innermost elements, when those are short and cover it all."""
    whole = clean(el.text_content())
    leaves = [clean(x.text_content()) for x in el.iter() if x is not el and isinstance(x.tag, str) and len(x) == 0]
    leaves = [text for text in leaves if text]
    covered = sum(len(text) for text in leaves) >= 0.8 * len(whole.replace(" ", ""))
    if len(leaves) >= 2 and covered and all(len(text.split()) <= 5 for text in leaves):
        return leaves
    return [whole]


def _bold_only(p: HtmlElement) -> bool:
    """A paragraph whose whole text sits in one `<strong>`/`<b>`."""
    children = [c for c in p if isinstance(c.tag, str)]
    return len(children) == 1 and children[0].tag in ("strong", "b") and not clean(p.text) \
        and not clean(children[0].tail)


def lead_byline(elements: list[HtmlElement], blocks: list[str]) -> str | None:
    """A bold line of names that opens the body, before the story's first full paragraph
    ("<p><strong>Jane Doe/John Roe</strong></p>"): small papers print their byline so.

    A bold subheading in title case ("Key Facts") is told apart by its words: the story
    uses them in lower case too, as it rarely does with a name."""
    seen = 0
    lower_words: set[str] | None = None
    for container in elements:
        for p in container.iter("p"):
            text = clean(p.text_content())
            if not text:
                continue
            seen += 1
            if len(text) > 100 or seen > 4:  # the story has started
                return None
            if _bold_only(p) and is_names_line(text):
                if lower_words is None:
                    lower_words = {w for b in blocks for w in _WORDS.findall(b) if w.islower()}
                if not any(w.lower() in lower_words for w in _WORDS.findall(text)):
                    return text
    return None
