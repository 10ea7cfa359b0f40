"""The headline: declared (og:title, JSON-LD, Twitter) or shown (`<h1>`), without site names."""

from __future__ import annotations

import html
import re

from lxml.html import HtmlElement

from ..normalisation.rules import merged
from .dom import clean
from .structured import Structured

# Separators written without spaces around them: fullwidth ones, and per-language ones
# (Korean sites put the vowel letter "ㅣ" between headline and site name).
_GLUED = "：｜" + "".join(merged("TITLE_SEPARATORS"))
_TITLE_SUFFIX = re.compile(rf"(?:\s+[|–—\-*·•»:]\s+|\s*[{_GLUED}]\s*)([^|–—\-*·•»{_GLUED}]+?)\s*$")
# Between two declared titles where one extends the other, even a glued "-" separates.
_SEPARATOR = re.compile(rf"\s*[|–—\-*·•»{_GLUED}]\s*")
# "Site | Headline", and "Site.com: Headline" with the colon glued to the name.
_TITLE_PREFIX = re.compile(r"^\s*([^|–—\-*·•»:]+?)(?:\s+[|–—\-*·•»:]|:)\s+")
# After the site's name, a section label set off by a dash or bar (not a colon: "Jokowi: ..." is a quote).
_SECTION_PREFIX = re.compile(r"^\s*([^|–—\-*·•»:]+?)\s+[|–—\-]\s+")
_WORD = re.compile(r"\w+")


def _similarity(a: str, b: str) -> float:
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def _is_site_label(part: str, names: list[str], host: str) -> bool:
    """Whether a `<title>`/og:title segment names the site or the section (or is a date or a byline)."""
    words = _WORD.findall(part.lower())
    if not words or len(words) > 6:
        return False
    if any(_similarity(part, name) >= 0.5 for name in names):
        return True
    labels = set(re.split(r"[.-]", host.lower().split(":")[0]))
    return any(w in labels and len(w) > 2 for w in words) or "".join(words) in labels \
        or all(w.isdigit() for w in words) or words[0] == "by"


def _strip_site(title: str, names: list[str], host: str) -> str:
    """A title without its ` - Site Name` / ` | Section | Site` parts; the headline is kept as written."""
    while True:
        found = _TITLE_SUFFIX.search(title)
        if not found or not _is_site_label(found.group(1), names, host):
            break
        title = title[:found.start()].rstrip()
    found = _TITLE_PREFIX.match(title)
    if found and _is_site_label(found.group(1), names, host):
        title = title[found.end():].lstrip()
        section = _SECTION_PREFIX.match(title)  # "Site.com: Section - Headline"
        if section and len(_WORD.findall(section.group(1))) <= 3:
            title = title[section.end():].lstrip()
    return title


def _is_decoration(tail: str) -> bool:
    """" - National | Site": separator-led labels of at most three words each."""
    parts = _SEPARATOR.split(tail)
    return len(parts) > 1 and not parts[0] and all(0 < len(_WORD.findall(p)) <= 3 for p in parts[1:])


def _undecorated(titles: list[str]) -> list[str]:
    """Declared titles with the tail some of them add: when one is another plus a
    separator-led remainder ("Headline - National | Site" beside "Headline"), that
    remainder is a section or site label the name check could not recognise. The headline
    part must be the longer one ("Trump" beside "Trump - Der Machtkampf" is no headline)."""
    out = []
    for title in titles:
        shorter = [t for t in titles if len(t) < len(title) and title.startswith(t)
                   and len(t) > len(title) - len(t) and _is_decoration(title[len(t):])]
        out.append(min(shorter, key=len) if shorter else title)
    return out


def _describes(headline: str, doc: HtmlElement, page_title: str) -> bool:
    """A JSON-LD "headline" that is a short description of the topic ("constitutional monarchy
    in Oceania"), not the headline: the `<h1>` and `<title>` agree on another text."""
    h1 = clean(next((h.text_content() for h in doc.iter("h1")), ""))
    return bool(h1) and h1 in page_title and _similarity(headline, h1) < 0.2 and _similarity(headline, page_title) < 0.2


_NOT_A_NAME = re.compile(r"©|\(c\)|copyright|hak\s+cipta|all\s+rights\s+reserved|\b(?:19|20)\d\d\b|[|•·]", re.I)
_MAX_SHOWN_NAMES = 6


def shown_site_names(doc: HtmlElement) -> list[str]:
    """What the page shows as its own name: the `alt` of the logo linking home, and the
    copyright line. Pages served from a bare address (a loopback copy, an IP) have no host
    to recognise the name in a `<title>` by."""
    names: list[str] = []
    for link in doc.iter("a"):
        if (link.get("href") or "").strip() in ("/", "./", "index.html"):
            texts = [img.get("alt") or "" for img in link.iter("img")]  # the logo; link texts are "Home"
            names.extend(clean(t) for t in texts if 2 < len(clean(t)) <= 40)
        if len(names) >= _MAX_SHOWN_NAMES:
            break
    for el in doc.iter("footer", "p", "div", "span", "small"):
        text = el.text if el.tag != "footer" else el.text_content()
        if text and ("©" in text or "copyright" in text.lower()) and len(text) <= 100:
            names.append(clean(_NOT_A_NAME.sub(" ", text)))
            break
    return [n for n in names if n]


def find_title(doc: HtmlElement, data: Structured, names: list[str],
           host: str) -> tuple[str | None, HtmlElement | None]:
    """The headline, and the `<h1>` that shows it (the anchor of the article's header).

    og:title is what publishers choose to show when shared, and the most reliable
    across sites (the visible `<h1>` often carries a kicker); then JSON-LD's headline.
    Without declarations: the `<h1>`, else `<title>` without the site name.
    """
    headline = data.ld("headline")
    page_title = clean(doc.findtext(".//title"))
    if isinstance(headline, str) and not data.first("og:title") and _describes(headline, doc, page_title):
        headline = None
    declared = [_strip_site(html.unescape(clean(t)), names, host)
                for t in (data.first("og:title"), headline if isinstance(headline, str) else None,
                          data.first("twitter:title")) if t]
    declared = _undecorated(declared)
    reference = declared[0] if declared else _strip_site(page_title, names, host) if page_title else ""
    best, best_sim = None, -1.0
    for h1 in doc.iter("h1"):
        text = clean(h1.text_content())
        if not text:
            continue
        sim = _similarity(text, reference) if reference else 0.5
        if sim > best_sim:
            best, best_sim = h1, sim
    shown = clean(best.text_content()) if best is not None else ""
    if best is not None and (not declared or shown == declared[0]):
        return shown, best
    return (reference or None), best if best_sim >= 0.3 else None
