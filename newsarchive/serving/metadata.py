"""The Datasette metadata of an archive: `metadata.yaml` beside this module, one file for
`newsarchive serve` and for plain `datasette ... -m`.

Snippets mark matches with `storage.search.MARK` (SQL `char(2)`, `char(3)`); the project's
plugin shows them as `<mark>` with the scraped text around them escaped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

METADATA_FILE = Path(__file__).with_name("metadata.yaml")
DATABASE = "archive"  # the database key in the file: data/archive.db's name in Datasette


def metadata(database: str = DATABASE) -> dict[str, Any]:
    """The metadata file's contents, for an archive served under the name `database`."""
    loaded = yaml.safe_load(METADATA_FILE.read_text(encoding="utf-8"))
    loaded["databases"] = {database: loaded["databases"][DATABASE]}
    for dashboard in loaded["plugins"]["datasette-dashboards"].values():
        for chart in dashboard["charts"].values():
            chart["db"] = database
    return loaded
