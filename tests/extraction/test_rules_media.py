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


def test_text_holding_the_headline_is_not_a_caption(page, story):
    """Header text (breadcrumb, kicker and headline) beside the lead image is no caption."""
    title = "Jalan Baru di Tepi Sungai Dibuka"
    figure = ('<figure><img src="/img/jalan.jpg" width="800" height="450">'
              f'<figcaption>Daerah Kota JALAN BARU {title}</figcaption></figure>')
    article = extract_article(page([figure] + [f"<p>{p}</p>" for p in story], title=title),
                              "https://warta.example.id/read/1/x")
    assert article.title == title
    assert article.caption is None


def test_read_more_link_under_the_image_is_not_a_caption(page, story):
    figure = '<figure><img src="/img/jalan.jpg" width="800" height="450"><figcaption>Czytaj więcej</figcaption></figure>'
    article = extract_article(page([figure] + [f"<p>{p}</p>" for p in story]), "https://warta.example.id/read/1/x")
    assert article.caption is None


def test_lazy_loaded_photo_is_read_from_its_data_attribute_not_the_placeholder(page):
    """Lead image: a lazy loader's `src` placeholder is not the photo; `data-src` holds it."""
    figure = ('<figure><img src="/assets/img/lazy-placeholder.gif" data-src="/foto/2022/banjir-lahat.jpg" '
              'width="800"><figcaption>Banjir di Lahat. FOTO: Rina Putri</figcaption></figure>')
    article = extract_article(page(figure=figure), "https://warta.example/read/123456/banjir-lahat")
    assert article.image_url == "https://warta.example/foto/2022/banjir-lahat.jpg"


def test_logo_and_share_icons_are_never_the_lead_image(page):
    figure = ('<img src="/static/logo.png" width="300"><img src="/static/share-whatsapp.svg">'
              '<figure><img src="/foto/2022/banjir-lahat.jpg"><figcaption>Banjir di Lahat</figcaption></figure>')
    article = extract_article(page(figure=figure), "https://warta.example/read/123456/banjir-lahat")
    assert (article.image_url, article.caption) == ("https://warta.example/foto/2022/banjir-lahat.jpg", "Banjir di Lahat")


BRANDING = ('<div class="site-branding"><a href="/" rel="home"><img src="/uploads/kabar.png" width="300" height="90"'
            ' alt="Kabar Banua"></a><p class="site-description">Berita Banjarmasin dan Kalimantan Selatan</p></div>')


def test_article_without_a_lead_photo_has_no_caption(page, story):
    """A photo-less post whose og:image is the site's logo: the tagline beside the logo is no caption."""
    html = page(head='<meta property="og:image" content="https://warta.example.id/uploads/kabar.png">')
    article = extract_article(html.replace('<nav class="menu">', BRANDING + '<nav class="menu">'),
                              "https://warta.example.id/2025/01/20/dprd-setujui-raperda/")
    assert article.caption is None and article.photo_credit is None
    assert article.paragraphs == story


def test_lead_photo_linking_to_its_own_file_keeps_its_caption(page, story):
    figure = ('<figure><a href="/uploads/jalan.jpg"><img src="/uploads/jalan.jpg" width="800" height="450"></a>'
              '<figcaption>Pekerja memperbaiki jalan di Kertapati. Foto: Dok. Humas</figcaption></figure>')
    article = extract_article(page([figure] + [f"<p>{p}</p>" for p in story]), "https://warta.example.id/read/1/x")
    assert (article.caption, article.photo_credit) == ("Pekerja memperbaiki jalan di Kertapati.", "Dok. Humas")
