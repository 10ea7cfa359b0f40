# Every target creates .venv on first use; `python3` must be 3.11 or newer.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EVAL_DIR ?= ../shared/eval/fundus-dev

.PHONY: install test demo eval bench bench-extract bench-crawl bench-archive clean

$(BIN)/newsarchive: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,bench]'
	touch $@

install: $(BIN)/newsarchive

test: install
	$(BIN)/python -m pytest -q

demo: install
	$(BIN)/newsarchive demo --db data/archive.db

eval: install
	$(BIN)/newsarchive eval $(EVAL_DIR)

bench-extract: eval

clean:
	rm -rf $(VENV) data/*.db data/*.db-* .pytest_cache

bench-crawl: install
	$(BIN)/python bench/bench_crawl.py --articles $(or $(ARTICLES),5000)
