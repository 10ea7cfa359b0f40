"""Polish rules, as data."""

LANGUAGE = "pl"

MONTHS = {
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7,
    "sierpnia": 8, "września": 9, "października": 10, "listopada": 11, "grudnia": 12,
}
DAYS = ["poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela"]

RELATED_NEEDS_COLON = True
RELATED_MARKERS = [r"czytaj\s+(?:też|także|również)", r"zobacz\s+(?:też|także|również)"]
# "Czytaj więcej" (read more) stands alone under teasers and images.
NOISE_LINES = [r"Czytaj więcej", r"Zobacz więcej", r"Udostępnij"]

CREDIT_PREFIXES = [r"Foto", r"Zdjęcie", r"Źródło"]
AUTHOR_LABELS = [r"Autor", r"Autorka"]
NAME_JOINERS = [r"oraz"]
# News agencies: organisations that are the author of record of the stories they wrote.
NEWS_AGENCIES = ["PAP"]
