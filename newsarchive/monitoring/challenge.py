"""Bot walls: responses that are a CDN's or firewall's challenge instead of the page asked for.

Markers are what the interstitials of the common services carry (a page that merely embeds a
captcha in a comment form is not one: only challenge-page markup is listed).
"""

from __future__ import annotations

# Looked for in the first bytes of the body, lower-cased.
CHALLENGE_MARKERS = (
    b"<title>just a moment...</title>",  # Cloudflare managed challenge
    b"/cdn-cgi/challenge-platform/",  # Cloudflare
    b"<title>attention required! | cloudflare</title>",
    b"cf-browser-verification",
    b"ddos-guard",  # DDoS-Guard
    b"sucuri website firewall",  # Sucuri
    b"_incapsula_resource",  # Imperva Incapsula
    b"captcha-delivery.com",  # DataDome
    b"px-captcha",  # PerimeterX / HUMAN
    b"<title>access denied</title>",  # Akamai and others
)
# Response headers that mark a challenge whatever the body says.
CHALLENGE_HEADERS = {b"cf-mitigated": b"challenge"}
SNIFF_BYTES = 16 * 1024  # interstitials are small; a real page states its markers late if at all
BLOCK_STATUSES = (403, 429)


def is_challenge(headers: dict[bytes, bytes], body: bytes) -> bool:
    """Whether a response is a challenge page (any status: some answer 200, most 403 or 503)."""
    if any(headers.get(name, b"").lower() == value for name, value in CHALLENGE_HEADERS.items()):
        return True
    head = body[:SNIFF_BYTES].lower()
    return any(marker in head for marker in CHALLENGE_MARKERS)
