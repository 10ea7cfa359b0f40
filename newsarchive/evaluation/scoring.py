"""The scoring semantics of the shared reference scorer (`score.py`), reimplemented.

Kept identical on purpose: `newsarchive eval` must report the same figures as
the reference script for the same predictions.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from email.utils import parsedate_to_datetime
from typing import Any

SHINGLE = 4
DATE_TOLERANCE_S = 60
CAPTION_TOKEN_F1 = 0.9
_WORD = re.compile(r"\w+", re.UNICODE)

Counts = tuple[float, float, float]


def words(text: str | None) -> list[str]:
    return _WORD.findall(text) if text else []


def shingles(text: str | None, n: int = SHINGLE) -> Counter:
    toks = words(text)
    if not toks:
        return Counter()
    if len(toks) <= n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def page_counts(true_text: str, pred_text: str) -> Counts:
    """Normalised (tp, fp, fn) of one page's body."""
    t, p = shingles(true_text), shingles(pred_text)
    common = sum((t & p).values())
    fp = sum(p.values()) - common
    fn = sum(t.values()) - common
    total = common + fp + fn
    if total == 0:
        return (0.0, 0.0, 0.0)
    return (common / total, fp / total, fn / total)


def page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def page_f1(counts: Counts) -> float:
    p, r = page_precision(*counts), page_recall(*counts)
    return 2 * p * r / (p + r) if p + r else 0.0


def aggregate(counts: list[Counts]) -> dict[str, float]:
    """Precision and recall are means over pages; F1 is the harmonic mean of those means."""
    ps = [page_precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [page_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"f1": f1, "precision": p, "recall": r}


def norm_text(s: Any) -> str:
    if s is None:
        return ""
    return " ".join(unicodedata.normalize("NFC", str(s)).split())


def title_match(true: str | None, pred: str | None) -> bool:
    return bool(norm_text(true)) and norm_text(true) == norm_text(pred)


def parse_when(value: Any) -> tuple[Any, str | None]:
    """-> (datetime or date, kind) with kind in {'aware', 'naive', 'date'}; (None, None) if unusable."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if value is None or value == "":
        return None, None
    if isinstance(value, dt.datetime):
        return value, "aware" if value.tzinfo else "naive"
    if isinstance(value, dt.date):
        return value, "date"
    s = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return dt.date.fromisoformat(s), "date"
    s2 = re.sub(r"\s+", " ", s)
    s2 = re.sub(r"(?i)z$", "+00:00", s2)
    s2 = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", s2)
    try:
        d = dt.datetime.fromisoformat(s2)
    except ValueError:
        try:
            d = parsedate_to_datetime(s)
        except Exception:
            return None, None
    return d, "aware" if d.tzinfo else "naive"


def published_match(true: Any, precision: str | None, pred: Any) -> bool:
    t, _ = parse_when(true)
    p, pkind = parse_when(pred)
    if t is None or p is None:
        return False
    if precision == "date":
        day = p.date() if isinstance(p, dt.datetime) else p
        return day == (t.date() if isinstance(t, dt.datetime) else t)
    if pkind == "date":
        return False
    if precision == "local":
        wall = p.replace(tzinfo=None)
        return abs((wall - t.replace(tzinfo=None)).total_seconds()) <= DATE_TOLERANCE_S
    if pkind == "naive":
        p = p.replace(tzinfo=dt.timezone.utc)
    return abs((p - t).total_seconds()) <= DATE_TOLERANCE_S


def same_day(true: Any, pred: Any) -> bool:
    t, tkind = parse_when(true)
    p, pkind = parse_when(pred)
    if t is None or p is None:
        return False
    if tkind == "aware" and pkind == "aware":
        p = p.astimezone(t.tzinfo)
    tday = t.date() if isinstance(t, dt.datetime) else t
    pday = p.date() if isinstance(p, dt.datetime) else p
    return tday == pday


def author_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = re.split(r"\s*[;|]\s*|\s*,\s*", value)
    return [a for a in (norm_text(x).casefold() for x in value) if a]


def authors_f1(true: Any, pred: Any) -> float:
    t, p = set(author_list(true)), set(author_list(pred))
    if not t and not p:
        return 1.0
    if not t or not p:
        return 0.0
    return 2 * len(t & p) / (len(t) + len(p))


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(w.casefold() for w in words(a)), Counter(w.casefold() for w in words(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    prec, rec = common / sum(tb.values()), common / sum(ta.values())
    return 2 * prec * rec / (prec + rec)


def caption_match(true: Any, pred: Any) -> bool:
    nt, np_ = norm_text(true).casefold(), norm_text(pred).casefold()
    if not nt or not np_:
        return False
    return nt == np_ or token_f1(nt, np_) >= CAPTION_TOKEN_F1


def true_body(rec: dict[str, Any]) -> str:
    if "article_body" in rec:
        return rec["article_body"] or ""
    return "\n".join(rec.get("body_paragraphs") or [])


def score_set(records: list[dict[str, Any]], preds: dict[str, dict[str, Any]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Metrics over a set, and per-page results; missing predictions count as empty output."""
    counts: list[Counts] = []
    fields: dict[str, list[float]] = {k: [] for k in ("title", "date", "day", "authors", "caption", "credit")}
    per_page = []
    for rec in records:
        pred = preds.get(rec["id"]) or {}
        c = page_counts(true_body(rec), pred.get("body") or "")
        counts.append(c)
        page: dict[str, Any] = {"id": rec["id"], "tp_fp_fn": c, "body_f1": page_f1(c),
                                "title": title_match(rec.get("title"), pred.get("title"))}
        fields["title"].append(page["title"])
        if rec.get("published"):
            page["date"] = published_match(rec["published"], rec.get("published_precision"), pred.get("published"))
            page["day"] = same_day(rec["published"], pred.get("published"))
            fields["date"].append(page["date"])
            fields["day"].append(page["day"])
        if rec.get("authors"):
            page["authors"] = authors_f1(rec["authors"], pred.get("authors"))
            fields["authors"].append(page["authors"])
        if rec.get("caption"):
            page["caption"] = caption_match(rec["caption"], pred.get("caption"))
            fields["caption"].append(page["caption"])
        if rec.get("photo_credit"):
            page["credit"] = caption_match(rec["photo_credit"], pred.get("photo_credit"))
            fields["credit"].append(page["credit"])
        per_page.append(page)
    out: dict[str, Any] = aggregate(counts)
    out["pages"] = len(records)
    for k, vals in fields.items():
        out[f"{k}_acc" if k != "authors" else "authors_f1"] = (sum(vals) / len(vals)) if vals else None
    return out, per_page
