"""Datasette metadata for the archive: titles, facets, search, ready-made queries.

Snippet highlights are plain characters (« »), not HTML: Datasette escapes every value,
and the archive holds scraped text, so it stays escaped.
"""

from __future__ import annotations

from typing import Any

from ..storage.rows import SLOTS
from ..storage.schema import HEALTH_FIELDS
from ..storage.search import CANDIDATES, WEIGHTS

HIGHLIGHT = ("«", "»")
_FILTERS = """(:source = '' OR a.source = :source)
      AND (:since = '' OR a.published >= :since)
      AND (:until = '' OR a.published < date(:until, '+1 day'))"""

# Matches of :q within :source and the dates' id range (ids are publication seconds x
# SLOTS, with a day's slack for offsets; source_key is 'src' || hex(source)).
_MATCHES = f"""articles_fts MATCH escape_fts(:q)
      || CASE WHEN :source = '' THEN '' ELSE ' AND source_key : src' || hex(:source) END
    AND articles_fts.rowid >= CASE WHEN :since = '' THEN -9223372036854775808
      ELSE CAST(strftime('%s', :since, '-1 day') AS INTEGER) * {SLOTS} END
    AND articles_fts.rowid < CASE WHEN :until = '' THEN 9223372036854775807
      ELSE CAST(strftime('%s', :until, '+2 days') AS INTEGER) * {SLOTS} END"""

SEARCH_SQL = f"""SELECT a.published, a.source, a.title, a.url,
  snippet(articles_fts, -1, '{HIGHLIGHT[0]}', '{HIGHLIGHT[1]}', '…', 24) AS snippet
FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
WHERE articles_fts.rowid IN (
    -- rank only the newest {CANDIDATES} matches: fast at a million articles
    SELECT rowid FROM articles_fts WHERE {_MATCHES}
    ORDER BY rowid DESC LIMIT {CANDIDATES})
  AND articles_fts MATCH escape_fts(:q)
  AND {_FILTERS}
ORDER BY bm25(articles_fts, {', '.join(map(str, WEIGHTS))})
LIMIT 50"""

# The same search as an Atom feed (datasette-atom: `search_feed.atom?q=...`), newest first.
FEED_SQL = f"""SELECT a.url AS atom_id, a.title AS atom_title,
  coalesce(a.published, a.first_seen) AS atom_updated, a.url AS atom_link,
  a.source AS atom_author_name, snippet(articles_fts, -1, '', '', '…', 48) AS atom_content
FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
WHERE {_MATCHES}
  AND {_FILTERS}
ORDER BY articles_fts.rowid DESC
LIMIT 50"""

PER_DAY_SQL = f"""SELECT a.source, substr(a.published, 1, 10) AS day, count(*) AS articles
FROM articles a
WHERE {_FILTERS}
GROUP BY a.source, day
ORDER BY day DESC, a.source
LIMIT 1000"""

REVISIONS_SQL = """SELECT 'current' AS version, a.changed AS seen_from, a.last_seen AS seen_until,
  a.title, a.caption, a.body, a.content_hash
FROM articles a WHERE a.url = :url
UNION ALL
SELECT 'revision ' || r.id, r.seen_from, r.seen_until, r.title, r.caption, r.body,
  r.content_hash
FROM revisions r JOIN articles a ON a.id = r.article_id WHERE a.url = :url
ORDER BY seen_from DESC"""

SYNDICATED_SQL = """SELECT first.published, first.source AS first_published_by, first.title,
  count(*) + 1 AS outlets, group_concat(copy.source || ' ' || copy.url, ' | ') AS also_in,
  first.url
FROM articles copy JOIN articles first ON first.id = copy.duplicate_of
GROUP BY copy.duplicate_of
ORDER BY first.id DESC
LIMIT 200"""


