"""The Datasette front, in process with Datasette's own client, configured by the metadata
file alone (as plain `datasette archive.db -m newsarchive/serving/metadata.yaml` is): one
search language with the CLI, articles read as articles, scraped text escaped."""

from __future__ import annotations

import asyncio
import re
from urllib.parse import urlencode
from xml.etree import ElementTree

import pytest
from datasette.app import Datasette

import newsarchive.cli  # noqa: F401 - registers every command
from newsarchive.article import Article
from newsarchive.cli.base import cli, run_cli
from newsarchive.serving.metadata import METADATA_FILE, metadata
from newsarchive.storage import Archive

ATOM = "{http://www.w3.org/2005/Atom}"
PARAGRAPHS = [f"Kalimat {i}: banjir bandang menerjang Kabupaten Sigi malam tadi." for i in range(60)]
QUERIES = ["bandan*", '"dapur umum" OR posko', "banjir NOT posko", "lumpur", "tertimbun lumpur"]
HOSTILE = ['"', "((", 'title:(NEAR "x', "NOT", "OR AND", "ba*", "*", "^banjir", "x" * 2000,
           "banjir\x00", "9999-12-31", "0001-01-01", "2024-13-45", b"\xed\xa0\x80banjir", b"\xffposko", "'; DROP TABLE articles; --", "NEAR(a b, 2)", "🙂"]


@pytest.fixture(scope="module")
def path(tmp_path_factory):
    path = tmp_path_factory.mktemp("front") / "archive.db"
    with Archive(path) as archive:
        archive.store(Article(
            url="https://sigi.example.id/1", source="Kabar Sigi", section="Daerah",
            title="Banjir bandang di Sigi <script>alert(1)</script>",
            caption="Rumah warga tertimbun lumpur", photo_credit="FOTO: ANTARA/Basri",
            body="\n\n".join(PARAGRAPHS), published="2024-05-01T10:00:00+08:00"))
        archive.store(Article(
            url="https://palu.example.id/2", source="Radar Palu", section="Daerah",
            title="Dapur umum didirikan untuk korban banjir", caption="Posko di Sigi",
            body="PALU - Relawan mendirikan dapur umum dan posko kesehatan. Lumpur masih tebal.",
            published="2024-05-02T10:00:00+08:00"))
        archive.store(Article(
            url="https://palu.example.id/3", source="Radar Palu", title="Posko pengungsi",
            body="Posko pengungsi dibuka di balai desa.", published="2024-05-03T10:00:00+08:00"))
        archive.store(Article(  # a second version: the first goes to revisions
            url="https://sigi.example.id/1", source="Kabar Sigi", section="Daerah",
            title="Banjir bandang di Sigi <script>alert(1)</script>",
            caption="Rumah warga tertimbun lumpur", photo_credit="FOTO: ANTARA/Basri",
            body="\n\n".join(PARAGRAPHS[:-1]), published="2024-05-01T10:00:00+08:00"))
        archive.store(Article(  # a syndicated copy of the first
            url="https://palu.example.id/4", source="Radar Palu",
            title="Banjir bandang di Sigi", body="\n\n".join(PARAGRAPHS[:-1]),
            published="2024-05-01T12:00:00+08:00"))
    return path


@pytest.fixture(scope="module")
def client(path):
    """GET a path of the archive's Datasette; the response, awaited on one event loop."""
    loop = asyncio.new_event_loop()
    datasette = Datasette([str(path)], metadata=metadata(), settings={"sql_time_limit_ms": 3000})
    loop.run_until_complete(datasette.invoke_startup())
    yield lambda url: loop.run_until_complete(datasette.client.get(url))
    loop.close()


def rows(client, url: str) -> list[dict]:
    response = client(url + ("&" if "?" in url else "?") + "_shape=objects")
    assert response.status_code == 200, response.text[-300:]
    return response.json()["rows"]


def search_url(query: str, **options: str) -> str:
    params = {"q": query, "source": "", "since": "", "until": "", "order": ""} | options
    return "/archive/search.json?" + urlencode(params)


def feed_urls(client, query: str, **options: str) -> list[str]:
    params = urlencode({"q": query, "source": "", "since": "", "until": ""} | options)
    response = client(f"/archive/search_feed.atom?{params}")
    assert response.status_code == 200
    feed = ElementTree.fromstring(response.text)
    return [entry.find(ATOM + "link").get("href") for entry in feed.findall(ATOM + "entry")]


@pytest.mark.parametrize("query", QUERIES)
def test_one_search_language_box_query_feed_and_cli(path, client, query):
    """The search box, the canned query, the feed and the CLI find the same articles."""
    with Archive(path, create=False) as archive:
        cli = [hit.url for hit in archive.search(query, order="newest", limit=50)]
    assert cli, "every query here matches something"
    box = [row["url"] for row in rows(client, "/archive/articles.json?" + urlencode({"_search": query}))]
    canned = [row["url"] for row in rows(client, search_url(query, order="newest"))]
    assert box == canned == feed_urls(client, query) == cli


def test_prefix_and_or_find_what_datasette_escaping_missed(client):
    assert {r["url"] for r in rows(client, search_url('"dapur umum" OR posko'))} == {
        "https://palu.example.id/2", "https://palu.example.id/3"}
    assert len(rows(client, "/archive/articles.json?_search=bandan*")) == 2


