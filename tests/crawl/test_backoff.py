"""Retries wait: Retry-After when the server says, else doubling, never past the cap."""

import pytest

from newsarchive.downloadermiddlewares.backoff import backoff_delay


@pytest.mark.parametrize(
    "attempt, retry_after, expected",
    [(1, None, 1.0), (2, None, 2.0), (3, None, 4.0), (10, None, 60.0), (1, b"5", 5.0), (2, b" 7 ", 7.0),
     (1, b"3600", 60.0), (3, b"Wed, 21 Oct 2015 07:28:00 GMT", 4.0)],
)
def test_backoff_delay(attempt, retry_after, expected) -> None:
    assert backoff_delay(attempt, retry_after, base=1.0, cap=60.0) == expected
