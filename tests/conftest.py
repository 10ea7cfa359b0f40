"""Shared fixtures: the sample sites on loopback ports, and running the CLI as a user does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from newsarchive.sample_site import SampleSite

# Loopback sites answer at once: crawl them without the polite delays.
FAST = ["-s", "AUTOTHROTTLE_ENABLED=0", "-s", "DOWNLOAD_DELAY=0", "-s", "NEWSARCHIVE_PROGRESS_INTERVAL=0"]


def run_cli(*args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess:
    """`newsarchive ARGS` in a fresh process, as a user runs it."""
    done = subprocess.run(
        [sys.executable, "-m", "newsarchive", *args],
        capture_output=True, text=True, timeout=timeout,
    )
    if check and done.returncode != 0:
        raise AssertionError(f"newsarchive {' '.join(args)} failed ({done.returncode}):\n{done.stderr}")
    return done


def crawl(url: str, db: Path, *extra: str, check: bool = True) -> subprocess.CompletedProcess:
    return run_cli("crawl", url, "--db", str(db), *FAST, *extra, check=check)


def started(family: str, **options) -> Iterator[SampleSite]:
    site = SampleSite(family, **options)
    site.start(host="127.0.0.1", port=0)
    try:
        yield site
    finally:
        site.stop()


@pytest.fixture(scope="module")
def disway() -> Iterator[SampleSite]:
    yield from started("disway")


@pytest.fixture(scope="module")
def wordpress() -> Iterator[SampleSite]:
    yield from started("wordpress")
