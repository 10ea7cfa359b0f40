"""Talking to Scrapyd: basic authentication from the node's URL (no password in messages), and a
site's registry overrides as the text arguments Scrapyd passes."""

from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsarchive.fleet import scrapyd
from newsarchive.fleet.dispatch import spider_arguments
from newsarchive.scheduling.registry import add_site, target_from_entry
from newsarchive.spiders.news import NewsSpider


class FakeNode(BaseHTTPRequestHandler):
    """Answers listjobs.json to the right password only, as Scrapyd with `username`/`password` set."""

    def do_GET(self) -> None:
        good = "Basic " + base64.b64encode(b"crawler:s3cr3t").decode()
        answer = {"status": "ok", "pending": [], "running": [{"id": "j1"}], "finished": [{"id": "j0"}]}
        if self.headers.get("Authorization") != good:
            answer = {"status": "error", "message": "Unauthorized"}
        body = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture()
def node() -> str:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeNode)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_basic_authentication_from_the_url(node: str) -> None:
    assert scrapyd.job_states(f"http://crawler:s3cr3t@{node}") == {"j1": "running", "j0": "finished"}
    with pytest.raises(scrapyd.NodeError) as refused:
        scrapyd.job_states(f"http://crawler:wrong@{node}")
    assert "Unauthorized" in str(refused.value) and "wrong" not in str(refused.value)
    assert scrapyd.public_url(f"http://crawler:s3cr3t@{node}") == f"http://{node}"


def test_registry_overrides_reach_the_spider_as_scrapyd_passes_them(tmp_path) -> None:
    entry = add_site(tmp_path / "archive.db", "https://news.example/", name="news", settings={
        "start_urls": ["https://news.example/indeks", "https://news.example/terkini"],
        "allowed_hosts": ["cdn.example"], "article_pattern": r"/read/\d+",
        "extraction": {"title": "h1.headline", "drop_lines": ["BACA JUGA"]},
    })
    target = target_from_entry(entry)
    args = spider_arguments(target)
    assert all(isinstance(value, str) for value in args.values())  # Scrapyd's -a NAME=TEXT
    by_scrapyd, local = NewsSpider(**args), NewsSpider(start_url=target.url, **target.spider_args)
    for name in ("home", "extra_start_urls", "allowed_hosts", "article_pattern", "site_overrides", "overrides"):
        assert getattr(by_scrapyd, name) == getattr(local, name), name
