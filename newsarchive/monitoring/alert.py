"""After `run-due`: the one-line health summary, and a notice when a source goes into alarm.

The notice is `NEWSARCHIVE_ALERT_COMMAND` (a setting or the environment variable), run by
the shell with the alarm table on stdin and the same as JSON in `NEWSARCHIVE_ALERT_JSON`:
`mail -s ...` sends it by e-mail, `curl --data-binary @- URL` posts it to a webhook. It is
sent once per change: when an alarm begins, not at every crawl while it lasts.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from .report import SourceHealth, health_report, summary, table

ALERT_TIMEOUT = 60  # seconds a notice command may take


def fresh_alarms(report: list[SourceHealth], sites: list[str]) -> list[SourceHealth]:
    """The crawled sites' sources with an alarm that began at their latest crawl."""
    return [
        entry for entry in report
        if entry.site in sites and any(alarm["since"] == entry.checked for alarm in entry.alarms)
    ]  # fmt: skip


def notify(command: str, alarms: list[SourceHealth]) -> str | None:
    """Run the notice command; None if it succeeded, else why not."""
    payload = json.dumps({"sources": [entry.to_dict() for entry in alarms]}, ensure_ascii=False)
    try:
        done = subprocess.run(
            command, shell=True, input=table(alarms) + "\n", text=True, capture_output=True,
            timeout=ALERT_TIMEOUT, env={**os.environ, "NEWSARCHIVE_ALERT_JSON": payload},
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return f"alert command timed out after {ALERT_TIMEOUT}s"
    if done.returncode:
        return f"alert command failed (exit {done.returncode}): {done.stderr.strip()[:200]}"
    return None


def after_crawls(db_path: Path, sites: list[str], command: str | None = None) -> list[str]:
    """The summary line, then one line per notice sent (or failed) for new alarms of `sites`."""
    report = health_report(db_path)
    lines = [summary(report)]
    command = command or os.environ.get("NEWSARCHIVE_ALERT_COMMAND")
    alarms = fresh_alarms(report, sites)
    if command and alarms:
        failure = notify(command, alarms)
        names = ", ".join(entry.source for entry in alarms)
        lines.append(failure or f"alert sent for {names}")
    return lines
