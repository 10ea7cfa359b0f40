"""The state file a fleet job gets instead of the archive: what incremental crawling needs of
one site (its archived pages with their validators, and its last complete crawl)."""

from __future__ import annotations

import dataclasses
import gzip
import json
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from ..errors import NewsarchiveError
from ..storage import Archive
from ..storage.archive import KnownPage


@dataclass
class SiteState:
    """What the spider reads before its first request: from the archive, or from a state file."""

    known: dict[str, KnownPage]
    last_complete: tuple[str, str] | None  # (started, finished) of the last crawl that ran to its end


def site_state(archive: Archive, site: str) -> SiteState:
    return SiteState(archive.known(site), archive.last_complete_crawl(site))


def write_state(archive: Archive, site: str, path: Path) -> None:
    """The site's state as gzipped JSON, written whole under a temporary name, then renamed."""
    state = site_state(archive, site)
    document = {"site": site, "last_complete": state.last_complete,
                "known": [dataclasses.astuple(page) for page in state.known.values()]}
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(gzip.compress(json.dumps(document).encode()))
    partial.replace(path)


def read_state(uri: str, site: str) -> SiteState:
    """A state file by path or URI (file:, http(s):, ftp:, whatever urllib opens)."""
    try:
        if "://" in uri:
            with urllib.request.urlopen(uri, timeout=60) as answer:
                data = answer.read()
        else:
            data = Path(uri).read_bytes()
        document = json.loads(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)
    except (OSError, ValueError) as err:
        raise NewsarchiveError(f"cannot read the state file {uri}: {err}") from None
    if document.get("site") != site:
        raise NewsarchiveError(f"the state file {uri} is of {document.get('site')!r}, not of {site!r}")
    known = {page.url: page for page in (KnownPage(*row) for row in document["known"])}
    last = document.get("last_complete")
    return SiteState(known, tuple(last) if last else None)
