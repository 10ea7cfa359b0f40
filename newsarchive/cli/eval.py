"""`newsarchive eval DIR`: extraction quality and speed, ours against trafilatura."""

from __future__ import annotations

from pathlib import Path

import click

from .base import cli, db_option


@cli.command("eval")
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Only the first N pages.")
@click.option("--pred-out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write our predictions as JSONL (the reference scorer's input).")
@click.option("--no-baseline", is_flag=True, help="Skip trafilatura.")
@db_option()
def eval_command(folder: Path, limit: int | None, pred_out: Path | None, no_baseline: bool, db_path: Path) -> None:
    """Score extraction on FOLDER (records.jsonl + pages) and print the comparison table.

    `--db` is accepted like on every command; no archive is read.
    """
    from ..evaluation import evaluate, format_report, write_predictions

    report = evaluate(folder, limit=limit, baseline=not no_baseline)
    click.echo(format_report(report))
    if pred_out:
        write_predictions(report.results[0], pred_out)
        click.echo(f"predictions written to {pred_out}")
