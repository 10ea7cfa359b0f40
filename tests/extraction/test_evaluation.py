"""`newsarchive eval`: scoring semantics of the reference scorer, and the report."""

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

from newsarchive.cli import cli, run_cli
from newsarchive.evaluation import evaluate, format_report
from newsarchive.evaluation.scoring import (authors_f1, caption_match, page_counts, published_match,
                                            score_set, title_match)

REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "eval" / "score.py"


@pytest.fixture
def folder(tmp_path, page, story):
    pages = tmp_path / "pages"
    pages.mkdir()
    records = []
    for n, title in enumerate(["Perbaikan Jalan Dimulai Pekan Depan", "Pasar Murah Dibuka di Lima Kelurahan"]):
        html = page(title=title, meta_line='<span class="date">Sabtu, 03 September 2022 | 14:05 WIB</span>')
        (pages / f"p{n}.html.gz").write_bytes(gzip.compress(html.encode()))
        records.append({"id": f"p{n}", "url": f"https://warta.example.id/read/{n}/x", "html_path": f"pages/p{n}.html.gz",
                        "title": title, "body_paragraphs": story, "authors": ["Rina Putri"],
                        "published": "2022-09-03T14:05:00+07:00", "published_precision": "instant",
                        "caption": None, "photo_credit": None})
    (tmp_path / "records.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return tmp_path


def test_scoring_rules():
    assert page_counts("a b c d e", "a b c d e") == (1.0, 0.0, 0.0)
    assert page_counts("a b c d e", "") == (0.0, 0.0, 1.0)
    assert title_match("Judul  Berita", "Judul Berita")
    assert published_match("2022-09-03T14:05:00+07:00", "instant", "2022-09-03T07:05:30+00:00")
    assert not published_match("2022-09-03T14:05:00+07:00", "instant", "2022-09-03")
    assert published_match("2022-09-03T14:05:00", "local", "2022-09-03T14:05:00+02:00")
    assert authors_f1(["Jane Doe", "John Roe"], "jane doe; Someone") == 0.5
    assert caption_match("Warga antre beras murah.", "warga antre beras murah")


def test_evaluate_scores_our_extractor(folder):
    report = evaluate(folder, baseline=False)
    ours = report.results[0].metrics
    assert report.pages == 2
    assert (ours["f1"], ours["title_acc"], ours["date_acc"]) == (1.0, 1.0, 1.0)
    assert ours["authors_f1"] == 0.0  # the pages carry no byline
    text = format_report(report)
    assert "| newsarchive | 1.000 |" in text and "Worst" in text and "p0" in text


def test_eval_cli_writes_predictions(folder, tmp_path, capsys):
    out = tmp_path / "preds.jsonl"
    assert run_cli(cli, ["eval", str(folder), "--no-baseline", "--limit", "1", "--pred-out", str(out)]) == 0
    preds = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [p["id"] for p in preds] == ["p0"]
    assert "newsarchive" in capsys.readouterr().out


def test_eval_cli_bad_folder_is_one_line_error(tmp_path, capsys):
    assert run_cli(cli, ["eval", str(tmp_path)]) != 0
    assert "records.jsonl" in capsys.readouterr().err


@pytest.mark.skipif(not REFERENCE.is_file(), reason="reference scorer not present on this machine")
def test_same_figures_as_reference_scorer(folder):
    spec = importlib.util.spec_from_file_location("reference_score", REFERENCE)
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    report = evaluate(folder, baseline=False)
    records = [json.loads(line) for line in (folder / "records.jsonl").read_text().splitlines()]
    preds = dict(report.results[0].predictions)
    preds["p1"] = {**preds["p1"], "body": preds["p1"]["body"][:120], "authors": "Rina Putri; X"}
    theirs, _ = reference.score_set(records, preds)
    ours, _ = score_set(records, preds)
    for key in ("f1", "precision", "recall", "title_acc", "date_acc", "day_acc", "authors_f1"):
        assert ours[key] == pytest.approx(theirs[key], abs=1e-12), key
