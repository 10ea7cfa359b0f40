"""`dispatch`: every due registered site sent to one Scrapyd node, never to two at once.

Each call first notices what became of the jobs sent before: finished (its shard is complete,
for `ingest`), failed (it ended without one: the site waits for its interval, as after a
failed local crawl) or lost (its node does not answer, or no longer knows it: the site is due
again at once; the lost job's partial shard has no `done.json` and is never read). Then it sends
the due sites that have no job pending or running, each to the node with the fewest of ours.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..crawler import CrawlTarget
from ..errors import NewsarchiveError
from ..scheduling.lock import site_lock
from ..scheduling.registry import due_sites
from ..storage import Archive
from ..storage.fleet import ACTIVE
from ..storage.rows import now
from . import scrapyd
from .job import fleet_folder
from .shard import MARKER
from .state import write_state

DISPATCH_LOCK = "fleet-dispatch"  # one dispatch at a time (a name no site has)


@dataclass
class Dispatch:
    """What one call did: jobs sent (site name, node, job), jobs whose end it noticed
    (site name, status, why), due sites left alone as a crawl of them still runs (site name, where),
    due sites it could not send (site name, why), nodes that did not answer."""

    sent: list[tuple[str, str, str]] = field(default_factory=list)
    ended: list[tuple[str, str, str]] = field(default_factory=list)
    running: list[tuple[str, str]] = field(default_factory=list)
    unsent: list[tuple[str, str]] = field(default_factory=list)
    unreachable: dict[str, str] = field(default_factory=dict)


@dataclass
class Outbox:
    """Where a job's files are (`folder` as this host sees it, `uri` and `states_uri` as the
    nodes do), and the settings every job is given."""

    folder: Path
    uri: str
    states_uri: str
    settings: dict[str, str]

    def state_file(self, job: str) -> Path:
        return self.folder / "state" / f"{job}.json.gz"

    def marker(self, job: str) -> Path:
        """The job's `done.json`, once its shard is complete."""
        return self.folder / "shards" / job / MARKER

    def job_settings(self, job: str) -> dict[str, str]:
        shard = f"{self.uri}/shards/{job}"
        return {
            **self.settings, "NEWSARCHIVE_STATE": f"{self.states_uri}/{job}.json.gz", "NEWSARCHIVE_SHARD": shard,
            "FEEDS": json.dumps({f"{shard}/articles.jsonl": {"format": "shard", "overwrite": True}}),
        }  # fmt: skip


def dispatch(
    db_path: Path,
    nodes: list[str],
    *,
    fleet_dir: Path | None = None,
    fleet_uri: str | None = None,
    state_uri: str | None = None,
    settings: dict[str, str] | None = None,
    when: datetime | None = None,
) -> Dispatch:
    """Notice the ends of earlier jobs, then send every due site without a running job to a node.

    `fleet_dir` is where state files are written and shards read (`fleet/` beside the archive);
    `fleet_uri` the same place as the nodes reach it (any Scrapy feed URI; by default the
    folder's file:// URI: one machine, or a folder shared at the same path); `state_uri` where
    the nodes read `fleet_dir/state/` (file:, http(s): or ftp:; by default `fleet_uri/state`).
    `settings` go to every job (Scrapy or newsarchive settings, as `-s` does).
    """
    reach = {scrapyd.public_url(node): node for node in map(scrapyd.check_node, nodes)}  # name -> URL with password
    if not reach:
        raise NewsarchiveError("give at least one --scrapyd URL")
    folder = Path(fleet_dir or fleet_folder(db_path)).absolute()
    uri = (fleet_uri or folder.as_uri()).rstrip("/")
    outbox = Outbox(folder, uri, (state_uri or f"{uri}/state").rstrip("/"), dict(settings or {}))
    done = Dispatch()
    with Archive(db_path, create=False) as archive, site_lock(db_path, DISPATCH_LOCK) as held:
        if not held:
            raise NewsarchiveError("another dispatch for this archive is running; try again later")
        states: dict[str, dict[str, str] | None] = {}
        for node, url in reach.items():
            try:
                states[node] = scrapyd.job_states(url)
            except scrapyd.NodeError as err:
                states[node], done.unreachable[node] = None, str(err)
        for job in archive.jobs(ACTIVE):
            if (ended := _notice(archive, job, states, outbox.marker(job["job"]))) is not None:
                done.ended.append((job["site_name"], *ended))
                outbox.state_file(job["job"]).unlink(missing_ok=True)  # read by then, or never
        _send(archive, due_sites(db_path, when or datetime.now(timezone.utc)), states, reach, outbox, done)
    return done


def _notice(archive: Archive, job: dict[str, Any], states: dict[str, dict[str, str] | None],
            marker: Path) -> tuple[str, str] | None:
    """Bring one active job's row up to date; (status, why) if it has ended."""
    known = states.get(job["node"], {})
    if marker.exists():
        status, why = "finished", "shard complete"
        archive.mark_site(job["site_name"], finished=now(), status=json.loads(marker.read_text())["status"])
    elif job["node"] not in states:
        return None  # a node not named this time: nothing to say about its jobs
    elif known is None or job["job"] not in known:
        status = "lost"
        why = "its node does not answer" if known is None else "its node no longer knows it"
        archive.make_due(job["site_name"])
    elif known[job["job"]] == "finished":
        status, why = "failed", "ended without a shard (see the node's log of the job)"
        archive.mark_site(job["site_name"], finished=now(), status="failed")
    else:
        if known[job["job"]] != job["status"]:
            archive.set_job(job["job"], known[job["job"]])
        return None
    archive.set_job(job["job"], status, why)
    return status, why


def _send(archive: Archive, due: list[CrawlTarget], states: dict[str, dict[str, str] | None],
          reach: dict[str, str], outbox: Outbox, done: Dispatch) -> None:
    active = archive.jobs(ACTIVE)
    running = {job["site_name"]: job["node"] for job in active}
    load = {node: sum(job["node"] == node for job in active) for node, known in states.items() if known is not None}
    for target in due:
        if target.name in running:
            done.running.append((target.name, f"its job on {running[target.name]}"))
            continue
        if not load:
            done.unsent.append((target.name, "no Scrapyd node answers"))
            continue
        with site_lock(archive.path, target.site) as free:  # held by a crawl on this host (run-due)
            if not free:
                done.running.append((target.name, "a crawl on this host"))
                continue
            node = min(load, key=load.get)  # the fewest of our jobs; ties to the first named
            job = uuid.uuid4().hex
            write_state(archive, target.site, outbox.state_file(job))
            archive.add_job(job, node, target.name, target.site)
            try:
                scrapyd.schedule(reach[node], job, outbox.job_settings(job), spider_arguments(target))
            except scrapyd.NodeError as err:
                archive.set_job(job, "failed", str(err))
                outbox.state_file(job).unlink()
                done.unsent.append((target.name, str(err)))
                del load[node]  # not asked again this time
                continue
            archive.mark_site(target.name, started=now())
        load[node] += 1
        done.sent.append((target.name, node, job))


def spider_arguments(target: CrawlTarget) -> dict[str, str]:
    """The spider's arguments as text, as Scrapyd passes them (`-a`): lists comma-separated, overrides as JSON."""
    args = {"start_url": target.url}
    for key, value in target.spider_args.items():
        args[key] = ",".join(value) if isinstance(value, list) else json.dumps(value) if isinstance(value, dict) else value
    return args
