"""`newsarchive extract FILE|- --url URL`: the normalised article of one saved page, as JSON."""

from __future__ import annotations

import json
import sys

import click

from ..serving.terminal import printable
from .base import cli, db_option


@cli.command("extract")
@click.argument("file", type=str)
@click.option("--url", required=True, help="The URL the page was fetched from.")
@db_option()
def extract_command(file: str, url: str, db_path) -> None:
    """Print the article in FILE (or stdin with -) as JSON (`--db` is accepted and unused: no archive is read)."""
    from ..extract import extract_article

    if file == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            with open(file, "rb") as f:
                data = f.read()
        except OSError as err:
            raise click.ClickException(f"cannot read {file}: {err.strerror or err}") from err
    article = extract_article(data, url)
    click.echo(printable(json.dumps(article.to_dict(), ensure_ascii=False, indent=2)))
