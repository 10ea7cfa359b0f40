"""Reading WARC files: a record cut short is counted as damage, the records before it kept."""

from __future__ import annotations

from collections import Counter
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsarchive.warc.reader import html_responses


@pytest.mark.parametrize("cut", [60, 600])  # into the last record's payload, or its headers
@pytest.mark.parametrize("gzipped", [True, False])
def test_a_cut_record_is_counted_and_the_whole_ones_read(tmp_path: Path, gzipped: bool, cut: int) -> None:
    buffer = BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for n in range(2):
        writer.write_record(writer.create_warc_record(
            f"http://news.example/{n}", "response", payload=BytesIO(b"<html><p>" + bytes(range(256)) * 30 + b"</p></html>"),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")))
    path = tmp_path / ("cut.warc.gz" if gzipped else "cut.warc")
    path.write_bytes(buffer.getvalue()[:-cut])
    counts: Counter = Counter()
    read = [capture.url for capture in html_responses([path], counts)]
    assert read == ["http://news.example/0"]
    assert counts["skipped: damaged record"] == 1
