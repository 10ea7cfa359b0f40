"""`dispatch` and `ingest`: thin wrappers over `newsarchive.fleet.dispatch` and `newsarchive.fleet.ingest`."""

from __future__ import annotations

import time
from pathlib import Path

import click

from ..fleet.dispatch import dispatch as dispatch_sites
from ..fleet.ingest import ingest as ingest_shards
from .base import cli, db_option
from .crawl import parse_settings


@cli.command()
@click.option("--scrapyd", "nodes", multiple=True, required=True, metavar="URL",
              help="A Scrapyd node (repeatable), e.g. http://node1:6800.")
@db_option()
@click.option("--fleet-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Where state files are written and shards read (default: fleet/ beside the archive).")
@click.option("--fleet-uri", metavar="URI",
              help="The same folder as the nodes reach it, a Scrapy feed URI (default: its file:// URI).")
@click.option("--state-uri", metavar="URI",
              help="Where the nodes read the folder's state/ (file:, http(s): or ftp:; default: FLEET_URI/state).")
@click.option("-s", "--set", "settings", multiple=True, metavar="KEY=VALUE", help="A setting for every job, e.g. -s DOWNLOAD_DELAY=1.")
def dispatch(nodes: tuple[str, ...], db_path: Path, fleet_dir: Path | None, fleet_uri: str | None,
             state_uri: str | None, settings: tuple[str, ...]) -> None:
    """Send every due registered site's crawl to one Scrapyd node; notice finished, failed and lost jobs.

    Safe to call from cron: a site with a job pending or running is never sent again.
    """
    done = dispatch_sites(db_path, list(nodes), fleet_dir=fleet_dir, fleet_uri=fleet_uri, state_uri=state_uri,
                          settings=parse_settings(settings))
    for node, why in done.unreachable.items():
        click.echo(f"{node}: not answering ({why})")
    for name, status, why in done.ended:
        click.echo(f"{name}: job {status} ({why})")
    for name, where in done.running:
        click.echo(f"{name}: due, but still being crawled ({where})")
    for name, node, job in done.sent:
        click.echo(f"{name}: sent to {node} as job {job}")
    for name, why in done.unsent:
        click.echo(f"{name}: not sent ({why})")
    if not (done.sent or done.ended or done.running or done.unsent):
        click.echo("no site is due")
    if done.unsent:
        raise click.exceptions.Exit(1)


@cli.command()
@db_option()
@click.option("--from", "source", type=click.Path(file_okay=False, path_type=Path),
              help="The folder of shards (default: fleet/shards/ beside the archive).")
def ingest(db_path: Path, source: Path | None) -> None:
    """Store finished crawl shards (from Scrapyd jobs) in the archive, each exactly once (safe to call from cron)."""
    began = time.monotonic()
    counts, damaged = ingest_shards(db_path, source)
    seconds = time.monotonic() - began
    for name, why in damaged.items():
        click.echo(f"{name}: damaged shard, not ingested ({why})", err=True)
    outcomes = ", ".join(f"{counts[key]} {key}" for key in ("new", "updated", "unchanged"))
    rate = f", {counts['records'] / seconds:.0f} records/s" if counts["records"] else ""
    click.echo(f"shards: {counts['shards']} ingested, {counts['already ingested']} already ingested;"
               f" articles: {outcomes} ({seconds:.1f} s{rate})")
    if damaged:
        raise click.exceptions.Exit(1)
