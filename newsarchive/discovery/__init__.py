"""Finding article URLs on a site with no per-site configuration.

Pure functions over URLs and fetched bodies; the spider calls them to route.
"""
