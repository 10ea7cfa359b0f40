"""`extract_raw`: one lxml parse of a page, then every field read from it by its module."""

from __future__ import annotations

import logging
import re
from datetime import datetime
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from lxml.etree import ParserError
from lxml.html import HtmlElement

from .bylines import declared_authors, lead_byline, visible_bylines
from .content import Content, extract_content, lead_blocks, read_blocks
from .dates import find_dates, parse_iso, site_zone, with_offset
from .decode import decode_html
from .depth import parse_document
from .embedded import embedded_body, script_payloads
from .kind import Evidence, page_kind
from .dom import clean
from .media import find_lead_image
from .overrides import SiteOverrides
from .raw import RawArticle
from .structured import Structured, names_of, parse_structured
from .taxonomy import declared_section, find_section, find_tags
from .titles import find_title, shown_site_names

# Less story text than this in the DOM means the page renders its body some other way.
_MIN_BODY = 200
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
NEXT_WORDS = re.compile(r"^\s*(?:selanjutnya|berikutnya|next|weiter|nächste seite|next page)\s*[›»>]*\s*$",
                        re.I)
log = logging.getLogger("newsarchive.extraction")


def _parse(html: str) -> HtmlElement | None:
    html = _XML_DECL.sub("", html, count=1)
    if not html.strip():
        return None
    try:
        return parse_document(html)
    except (ParserError, ValueError):
        return None


def _language(doc: HtmlElement, data: Structured) -> str | None:
    lang = doc.get("lang") or doc.get("xml:lang") or data.first("og:locale", "content-language",
                                                                 "language", "dc.language")
    if not lang:
        lang = data.ld("inLanguage") if isinstance(data.ld("inLanguage"), str) else None
    return lang.strip().replace("_", "-") if lang else None


def _ancestors_common(a: HtmlElement, b: HtmlElement) -> HtmlElement:
    mine = set(a.iterancestors()) | {a}  # the set keeps the proxies alive, so identity holds
    for el in b.iterancestors():
        if el in mine:
            return el
    return b


def _scope(title_el: HtmlElement | None, content: Content) -> HtmlElement | None:
    """The article's own region: what holds both headline and body, never the whole page."""
    start = content.elements[0] if content.elements else None
    if start is None:
        return title_el
    if title_el is None:
        return start.getparent() if start.getparent() is not None else start
    common = _ancestors_common(title_el, start)
    if common.tag in ("body", "html"):
        return start.getparent() if start.getparent() is not None else start
    return common


def _fallback_blocks(data: Structured, payloads: list[str], title: str | None) -> list[str]:
    """The body when the DOM has none: JSON-LD articleBody, else HTML embedded in a script."""
    body = data.ld("articleBody")
    if isinstance(body, str) and len(body) >= _MIN_BODY:
        return [clean(line) for line in body.splitlines() if clean(line)]
    fragment = embedded_body(payloads)
    return read_blocks([fragment], {title} if title else set()) if fragment is not None else []


def _date_regions(title_el: HtmlElement | None, scope: HtmlElement | None, content: Content) -> list[HtmlElement]:
    """The headline's own header (its parent, or grandparent when the parent holds only the
    headline), then the scope: a date line beside the `<h1>` when headline and body sit in
    different rows of the layout, out of the scope that holds only the body."""
    regions = []
    if title_el is not None:
        header = title_el.getparent()
        if header is not None and clean(header.text_content()) == clean(title_el.text_content()) \
                and header.getparent() is not None:
            header = header.getparent()
        if header is not None and header.tag not in ("body", "html") and not any(
                header is el or header in el.iterancestors() for el in content.elements[:1]) \
                and (scope is None or scope is not header and header not in scope.iterancestors()
                     and scope not in header.iterancestors()):
            regions.append(header)
    return regions + ([scope] if scope is not None else [])


def _image_regions(title_el: HtmlElement | None, scope: HtmlElement | None,
                   body: HtmlElement) -> list[HtmlElement]:
    """Where the lead image may be, narrowest first: the headline's `<article>`, the scope, the page."""
    regions = [a for a in (title_el.iterancestors() if title_el is not None else ()) if a.tag == "article"][:1]
    if scope is not None and scope not in regions:
        regions.append(scope)
    return regions + [body]


def _next_page(doc: HtmlElement, url: str) -> str | None:
    for link in doc.iter("link", "a"):
        href = link.get("href")
        if not href:
            continue
        if "next" in (link.get("rel") or "").split() or link.tag == "a" and link.text \
                and len(link.text) < 40 and NEXT_WORDS.match(link.text):
            target = urljoin(url, href)
            if urlsplit(target).path != urlsplit(url).path or urlsplit(target).query != urlsplit(url).query:
                return target
    return None


