# Every target creates .venv on first use; `python3` must be 3.11 or newer.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# `make eval` scores every set under EVAL_ROOT that holds a records.jsonl; EVAL_DIR=... for one.
EVAL_ROOT ?= ../shared/eval
EVAL_DIR ?= $(patsubst %/records.jsonl,%,$(wildcard $(EVAL_ROOT)/*/records.jsonl))

.PHONY: install test demo eval bench bench-extract bench-crawl bench-archive bench-warc bench-fleet browser clean

$(BIN)/newsarchive: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $@

install: $(BIN)/newsarchive

test: install browser
	$(BIN)/python -m pytest -q -n auto

# Debian's chromium for the browser test of `serve`; the test skips, saying why, if this fails.
browser:
	@test -x /usr/bin/chromium || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
		apt-get install -y -qq chromium >/dev/null) || \
		echo "chromium could not be installed: the browser test will be skipped"

# A million synthetic articles by default; `make bench-archive ARTICLES=100000` for less.
bench-archive: install
	$(BIN)/python bench/bench_archive.py --articles $(or $(ARTICLES),1000000)

demo: install
	$(BIN)/newsarchive demo --db data/archive.db

eval: install
	@test -n "$(EVAL_DIR)" || (echo "no evaluation set (records.jsonl) under $(EVAL_ROOT)"; exit 1)
	@for set in $(EVAL_DIR); do echo "## $$set"; $(BIN)/newsarchive eval $$set || exit 1; done

bench-extract: eval

clean:
	rm -rf $(VENV) data/*.db data/*.db-* .pytest_cache

bench-crawl: install
	$(BIN)/python bench/bench_crawl.py --articles $(or $(ARTICLES),5000)

# import-warc of a 20,000-page WARC vs fastwarc + trafilatura in as many processes (PAGES=2000 for less).
bench-warc: install
	$(BIN)/python bench/bench_warc.py --pages $(or $(PAGES),20000)

# Two Scrapyd nodes on loopback, SITES synthetic sites of ARTICLES articles each: dispatch, ingest, twice.
bench-fleet: install
	$(BIN)/python bench/bench_fleet.py --sites $(or $(SITES),4) --articles $(or $(ARTICLES),1000)

# Every benchmark: extraction (make eval), crawl, archive, WARC import, fleet.
bench: bench-extract bench-crawl bench-archive bench-warc bench-fleet
