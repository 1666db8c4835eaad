"""wartally: casualty and displacement figures from conflict news, sourced,
deduplicated and mapped.

    >>> import wartally
    >>> figs = wartally.extract("Airstrikes killed 12 civilians in Ariha on Monday, "
    ...                         "the Syrian Observatory for Human Rights said.",
    ...                         published="2019-06-03")
"""
import importlib

from wartally.records import (
    Count,
    DatePrecision,
    Document,
    Event,
    Figure,
    Outcome,
    Period,
    Place,
    Qualifier,
    Side,
    Span,
    Victims,
    WherePrecision,
)

__all__ = [
    "Count",
    "DatePrecision",
    "Document",
    "Event",
    "Figure",
    "Outcome",
    "Period",
    "Place",
    "Qualifier",
    "Side",
    "Span",
    "Victims",
    "WherePrecision",
    "extract",
    "process",
    "read",
]


def __getattr__(name: str):
    """``extract``, ``process`` and ``read``, imported on first use, so that
    ``import wartally.records`` (every command does) does not compile the
    extractor's rules.  ``wartally.extract`` is the extraction subpackage,
    callable as the function (see extract/__init__.py)."""
    if name == "extract":
        return importlib.import_module("wartally.extract")
    if name in ("process", "read"):
        return getattr(importlib.import_module("wartally.api"), name)
    raise AttributeError(f"module 'wartally' has no attribute {name!r}")
