"""One crawl of a site at a time, across processes.

An advisory `flock` on a file beside the archive: the kernel releases it when its
holder dies, so a crashed crawl never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


def lock_folder(db_path: Path) -> Path:
    """`locks/` beside the archive."""
    return Path(db_path).parent / "locks"


def lock_path(db_path: Path, site: str, folder: Path | None = None) -> Path:
    return Path(folder or lock_folder(db_path)) / (re.sub(r"[^A-Za-z0-9._-]", "_", site) + ".lock")


@contextmanager
def site_lock(db_path: Path | None, site: str, folder: Path | None = None) -> Iterator[bool]:
    """Yield True while holding the site's lock, False when another process holds it.

    The lock file is in `folder`, by default `locks/` beside the archive at `db_path`."""
    path = lock_path(db_path, site, folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
