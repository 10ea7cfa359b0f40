"""`crawl`, `run-due` and `schedule`: thin wrappers over `newsarchive.scheduling.runner`."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import click

from ..crawler import CrawlResult
from ..discovery.sitemaps import parse_w3c_datetime
from ..monitoring import after_crawls
from ..scheduling import runner
from ..scheduling.registry import parse_interval
from .base import cli, db_option


def parse_settings(pairs: tuple[str, ...]) -> dict[str, str]:
    settings = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"expected KEY=VALUE, got {pair!r}", param_hint="--set")
        settings[key.strip()] = value
    return settings


def report(result: CrawlResult) -> None:
    counts = ", ".join(f"{value} {key}" for key, value in result.counts.items())
    why = f" ({result.failure})" if result.failure else ""
    click.echo(f"{result.target.name or result.target.site}: {result.status}{why}; {counts}")


def exit_code(results: list[CrawlResult]) -> int:
    """130 if a crawl was interrupted (Ctrl-C), 1 if one failed or had errors of its own, else 0.

    Pages a site failed to serve (404s, timeouts) are counted in `errors` but are the site's
    faults, not the crawl's: they alone do not fail a crawl.
    """
    if any(r.status == "interrupted" for r in results):
        return 130
    if any(r.status == "failed" or r.counts.get("crawler_errors") for r in results):
        return 1
    return 0


def finish(results: list[CrawlResult], health: tuple[Path, str | None] | None = None) -> None:
    """Report each crawl, then (given the archive and an alert command) one line of health;
    exit non-zero when a crawl failed, had crawler errors or was interrupted."""
    for result in results:
        report(result)
    if results and health:
        for line in after_crawls(health[0], [r.target.site for r in results], health[1]):
            click.echo(line)
    if code := exit_code(results):
        raise click.exceptions.Exit(code)


crawl_options = [
    click.option("--since", help="Skip articles published or changed before this date (YYYY-MM-DD)."),
    click.option("--max-articles", type=click.IntRange(min=1), help="Stop after archiving this many articles."),
    click.option("-s", "--set", "settings", multiple=True, metavar="KEY=VALUE", help="A Scrapy setting, e.g. -s DOWNLOAD_DELAY=1."),
    click.option("-v", "--verbose", is_flag=True, help="Show Scrapy's own log lines."),
]


def with_crawl_options(command):
    for option in reversed(crawl_options):
        command = option(command)
    return command


def _since(value: str | None) -> str | None:
    if value and parse_w3c_datetime(value) is None:
        raise click.BadParameter(f"not a date: {value!r} (use YYYY-MM-DD)", param_hint="--since")
    return value


@cli.command()
@click.argument("target")
@db_option()
@with_crawl_options
def crawl(target: str, db_path: Path, since: str | None, max_articles: int | None, settings: tuple[str, ...], verbose: bool) -> None:
    """Crawl one site (home page URL, or a registered NAME) into the archive."""
    result = runner.crawl(
        target, db_path, since=_since(since), max_articles=max_articles,
        settings=parse_settings(settings), verbose=verbose,
    )
    finish([result])


@cli.command("run-due")
@db_option()
@with_crawl_options
def run_due(db_path: Path, since: str | None, max_articles: int | None, settings: tuple[str, ...], verbose: bool) -> None:
    """Crawl every registered site whose interval has passed (safe to call from cron).

    After the crawls, one line of health, and NEWSARCHIVE_ALERT_COMMAND run when a source goes into alarm.
    """
    overrides = parse_settings(settings)
    results, busy = runner.run_due(
        db_path, since=_since(since), max_articles=max_articles, settings=overrides, verbose=verbose
    )
    if not results and not busy:
        click.echo("no site is due")
    for target in busy:
        click.echo(f"{target.name}: skipped, a crawl of it is still running")
    finish(results, health=(db_path, overrides.get("NEWSARCHIVE_ALERT_COMMAND")))


@cli.command()
@db_option()
@click.option("--tick", default="1m", show_default=True, help="How often to look for due sites.")
@click.option("--rounds", type=click.IntRange(min=1), help="Stop after this many rounds (default: run forever).")
@with_crawl_options
def schedule(db_path: Path, tick: str, rounds: int | None, since: str | None, max_articles: int | None,
             settings: tuple[str, ...], verbose: bool) -> None:
    """Run `run-due` in a foreground loop, for a service manager (crawl options go to every round)."""
    parse_settings(settings)
    forwarded = [*(["--since", _since(since)] if since else []),
                 *(["--max-articles", str(max_articles)] if max_articles else []),
                 *[arg for pair in settings for arg in ("-s", pair)], *(["-v"] if verbose else [])]
    runner.schedule(db_path, tick=timedelta(seconds=parse_interval(tick)), rounds=rounds, run_due_args=forwarded)
