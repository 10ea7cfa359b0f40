"""The Scrapyd API client: basic authentication from the node's URL, no password in messages."""

from __future__ import annotations

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsarchive.fleet import scrapyd


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
