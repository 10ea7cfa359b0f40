"""Errors a user can cause. The CLI prints them as one line, never a traceback."""


class NewsarchiveError(Exception):
    """Bad input or an unusable resource, explained in one line."""
