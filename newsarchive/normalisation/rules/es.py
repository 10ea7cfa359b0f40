"""Spanish rules, as data."""

LANGUAGE = "es"

MONTHS = {
    "enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5, "junio": 6,
    "julio": 7, "agosto": 8, "ago": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12, "dic": 12,
}
DAYS = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
# Words between day, month and year: "3 de septiembre de 2022".
DATE_FILLERS = [r"de", r"del"]

RELATED_NEEDS_COLON = True
RELATED_MARKERS = [r"lee\s+también", r"lea\s+también", r"te\s+puede\s+interesar", r"más\s+información"]

CREDIT_PREFIXES = [r"Foto", r"Fotografía", r"Imagen", r"Crédito"]
AUTHOR_LABELS = [r"Por", r"Autor"]
NAME_JOINERS = [r"y"]
# News agencies: organisations that are the author of record of the stories they wrote.
NEWS_AGENCIES = ["EFE", "Europa Press"]
