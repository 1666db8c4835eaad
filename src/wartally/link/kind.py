"""Incident or tally: is a figure one attack or clash, or a running total?

An incident covers one attack or clash, a day or a night.  A tally covers a
longer period ("288 civilians since 30 April", "more than 370,000 since
2011") or a whole country.  Tallies are never added to incidents.
"""
from __future__ import annotations

from enum import StrEnum

from wartally.link.lexicon import search
from wartally.records import DatePrecision, Figure

MAX_INCIDENT_DAYS = 3
_LONG = {DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.MONTHS,
         DatePrecision.YEAR, DatePrecision.YEARS}


class Kind(StrEnum):
    INCIDENT = "incident"
    TALLY = "tally"


def classify(figure: Figure) -> str:
    """``"incident"`` or ``"tally"`` for one figure (see module doc)."""
    return str(classify_why(figure)[0])


def _near_number(figure: Figure, before: int = 30) -> str:
    """The quote from a little before the number to its end: phrases far
    before the number ("the first death since the attack that killed 87")
    belong to another clause."""
    quote = figure.quote or ""
    at = quote.find(figure.number_span.text) if figure.number_span.text else -1
    return quote if at < 0 else quote[max(0, at - before):]


def classify_why(figure: Figure) -> tuple[Kind, str]:
    """The kind and the reason it was chosen."""
    quote = _near_number(figure)
    days = figure.period.days
    if days is not None and days > MAX_INCIDENT_DAYS:
        return Kind.TALLY, f"period of {days} days"
    if figure.period.precision in _LONG:
        return Kind.TALLY, f"date precision {figure.period.precision}"
    hit = search("tally", quote)
    if hit and not search("incident_span", quote):
        return Kind.TALLY, f"tally phrase {hit.group(0)!r}"
    if figure.country and figure.place is None:
        return Kind.TALLY, f"scoped to all of {figure.country}"
    return Kind.INCIDENT, "one day or no longer period"
