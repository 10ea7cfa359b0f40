"""Site overrides: per-host selectors that win over generic extraction where it is wrong.

Stored as JSON in the site registry, hence `from_dict`/`to_dict`. A selector is
CSS unless it starts with `/` or `(`, then it is XPath.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

from lxml.html import HtmlElement

from ..errors import NewsarchiveError
from .dom import clean


@dataclass
class SiteOverrides:
    """CSS/XPath per field, and extra lines (regexes) to drop from the body."""

    title: str | None = None
    body: str | None = None
    caption: str | None = None
    photo_credit: str | None = None
    authors: str | None = None
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    drop_lines: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "SiteOverrides":
        known = {f.name for f in fields(cls)}
        unknown = set(d) - known
        if unknown:
            raise NewsarchiveError(f"unknown override field(s): {', '.join(sorted(unknown))}")
        return cls(**d)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v}

    def select(self, doc: HtmlElement, name: str) -> list[HtmlElement | str]:
        """What one field's selector picks: elements, or strings for XPath text/attributes."""
        selector = getattr(self, name)
        if not selector:
            return []
        try:
            if selector.startswith(("/", "(")):
                found = doc.xpath(selector)
            else:
                found = doc.cssselect(selector)
        except Exception as err:  # cssselect and lxml raise several unrelated types
            raise NewsarchiveError(f"bad {name} selector {selector!r}: {err}") from err
        return [x for x in found if isinstance(x, (HtmlElement, str))]

    def texts(self, doc: HtmlElement, name: str) -> list[str]:
        """The non-empty texts one field's selector picks (a `datetime`/`content` value first)."""
        out = []
        for found in self.select(doc, name):
            if isinstance(found, str):
                text = found
            else:
                text = found.get("datetime") or found.get("content") or found.text_content()
            if text.strip():
                out.append(clean(text))
        return out
