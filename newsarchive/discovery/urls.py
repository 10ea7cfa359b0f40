"""Canonical URLs: one article is one row however it was linked."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlsplit

from w3lib.url import canonicalize_url, url_query_cleaner

# Query parameters that only say where a click came from.
TRACKING_PARAMETERS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|yclid|igshid|"
    r"_ga|_gl|ref|ref_src|source|src|cmpid|ito|spm|share|amp;utm_\w+)$",
    re.IGNORECASE,
)


def strip_tracking(url: str) -> str:
    """Drop tracking parameters and the fragment, keep every other parameter."""
    parts = urlsplit(url)
    if not parts.query:
        return url.split("#", 1)[0]
    keep = [
        pair.split("=", 1)[0]
        for pair in parts.query.split("&")
        if pair and not TRACKING_PARAMETERS.match(pair.split("=", 1)[0])
    ]
    return url_query_cleaner(url, keep, remove=False, keep_fragments=False)


@lru_cache(maxsize=65536)
def canonical_url(url: str) -> str:
    """The form under which a URL is requested and stored (cached: menus repeat on every page)."""
    return canonicalize_url(strip_tracking(url.strip()))


def site_of(url: str) -> str:
    """The host (with a non-default port) that names a site in the archive."""
    return urlsplit(url).netloc.lower()


def same_site(url: str, site: str) -> bool:
    """True for the site itself and its `www.` twin."""
    host = site_of(url)
    return host == site or host.removeprefix("www.") == site.removeprefix("www.")
