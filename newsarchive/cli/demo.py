"""`demo`: a thin wrapper over `newsarchive.demo.run_demo`."""

from __future__ import annotations

from pathlib import Path

import click

from ..demo import run_demo
from .base import cli, db_option


@cli.command()
@db_option()
def demo(db_path: Path) -> None:
    """Serve the bundled sample sites, crawl them into the archive, show what it holds."""
    run_demo(db_path, say=click.echo)
