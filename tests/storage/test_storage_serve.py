"""`newsarchive serve`: Datasette over the archive, checked over HTTP and in a real browser."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from xml.etree import ElementTree
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
STORY = "\n\n".join(f"Kalimat {i}: banjir bandang menerjang Kabupaten Sigi malam tadi." for i in range(12))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def wait_for(base: str, process: subprocess.Popen) -> str:
    """`base` once the server answers; the test fails with its stderr if it never does."""
    for _ in range(100):
        try:
            get(base + "/-/versions.json")
            return base
        except OSError:
            time.sleep(0.1)
    process.kill()
    pytest.fail(f"the server did not start: {process.communicate()[1].decode()[-500:]}")


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory) -> Path:
    from newsarchive.article import Article
    from newsarchive.storage import Archive

    path = tmp_path_factory.mktemp("serve") / "archive.db"
    with Archive(path) as archive:
        for n, source in enumerate(["Kabar Sigi", "Radar Palu"], 1):
            archive.store(Article(
                url=f"https://{source.split()[1].lower()}.example.id/{n}", source=source,
                title=f"Banjir bandang di Sigi <script>alert({n})</script>",
                caption="Rumah warga tertimbun lumpur", body=STORY if n == 1 else "PALU - " + STORY,
                published=f"2024-05-0{n}T10:00:00+08:00", section="Daerah",
            ))  # fmt: skip
        archive.store(Article(url="https://sigi.example.id/1", source="Kabar Sigi",
                              title="Banjir bandang di Sigi (diperbarui)", body=STORY,
                              caption="Rumah warga tertimbun lumpur",
                              published="2024-05-01T10:00:00+08:00"))  # fmt: skip
    return path


@pytest.fixture(scope="module")
def server(archive_path):
    port = free_port()
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "newsarchive"), "serve", "--db", str(archive_path),
         "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    yield wait_for(f"http://127.0.0.1:{port}", process)
    process.terminate()
    process.wait(timeout=10)


def test_articles_newest_first_with_facets(server):
    data = json.loads(get(server + "/archive/articles.json?_shape=objects"))
    assert [row["source"] for row in data["rows"]] == ["Radar Palu", "Kabar Sigi"]
    assert set(data["facet_results"]) >= {"source", "section", "published_month"}


def test_search_box_and_canned_queries(server):
    found = json.loads(get(server + "/archive/articles.json?_search=lumpur&_shape=objects"))
    assert len(found["rows"]) == 2
    hostile = json.loads(get(server + '/archive/articles.json?_search=%22title:(NEAR&_shape=objects'))
    assert hostile["rows"] == []
    search = json.loads(get(server + "/archive/search.json?q=lumpur&source=Radar+Palu&since=&until=&_shape=objects"))
    assert [row["source"] for row in search["rows"]] == ["Radar Palu"]
    assert "\x02lumpur\x03" in search["rows"][0]["snippet"]  # storage.search.MARK, as in the CLI
    for query, expected in [("since=2024-05-02&until=", ["Radar Palu"]),
                            ("since=&until=2024-05-01", ["Kabar Sigi"]),
                            ("since=2024-05-01&until=2024-05-02", ["Radar Palu", "Kabar Sigi"])]:
        found = json.loads(get(server + f"/archive/search.json?q=lumpur&source=&{query}&_shape=objects"))
        assert sorted(row["source"] for row in found["rows"]) == sorted(expected), query
    odd = json.loads(get(server + "/archive/search.json?q=lumpur&source=Kabar+%22Sigi%22+(&since=&until=&_shape=objects"))
    assert odd["rows"] == []
    syndicated = json.loads(get(server + "/archive/syndicated.json?_shape=objects"))
    assert syndicated["rows"][0]["outlets"] == 2
    revisions = json.loads(get(server + "/archive/revisions_of_article.json?url=https://sigi.example.id/1&_shape=objects"))
    assert [row["version"].split()[0] for row in revisions["rows"]] == ["current", "revision"]
    per_day = json.loads(get(server + "/archive/articles_per_source_per_day.json?source=&since=&until=&_shape=objects"))
    assert len(per_day["rows"]) == 2


def test_atom_feed_of_a_search(server):
    """`search_feed.atom`: newest first, the search's filters, scraped text escaped as XML."""
    atom = "{http://www.w3.org/2005/Atom}"
    with urllib.request.urlopen(server + "/archive/search_feed.atom?q=lumpur&source=&since=&until=", timeout=10) as response:
        assert "xml" in response.headers["Content-Type"]
        feed = ElementTree.fromstring(response.read())
    assert feed.tag == atom + "feed"
    entries = feed.findall(atom + "entry")
    assert [e.find(atom + "link").get("href") for e in entries] == ["https://palu.example.id/2", "https://sigi.example.id/1"]
    assert entries[0].find(atom + "title").text == "Banjir bandang di Sigi <script>alert(2)</script>"
    assert entries[0].find(atom + "updated").text.startswith("2024-05-02T10:00:00+08:00")
    assert "lumpur" in entries[0].find(atom + "content").text
    filtered = ElementTree.fromstring(get(server + "/archive/search_feed.atom?q=lumpur&source=Kabar+Sigi&since=&until="))
    assert [e.find(atom + "author").find(atom + "name").text for e in filtered.findall(atom + "entry")] == ["Kabar Sigi"]
    for nothing in ("zzzznotfound", "%22unbalanced+(quote"):  # a new saved search: a valid, empty feed
        empty = ElementTree.fromstring(get(server + f"/archive/search_feed.atom?q={nothing}&source=&since=&until="))
        assert empty.tag == atom + "feed" and empty.findall(atom + "entry") == []
        assert empty.find(atom + "title").text == "Search feed"


