"""Scraped text printed to a terminal cannot carry escape sequences."""

from newsarchive.serving.terminal import clean, highlighted
from newsarchive.storage.search import MARK, SearchHit


def test_control_characters_are_removed() -> None:
    assert clean("Judul\x1b[2J\x1b]0;pwned\x07 berita\u202e") == "Judul[2J]0;pwned berita"


def test_highlight_marks_become_brackets_or_bold() -> None:
    hit = SearchHit(1, "https://x.example/a", "t", "s", None, f"banjir {MARK[0]}rob{MARK[1]}\n\ngenangi\x1b[31m", None)
    assert highlighted(hit, color=False) == "banjir [rob] genangi[31m"
    assert highlighted(hit, color=True) == "banjir \x1b[1;33mrob\x1b[0m genangi[31m"
