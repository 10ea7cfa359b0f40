"""Serving the archive with Datasette (read-only): the metadata file and the project's plugin."""

from __future__ import annotations

import asyncio
from pathlib import Path

from ..storage import Archive
from .metadata import metadata


def datasette_app(path: Path, *, immutable: bool = False):
    """The Datasette instance for an archive.

    By default Datasette opens the file with `mode=ro`, so a crawl can keep writing while it
    serves. The best-first index is brought up to date first. `immutable` is faster (counts cached, no locking) but only for a finished
    archive: the WAL is checkpointed first, because immutable readers ignore it.
    """
    from datasette.app import Datasette

    with Archive(path, create=False) as archive:
        # a first best-first search must not build the index inside Datasette's time limit
        archive.sync_ranking()
        if immutable:
            archive.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files = [] if immutable else [str(path)]
    datasette = Datasette(
        files,
        immutables=[str(path)] if immutable else [],
        metadata=metadata(path.stem),
        settings={"sql_time_limit_ms": 3000, "facet_time_limit_ms": 500},
    )
    return datasette


def serve(path: Path, *, host: str, port: int, immutable: bool = False) -> None:
    """Run Datasette on the archive until interrupted."""
    import uvicorn

    datasette = datasette_app(path, immutable=immutable)
    asyncio.run(datasette.invoke_startup())
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning")
