"""Extraction spread over worker processes while one process writes: the shape `import-warc`
and `reparse` share, so that SQLite only ever has one writer and memory stays bounded."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from multiprocessing import get_context
from multiprocessing.pool import Pool
from typing import TypeVar

BATCH = 256  # items handed to the workers at once
T = TypeVar("T")
R = TypeVar("R")


class Workers:
    """`map` over `jobs` spawned processes, or in this one for one job."""

    def __init__(self, jobs: int, pool: Pool | None) -> None:
        self.jobs = jobs
        self.pool = pool

    def map(self, function: Callable[[T], R], items: Iterable[T], size: int = BATCH) -> Iterator[tuple[T, R]]:
        """(item, function(item)) in the items' order. With workers, a batch of `size` is
        computed while the caller handles the one before (so writing overlaps extraction, and
        two batches at most are held); `function` and the items must then pickle."""
        if self.pool is None:
            yield from ((item, function(item)) for item in items)
            return
        ahead = None
        for batch in batches(items, size):
            pending = self.pool.map_async(function, batch, chunksize=max(1, len(batch) // (4 * self.jobs)))
            if ahead:
                yield from zip(ahead[0], ahead[1].get())
            ahead = batch, pending
        if ahead:
            yield from zip(ahead[0], ahead[1].get())


@contextmanager
def workers(jobs: int) -> Iterator[Workers]:
    """`jobs` worker processes for the duration (none for one job)."""
    if jobs <= 1:
        yield Workers(1, None)
        return
    with get_context("spawn").Pool(jobs) as pool:
        yield Workers(jobs, pool)


def batches(items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    """`items` as lists of `size` (the last one shorter)."""
    stream = iter(items)
    return iter(lambda: list(islice(stream, size)), [])
