"""Scrapyd's JSON API, the calls the fleet makes: schedule.json and listjobs.json.

(Deploying is `scrapyd-deploy`'s job: it builds the egg and calls addversion.json.)
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from urllib.parse import unquote, urlencode, urlsplit

from ..errors import NewsarchiveError

PROJECT = "newsarchive"  # scrapy.cfg's [deploy] project
SPIDER = "news"


class NodeError(NewsarchiveError):
    """A node that does not answer, or answers with an error."""


def check_node(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise NewsarchiveError(f"not a Scrapyd URL: {url!r} (e.g. http://node1:6800)")
    return url.rstrip("/")


def public_url(node: str) -> str:
    """The node's URL without its password: the name it goes by in messages and in `fleet_jobs`."""
    parts = urlsplit(node)
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()


def call(node: str, endpoint: str, params: list[tuple[str, str]], post: bool = False, timeout: float = 15) -> dict:
    """One API call; its JSON answer, or NodeError. `http://USER:PASSWORD@host:6800` answers
    Scrapyd's basic authentication (its `username` and `password`)."""
    parts = urlsplit(node)
    query = urlencode(params)
    request = urllib.request.Request(
        public_url(node) + f"/{endpoint}" + ("" if post else f"?{query}"),
        data=query.encode() if post else None,
    )
    if parts.username:
        secret = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
        request.add_header("Authorization", "Basic " + base64.b64encode(secret).decode())
    node = public_url(node)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            found = json.load(answer)
    except (urllib.error.URLError, OSError, ValueError) as err:
        raise NodeError(f"{node} does not answer: {getattr(err, 'reason', err)}") from None
    if found.get("status") != "ok":
        raise NodeError(f"{node} refused {endpoint}: {found.get('message', found)}")
    return found


def schedule(node: str, job: str, settings: dict[str, str], args: dict[str, str]) -> None:
    """Queue a crawl of the project's spider on the node under our job id."""
    params = [("project", PROJECT), ("spider", SPIDER), ("jobid", job),
              *(("setting", f"{key}={value}") for key, value in settings.items()), *args.items()]
    call(node, "schedule.json", params, post=True)


def job_states(node: str) -> dict[str, str]:
    """Job id -> "pending", "running" or "finished", for the jobs of the project the node knows."""
    found = call(node, "listjobs.json", [("project", PROJECT)])
    return {job["id"]: state for state in ("pending", "running", "finished") for job in found.get(state, [])}
