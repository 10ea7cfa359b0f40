"""A layout change to switch on while a site runs, as real sites change templates unannounced.

`markup`: the article template is redesigned: the photo caption is loaded by script and the
date shows only as "a few hours ago" (the fields the archive took from them go empty).
`challenge`: every page, robots.txt included, is a bot-check interstitial (HTTP 403, as CDNs
answer). `429`: every page answers "Too Many Requests".
"""

from __future__ import annotations

import re

from .family import Response

CHANGES = ("markup", "challenge", "429")
_CAPTION = re.compile(r'<div class="caption">[^<]*</div>|<p class="wp-caption-text">[^<]*</p>'
                      r'|<figcaption>[^<]*</figcaption>')
_DATE = re.compile(r'<(span|time) class="(date|entry-date published)">[^<]*</\1>')
CHALLENGE_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Just a moment...</title>
<meta name="robots" content="noindex,nofollow"></head><body>
<div id="challenge-running">Checking if the site connection is secure</div>
<noscript>Enable JavaScript and cookies to continue</noscript>
<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script></body></html>"""


def redesign(html: str) -> str:
    """An article page in the new template: caption and date are no longer in the markup."""
    html = _CAPTION.sub('<div class="caption-lazy" data-caption-src="/api/caption"></div>', html, count=1)
    return _DATE.sub(r'<\1 class="timeago">beberapa jam lalu</\1>', html, count=1)


def blocked(change: str) -> Response:
    """What a blocked crawler is answered for every page."""
    if change == "429":
        return Response(status=429, body="<html><body><h1>Too Many Requests</h1></body></html>",
                        headers={"Retry-After": "0"})
    return Response(status=403, body=CHALLENGE_PAGE)
