"""Russian rules, as data: caption credit labels."""

LANGUAGE = "ru"

CREDIT_PREFIXES = [r"Фото", r"Источник", r"Коллаж", r"Иллюстрация"]
