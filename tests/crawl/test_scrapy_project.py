"""The project is a regular Scrapy project: `scrapy.cfg` names its settings and its spider."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]


def test_scrapy_lists_the_news_spider() -> None:
    done = subprocess.run([sys.executable, "-m", "scrapy", "list"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["news"]
