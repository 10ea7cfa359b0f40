"""Indonesian rules, as data: what regional-news.md lists for Indonesian pages."""

LANGUAGE = "id"

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "ags": 8, "agt": 8, "agus": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "nopember": 11, "desember": 12, "des": 12,
}

DAYS = ["senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "jum’at", "sabtu", "minggu", "ahad"]

# Named zones and their UTC offset in hours.
TIME_ZONES = {"WIB": 7, "WITA": 8, "WIT": 9}

# Relative dates ("2 jam lalu"): unit word -> seconds.
RELATIVE_UNITS = {"detik": 1, "menit": 60, "jam": 3600, "hari": 86400, "minggu": 604800}
# "2 jam lalu" / "2 hours ago" / "vor 2 Stunden"; {units} is filled with RELATIVE_UNITS.
RELATIVE_FORM = r"(?P<n>\d+)\s+(?P<unit>{units})\s+(?:yang\s+)?lalu"

# Paragraphs that start with one of these are related-link inserts, not story.
# Whether a marker needs a colon (or capitals) to count: ordinary words in that language.
RELATED_NEEDS_COLON = False
RELATED_MARKERS = [
    r"baca\s+juga", r"baca\s+selengkapnya", r"simak\s+juga", r"lihat\s+juga",
    r"simak\s+(?:berita|video)", r"baca\s+berita\s+lainnya", r"berita\s+terkait",
    r"artikel\s+terkait", r"tonton\s+juga", r"cek\s+berita",
]
# Headings of the boxes that close a story's container: after one, nothing in that container
# is the story (the box's list, cards and comments).
CLOSING_SECTIONS = [r"berita\s+lainnya", r"berita\s+terkait", r"artikel\s+terkait", r"topik\s+berita\s+terbaru",
                    r"berita\s+terbaru", r"berita\s+terpopuler", r"terpopuler", r"terkini", r"pilihan\s+redaksi",
                    r"rekomendasi(?:\s+untuk\s+anda)?", r"foto\s+lainnya", r"galeri\s+foto", r"video\s+terkait",
                    r"komentar", r"tulis\s+komentar", r"baca\s+berita\s+lainnya", r"topik\s+terkait"]
# Lower-case words inside a headline written in title case ("Banjir Rendam Rumah di Seberang
# Ulu"): where an insert written into a paragraph ("... lancar. Baca Juga: <title> Warga ...")
# is cut, the title runs over these and capitalised words.
TITLE_SMALL_WORDS = ["di", "ke", "dari", "dan", "untuk", "per", "dalam", "dengan", "yang", "pada",
                     "atau", "oleh", "saat", "usai", "jelang", "hingga", "bagi", "soal", "vs"]

# Whole lines that are page furniture.
NOISE_LINES = [r"ADVERTISEMENT", r"SCROLL TO CONTINUE WITH CONTENT", r"Bagikan", r"Sumber\s*:?",
               r"Editor\s*:?", r"Penulis\s*:?", r"Reporter\s*:?", r"Halaman\s+selanjutnya",
               r"Selanjutnya", r"Sebelumnya", r"Iklan", r"Dapatkan berita .{0,80}",
               r"Halaman\s*:?[\d\s]*(?:Selanjutnya|Sebelumnya|Berikutnya)?[\d\s]*",
               r"(?:Diperbarui|Diterbitkan|Dipublikasikan)\s*:?.{0,40}\d.{0,30}"]

# Syndication footers: from the marker to the end of the paragraph.
FOOTERS = [r"Artikel ini (?:telah )?(?:tayang|terbit|dipublikasikan) di\b",
           r"Ikuti (?:berita|update|kami) .{0,60}(?:Google News|WhatsApp|Telegram)"]

# Caption credit prefixes ("Foto:", "FOTO: ANTARA/X") and credit-only captions.
# "Dok." (documentation of ...) and "Ist." are kept as part of the credit: see credits.py.
CREDIT_PREFIXES = [r"Foto", r"Sumber\s+foto", r"Fotografer"]
CREDIT_ONLY = [r"Ilustrasi", r"Istimewa", r"Ist"]

# "Laporan Wartawan Sripoku.com, Rina Putri": the outlet is part of the label.
AUTHOR_LABELS = [r"Penulis", r"Pewarta", r"Reporter", r"Wartawan", r"Oleh", r"Kontributor",
                 r"Laporan\s+(?:Wartawan|Reporter|Kontributor)\s+[\w.-]+\s*,", r"Laporan"]
EDITOR_LABELS = [r"Editor", r"Redaktur", r"Penyunting"]
NAME_JOINERS = [r"dan"]
# Job titles: a byline part made of one of these is a role, not a name ("Senior Correspondent").
ROLE_WORDS = ["wartawan", "koresponden", "kontributor", "redaktur", "jurnalis"]
NOT_PEOPLE = ["redaksi", "tim redaksi", "admin", "humas"]
# News agencies: organisations that are the author of record of the stories they wrote.
NEWS_AGENCIES = ["Antara", "Kantor Berita Antara"]  # compared case-insensitively
