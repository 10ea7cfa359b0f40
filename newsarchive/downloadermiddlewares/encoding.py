"""Pages decoded as a browser decodes them, where Scrapy's decoding differs.

Scrapy (w3lib) trusts a `utf-16` label even on a page whose `<meta charset="utf-16">` it
could read as ASCII; the HTML standard reads such a page as UTF-8, and so do we.
"""

from __future__ import annotations

import codecs

from scrapy.http import Request, Response, TextResponse

from ..extraction.decode import browser_encoding

_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)


class BrowserEncodingMiddleware:
    def process_response(self, request: Request, response: Response) -> Response:
        if not isinstance(response, TextResponse) or response.body.startswith(_WIDE_BOMS):
            return response
        encoding = browser_encoding(response.encoding)
        if encoding == "utf-8" and codecs.lookup(response.encoding).name != "utf-8":
            return response.replace(encoding=encoding)
        return response
