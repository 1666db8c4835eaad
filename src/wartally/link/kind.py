"""Incident or tally: is a figure one attack or clash, or a running total?

An incident covers one attack or clash, a day or a night.  A tally covers a
longer period ("288 civilians since 30 April", "more than 370,000 since
2011") or a whole country.  Tallies are never added to incidents.
"""
from __future__ import annotations

from enum import StrEnum

from wartally.link.lexicon import load, search
from wartally.link.unit import date_rule
from wartally.records import DatePrecision, Figure

MAX_INCIDENT_DAYS = 3
_LONG = {DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.MONTHS,
         DatePrecision.YEAR, DatePrecision.YEARS}


class Kind(StrEnum):
    INCIDENT = "incident"
    TALLY = "tally"


def classify(figure: Figure, sentence: str | None = None) -> str:
    """``"incident"`` or ``"tally"`` for one figure (see module doc);
    ``sentence``: the text of the figure's sentence, when known."""
    return str(classify_why(figure, sentence)[0])


def _near_number(figure: Figure, before: int = 30) -> str:
    """The quote from a little before the number to its end: phrases far
    before the number ("the first death since the attack that killed 87")
    belong to another clause."""
    quote = figure.quote or ""
    at = quote.find(figure.number_span.text) if figure.number_span.text else -1
    return quote if at < 0 else quote[max(0, at - before):]


def classify_why(figure: Figure, sentence: str | None = None) -> tuple[Kind, str]:
    """The kind and the reason it was chosen."""
    quote = _near_number(figure)
    days = figure.period.days
    rule = date_rule(figure)
    if (rule in load("comparison")["dates"]["vague_point_rules"] and not search("tally", quote)
            and search("single_incident", sentence or figure.quote or "")):
        # "earlier this week a chemical attack hit ...": one day of that week
        return Kind.INCIDENT, f"one attack on a day of a vague period ({rule})"
    if (rule in load("comparison")["dates"]["borrowed_period_rules"] and not search("tally", quote)
            and search("single_incident", sentence or figure.quote or "")):
        # "... struck the town of Urum al Kubra where five civilians were killed", dated "2016" by
        # another sentence: one attack in that period, not a total over it
        return Kind.INCIDENT, f"one attack dated by another sentence's period ({rule})"
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
