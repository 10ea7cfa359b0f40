"""German rules, as data (the largest group of international pages)."""

LANGUAGE = "de"

MONTHS = {
    "januar": 1, "jänner": 1, "jan": 1, "februar": 2, "feb": 2, "märz": 3, "mär": 3, "april": 4,
    "apr": 4, "mai": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "dezember": 12, "dez": 12,
}

DAYS = ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"]

TIME_ZONES = {"MEZ": 1, "MESZ": 2, "CET": 1, "CEST": 2}

RELATIVE_UNITS = {"sekunden": 1, "minuten": 60, "minute": 60, "stunden": 3600, "stunde": 3600,
                  "tagen": 86400, "tag": 86400}
# "2 jam lalu" / "2 hours ago" / "vor 2 Stunden"; {units} is filled with RELATIVE_UNITS.
RELATIVE_FORM = r"vor\s+(?P<n>\d+)\s+(?P<unit>{units})"

# Whether a marker needs a colon (or capitals) to count: ordinary words in that language.
RELATED_NEEDS_COLON = True
CLOSING_SECTIONS = [r"mehr\s+zum\s+thema", r"weitere\s+artikel", r"das\s+k[öo]nnte\s+sie\s+auch\s+interessieren",
                    r"kommentare", r"meistgelesen", r"empfehlungen", r"weitere\s+nachrichten"]
RELATED_MARKERS = [r"lesen\s+sie\s+auch", r"mehr\s+zum\s+thema", r"auch\s+interessant",
                   r"weiterlesen", r"das\s+könnte\s+sie\s+auch\s+interessieren", r"empfehlungen"]

NOISE_LINES = [r"Anzeige", r"Werbung", r"Teilen", r"Artikel teilen", r"Mehr anzeigen",
               r"Zur Startseite", r"Zum Artikel",
               r"(?:Stand|Aktualisiert|Veröffentlicht)\s*:?\s*(?:am\s*)?\d[\d.,:\s]*(?:Uhr)?"]

FOOTERS = [r"Dieser Artikel erschien zuerst (?:bei|in|auf)\b"]

CREDIT_PREFIXES = [r"Bild", r"Foto", r"Fotos", r"Quelle", r"Bildquelle", r"Copyright", r"Symbolfoto",
                   r"Symbolbild", r"Archivfoto", r"Archivbild"]
CREDIT_ONLY: list[str] = []

AUTHOR_LABELS = [r"Von", r"Autorin/Autor", r"Autorinnen", r"Autoren", r"Autor", r"Autorin", r"Text"]
EDITOR_LABELS = [r"Redaktion", r"Bearbeitet von"]
NAME_JOINERS = [r"und"]
# Job titles: a byline part made of one of these is a role, not a name ("Senior Correspondent").
ROLE_WORDS = ["redakteur", "redakteurin", "korrespondent", "korrespondentin", "volontär", "volontärin",
              "reporterin", "autorin"]
NOT_PEOPLE = ["redaktion", "online-redaktion", "nachrichtenredaktion", "folgen", "anhören"]
# "Von Jane Doe in Berlin", "Jane Doe aus Wien": a place follows the name.
PLACE_PREPOSITIONS = [r"in", r"aus"]
# News agencies: organisations that are the author of record of the stories they wrote.
NEWS_AGENCIES = ["dpa", "AFP", "KNA", "epd", "APA", "SDA", "Keystone-SDA", "dts", "Reuters"]
