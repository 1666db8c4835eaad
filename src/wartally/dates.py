"""Publication dates given by users and inputs: what is accepted, and one
clear error for everything else.

Accepted: a ``datetime.date``; a ``datetime.datetime`` (its date part: a
figure's period is in days, and a time of day must not leak into it); an
ISO string ``YYYY-MM-DD`` or an ISO timestamp ``YYYY-MM-DDTHH:MM[:SS...]``
(its date part), with surrounding spaces ignored.  The year must lie in
``FIRST``..``LAST``, so that relative dates ("three years ago", "next
week") can always be resolved.
"""
from __future__ import annotations

import datetime as dt

FIRST = dt.date(1800, 1, 1)
LAST = dt.date(2199, 12, 31)
ACCEPTED = "a datetime.date, a datetime.datetime (its date is used) or an ISO date string 'YYYY-MM-DD'"


def publication_date(value: object, name: str = "published") -> dt.date | None:
    """``value`` as a date (None for None or ""); ``TypeError`` for a value
    of another type and ``ValueError`` for a string that is not an ISO date
    or a date out of range, each naming ``name`` and the accepted forms."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        date = value.date()
    elif isinstance(value, dt.date):
        date = value
    elif isinstance(value, str):
        date = _from_iso(value, name)
        if date is None:
            return None
    else:
        raise TypeError(f"{name} must be {ACCEPTED}, or None; got {type(value).__name__} {_short(value)}")
    if not FIRST <= date <= LAST:
        raise ValueError(f"{name} {date.isoformat()} is out of range: give a date from {FIRST} to {LAST}")
    return date


def _from_iso(text: str, name: str) -> dt.date | None:
    stripped = text.strip()
    if not stripped:
        return None
    try:
        if len(stripped) == 10:
            return dt.date.fromisoformat(stripped)
        if len(stripped) > 10 and stripped[10] in "T ":
            return dt.datetime.fromisoformat(stripped).date()
    except ValueError:
        pass
    raise ValueError(f"{name} {_short(text)} is not an ISO date: give {ACCEPTED} (e.g. '2019-06-04')")


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
