"""Extraction spread over worker processes while one process writes: the shape `import-warc`
and `reparse` share, so that SQLite only ever has one writer and memory stays bounded."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from multiprocessing import get_context
from typing import TypeVar

BATCH = 256  # items held at once: memory stays bounded whatever the input's size
T = TypeVar("T")


@contextmanager
def pool(jobs: int) -> Iterator[Callable]:
    """`map(function, items)` as a list: in this process for one job, else over `jobs`
    spawned processes (the function and items must then pickle)."""
    if jobs <= 1:
        yield lambda function, items: list(map(function, items))
        return
    with get_context("spawn").Pool(jobs) as workers:
        yield lambda function, items: workers.map(function, items, chunksize=max(1, len(items) // (4 * jobs)))


def batches(items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    """`items` as lists of `size` (the last one shorter)."""
    stream = iter(items)
    return iter(lambda: list(islice(stream, size)), [])
