"""The latest verdict per source, with since when each alarm has held: `newsarchive health`."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import NewsarchiveError
from ..serving.terminal import clean
from ..storage import Archive

COUNTED = ("yield",)  # metrics that are numbers of articles; every other one is a share
HISTORY = 1000  # crawls walked back to find when an alarm began


@dataclass
class SourceHealth:
    """One source's state: its last judged crawl's status and alarms (each with `since`)."""

    source: str
    site: str
    status: str
    alarms: list[dict[str, Any]] = field(default_factory=list)
    checked: str | None = None
    crawl_id: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _since(history: list[dict[str, Any]], metric: str) -> str:
    """When the unbroken run of crawls alarming on `metric` began (history newest first)."""
    since = history[0]["checked"]
    for row in history:
        if row["status"] != "alarm" or metric not in {a["metric"] for a in row["alarms"]}:
            break
        since = row["checked"]
    return since


def source_health(archive: Archive, source: str) -> SourceHealth:
    history = archive.health_history(source, limit=HISTORY)
    latest = history[0]
    shown = latest["alarms"] if latest["status"] == "alarm" else []  # an accepted crawl keeps its alarms
    alarms = [{**alarm, "since": _since(history, alarm["metric"])} for alarm in shown]
    return SourceHealth(source, latest["site"], latest["status"], alarms, latest["checked"], latest["crawl_id"])


def health_report(db_path: Path, source: str | None = None) -> list[SourceHealth]:
    """Every source's health (or one source's), by source name."""
    with Archive(db_path, create=False) as archive:
        names = archive.health_sources(source)
        if source and not names:
            raise NewsarchiveError(f"no health recorded for source {source!r} (see `newsarchive stats`)")
        return [source_health(archive, name) for name in names]


def accept(db_path: Path, source: str) -> None:
    """Take the source's present state, in alarm, as its new normal (e.g. it dropped captions)."""
    with Archive(db_path, create=False) as archive:
        if not archive.accept_health(source):
            raise NewsarchiveError(f"{source!r} is not in alarm (see `newsarchive health`)")


def describe(alarm: dict[str, Any]) -> str:
    """`caption 100% -> 0%`, `yield 20 -> 0`."""
    if alarm["metric"] in COUNTED:
        return f"{alarm['metric']} {alarm['baseline']:g} -> {alarm['now']:g}"
    return f"{alarm['metric']} {alarm['baseline']:.0%} -> {alarm['now']:.0%}"


def table(report: list[SourceHealth]) -> str:
    """The report as aligned columns: source, status, what changed, since when."""
    lines = [("source", "status", "what changed", "since")]
    for entry in report:
        changed = "; ".join(map(describe, entry.alarms)) or "-"
        since = min((a["since"] for a in entry.alarms), default="-")
        lines.append((clean(entry.source), entry.status, changed, since))
    widths = [max(len(line[i]) for line in lines) for i in range(3)]
    return "\n".join("  ".join([*(cell.ljust(w) for cell, w in zip(line, widths)), line[3]]).rstrip() for line in lines)


def summary(report: list[SourceHealth]) -> str:
    """One line: `health: 3 sources, 2 ok, 1 new, 0 in alarm` plus the alarming ones."""
    count = lambda status: sum(1 for entry in report if entry.status == status)  # noqa: E731
    line = f"health: {len(report)} sources, {count('ok')} ok, {count('new')} new, {count('alarm')} in alarm"
    alarming = [f"{clean(e.source)} ({', '.join(a['metric'] for a in e.alarms)})" for e in report if e.status == "alarm"]
    return line + (": " + "; ".join(alarming) if alarming else "")
