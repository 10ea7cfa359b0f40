"""Running sample sites shared by the tests of one module (starting one takes milliseconds)."""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Callable, Iterator

import pytest

from newsarchive.sample_site import SampleSite


@pytest.fixture
def site(request: pytest.FixtureRequest) -> Iterator[SampleSite]:
    """A fresh site of the family named by `@pytest.mark.parametrize("site", [...], indirect=True)`."""
    running = SampleSite(getattr(request, "param", "disway"))
    running.start()
    yield running
    running.stop()


class Fetched:
    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _fetch(url: str, headers: dict[str, str] | None = None, follow: bool = True) -> Fetched:
    """GET `url` and return status, headers and body, errors included (no exceptions)."""
    handlers = [] if follow else [_NoRedirect()]
    opener = urllib.request.build_opener(*handlers)
    try:
        with opener.open(urllib.request.Request(url, headers=headers or {}), timeout=10) as response:
            return Fetched(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Fetched(error.code, dict(error.headers), error.read())


@pytest.fixture
def fetch() -> Callable[..., Fetched]:
    """`fetch(url, headers=None, follow=True)`: a GET that returns errors instead of raising."""
    return _fetch
