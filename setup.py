"""For `scrapyd-deploy`, which builds the egg with `setup.py bdist_egg` (and writes a setup.py of
its own, without the project's metadata, when there is none). Everything is in pyproject.toml,
the egg's `scrapy` settings entry point included."""

from setuptools import setup

setup()
