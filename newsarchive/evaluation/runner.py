"""`evaluate(dir)`: our extractor and trafilatura on the same pages, in one process, interleaved.

Reads a folder in the records.jsonl format of the shared fundus-dev set.
trafilatura is imported lazily: it is a benchmark extra, not a dependency.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import NewsarchiveError
from ..extract import extract_article
from .scoring import score_set

Prediction = dict[str, Any]
Extractor = Callable[[str, str], Prediction]


@dataclass
class Result:
    """One extractor's metrics, speed and per-page scores."""

    name: str
    metrics: dict[str, Any]
    pages_per_s: float
    per_page: list[dict[str, Any]]
    predictions: dict[str, Prediction] = field(repr=False, default_factory=dict)


@dataclass
class Report:
    results: list[Result]
    pages: int


def ours(html: str, url: str) -> Prediction:
    article = extract_article(html, url)
    return {k: getattr(article, k) for k in ("title", "body", "published", "authors", "caption",
                                              "photo_credit")}


def trafilatura_extractor() -> Extractor | None:
    """trafilatura with metadata, or None when the bench extra is not installed."""
    try:
        import trafilatura
    except ImportError:
        return None

    def run(html: str, url: str) -> Prediction:
        out = trafilatura.extract(html, url=url, output_format="json", with_metadata=True,
                                  include_comments=False)
        data = json.loads(out) if out else {}
        return {"title": data.get("title"), "body": data.get("text") or "",
                "published": data.get("date"), "authors": data.get("author"),
                "caption": None, "photo_credit": None}

    return run


def load(folder: Path, limit: int | None) -> list[tuple[dict[str, Any], str]]:
    """(record, page html) pairs of an evaluation folder."""
    records_path = folder / "records.jsonl"
    if not records_path.is_file():
        raise NewsarchiveError(f"{folder}: no records.jsonl here")
    with records_path.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    pages = []
    for rec in records[:limit] if limit else records:
        path = folder / rec["html_path"]
        data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        pages.append((rec, data.decode("utf-8", errors="replace")))
    return pages


def run_all(extractors: dict[str, Extractor], pages: list[tuple[dict[str, Any], str]]) -> list[Result]:
    """Every extractor on every page, interleaved page by page so that a busy machine
    slows them alike and pages/s stay comparable."""
    preds: dict[str, dict[str, Prediction]] = {name: {} for name in extractors}
    elapsed = dict.fromkeys(extractors, 0.0)
    for rec, html in pages:
        for name, extractor in extractors.items():
            start = time.perf_counter()
            preds[name][rec["id"]] = extractor(html, rec["url"])
            elapsed[name] += time.perf_counter() - start
    records = [rec for rec, _ in pages]
    results = []
    for name in extractors:
        metrics, per_page = score_set(records, preds[name])
        speed = len(pages) / elapsed[name] if elapsed[name] else 0.0
        results.append(Result(name, metrics, speed, per_page, preds[name]))
    return results


def evaluate(folder: str | Path, limit: int | None = None, baseline: bool = True) -> Report:
    pages = load(Path(folder), limit)
    extractors: dict[str, Extractor] = {"newsarchive": ours}
    other = trafilatura_extractor() if baseline else None
    if other:
        extractors["trafilatura"] = other
    return Report(run_all(extractors, pages), len(pages))


def write_predictions(result: Result, path: str | Path) -> None:
    """Predictions as JSONL in the reference scorer's format."""
    with open(path, "w", encoding="utf-8") as f:
        for page_id, pred in result.predictions.items():
            f.write(json.dumps({"id": page_id, **pred}, ensure_ascii=False) + "\n")


def _fmt(value: Any) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_report(report: Report, worst: int = 10) -> str:
    """The comparison table, then our worst pages by body F1."""
    head = ("| extractor | body F1 | P | R | title exact | published (same instant) | same day "
            "| authors F1 | caption | photo credit | pages/s |")
    lines = [f"{report.pages} pages", "", head, "|" + "---|" * 11]
    for r in report.results:
        m = r.metrics
        lines.append(f"| {r.name} | {_fmt(m['f1'])} | {_fmt(m['precision'])} | {_fmt(m['recall'])} "
                     f"| {_fmt(m['title_acc'])} | {_fmt(m['date_acc'])} | {_fmt(m['day_acc'])} "
                     f"| {_fmt(m['authors_f1'])} | {_fmt(m['caption_acc'])} | {_fmt(m['credit_acc'])} "
                     f"| {r.pages_per_s:.1f} |")
    ours_result = report.results[0]
    lines += ["", f"Worst {worst} pages for body F1 ({ours_result.name}):"]
    for page in sorted(ours_result.per_page, key=lambda p: p["body_f1"])[:worst]:
        tp, fp, fn = page["tp_fp_fn"]
        lines.append(f"  {page['id']:<40} F1 {page['body_f1']:.3f}  (tp {tp:.2f} fp {fp:.2f} fn {fn:.2f})")
    return "\n".join(lines)
