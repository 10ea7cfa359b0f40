"""The Click group shared by every command, and the one-line error policy."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import click

from ..errors import NewsarchiveError

DEFAULT_DB = Path("data/archive.db")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="newsarchive")
def cli() -> None:
    """Scrape regional news sites into a searchable SQLite archive."""


def db_option(must_exist: bool = False):
    """The `--db PATH` option every command takes."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path, exists=must_exist),
        default=DEFAULT_DB,
        show_default=True,
        help="The archive database.",
    )


def run_cli(group: click.Group, args: list[str] | None = None) -> int:
    """Run the CLI; user errors become one line on stderr and a non-zero exit."""
    try:
        # Without standalone mode, click returns (not raises) the code of a command's `Exit`.
        code = group.main(args=args, prog_name="newsarchive", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.exceptions.Abort:
        click.echo("newsarchive: aborted", err=True)
        return 130
    except click.ClickException as err:
        click.echo(f"newsarchive: {err.format_message()}", err=True)
        return err.exit_code
    except (NewsarchiveError, sqlite3.DatabaseError, OSError) as err:
        click.echo(f"newsarchive: {err}", err=True)
        return 1
    except KeyboardInterrupt:
        click.echo("newsarchive: interrupted", err=True)
        return 130
    return code if isinstance(code, int) else 0
