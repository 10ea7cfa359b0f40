"""newsarchive: a scraper and searchable archive for regional news."""

__version__ = "0.1.0"
