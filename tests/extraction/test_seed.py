"""The seed article, rendered in the newspaper-network (Disway) layout, comes out exact."""

import json
from pathlib import Path

import pytest

from newsarchive.extract import extract_article

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXPECTED = json.loads((FIXTURES / "seed-expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def article():
    html = (FIXTURES / "seed-disway.html").read_bytes()
    return extract_article(html, EXPECTED["url"])


@pytest.mark.parametrize("name", ["url", "site", "source", "language", "title", "caption",
                                  "photo_credit", "dateline"])
def test_field(article, name):
    assert getattr(article, name) == EXPECTED[name]


def test_body_paragraphs_exact(article):
    assert article.paragraphs == EXPECTED["body_paragraphs"]
    assert article.body == "\n\n".join(EXPECTED["body_paragraphs"])


@pytest.mark.parametrize("text", EXPECTED["must_not_appear_in_body"])
def test_noise_absent(article, text):
    assert text not in article.body


def test_published_in_wib(article):
    assert article.published == "2022-09-03T14:05:00+07:00"


def test_people(article):
    assert article.authors == ["David Karnain"]
    assert article.editors == []  # "Tim Redaksi" is the newsroom, not a person


def test_to_dict_has_contract_fields(article):
    d = article.to_dict()
    for key in ("url", "source", "title", "caption", "photo_credit", "body", "authors", "published",
                "modified", "dateline", "section", "tags", "language"):
        assert key in d
