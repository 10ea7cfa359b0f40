"""Records on stdout in the formats every record-printing command shares.

Scraped text is untrusted: every line goes through `printable`, so no control character or
escape sequence in the archive reaches the terminal. `json` is one JSON array (streamed, so `export` never holds the archive in memory),
`jsonl` one object per line, `csv` a header and one row per record (lists as JSON text).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

import click

from ..serving.terminal import printable

RECORD_FORMATS = ("json", "jsonl", "csv")


def format_option(default: str, *, table: bool = True):
    """The `--format` option: `table` (for people) if the command has one, then the record formats."""
    choices = (["table"] if table else []) + list(RECORD_FORMATS)
    return click.option(
        "--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
        help="json: one JSON array; jsonl: one JSON object per line; csv: a header, then rows.",
    )  # fmt: skip


def _csv_line(values: Iterable[Any]) -> str:
    buffer = io.StringIO()
    cells = [json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for v in values]
    csv.writer(buffer).writerow(cells)
    return buffer.getvalue()


def echo_records(records: Iterable[dict[str, Any]], fmt: str, columns: Sequence[str]) -> None:
    """Print `records` (dicts with `columns`) in a record format, one record at a time."""
    if fmt == "csv":
        click.echo(printable(_csv_line(columns)), nl=False)
        for record in records:
            click.echo(printable(_csv_line(record.get(c) for c in columns)), nl=False)
        return
    if fmt == "jsonl":
        for record in records:
            click.echo(printable(json.dumps(record, ensure_ascii=False)))
        return
    opened = False
    for record in records:
        click.echo(("[\n" if not opened else ",\n") + printable(json.dumps(record, ensure_ascii=False)), nl=False)
        opened = True
    click.echo("\n]" if opened else "[]")
