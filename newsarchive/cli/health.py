"""`newsarchive health`: each source against its own baseline; exit 1 when any is in alarm."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..monitoring import health_report
from ..errors import NewsarchiveError
from ..monitoring.report import accept, table
from .base import cli, db_option


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--source", help="Only this source (publisher name, as `stats` lists it).")
@click.option("--accept", "accept_", is_flag=True, help="Take the --source's present state as its new normal.")
@db_option()
def health(as_json: bool, source: str | None, accept_: bool, db_path: Path) -> None:
    """Per-source health of the last crawls; exit status 1 when any source is in alarm."""
    if accept_:
        if not source:
            raise NewsarchiveError("--accept needs --source (the source whose change is wanted)")
        accept(db_path, source)
    report = health_report(db_path, source)
    if as_json:
        click.echo(json.dumps({"sources": [entry.to_dict() for entry in report]}, ensure_ascii=False, indent=2))
    elif report:
        click.echo(table(report))
    else:
        click.echo("no crawl has been judged yet (run `newsarchive crawl URL`)")
    if any(entry.status == "alarm" for entry in report):
        raise click.exceptions.Exit(1)
