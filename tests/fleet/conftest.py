"""Scrapyd nodes on loopback for the fleet tests (`newsarchive.fleet.loopback`)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Iterator

import pytest

from newsarchive.fleet.loopback import LoopbackNode, build_egg

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="session")
def egg(tmp_path_factory) -> Path:
    """The project's egg, as `scrapyd-deploy` builds it from this checkout."""
    return build_egg(ROOT, tmp_path_factory.mktemp("egg") / "newsarchive.egg")


def nodes_of(folder: Path, egg: Path, count: int) -> Iterator[list[LoopbackNode]]:
    nodes = [LoopbackNode(folder / f"node{n}") for n in range(count)]
    try:
        with ThreadPoolExecutor(count) as starting:  # each waits for its Scrapyd, then deploys
            list(starting.map(lambda node: node.start(ROOT, egg), nodes))
        yield nodes
    finally:
        for node in nodes:
            node.kill()


@pytest.fixture(scope="module")
def two_nodes(tmp_path_factory, egg) -> Iterator[list[LoopbackNode]]:
    yield from nodes_of(tmp_path_factory.mktemp("nodes"), egg, 2)