# --- health (newsarchive.monitoring): each source's crawls over time -----------------------
_SHARES = ",\n  ".join(f"round(1.0 * h.{name} / nullif(h.articles, 0), 2) AS {name}" for name in HEALTH_FIELDS)
HEALTH_SQL = f"""SELECT h.checked, h.source, h.status,
  (SELECT group_concat(json_extract(alarm.value, '$.metric'), ', ') FROM json_each(h.alarms) alarm) AS alarms,
  h.articles, h.new,
  {_SHARES},
  h.body_p10, h.body_median, h.body_p90,
  round(1.0 * h.errors / nullif(h.requests, 0), 2) AS error_rate,
  round(1.0 * h.blocked / nullif(h.responses, 0), 2) AS block_rate,
  h.challenges, h.not_modified,
  round(1.0 * h.article_pages / nullif(h.article_pages + h.listing_pages, 0), 2) AS article_page_share,
  h.crawl_id
FROM health h
WHERE (:source = '' OR h.source = :source)
ORDER BY h.crawl_id DESC
LIMIT 1000"""
# datasette-vega reads its chart from the URL fragment: one line per source over time.
_CHART = "#g.mark=line&g.x_column=checked&g.x_type=temporal&g.y_type=quantitative&g.color_column=source&g.y_column="
_CHARTED = {"caption": "caption", "published": "published", "body": "body", "block_rate": "block rate",
            "error_rate": "error rate", "new": "new articles"}
HEALTH_QUERIES = {
    "health_of_source": {
        "title": "Health of a source over time",
        "description_html": "One row per crawl: its status, the alarms raised against the source's "
        "own baseline, the share of new or changed articles with each field, and the error and "
        "block rates. Leave source empty for every source. Charts: "
        + ", ".join(f'<a href="?source={_CHART}{column}">{label}</a>' for column, label in _CHARTED.items())
        + ".",
        "sql": HEALTH_SQL,
    },
}
HEALTH_TABLE = {
    "title": "Health",
    "description": "Per crawl and source: counts behind `newsarchive health`.",
    "sort_desc": "crawl_id",
    "facets": ["source", "status"],
}


def metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for an archive served under the name `database`."""
    hidden = {"hidden": True}
    return {
        "title": "newsarchive",
        "description": "Regional news, archived: every article, its earlier versions, "
        "and the stories several outlets carried.",
        "databases": {
            database: {
                "title": "News archive",
                "tables": {
                    "articles": {
                        "title": "Articles",
                        "description": "One row per article URL, newest first. The search "
                        "box searches title, caption and body.",
                        "sort_desc": "published",
                        "facets": ["source", "section", "published_month"],
                        "fts_table": "articles_fts",
                        "fts_pk": "id",
                        "label_column": "title",
                    },
                    "revisions": {
                        "title": "Revisions",
                        "description": "Earlier versions of articles that changed.",
                        "sort_desc": "seen_until",
                    },
                    "crawls": {"title": "Crawls", "sort_desc": "id"},
                    "sources": {
                        "title": "Sources",
                        "description": "Publishers and how many articles of each are archived.",
                        "sort_desc": "articles",
                    },
                    "sites": {"title": "Registered sites"},
                    "health": HEALTH_TABLE,
                    "pages": hidden,
                    "minhashes": hidden,
                    "minhash_bands": hidden,
                    "indexing_deferred": hidden,
                },
                "queries": {
                    "search": {
                        "title": "Search articles",
                        "description": "Full-text search with highlighted snippets; source "
                        "and dates (YYYY-MM-DD) are optional.",
                        "sql": SEARCH_SQL,
                    },
                    "search_feed": {
                        "title": "Search feed",
                        "description": "The newest 50 matches of a search, with the same "
                        "filters; add .atom to the URL for an Atom feed.",
                        "sql": FEED_SQL,
                    },
                    "articles_per_source_per_day": {
                        "title": "Articles per source per day",
                        "sql": PER_DAY_SQL,
                    },
                    "revisions_of_article": {
                        "title": "Revisions of one article",
                        "description": "Every archived version of the article at :url.",
                        "sql": REVISIONS_SQL,
                    },
                    "syndicated": {
                        "title": "Stories several outlets carried",
                        "description": "Near-identical stories, linked by duplicate_of.",
                        "sql": SYNDICATED_SQL,
                    },
                    **HEALTH_QUERIES,
                },
            }
        },
    }
