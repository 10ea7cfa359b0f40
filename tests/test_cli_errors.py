"""Bad input to each command: one line on stderr, a non-zero exit, never a traceback."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.conftest import FAST, run_cli


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def assert_one_line_error(done, mentions: str) -> None:
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert mentions.lower() in lines[0].lower(), lines[0]


def test_crawl_of_unreachable_site(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/"
    done = run_cli("crawl", url, "--db", str(tmp_path / "a.db"), *FAST, "-s", "RETRY_TIMES=0", check=False)
    assert_one_line_error(done, "could not reach")


@pytest.mark.parametrize(
    "args, mentions",
    [
        (["crawl", "no-such-site"], "no site named"),
        (["crawl", "ftp://example.com/"], "not a site url"),
        (["crawl", "http://127.0.0.1:1/", "--since", "yesterday-ish"], "not a date"),
        (["crawl", "http://127.0.0.1:1/", "-s", "NOEQUALS"], "KEY=VALUE"),
        (["search", "banjir"], "no archive"),
        (["stats"], "no archive"),
        (["sites", "remove", "nope"], "no site named"),
        (["sites", "add", "not a url"], "not a site url"),
        (["sites", "add", "https://example.com/", "--every", "often"], "not an interval"),
        (["extract", "/no/such/file.html", "--url", "https://example.com/a"], "file.html"),
        (["dispatch", "--scrapyd", "node1:6800"], "not a scrapyd url"),
        (["dispatch", "--scrapyd", "http://127.0.0.1:1"], "no archive"),
        (["ingest", "--from", "/no/such/shards"], "no shard folder"),
    ],
)
def test_bad_input_gives_one_line(tmp_path: Path, args: list[str], mentions: str) -> None:
    done = run_cli(*args, "--db", str(tmp_path / "missing.db"), check=False)
    assert_one_line_error(done, mentions)
    assert not (tmp_path / "missing.db").exists() or args[0] in ("sites",)


def test_extract_of_unreadable_file(tmp_path: Path) -> None:
    locked = tmp_path / "page.html"
    locked.write_bytes(b"\xff\xfe\x00garbage")
    locked.chmod(0)
    done = run_cli("extract", str(locked), "--url", "https://example.com/a", check=False)
    # root reads any file: then the page is garbage, which must still not crash
    assert "Traceback" not in done.stderr
