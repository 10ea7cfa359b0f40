"""Reading WARC files back with warcio: one record (or page) at a known offset, or every HTML
response of many files, with what was skipped counted rather than raised; a page's bytes are
decoded as the crawl's Scrapy response decoded them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from scrapy.http import HtmlResponse
from warcio.archiveiterator import ArchiveIterator
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord

WARC_SUFFIXES = (".warc", ".warc.gz")


@dataclass(frozen=True)
class Capture:
    """One HTML page as a WARC response record holds it."""

    url: str
    date: datetime  # WARC-Date
    content_type: str  # the HTTP header: its charset decodes `body`
    body: bytes
    file: Path
    offset: int


def warc_files(paths: Iterable[str | Path]) -> list[Path]:
    """The files named, and the WARC files (`*.warc`, `*.warc.gz`) under the folders named, in name order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.name.endswith(WARC_SUFFIXES)))
        else:
            found.append(path)
    return found


def record_at(path: Path, offset: int) -> ArcWarcRecord:
    """The record starting at `offset` of a WARC file, its content read."""
    with open(path, "rb") as stream:
        stream.seek(offset)
        record = next(iter(ArchiveIterator(stream)))
        record.content = record.content_stream().read()
        return record


def page_at(path: Path, offset: int) -> tuple[str, str]:
    """(url, text) of the page whose response record starts at `offset` of a WARC file."""
    record = record_at(path, offset)
    url = record.rec_headers.get_header("WARC-Target-URI")
    return url, response_of(url, record.http_headers.get_header("Content-Type") or "", record.content).text


def response_of(url: str, content_type: str, body: bytes) -> HtmlResponse:
    """A capture as the Scrapy response a crawl would have had: the same decoding, the same selector."""
    return HtmlResponse(url, body=body, headers={"Content-Type": content_type})


def html_responses(paths: Iterable[Path], counts: Counter) -> Iterator[Capture]:
    """Every 200 HTML response in the files, in file order; `counts` gains "records" and
    the reason of each record not yielded ("revisit", "not 200", "not HTML", "damaged record").

    A damaged record (cut short, or unreadable) is counted; a file's records after one
    that cannot be read past are lost, those before it kept.
    """
    for path in paths:
        try:
            with open(path, "rb") as stream:
                records = ArchiveIterator(stream)
                for record in records:
                    counts["records"] += 1
                    if not isinstance(record.raw_stream, LimitReader):  # no length: cut in its headers
                        counts["skipped: damaged record"] += 1
                    elif record.rec_type == "response" and not (
                        record.rec_headers.get_header("WARC-Target-URI") and _date(record)
                    ):
                        counts["skipped: damaged record"] += 1  # a response with no address or date
                    elif record.rec_type == "revisit":
                        counts["skipped: revisit"] += 1
                    elif record.rec_type != "response" or record.http_headers is None:
                        counts[f"skipped: {record.rec_type} record"] += 1
                    elif record.http_headers.get_statuscode() != "200":
                        counts["skipped: not 200"] += 1
                    elif "html" not in (content_type := record.http_headers.get_header("Content-Type") or "").lower():
                        counts["skipped: not HTML"] += 1
                    elif (body := record.content_stream().read()) is not None and record.raw_stream.limit:
                        counts["skipped: damaged record"] += 1  # shorter than its length says
                    else:
                        yield Capture(
                            record.rec_headers.get_header("WARC-Target-URI"),
                            _date(record),
                            content_type, body, path, records.get_record_offset(),
                        )  # fmt: skip
                if records.offset < path.stat().st_size:  # a gzip member cut short: warcio ends the file there
                    counts["skipped: damaged record"] += 1
        except Exception:  # noqa: BLE001 - warcio raises many kinds on damage
            counts["skipped: damaged record"] += 1


def _date(record: ArcWarcRecord) -> datetime | None:
    """The record's WARC-Date (UTC, to the second or finer), None if absent or unreadable."""
    try:
        return datetime.fromisoformat(record.rec_headers.get_header("WARC-Date").replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return None
