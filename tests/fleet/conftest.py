"""Scrapyd nodes on loopback for the fleet tests: real Scrapyd processes, each in a working
folder of its own, on a free port, with the project deployed by `scrapyd-deploy`."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).parents[2]
BIN = Path(sys.executable).parent


@dataclass
class Node:
    url: str
    folder: Path
    process: subprocess.Popen

    def kill(self) -> None:
        """The node dies: Scrapyd and the crawls it started, at once."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def jobs(self) -> dict:
        with urllib.request.urlopen(f"{self.url}/listjobs.json?project=newsarchive", timeout=10) as answer:
            return json.load(answer)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_node(folder: Path, egg: Path) -> Node:
    folder.mkdir(parents=True)
    port = free_port()
    (folder / "scrapyd.conf").write_text(
        "[scrapyd]\nbind_address = 127.0.0.1\n"
        f"http_port = {port}\neggs_dir = {folder}/eggs\nlogs_dir = {folder}/logs\ndbs_dir = {folder}/dbs\n"
        "items_dir =\njobs_to_keep = 5\nmax_proc = 2\npoll_interval = 0.2\n"
    )
    process = subprocess.Popen([str(BIN / "scrapyd")], cwd=folder, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=open(folder / "scrapyd.err", "wb"))
    node = Node(f"http://127.0.0.1:{port}", folder, process)
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{node.url}/daemonstatus.json", timeout=2).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                node.kill()
                raise AssertionError(f"scrapyd did not start:\n{(folder / 'scrapyd.err').read_text()}")
            time.sleep(0.1)
    deploy = subprocess.run([str(BIN / "scrapyd-deploy"), "--egg", str(egg)], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "SCRAPYD_URL": node.url + "/"}, timeout=60)
    assert deploy.returncode == 0 and '"status": "ok"' in deploy.stdout, deploy.stderr + deploy.stdout
    return node


@pytest.fixture(scope="session")
def egg(tmp_path_factory) -> Path:
    """The project's egg, as `scrapyd-deploy` builds it from this checkout."""
    path = tmp_path_factory.mktemp("egg") / "newsarchive.egg"
    built = subprocess.run([str(BIN / "scrapyd-deploy"), "--build-egg", str(path)], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    assert built.returncode == 0, built.stderr
    return path


def nodes_of(folder: Path, egg: Path, count: int) -> Iterator[list[Node]]:
    nodes = []
    try:
        for n in range(count):
            nodes.append(start_node(folder / f"node{n}", egg))
        yield nodes
    finally:
        for node in nodes:
            if node.process.poll() is None:
                node.kill()


@pytest.fixture(scope="module")
def two_nodes(tmp_path_factory, egg) -> Iterator[list[Node]]:
    yield from nodes_of(tmp_path_factory.mktemp("nodes"), egg, 2)
