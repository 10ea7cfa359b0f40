"""Lead-image rules, pinned: each rule has a tiny page of its own."""

from newsarchive.extract import extract_article


def test_subheading_classed_subtitle_is_not_a_caption(page, story):
    """`<h2 class="subtitle">` near an image is the story's subheading: it stays in the body."""
    blocks = [f"<p>{story[0]}</p>",
              '<div class="pic"><img src="/img/jalan.jpg" width="800" height="450"></div>',
              '<h2 class="subtitle">Pengalihan Arus</h2>', f"<p>{story[1]}</p>", f"<p>{story[2]}</p>"]
    article = extract_article(page(blocks), "https://warta.example.id/read/1/x")
    assert article.caption is None
    assert article.paragraphs == story[:1] + ["Pengalihan Arus"] + story[1:]