def test_plain_datasette_with_the_metadata_file(server, archive_path):
    """`datasette archive.db -m newsarchive/serving/metadata.yaml` is the same site as serve."""
    from newsarchive.serving.metadata import METADATA_FILE

    port = free_port()
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "datasette"), str(archive_path), "-m", str(METADATA_FILE),
         "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        base = wait_for(f"http://127.0.0.1:{port}", process)
        for page in ("/archive/articles.json?_search=bandan*&_col=url&_shape=objects",
                     "/archive/search.json?q=bandan*&order=newest&_shape=objects",
                     "/archive/search.json?_shape=objects"):  # fmt: skip
            assert json.loads(get(base + page))["rows"] == json.loads(get(server + page))["rows"]
        assert json.loads(get(base + "/-/metadata.json"))["databases"]["archive"]["title"] == "News archive"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_read_only(server):
    request = urllib.request.Request(server + "/archive/-/query", data=b"sql=delete+from+articles")
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(request, timeout=10)
    assert len(json.loads(get(server + "/archive/articles.json"))["rows"]) == 2


def chromium(url: str) -> tuple[str, list[str]]:
    """The page's DOM once its scripts have run, and what its console said, from Debian's
    chromium driven headless (a resource that failed to load is a console error)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is missing and `make browser` could not install it")
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", "--disable-dev-shm-usage", f"--user-data-dir={profile}",
             "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000",
             "--dump-dom", url],
            capture_output=True, text=True, timeout=90,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr[-500:]
    return done.stdout, [line for line in done.stderr.splitlines() if ":CONSOLE" in line]


def chromium_dom(url: str) -> str:
    return chromium(url)[0]


def test_browser_articles_page_search_and_highlight(server):
    page = chromium_dom(server + "/archive/articles")
    assert "Articles" in page and "Radar Palu" in page
    assert page.count('href="/archive/articles/') == 2  # headlines open their article pages
    assert "Kalimat 3:" in page and "Kalimat 11:" not in page  # excerpts, not whole bodies
    assert "<script>alert(" not in page  # scraped HTML stays escaped
    assert "&lt;script&gt;alert(" in page
    results = chromium_dom(server + "/archive/articles?_search=bandan*")  # the CLI's syntax
    assert "search matches" in results
    assert results.count("<mark>bandang</mark>") >= 2  # both articles, highlighted
    article = re.search(r'href="(/archive/articles/\d+)"', results).group(1)
    page = chromium_dom(server + article)
    assert len(re.findall(r"<p>(?:PALU - )?Kalimat \d+:", page)) == 12  # the body in paragraphs
    assert re.search(r'href="https://(sigi|palu)\.example\.id/\d"', page)  # the original
    searched = chromium_dom(server + "/archive/search?q=bandan*&source=&since=&until=&order=")
    assert "<mark>bandang</mark>" in searched


def test_browser_chart_page_renders_offline(server, archive_path):
    """The chart page draws its three charts from local scripts only, with no failed request:
    every script and stylesheet it names is on the server and answers, so does each chart's
    data query, and in the browser each chart is drawn and the console shows no error."""
    from urllib.parse import quote

    from newsarchive.serving.metadata import metadata
    from newsarchive.storage import Archive

    with Archive(archive_path) as archive:  # a crawl, so that its chart has a bar
        archive.finish_crawl(archive.start_crawl("sigi.example.id"), "finished", {"new": 2, "errors": 1})
    html = get(server + "/-/charts")  # the short address redirects to the dashboard
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert assets and all(asset.startswith("/") for asset in assets)  # nothing from the internet
    assert all(get(server + asset) for asset in assets)
    charts = metadata()["plugins"]["datasette-dashboards"]["archive"]["charts"].values()
    for chart in charts:  # what the page's script fetches
        assert json.loads(get(f"{server}/archive.json?sql={quote(chart['query'])}&_shape=objects"))["rows"]
    page, console = chromium(server + "/-/charts")
    failed = [line for line in console if any(
        sign in line for sign in ("Failed to load resource", "net::ERR_", "Uncaught", "Error"))]  # fmt: skip
    assert failed == []  # no failed request, no script error
    for title in ("Articles per source per day", "Crawl results per day", "Field coverage per source"):
        assert title in page
    assert page.count('class="marks"') == 3  # each chart drawn by Vega
