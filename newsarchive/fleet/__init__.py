"""The crawl fleet: crawls on Scrapyd nodes that never open the archive, one writer at home.

`dispatch` sends each due site to one node (`scrapyd`: the JSON API) with a state file
(`state`), the job writes a shard through Scrapy's feed storage (`shard`), and `ingest` stores
finished shards once. `job` says, from a crawl's settings alone, which kind of crawl it is and
where its state lives; `loopback` runs Scrapyd nodes on this machine for tests and benchmarks.
"""
