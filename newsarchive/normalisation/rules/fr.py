"""French rules, as data."""

LANGUAGE = "fr"

MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "sept": 9,
    "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12, "déc": 12,
}
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

RELATED_NEEDS_COLON = True
RELATED_MARKERS = [r"lire\s+aussi", r"à\s+lire\s+aussi", r"voir\s+aussi", r"sur\s+le\s+même\s+sujet"]

CREDIT_PREFIXES = [r"Crédit", r"Crédits", r"Photo", r"Illustration"]
AUTHOR_LABELS = [r"Par", r"Auteur"]
NAME_JOINERS = [r"et"]
# "Par Marie Dupont à Bruxelles": a place follows the name.
PLACE_PREPOSITIONS = [r"à"]
# News agencies: organisations that are the author of record of the stories they wrote.
NEWS_AGENCIES = ["AFP", "Belga", "ATS"]
