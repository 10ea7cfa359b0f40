"""Russian rules, as data: caption credit labels."""

LANGUAGE = "ru"

CREDIT_PREFIXES = [r"Фото", r"Источник", r"Коллаж", r"Иллюстрация"]
# News agencies: organisations that are the author of record of the stories they wrote.
NEWS_AGENCIES = ["ТАСС", "РИА Новости", "Интерфакс"]
