"""Korean rules, as data: caption credit conventions of Korean newspapers."""

LANGUAGE = "ko"

# "...연설하고 있다. 연합뉴스": the agency or photographer after the caption's last full stop;
# "홍길동 기자" (reporter) in a byline is the name.
CREDIT_SUFFIX_FORMS = [r"\.\s*(?P<credit>[가-힣]{2,8}(?:\s?기자)?)"]

# Job titles written after the name in bylines: "신현주 기자" (reporter Shin Hyun-joo).
AUTHOR_SUFFIXES = [r"기자", r"특파원", r"선임기자"]

# Separators between headline and site name in `<title>`/og:title, written without spaces:
# "제목ㅣ한국일보" uses the vowel letter ㅣ as a bar.
TITLE_SEPARATORS = ["ㅣ"]
# News agencies: organisations that are the author of record of the stories they wrote.
NEWS_AGENCIES = ["연합뉴스", "뉴시스", "뉴스1"]
