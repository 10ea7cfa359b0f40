# TEMPORARY local stub (never committed) to debug the spider until the storage branch lands.
import json, sqlite3, hashlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

@dataclass
class KnownPage:
    url: str; etag: str|None; last_modified: str|None; content_hash: str; published: str|None; modified: str|None; last_seen: str

def now(): return datetime.now(timezone.utc).isoformat(timespec="seconds")

class Archive:
    def __init__(self, path):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(path, isolation_level=None)
        self.conn.execute("pragma journal_mode=wal")
        self.conn.execute("create table if not exists articles(url text primary key, site, source, title, caption, photo_credit, body, authors, published, modified, dateline, section, tags, language, content_hash, first_seen, last_seen, etag, last_modified)")
        self.conn.execute("create table if not exists revisions(url, body, seen)")
        self.conn.execute("create table if not exists crawls(id integer primary key, site, started, finished, status, requests, new, updated, unchanged, dropped, errors)")
    def store(self, a, *, html=None, pages=None, etag=None, last_modified=None, crawl_id=None):
        d = a.to_dict(); h = hashlib.sha1(json.dumps([d["title"], d["body"]]).encode()).hexdigest()
        old = self.conn.execute("select content_hash, body from articles where url=?", (a.url,)).fetchone()
        if old and old[0] == h:
            self.conn.execute("update articles set last_seen=? where url=?", (now(), a.url)); return "unchanged"
        if old: self.conn.execute("insert into revisions values(?,?,?)", (a.url, old[1], now()))
        self.conn.execute("insert or replace into articles values(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (a.url, a.site, a.source, a.title, a.caption, a.photo_credit, a.body, json.dumps(a.authors), a.published, a.modified, a.dateline, a.section, json.dumps(a.tags), a.language, h, now(), now(), etag, last_modified))
        return "updated" if old else "new"
    def known(self, site):
        return {r[0]: KnownPage(*r) for r in self.conn.execute("select url, etag, last_modified, content_hash, published, modified, last_seen from articles where site=?", (site,))}
    def touch(self, url, crawl_id=None): self.conn.execute("update articles set last_seen=? where url=?", (now(), url))
    def start_crawl(self, site): return self.conn.execute("insert into crawls(site, started, status) values(?,?,'running')", (site, now())).lastrowid
    def finish_crawl(self, cid, status, counts):
        self.conn.execute("update crawls set finished=?, status=?, requests=?, new=?, updated=?, unchanged=?, dropped=?, errors=? where id=?", (now(), status, *[counts[k] for k in ("requests","new","updated","unchanged","dropped","errors")], cid))
    def last_finished_crawl(self, site):
        return self.conn.execute("select max(started) from crawls where site=? and status='finished'", (site,)).fetchone()[0]
    def mark_interrupted_crawls(self, site): self.conn.execute("update crawls set status='interrupted' where site=? and status='running'", (site,))
    def close(self): self.conn.close()
