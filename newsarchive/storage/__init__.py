"""The SQLite archive: schema and migrations, upserts with revisions, crawls, search."""

from .archive import Archive, KnownPage
from .search import SearchHit

__all__ = ["Archive", "KnownPage", "SearchHit"]
