"""Scrapy extensions of the project: crawl bookkeeping and progress."""
