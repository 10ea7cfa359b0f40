"""English rules, as data."""

LANGUAGE = "en"

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]

TIME_ZONES = {"UTC": 0, "GMT": 0, "BST": 1, "IST": 5.5, "EST": -5, "EDT": -4, "CST": -6,
              "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7, "AEST": 10, "AEDT": 11,
              "SAST": 2, "JST": 9, "KST": 9, "SGT": 8, "HKT": 8}

RELATIVE_UNITS = {"second": 1, "seconds": 1, "minute": 60, "minutes": 60, "hour": 3600,
                  "hours": 3600, "day": 86400, "days": 86400, "week": 604800, "weeks": 604800}
# "2 jam lalu" / "2 hours ago" / "vor 2 Stunden"; {units} is filled with RELATIVE_UNITS.
RELATIVE_FORM = r"(?P<n>\d+)\s+(?P<unit>{units})\s+ago"

# Whether a marker needs a colon (or capitals) to count: ordinary words in that language.
RELATED_NEEDS_COLON = True
RELATED_MARKERS = [r"read\s+more", r"related", r"see\s+also", r"also\s+read", r"read\s+also",
                   r"more\s+on\s+this", r"recommended", r"watch", r"listen", r"don't\s+miss"]
CLOSING_SECTIONS = [r"more\s+photos", r"related\s+(?:articles|stories|news|posts|content|coverage)",
                    r"more\s+(?:stories|news|from\s+.{1,40})", r"you\s+(?:may|might)\s+also\s+like",
                    r"recommended(?:\s+for\s+you)?", r"most\s+(?:read|popular|viewed)", r"trending(?:\s+now)?",
                    r"latest\s+news", r"comments?", r"\d+\s+comments?", r"leave\s+a\s+(?:comment|reply)",
                    r"join\s+the\s+(?:conversation|discussion)", r"read\s+next", r"up\s+next"]
TITLE_SMALL_WORDS = ["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with",
                     "from", "as", "vs"]

NOISE_LINES = [r"ADVERTISEMENT", r"Advertisement", r"Sponsored", r"Share", r"Share this article",
               r"Share on .{1,20}", r"Follow us on .{1,40}", r"Sign up .{0,80}newsletter.{0,40}",
               r"Skip Advertisement", r"Story continues below advertisement",
               r"Continue reading below", r"Article continues below", r"Click here to .{0,60}",
               r"Subscribe", r"Image", r"Listen to this article", r"Loading\W*",
               r"Pages?\s*:?[\d\s]*(?:of\s*\d+)?\s*(?:Next|Previous)?",
               r"(?:Copyright\s*)?(?:©|\(c\))\s*.{0,60}", r"Copyright\s+\d{4}.{0,60}", r"All rights reserved\W*",
               r"(?:Updated|Published|Last updated|Posted)\s*:?\s*(?:on\s*)?.{0,30}\d.{0,30}",
               r"View \d+ (?:Images|Photos|Pictures)", r"Video unavailable", r"Show more", r"Expand"]

FOOTERS = [r"This article (?:was )?(?:first|originally) (?:appeared|published) (?:on|in)\b"]

CREDIT_PREFIXES = [r"Photo", r"Photograph", r"Picture", r"Image", r"Credit", r"Credits", r"Source",
                   r"Photo credits?", r"Image credits?", r"Illustration", r"Photo by", r"Picture by",
                   r"Pictures", r"Photos", r"Copyright"]
CREDIT_ONLY = [r"File photo", r"Handout", r"Supplied"]

AUTHOR_LABELS = [r"By", r"Written by", r"Words by", r"Reporting by", r"Author", r"Authors"]
EDITOR_LABELS = [r"Editing by", r"Edited by", r"Editor"]
NAME_JOINERS = [r"and", r"&"]
# Newsroom labels, not people. News agencies (AP, Reuters, dpa) are kept: they are the
# author of record of the stories they wrote.
# Job titles: a byline part made of one of these is a role, not a name ("Senior Correspondent").
ROLE_WORDS = ["correspondent", "reporter", "writer", "editor", "journalist", "columnist", "contributor",
              "photographer", "producer", "intern", "staff"]
NOT_PEOPLE = ["staff", "staff writer", "editorial", "newsroom", "admin", "editor", "news desk",
              "web desk", "follow", "guest", "contributor", "unknown"]
# "Jane Doe in Washington", "By Jane Doe, in News, Business": a place or category follows the name.
PLACE_PREPOSITIONS = [r"in"]
# News agencies: organisations that are the author of record of the stories they wrote.
NEWS_AGENCIES = ["AP", "Associated Press", "Reuters", "AFP", "Agence France-Presse", "Bloomberg", "UPI", "PA Media", "PA"]
