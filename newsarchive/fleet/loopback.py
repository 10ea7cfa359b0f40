"""Scrapyd nodes on this machine's loopback, for the fleet's tests and benchmark: each a real
Scrapyd process in a working folder of its own, on a free port, the project deployed to it by
`scrapyd-deploy` as a user deploys it."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BIN = Path(sys.executable).parent  # scrapyd and scrapyd-deploy, installed beside this Python


def build_egg(project: Path, egg: Path) -> Path:
    """The project's egg as `scrapyd-deploy` builds it (from the folder of its scrapy.cfg).

    One build at a time per project: setup.py builds in the project's own `build/` folder,
    which two test processes building at once would both write."""
    with open(Path(tempfile.gettempdir()) / f"newsarchive-egg-{os.getuid()}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        built = subprocess.run([str(BIN / "scrapyd-deploy"), "--build-egg", str(egg)], cwd=project,
                               capture_output=True, text=True, timeout=120)
    if built.returncode != 0:
        raise RuntimeError(f"scrapyd-deploy --build-egg failed:\n{built.stderr}")
    return egg


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LoopbackNode:
    """`LoopbackNode(folder).start(project, egg)`: a node with the egg deployed; `kill()` ends it
    and its crawls at once, as a machine that dies."""

    def __init__(self, folder: Path, max_proc: int = 2) -> None:
        self.folder = folder
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.max_proc = max_proc
        self.process: subprocess.Popen | None = None

    def start(self, project: Path, egg: Path, timeout: float = 30) -> "LoopbackNode":
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "scrapyd.conf").write_text(
            f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {self.port}\n"
            f"eggs_dir = {self.folder}/eggs\nlogs_dir = {self.folder}/logs\ndbs_dir = {self.folder}/dbs\n"
            f"items_dir =\njobs_to_keep = 5\nmax_proc = {self.max_proc}\npoll_interval = 0.2\n"
        )
        with open(self.folder / "scrapyd.err", "wb") as errors:
            self.process = subprocess.Popen([str(BIN / "scrapyd")], cwd=self.folder, start_new_session=True,
                                            stdout=subprocess.DEVNULL, stderr=errors)
        deadline = time.monotonic() + timeout
        while not self.answers():
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.kill()
                raise RuntimeError(f"scrapyd did not start:\n{(self.folder / 'scrapyd.err').read_text()}")
            time.sleep(0.1)
        deployed = subprocess.run([str(BIN / "scrapyd-deploy"), "--egg", str(egg)], cwd=project,
                                  env={**os.environ, "SCRAPYD_URL": self.url + "/"},
                                  capture_output=True, text=True, timeout=60)
        if deployed.returncode != 0 or '"status": "ok"' not in deployed.stdout:
            self.kill()
            raise RuntimeError(f"scrapyd-deploy failed:\n{deployed.stderr}{deployed.stdout}")
        return self

    def answers(self) -> bool:
        try:
            urllib.request.urlopen(f"{self.url}/daemonstatus.json", timeout=2).close()
            return True
        except OSError:
            return False

    def jobs(self) -> dict:
        """listjobs.json of the project."""
        with urllib.request.urlopen(f"{self.url}/listjobs.json?project=newsarchive", timeout=10) as answer:
            return json.load(answer)

    def wait_idle(self, timeout: float = 120) -> None:
        """Until no job of the project is pending or running."""
        deadline = time.monotonic() + timeout
        while (jobs := self.jobs())["pending"] or jobs["running"]:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.url} still busy: {jobs}")
            time.sleep(0.2)

    def kill(self) -> None:
        """Scrapyd and the crawls it started, gone at once (SIGKILL to the process group)."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
