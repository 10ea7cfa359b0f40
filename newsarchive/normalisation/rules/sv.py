"""Swedish, Norwegian and Danish rules, as data (one table: they share these words)."""

LANGUAGE = "sv"

MONTHS = {
    "januari": 1, "januar": 1, "februari": 2, "februar": 2, "mars": 3, "marts": 3, "april": 4,
    "maj": 5, "mai": 5, "juni": 6, "juli": 7, "augusti": 8, "august": 8, "september": 9,
    "oktober": 10, "november": 11, "december": 12, "desember": 12,
}
DAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag", "mandag", "tirsdag",
        "lørdag", "søndag"]

RELATED_NEEDS_COLON = True
RELATED_MARKERS = [r"läs\s+också", r"läs\s+mer", r"les\s+også", r"læs\s+også"]

CREDIT_PREFIXES = [r"Foto", r"Bilde", r"Bild"]
AUTHOR_LABELS = [r"Av", r"Af"]
NAME_JOINERS = [r"och", r"og"]
# News agencies: organisations that are the author of record of the stories they wrote.
NEWS_AGENCIES = ["TT", "NTB"]
