"""The bundled sample news site: realistic regional-news pages on a loopback port.

Three families, each its own host: `disway` (newspaper-network CMS, Radar Palembang),
`wordpress` (WordPress news theme, Kabar Banua) and `faults` (misbehaving routes for
crawler tests). Used by the demo and by tests; nothing here reaches the internet.
"""

from .content import SampleArticle
from .server import SampleSite, serve_sample_sites

__all__ = ["SampleArticle", "SampleSite", "serve_sample_sites"]
