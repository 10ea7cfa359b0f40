"""`newsarchive serve`: browse and search the archive in Datasette."""

from __future__ import annotations

from pathlib import Path

import click

from .base import cli, db_option


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(0, 65535), default=8001, show_default=True)
@click.option("--immutable", is_flag=True, help="Faster, for an archive no crawl writes to.")
@db_option()
def serve(host: str, port: int, immutable: bool, db_path: Path) -> None:
    """Serve the archive read-only with Datasette: search box, facets, ready-made queries."""
    from ..serving import serve as run

    click.echo(f"Serving {db_path} at http://{host}:{port}/{db_path.stem}  (Ctrl-C stops)")
    run(db_path, host=host, port=port, immutable=immutable)