@pytest.mark.parametrize("query", ["banjir OR posko", "lumpur"])
def test_best_first_is_the_clis_ranking(path, client, query):
    with Archive(path, create=False) as archive:
        cli = [hit.url for hit in archive.search(query, limit=50)]
    best = [row["url"] for row in rows(client, search_url(query))]
    newest = [row["url"] for row in rows(client, search_url(query, order="newest"))]
    assert best == cli and sorted(best) == sorted(newest)
    if query == "lumpur":  # in the caption of the older article, the body of the newer
        assert best == ["https://sigi.example.id/1", "https://palu.example.id/2"] and best != newest


def test_filters_mean_what_the_cli_options_mean(path, client):
    with Archive(path, create=False) as archive:
        for options in ({"source": "Radar Palu"}, {"since": "2024-05-02"}, {"until": "2024-05-01"},
                        {"since": "2024-05-02", "until": "2024-05-02", "source": "Radar Palu"}):
            cli = [hit.url for hit in archive.search("banjir OR posko", order="newest", **options)]
            web = [r["url"] for r in rows(client, search_url("banjir OR posko", order="newest", **options))]
            assert web == feed_urls(client, "banjir OR posko", **options) == cli, options


def test_empty_query_is_no_filter_and_pages_open_without_error(client):
    newest = [row["url"] for row in rows(client, "/archive/search.json")]
    assert newest[0] == "https://palu.example.id/3" and len(newest) == 4
    assert rows(client, search_url("", source="Kabar Sigi"))[0]["url"] == "https://sigi.example.id/1"
    assert len(feed_urls(client, "")) == 4
    for page in ("/archive/search", "/archive/search_feed", "/archive/search_feed.atom"):
        response = client(page)
        assert response.status_code == 200 and "syntax error" not in response.text, page


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_give_an_error_page(path, client, query, capsys):
    for url in (
        "/archive/articles?" + urlencode({"_search": query}),
        "/archive/articles.json?" + urlencode({"_search": query}),
        search_url(query).replace(".json", ""),
        search_url(query, since=query, until=query, source=query),
        "/archive/search_feed.atom?" + urlencode({"q": query, "source": query, "since": "", "until": ""}),
    ):
        response = client(url)
        assert response.status_code == 200, (url, response.text[-300:])
    if isinstance(query, str):  # the terminal: results, or one line saying why not
        for args in (["search", query], ["search", "banjir", "--since", query, "--until", query]):
            code = run_cli(cli, [*args, "--db", str(path)])
            err = capsys.readouterr().err
            assert code in (0, 1) and err.count("\n") <= 1 and "Traceback" not in err, err


def test_search_page_highlights_matches_and_escapes_text(client):
    page = client("/archive/search?" + urlencode({"q": "bandan*", "source": "", "since": "", "until": "", "order": ""})).text
    assert "<mark>bandang</mark>" in page
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert 'href="/archive/articles/' in page  # a title opens its article page


def test_articles_table_shows_headlines_and_excerpts_not_bodies(client):
    page = client("/archive/articles").text
    assert "Dapur umum didirikan untuk korban banjir" in page and "Radar Palu" in page
    assert "Kalimat 3:" in page and "Kalimat 30:" not in page  # an excerpt, not the body
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    searched = client("/archive/articles?_search=bandan*").text
    assert "<mark>bandang</mark>" in searched
    assert 'href="/archive/search?q=bandan%2A&amp;order=best' in searched  # best first, one click
    grid = client("/archive/articles?_nocol=body").text  # Datasette's grid is still there
    assert 'class="rows-and-columns"' in grid


def test_article_page_reads_as_an_article(client):
    first = rows(client, "/archive/articles.json?url=https://sigi.example.id/1")[0]
    page = client(f"/archive/articles/{first['id']}").text
    assert "<h1>Banjir bandang di Sigi &lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page
    assert "<script>alert(1)" not in page
    paragraphs = re.findall(r"<p>(Kalimat \d+:[^<]*)</p>", page)
    assert paragraphs == PARAGRAPHS[:-1]
    assert "Rumah warga tertimbun lumpur" in page and "FOTO: ANTARA/Basri" in page
    assert 'href="https://sigi.example.id/1"' in page
    assert page.count('href="/archive/revisions/') == 1
    copy = rows(client, "/archive/articles.json?url=https://palu.example.id/4")[0]
    assert f'href="/archive/articles/{copy["id"]}"' in page
    assert client("/archive/articles/999").status_code == 404  # Datasette's own answer
    assert client("/archive/revisions/1").status_code == 200  # other row pages are Datasette's


def test_metadata_file_ranks_with_the_clis_search():
    """The file's search query calls the CLI's own search and snippets, not a copy of them."""
    sql = metadata()["databases"]["archive"]["queries"]["search"]["sql"]
    assert "newsarchive_search(:q, :source, :since, :until, :order, 50)" in sql
    assert "newsarchive_snippet(:q, a.title, a.caption, a.body)" in sql
    assert "bm25(" not in sql
    assert METADATA_FILE.suffix == ".yaml"


def test_serve_names_the_metadata_after_any_archive_file(path, tmp_path):
    """`newsarchive serve --db news.db` gets the file's titles and queries under /news."""
    import shutil

    from newsarchive.serving import datasette_app

    other = tmp_path / "news.db"
    shutil.copy(path, other)
    datasette = datasette_app(other)
    loop = asyncio.new_event_loop()
    try:
        loop.run_until_complete(datasette.invoke_startup())
        response = loop.run_until_complete(datasette.client.get("/news/search.json?q=bandan*&_shape=objects"))
        page = loop.run_until_complete(datasette.client.get("/news")).text
    finally:
        loop.close()
    assert len(response.json()["rows"]) == 2
    assert "News archive" in page and "Search articles" in page
