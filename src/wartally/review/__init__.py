"""Analyst review: corrections as append-only data, applied to the store
whenever it is written, so that re-ingest or a newer extractor keeps every
human decision (see docs/review.md).

    >>> from wartally.review import actions
    >>> actions.reject(store, figure_id, editor="amal", reason="a population, not a toll")  # doctest: +SKIP
"""
from wartally.store.review.corrections import Correction, Kind, ReviewError, read_log
from wartally.store.review.keys import FigureKey

__all__ = ["Correction", "FigureKey", "Kind", "ReviewError", "read_log"]
