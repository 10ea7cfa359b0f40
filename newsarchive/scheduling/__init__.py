"""Scheduled crawls: the site registry, per-site locks, `run-due` and `schedule`."""
