"""Showing the archive: Datasette (`serve`) and the terminal."""
