"""isiZulu rules, as data (South African regional press)."""

LANGUAGE = "zu"

CREDIT_PREFIXES = [r"Isithombe", r"Izithombe"]  # "photo", "photos"
AUTHOR_LABELS = [r"Ngu"]  # "by"
