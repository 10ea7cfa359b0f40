"""Turkish rules, as data."""

LANGUAGE = "tr"

MONTHS = {
    "ocak": 1, "şubat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "haziran": 6, "temmuz": 7,
    "ağustos": 8, "eylül": 9, "ekim": 10, "kasım": 11, "aralık": 12,
}
DAYS = ["pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar"]

CREDIT_PREFIXES = [r"Fotoğraf", r"Görsel", r"Kaynak"]
# News agencies: the author of record of the stories they wrote.
NEWS_AGENCIES = ["Anadolu Ajansı", "AA", "Demirören Haber Ajansı", "DHA", "İhlas Haber Ajansı", "İHA",
                 "ANKA Haber Ajansı", "ANKA"]
