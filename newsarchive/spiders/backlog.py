"""URLs waiting their turn, per source: a source that yields only errors is abandoned early.

A sitemap can list 50,000 URLs and a listing 300,000 links. Turning them all into
Scrapy requests at once costs memory and minutes of CPU, buries the home page, feeds
and listings under one backlog, and spends hours when every one of them is dead. So the
URLs of one source (one sitemap, feed or listing chain) wait here, a few of them are
requested at a time (`window`), and after `budget` consecutive failures the rest are
dropped, counted and logged. Plain data, so that Scrapy's JOBDIR can keep it in the
spider's state between a pause and a resume.
"""

from __future__ import annotations

import logging
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Iterator

log = logging.getLogger("newsarchive.backlog")

# url, the date the source gave it (as written), back at the top of the source, request priority
Entry = tuple[str, "str | None", bool, int]


@dataclass
class Backlog:
    window: int
    budget: int
    pending: dict[str, deque[Entry]] = field(default_factory=dict)
    in_flight: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)  # consecutive, per source
    dropped: Counter[str] = field(default_factory=Counter)  # URLs of abandoned sources

    def add(self, source: str, url: str, announced: str | None, priority: int, bumped: bool = False) -> None:
        if source not in self.dropped:
            self.pending.setdefault(source, deque()).append((url, announced, bumped, priority))

    def take(self, source: str) -> Iterator[Entry]:
        """The source's next URLs while fewer than `window` of its requests are out (see `sent`)."""
        queue = self.pending.get(source)
        while queue and self.in_flight[source] < self.window:
            yield queue.popleft()
        if queue is not None and not queue:
            del self.pending[source]

    def sent(self, source: str) -> None:
        self.in_flight[source] += 1

    def settle(self, source: str, failed: bool) -> None:
        """One request of `source` came back (or failed for good)."""
        self.in_flight[source] = max(self.in_flight[source] - 1, 0)
        if not failed:
            self.failures[source] = 0
            return
        self.failures[source] += 1
        if self.budget > 0 and self.failures[source] >= self.budget and source not in self.dropped:
            self.dropped[source] = len(self.pending.pop(source, ()))
            log.warning("abandoned %s: its last %d URLs all failed; %d more were not requested",
                        source, self.budget, self.dropped[source])

    def sources(self) -> list[str]:
        return list(self.pending)

    def idle(self) -> None:
        """Nothing is in flight when the crawl is idle (requests dropped by Scrapy never settle)."""
        self.in_flight.clear()
