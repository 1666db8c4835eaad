"""wartally: casualty and displacement figures from conflict news, sourced,
deduplicated and mapped.

    >>> import wartally
    >>> figs = wartally.extract("Airstrikes killed 12 civilians in Ariha on Monday, "
    ...                         "the Syrian Observatory for Human Rights said.",
    ...                         published="2019-06-03")
"""
from wartally.api import extract, process, read
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
