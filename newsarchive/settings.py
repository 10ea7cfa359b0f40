"""Scrapy settings of the newsarchive project: polite by default, every part a setting."""

BOT_NAME = "newsarchive"
SPIDER_MODULES = ["newsarchive.spiders"]
NEWSPIDER_MODULE = "newsarchive.spiders"

# Where items go (the `--db` option overrides it). A relative path is read from the project folder
# (where scrapy.cfg is), never from the working directory; a job with no project folder (a
# Scrapyd egg) needs an absolute one, or is a fleet job and opens no archive at all.
NEWSARCHIVE_DB = "data/archive.db"
# A crawl fleet job (`newsarchive dispatch` to Scrapyd): the job reads what incremental crawling
# needs from the state file NEWSARCHIVE_STATE (a path, or a file:, http(s): or ftp: URI) and writes
# its shard under NEWSARCHIVE_SHARD (a Scrapy feed storage URI: file, s3, ftp, ...): the articles
# through FEEDS (format "shard"), its WARC files, and last `done.json`. It never opens an archive.
NEWSARCHIVE_STATE = None
NEWSARCHIVE_SHARD = None
# The spider takes its site's lock (a flock in NEWSARCHIVE_LOCK_DIR, by default `locks/` beside the
# archive, or the system's temporary folder for a fleet job) unless its caller holds it already
# (the newsarchive command line does, and turns this off).
NEWSARCHIVE_TAKE_LOCK = True
NEWSARCHIVE_LOCK_DIR = None

# Politeness: small regional servers.
USER_AGENT = "newsarchive/0.1 (regional news archive; +https://pypi.org/project/newsarchive/)"
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 0.25
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Faults.
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
NEWSARCHIVE_RETRY_BACKOFF = 1.0  # seconds before the first retry, doubled for each next one
NEWSARCHIVE_RETRY_BACKOFF_MAX = 60.0  # and never longer (a server's Retry-After is capped too)
# Budgets of one crawl: past them it is closed and recorded as failed. `run-due` crawls each site
# in a process of its own, and kills one that overruns them (time: plus NEWSARCHIVE_KILL_GRACE).
CLOSESPIDER_TIMEOUT = 4 * 3600
MEMUSAGE_ENABLED = True
MEMUSAGE_LIMIT_MB = 2048
MEMUSAGE_CHECK_INTERVAL_SECONDS = 5
NEWSARCHIVE_KILL_GRACE = 120
NEWSARCHIVE_CRAWL_PROCESSES = 4  # sites that `run-due` crawls at once
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 8 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
REDIRECT_MAX_TIMES = 10
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # a crawl of ours listens on no port

# Discovery bounds: traps end here, with a log line saying what was cut.
NEWSARCHIVE_MAX_DEPTH = 3  # link hops from the home page to non-listing, non-article pages
NEWSARCHIVE_MAX_LISTING_PAGES = 5000  # a safety bound on one listing's pagination
NEWSARCHIVE_PATTERN_BUDGET = 40  # non-article pages per URL shape (digits folded)
NEWSARCHIVE_MAX_PAGES_PER_ARTICLE = 20
# URLs found on one sitemap, feed or listing wait in a backlog: at most this many of them are
# requested at a time, and after this many consecutive failures the rest are dropped.
NEWSARCHIVE_SOURCE_WINDOW = 8
NEWSARCHIVE_SOURCE_ERROR_BUDGET = 25
NEWSARCHIVE_PROGRESS_INTERVAL = 10.0  # seconds between progress lines

# Health: every crawl judged per source against that source's own recent crawls.
NEWSARCHIVE_HEALTH_BASELINE_CRAWLS = 10  # earlier crawls (not in alarm) a baseline pools
NEWSARCHIVE_HEALTH_GRACE_CRAWLS = 3  # a source is "new" until this many of its crawls are judged
NEWSARCHIVE_HEALTH_SIGNIFICANCE = 0.001  # a move alarms only if chance explains it less often
NEWSARCHIVE_HEALTH_FIELD_DROP = 0.5  # a field's share (or the yield) alarms below half its baseline
NEWSARCHIVE_HEALTH_RATE_RISE = 0.2  # the error or block rate alarms 20 points above its baseline
NEWSARCHIVE_HEALTH_MIN_BODY = 250  # characters for a body to count as one (not a cookie banner)

# Hosts besides the crawled site (and its www. twin) that requests and redirects may reach.
NEWSARCHIVE_ALLOWED_HOSTS: list[str] = []
# Raw pages: every HTML page fetched is kept as WARC/1.1 request/response records in `warc/`
# beside the archive file (`data/warc/`), one gzip member per record (extensions/warc.py).
NEWSARCHIVE_WARC = True
NEWSARCHIVE_WARC_MAX_BYTES = 1_000_000_000  # a file is closed at this size and the next one begun

DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "newsarchive.downloadermiddlewares.sitebound.SiteBoundMiddleware": 50,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newsarchive.downloadermiddlewares.backoff.BackoffRetryMiddleware": 550,
    "newsarchive.downloadermiddlewares.conditional.ConditionalRequestMiddleware": 560,
    "newsarchive.downloadermiddlewares.blocks.BlockCounterMiddleware": 590,  # sees retried answers too
    "newsarchive.downloadermiddlewares.encoding.BrowserEncodingMiddleware": 585,  # after decompression (590)
    "newsarchive.downloadermiddlewares.redirectloop.RedirectLoopMiddleware": 610,
}
ITEM_PIPELINES = {
    "newsarchive.pipelines.extract.ExtractPipeline": 100,
    "newsarchive.pipelines.normalise.NormalisePipeline": 200,
    "newsarchive.pipelines.validate.ValidatePipeline": 300,
    "newsarchive.pipelines.store.StorePipeline": 400,
}
EXTENSIONS = {
    "newsarchive.extensions.crawlrecord.CrawlRecord": 100,
    "newsarchive.extensions.progress.Progress": 200,
    "newsarchive.extensions.warc.WarcRecorder": 300,
    "newsarchive.fleet.shard.ShardWriter": 400,  # a fleet job's WARC files and done.json, after the feeds
}

# With JOBDIR, a request that cannot be pickled would live only in memory and be lost on resume:
# say so (Scrapy logs the first one and counts them all in `scheduler/unserializable`, an error of the crawl).
SCHEDULER_DEBUG = True

# A fleet job's articles as shard records (`newsarchive.fleet.shard`), one JSON object a line.
FEED_EXPORTERS = {"shard": "newsarchive.fleet.shard.ShardExporter"}

REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
