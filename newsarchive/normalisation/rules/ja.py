"""Japanese rules, as data: caption credit conventions of Japanese newspapers."""

LANGUAGE = "ja"

# "…で（山田太郎撮影）" (photographed by), "…＝ＡＰ" (an agency after the equals sign;
# "＝同国で2019年5月" is context, not a credit). "（警視庁提供）" (provided by) stays caption.
CREDIT_SUFFIX_FORMS = [r"（(?P<credit>[^（）]{1,20}?)撮影）", r"＝(?P<credit>[^＝、。\d０-９]{1,12})"]
# News agencies: organisations that are the author of record of the stories they wrote.
NEWS_AGENCIES = ["共同通信", "時事通信"]
