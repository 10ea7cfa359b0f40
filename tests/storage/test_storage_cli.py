"""The archive's commands, option by option, through the real CLI entry point."""

from __future__ import annotations

import csv
import io
import json

import pytest

import newsarchive.cli  # noqa: F401 - registers every command
from newsarchive.cli.base import cli, run_cli


@pytest.fixture
def db(tmp_path, archive, make_article):
    archive.store(make_article(1, published="2024-05-01T09:00:00+07:00"), html="<p>satu</p>")
    archive.store(
        make_article(2, source="Radar Palu", title="Harga cabai \x1b[31mnaik\x07",
                     body="Harga cabai rawit melonjak menjelang Lebaran.",
                     published="2024-06-10T09:00:00+07:00"),
        html="<p>dua</p>",
    )  # fmt: skip
    crawl = archive.start_crawl("kabar.example.id")
    archive.finish_crawl(crawl, "finished", {"new": 2})
    return str(archive.path)


def run(capsys, *args):
    code = run_cli(cli, list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_table_highlights_and_strips_control_chars(db, capsys):
    code, out, err = run(capsys, "search", "cabai", "--db", db)
    assert code == 0 and err == ""
    assert "[cabai]" in out  # not a terminal: brackets instead of colour
    assert "\x1b" not in out and "\x07" not in out
    assert "Radar Palu" in out


def test_search_options(db, capsys):
    _, out, _ = run(capsys, "search", "tondo", "--db", db, "--format", "json")
    records = json.loads(out)  # one JSON document
    assert [r["url"][-1] for r in records] == ["1"]
    _, out, _ = run(capsys, "search", "cabai OR warga", "--db", db, "--format", "jsonl",
                    "--order", "newest", "--limit", "1")  # fmt: skip
    assert [json.loads(line)["url"][-1] for line in out.splitlines()] == ["2"]
    _, out, _ = run(capsys, "search", "cabai OR warga", "--db", db, "--format", "csv",
                    "--source", "Radar Palu")  # fmt: skip
    table = list(csv.DictReader(io.StringIO(out)))
    assert [row["source"] for row in table] == ["Radar Palu"]
    _, out, _ = run(capsys, "search", "cabai OR warga", "--db", db, "--format", "json",
                    "--since", "2024-05-02", "--until", "2024-12-31")  # fmt: skip
    assert [r["url"][-1] for r in json.loads(out)] == ["2"]
    _, out, _ = run(capsys, "search", "tidakada", "--db", db)
    assert "no articles match" in out
    _, out, _ = run(capsys, "search", "tidakada", "--db", db, "--format", "json")
    assert json.loads(out) == []


@pytest.mark.parametrize(
    "args, message",
    [
        (["search", "warga", "--since", "kemarin"], "--since: expected a date"),
        (["search", "NOT warga"], "NOT needs a word"),
        (["search", "((("], "nothing to search"),
        (["search", "warga", "--limit", "0"], "--limit"),
        (["search", "warga", "--order", "random"], "--order"),
        (["export", "--format", "xml"], "--format"),
        (["export", "--since", "nope"], "--since"),
    ],
)
def test_bad_input_is_one_line_and_non_zero(db, capsys, args, message):
    code, out, err = run(capsys, *args, "--db", db)
    assert code != 0
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    "args",
    [["search", "warga"], ["stats"], ["export"], ["reparse"], ["serve", "--port", "0"]],
)
def test_missing_database_is_one_line_and_not_created(tmp_path, capsys, args):
    missing = tmp_path / "data" / "archive.db"
    code, out, err = run(capsys, *args, "--db", str(missing))
    assert code == 1
    assert err == f"newsarchive: no archive at {missing} — run `newsarchive crawl URL` first\n"
    assert not missing.exists()


def test_stats(db, capsys):
    code, out, _ = run(capsys, "stats", "--db", db)
    assert code == 0
    assert "2 articles" in out and "Radar Palu" in out and "2024-06-10" in out
    assert "kabar.example.id" in out and "finished" in out
    _, out, _ = run(capsys, "stats", "--db", db, "--json")  # the old spelling
    assert json.loads(out)["articles"] == 2
    _, same, _ = run(capsys, "stats", "--db", db, "--format", "json")
    assert same == out


def test_export_json_jsonl_csv_and_filters(db, capsys):
    _, out, _ = run(capsys, "export", "--db", db)
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["url"][-1] for r in records] == ["1", "2"]
    assert records[0]["authors"] == ["ABD"]
    _, out, _ = run(capsys, "export", "--db", db, "--format", "csv", "--source", "Radar Palu")
    table = list(csv.DictReader(io.StringIO(out)))
    assert [row["source"] for row in table] == ["Radar Palu"]
    assert json.loads(table[0]["authors"]) == ["ABD"]  # lists as JSON text
    _, out, _ = run(capsys, "export", "--db", db, "--since", "2024-06-01")
    assert [json.loads(line)["url"][-1] for line in out.splitlines()] == ["2"]
    _, out, _ = run(capsys, "export", "--db", db, "--format", "json")
    assert [r["url"][-1] for r in json.loads(out)] == ["1", "2"]
    _, out, _ = run(capsys, "export", "--db", db, "--format", "json", "--source", "nobody")
    assert json.loads(out) == []


def test_reparse_uses_extract_pages(db, capsys, monkeypatch, make_article):
    import sys
    import types

    calls = []

    def extract_pages(pages):
        calls.extend(url for url, _ in pages)
        return make_article(1, title="Judul hasil ekstraksi ulang")

    monkeypatch.setitem(sys.modules, "newsarchive.extract", types.SimpleNamespace(extract_pages=extract_pages))
    code, out, _ = run(capsys, "reparse", "--db", db, "--source", "Radar Palu", "--jobs", "1")
    assert code == 0 and calls == ["https://kabar.example.id/berita/2"]
    assert "1 updated" in out
