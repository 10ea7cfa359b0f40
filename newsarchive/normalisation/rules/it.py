"""Italian rules, as data."""

LANGUAGE = "it"

MONTHS = {
    "gennaio": 1, "gen": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "mag": 5,
    "giugno": 6, "giu": 6, "luglio": 7, "lug": 7, "agosto": 8, "settembre": 9, "set": 9,
    "ottobre": 10, "ott": 10, "novembre": 11, "dicembre": 12,
}
DAYS = ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"]

RELATED_NEEDS_COLON = True
RELATED_MARKERS = [r"leggi\s+anche", r"potrebbe\s+interessarti"]

CREDIT_PREFIXES = [r"Foto", r"Immagine"]
AUTHOR_LABELS = [r"Di", r"Autore"]
NAME_JOINERS = [r"e"]
# News agencies: organisations that are the author of record of the stories they wrote.
NEWS_AGENCIES = ["ANSA", "Adnkronos", "AGI"]
