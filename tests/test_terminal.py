"""Scraped text printed to a terminal cannot carry escape sequences."""

from newsarchive.serving.terminal import highlight, safe
from newsarchive.storage.search import MARK


def test_control_characters_are_removed() -> None:
    assert safe("Judul\x1b[2J\x1b]0;pwned\x07 berita\u202e") == "Judul[2J]0;pwned berita"


def test_highlight_marks_become_brackets_or_bold() -> None:
    snippet = f"banjir {MARK[0]}rob{MARK[1]}\n\ngenangi\x1b[31m"
    assert highlight(snippet, colour=False) == "banjir [rob] genangi[31m"
    assert highlight(snippet, colour=True) == "banjir \x1b[1;33mrob\x1b[0m genangi[31m"
