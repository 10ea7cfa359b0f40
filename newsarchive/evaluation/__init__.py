"""Measurement of extraction quality and speed against a labelled page folder."""

from .runner import Report, evaluate, format_report, write_predictions

__all__ = ["Report", "evaluate", "format_report", "write_predictions"]
