"""`newsarchive extract`: JSON out, one clear line for a file it cannot read."""

import json
from pathlib import Path

from newsarchive.cli import cli, run_cli

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
URL = "https://radarpalembang.disway.id/read/635679/x"


def test_extract_prints_article_json(capsys):
    assert run_cli(cli, ["extract", str(FIXTURES / "seed-disway.html"), "--url", URL]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["source"] == "Radar Palembang"
    assert data["published"] == "2022-09-03T14:05:00+07:00"


def test_extract_reads_stdin(capsys, monkeypatch):
    import io
    import sys
    html = (FIXTURES / "seed-disway.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(html)))
    assert run_cli(cli, ["extract", "-", "--url", URL]) == 0
    assert json.loads(capsys.readouterr().out)["dateline"] == "PALEMBANG"


def test_unreadable_file_is_one_line_error(capsys, tmp_path):
    code = run_cli(cli, ["extract", str(tmp_path / "missing.html"), "--url", URL])
    err = capsys.readouterr().err
    assert code != 0
    assert err.count("\n") == 1 and "missing.html" in err and "Traceback" not in err
