"""Raw pages as WARC/1.1: written by every crawl (`writer`), read back by offset or in bulk
(`reader`), imported from any crawler's files, CC-NEWS included (`importer`)."""
