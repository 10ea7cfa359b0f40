"""`newsarchive stats`: what the archive holds, per source, and the last crawls."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..storage import Archive
from .base import cli, db_option
from ..serving.terminal import clean, printable


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="json: the numbers as one JSON document.")
@click.option("--json", "as_json", is_flag=True, help="The same as --format json.")
@db_option()
def stats(fmt: str, as_json: bool, db_path: Path) -> None:
    """Articles per source with their date ranges, and the last crawls."""
    with Archive(db_path, create=False) as archive:
        numbers = archive.stats()
    if as_json or fmt == "json":
        click.echo(printable(json.dumps(numbers, ensure_ascii=False, indent=2)))
        return
    click.echo(
        f"{numbers['articles']} articles, {numbers['revisions']} revisions, "
        f"{numbers['pages']} raw pages, {numbers['duplicates']} linked as duplicates"
    )
    for source in numbers["sources"]:
        span = clean(f"{(source['first_published'] or '?')[:10]} .. {(source['last_published'] or '?')[:10]}")
        click.echo(f"  {source['articles']:>8}  {clean(source['source'])} ({clean(source['site'])})  {span}")
    if numbers["crawls"]:
        click.echo("last crawls:")
    for crawl in numbers["crawls"]:
        click.echo(
            f"  #{crawl['id']} {clean(crawl['site'])} {clean(crawl['started'])} {clean(crawl['status'])}: "
            f"{crawl['new']} new, {crawl['updated']} updated, {crawl['unchanged']} unchanged, "
            f"{crawl['errors']} errors"
        )
