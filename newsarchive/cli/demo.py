"""`demo`: a thin wrapper over `newsarchive.demo.run_demo`."""

from __future__ import annotations

from pathlib import Path

import click

from ..demo import DEMO_BASE_PORT, run_demo
from .base import cli, db_option


@cli.command()
@db_option()
@click.option("--base-port", type=click.IntRange(1024, 65534), default=DEMO_BASE_PORT, show_default=True,
              help="Serve the two sample sites on this port and the next.")
def demo(db_path: Path, base_port: int) -> None:
    """Serve the bundled sample sites, crawl them into the archive, show what it holds."""
    run_demo(db_path, base_port=base_port, say=click.echo)
