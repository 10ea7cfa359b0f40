"""`make demo`'s command: sample sites crawled, report printed; a second run adds nothing."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

from tests.conftest import run_cli


def free_port_pair() -> int:
    for _ in range(50):
        with socket.socket() as first:
            first.bind(("127.0.0.1", 0))
            port = first.getsockname()[1]
            with socket.socket() as second:
                try:
                    second.bind(("127.0.0.1", port + 1))
                except OSError:
                    continue
        return port
    raise RuntimeError("no two free neighbouring ports")


def test_demo_twice(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    port = free_port_pair()
    first = run_cli("demo", "--db", str(db), "--base-port", str(port), timeout=240)
    assert "Radar Palembang" in first.stdout and "Kabar Banua" in first.stdout
    assert 'Full-text search for "pertamina"' in first.stdout
    assert "Kolaborasi BPJS Sumbagsel" in first.stdout
    assert "newsarchive serve" in first.stdout
    with sqlite3.connect(db) as conn:
        count = conn.execute("select count(*) from articles").fetchone()[0]
    assert count >= 44
    second = run_cli("demo", "--db", str(db), "--base-port", str(port), timeout=240)
    assert "0 new" in second.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("select count(*) from articles").fetchone()[0] == count


def test_demo_port_taken(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        done = run_cli("demo", "--db", str(tmp_path / "a.db"), "--base-port", str(taken.getsockname()[1]), check=False)
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [done.stderr.strip()]
    assert "cannot serve the sample site" in done.stderr
