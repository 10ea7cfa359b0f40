"""Dutch rules, as data."""

LANGUAGE = "nl"

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "mrt": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

RELATED_NEEDS_COLON = True
RELATED_MARKERS = [r"lees\s+ook", r"lees\s+meer", r"bekijk\s+ook"]

CREDIT_PREFIXES = [r"Beeld", r"Foto"]
AUTHOR_LABELS = [r"Door"]
NAME_JOINERS = [r"en"]
# "Door Jan de Vries in Brussel", "uit Den Haag": a place follows the name.
PLACE_PREPOSITIONS = [r"in", r"uit"]
# News agencies: organisations that are the author of record of the stories they wrote.
NEWS_AGENCIES = ["ANP", "Belga"]
