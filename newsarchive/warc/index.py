"""A CDXJ index beside each WARC file (`NAME.cdxj` for `NAME.warc.gz`), written by webrecorder's
`cdxj-indexer` as pywb reads it: sorted by SURT key, so that pywb (`index_paths` and
`archive_paths` both the `warc/` folder) replays the archived pages."""

from __future__ import annotations

import os
import re
from pathlib import Path


def index_path(warc: Path) -> Path:
    """`NAME.cdxj` beside `NAME.warc.gz` (or `NAME.warc`)."""
    return warc.with_name(re.sub(r"\.warc(\.gz)?$", "", warc.name) + ".cdxj")


def write_index(warc: Path) -> Path:
    """Index one closed WARC file; the index appears whole or not at all (written aside, then renamed)."""
    from cdxj_indexer.main import write_cdx_index  # needed when a file closes, not to open the archive

    target = index_path(warc)
    partial = target.with_name(target.name + ".part")
    write_cdx_index(str(partial), [str(warc)], {"sort": True})
    os.replace(partial, target)
    return target
