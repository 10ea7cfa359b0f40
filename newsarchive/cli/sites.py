"""`sites add|list|remove`: thin wrappers over the site registry."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import NewsarchiveError
from ..scheduling import registry
from ..serving.terminal import printable
from ..storage import Archive
from ..storage.sites import SITE_COLUMNS
from .base import cli, db_option
from .records import echo_records, format_option


@cli.group()
def sites() -> None:
    """The registry of sites that scheduled crawls visit."""


def parse_fields(pairs: tuple[str, ...]) -> dict[str, str]:
    fields = {}
    for pair in pairs:
        name, sep, selector = pair.partition("=")
        if not sep or not name.strip() or not selector.strip():
            raise click.BadParameter(f"expected FIELD=SELECTOR, got {pair!r}", param_hint="--field")
        fields[name.strip()] = selector.strip()
    return fields


@sites.command("add")
@click.argument("url")
@click.option("--name", help="The name to crawl it by (default: its host).")
@click.option("--every", default="1h", show_default=True, help="Crawl interval: 30m, 1h, 1d ...")
@click.option("--start-url", "start_urls", multiple=True, help="Another page to start from (repeatable).")
@click.option("--allow-host", "allowed_hosts", multiple=True, metavar="HOST[:PORT]",
              help="Another host the crawl may request and follow redirects to (repeatable).")
@click.option("--allowed-paths", help="Only follow URLs whose path matches this regular expression.")
@click.option("--article-pattern", help="URLs matching this regular expression are articles; no others are.")
@click.option("--field", "fields", multiple=True, metavar="FIELD=SELECTOR", help="Extraction override: a CSS selector (or XPath starting with /) for a field.")
@click.option("--drop-line", "drop_lines", multiple=True, help="A line to remove from this site's bodies (repeatable).")
@db_option()
def add(url, name, every, start_urls, allowed_hosts, allowed_paths, article_pattern, fields, drop_lines, db_path: Path) -> None:
    """Register a site by its home page URL."""
    entry = registry.add_site(
        db_path, url, name=name, every=every,
        settings={
            "start_urls": list(start_urls), "allowed_hosts": list(allowed_hosts), "allowed_paths": allowed_paths,
            "article_pattern": article_pattern,
            "extraction": {**parse_fields(fields), "drop_lines": list(drop_lines)},
        },
    )
    click.echo(f"added {entry['name']}: {entry['url']} every {every}")


@sites.command("list")
@format_option("table")
@db_option()
def list_(fmt: str, db_path: Path) -> None:
    """The registered sites and their last crawls."""
    entries = []
    if db_path.exists():
        with Archive(db_path, create=False) as archive:
            entries = archive.list_sites()
    if fmt != "table":
        echo_records(entries, fmt, SITE_COLUMNS)
        return
    if not entries:
        click.echo("no sites registered (add one with `newsarchive sites add URL`)")
    for entry in entries:
        last = entry.get("last_started") or "never"
        click.echo(printable(f"{entry['name']}\t{entry['url']}\tevery {entry['every_seconds']}s\tlast crawl {last} {entry.get('last_status') or ''}".rstrip()))


@sites.command("remove")
@click.argument("name")
@db_option()
def remove(name: str, db_path: Path) -> None:
    """Unregister a site (its articles stay in the archive)."""
    if not db_path.exists():
        raise NewsarchiveError(f"no site named {name!r} (see `newsarchive sites list`)")
    with Archive(db_path, create=False) as archive:
        archive.remove_site(name)
    click.echo(f"removed {name}")
