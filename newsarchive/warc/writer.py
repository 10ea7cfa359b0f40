"""WARC/1.1 files of a crawl's HTTP exchanges, one gzip member per record, rotated at a size.

warcio writes the records; this module only names the files, rotates them and says where
each response record starts, so that an archive row can point at its capture. A file closed
gets its CDXJ index (`index`).
"""

from __future__ import annotations

import os
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .. import __version__
from .index import write_index

# Hop-by-hop or undone by the downloader: the stored body is the decoded one.
_DROPPED_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


def warc_folder(db_path: str | Path) -> Path:
    """`warc/` beside the archive file: `data/warc/` for `data/archive.db`."""
    return Path(db_path).parent / "warc"


class RotatingWarcWriter:
    """Appends request/response pairs to `folder/PREFIX-TIMESTAMP-NNNNN.warc.gz`; a file
    that reaches `max_bytes` is closed and the next pair starts a new one (with its own
    warcinfo record, so that every file stands alone)."""

    def __init__(self, folder: Path, max_bytes: int, prefix: str = "newsarchive") -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self.prefix = prefix
        self.stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")
        self.serial = 0
        self.file: BinaryIO | None = None
        self.name = ""

    def write_exchange(
        self,
        url: str,
        status: int,
        reason: str,
        headers: list[tuple[str, str]],
        body: bytes,
        request_line: str,
        request_headers: list[tuple[str, str]],
        fetched: datetime | None = None,
    ) -> tuple[str, int]:
        """Write the request and response records of one fetch (now, unless `fetched` says
        when it was); (file name, offset of the response)."""
        if self.file is None or self.file.tell() >= self.max_bytes:
            self._next_file()
        date = (fetched or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        kept = [(k, v) for k, v in headers if k.lower() not in _DROPPED_HEADERS]
        kept.append(("Content-Length", str(len(body))))
        response = self.writer.create_warc_record(
            url, "response", payload=BytesIO(body), length=None,
            http_headers=StatusAndHeaders(f"{status} {reason}".strip(), kept, protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Date": date},
        )  # fmt: skip
        method, target = request_line.split(" ", 1)
        request = self.writer.create_warc_record(
            url, "request", payload=BytesIO(b""), length=0,
            http_headers=StatusAndHeaders(f"{method} {target}", request_headers, protocol="HTTP/1.1", is_http_request=True),
            warc_headers_dict={"WARC-Date": date, "WARC-Concurrent-To": response.rec_headers.get_header("WARC-Record-ID")},
        )  # fmt: skip
        self.writer.write_record(request)
        offset = self.file.tell()
        self.writer.write_record(response)
        self.file.flush()
        return self.name, offset

    def _next_file(self) -> None:
        self.close()
        self.serial += 1
        self.folder.mkdir(parents=True, exist_ok=True)
        self.name = f"{self.prefix}-{self.stamp}-{os.getpid()}-{self.serial:05d}.warc.gz"
        self.file = open(self.folder / self.name, "xb")
        _sync_folder(self.folder)  # the new file's name is durable too
        self.writer = WARCWriter(self.file, gzip=True, warc_version="WARC/1.1")
        info = {"software": f"newsarchive/{__version__}", "format": "WARC File Format 1.1",
                "conformsTo": "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"}
        self.writer.write_record(self.writer.create_warcinfo_record(self.name, info))

    def sync(self) -> None:
        """Every record written so far on disk (`os.fsync`): rows may then point at them alone."""
        if self.file is not None:
            os.fsync(self.file.fileno())

    def close(self) -> None:
        """Close the current file, durable, and write its CDXJ index beside it (for pywb)."""
        if self.file is not None:
            self.sync()  # a rotated file may hold the pages of an article not yet pointed at
            self.file.close()
            self.file = None
            write_index(self.folder / self.name)


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
