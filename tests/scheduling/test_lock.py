"""One crawl of a site at a time; a crashed holder's lock is recovered."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newsarchive.errors import NewsarchiveError
from newsarchive.scheduling.lock import lock_path, site_lock
from newsarchive.scheduling.registry import parse_interval

HOLD = """
import sys, time
from pathlib import Path
from newsarchive.scheduling.lock import site_lock
with site_lock(Path(sys.argv[1]), "news.example") as held:
    print("held" if held else "busy", flush=True)
    time.sleep(60)
"""


def hold_in_child(db: Path) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "held"
    return child


def test_second_holder_is_refused_while_the_first_lives(tmp_path: Path) -> None:
    child = hold_in_child(tmp_path / "archive.db")
    try:
        with site_lock(tmp_path / "archive.db", "news.example") as held:
            assert held is False
        with site_lock(tmp_path / "archive.db", "other.example") as held:
            assert held is True
    finally:
        child.kill()
        child.wait()


def test_lock_of_a_killed_holder_is_recovered(tmp_path: Path) -> None:
    child = hold_in_child(tmp_path / "archive.db")
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert lock_path(tmp_path / "archive.db", "news.example").exists()
    with site_lock(tmp_path / "archive.db", "news.example") as held:
        assert held is True


@pytest.mark.parametrize("text, seconds", [("90s", 90), ("30m", 1800), ("1h", 3600), ("2d", 172800), ("1W", 604800)])
def test_intervals(text: str, seconds: int) -> None:
    assert parse_interval(text) == seconds


@pytest.mark.parametrize("text", ["", "0h", "1y", "often", "1.5h"])
def test_bad_intervals(text: str) -> None:
    with pytest.raises(NewsarchiveError):
        parse_interval(text)
