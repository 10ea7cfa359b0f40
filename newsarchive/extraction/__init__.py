"""What the page says: structured data, main content, dates, people, lead image.

`extract_raw(html, url)` is the first stage of extraction; the second is
`newsarchive.normalisation.normalise`.
"""

from .overrides import SiteOverrides
from .page import extract_raw
from .pages import extract_raw_pages, merge_pages
from .raw import RawArticle

__all__ = ["RawArticle", "SiteOverrides", "extract_raw", "extract_raw_pages", "merge_pages"]