def _apply_overrides(raw: RawArticle, doc: HtmlElement, overrides: SiteOverrides,
                     zone: ZoneInfo | None) -> None:
    """Fields picked by a site's own selectors replace the generic guesses."""
    for name in ("title", "caption", "photo_credit", "section"):
        texts = overrides.texts(doc, name)
        if texts:
            setattr(raw, name, texts[0])
    if overrides.authors:
        raw.authors = overrides.texts(doc, "authors")
    for name in ("published", "modified"):
        texts = overrides.texts(doc, name)
        if texts:
            setattr(raw, name, with_offset(parse_iso(texts[0], zone), zone))
    if overrides.body:
        elements = [el for el in overrides.select(doc, "body") if isinstance(el, HtmlElement)]
        raw.blocks = read_blocks(elements, {raw.title} if raw.title else set())
    raw.drop_lines = list(overrides.drop_lines)


def extract_raw(html: str | bytes, url: str, overrides: SiteOverrides | None = None, *,
                fetched_at: datetime | None = None) -> RawArticle:
    """What one page says about its article; pure function of its arguments.

    `fetched_at` (aware) anchors relative dates such as "2 jam lalu"; without it they are ignored.
    Never raises: a page that defeats a reader keeps the fields read before it (logged).
    """
    raw = RawArticle(url=url)
    try:
        _read(raw, html, url, overrides, fetched_at)
    except Exception as err:  # noqa: BLE001 - any page, however hostile, yields an article record
        log.warning("could not read all of %s: %s: %s", url, type(err).__name__, str(err)[:200])
    return raw


def _read(raw: RawArticle, html: str | bytes, url: str, overrides: SiteOverrides | None,
          fetched_at: datetime | None) -> None:
    """Fill `raw` field by field from the page."""
    raw.site = urlsplit(url).netloc.rsplit("@", 1)[-1].lower() or None
    doc = _parse(decode_html(html))
    if doc is None:
        raw.kind = "other: no HTML document"
        return
    data = parse_structured(doc, url)
    payloads = script_payloads(doc)
    for el in list(doc.iter("script", "style", "noscript", "template")):
        el.drop_tree()
    publisher = names_of(data.ld("publisher"), data)
    raw.site_name = clean(data.first("og:site_name", "application-name")) or \
        (clean(publisher[0][0]) if publisher else None)
    raw.page_title = clean(doc.findtext(".//title")) or None
    raw.language = _language(doc, data)
    # Not part of a headline: the names the site declares and shows for itself.
    labels = [name for name in (raw.site_name, declared_section(data), *shown_site_names(doc)) if name]
    raw.title, title_el = find_title(doc, data, labels, raw.site or "")
    body = doc.body if doc.find("body") is not None else doc
    content = extract_content(body, raw.title, title_el)
    if sum(len(b) for b in content.blocks) < _MIN_BODY:
        content.blocks = _fallback_blocks(data, payloads, raw.title) or content.blocks
    scope = _scope(title_el, content)
    description = data.ld("description") if isinstance(data.ld("description"), str) else \
        data.first("og:description", "description")
    names_line = lead_byline(content.elements, content.blocks)
    if names_line:
        content.blocks = [b for b in content.blocks if b != names_line]
    lead = lead_blocks(doc, title_el, content, description)
    raw.summary = lead[0] if lead else None
    raw.blocks = lead + [b for b in content.blocks if b not in lead]
    image = find_lead_image(_image_regions(title_el, scope, body), data, content.elements)
    raw.image_url = urljoin(url, image.url) if image.url else None
    raw.caption, raw.photo_credit, raw.image_text = image.caption, image.credit, image.attributes
    raw.published, raw.modified = find_dates(data, _date_regions(title_el, scope, content), url, raw.language,
                                             fetched_at)
    raw.authors = declared_authors(data)
    raw.bylines = ([names_line] if names_line else []) + visible_bylines(scope)
    raw.editors = [clean(n) for n, person in names_of(data.ld("editor"), data) if person]
    raw.section = find_section(data, scope, doc)
    raw.tags = find_tags(data, scope)
    raw.next_page = _next_page(doc, url)
    if overrides:
        _apply_overrides(raw, doc, overrides, site_zone(url, raw.language))
    raw.kind = page_kind(Evidence(url=url, declared=data.declares_article, listing_declared=data.declares_listing,
                                  blocks=raw.blocks, elements=content.elements, has_headline=bool(raw.title),
                                  dated=raw.published is not None))
