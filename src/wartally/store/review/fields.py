"""The fields of a figure an analyst may change: how a value from the page
or the CLI is checked, and how a checked value is set on a figure."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any, Callable

from wartally.records import DatePrecision, Figure, Outcome, Period, Place, Qualifier, Side, Span, Victims
from wartally.store.review.corrections import ReviewError
from wartally.store import codec

FIELDS = ("outcome", "n", "qualifier", "victims", "side", "place", "period", "source", "actor", "weapon",
          "part_of")
MAX_N = 100_000_000
MAX_TEXT = 200


def _enum(cls: type, field: str, value: Any, optional: bool = False) -> str | None:
    if value in (None, "") and optional:
        return None
    try:
        return str(cls(str(value)))
    except ValueError:
        allowed = ", ".join(str(m) for m in cls)
        raise ReviewError("invalid", f"{field}: {str(value)[:40]!r} is not one of {allowed}") from None


def _text(field: str, value: Any) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str) or len(value) > MAX_TEXT or any(ord(ch) < 32 for ch in value):
        raise ReviewError("invalid", f"{field}: give a single line of at most {MAX_TEXT} characters")
    return " ".join(value.split())


def _date(field: str, value: Any) -> str | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat() if len(str(value)) == 10 else _bad_date(field, value)
    except ValueError:
        return _bad_date(field, value)


def _bad_date(field: str, value: Any) -> str:
    raise ReviewError("invalid", f"{field}: {str(value)[:40]!r} is not a YYYY-MM-DD date")


def check(field: str, value: Any, *, place_of: Callable[[str, str], Place | None],
          part_of_key: Callable[[str], dict | None]) -> Any:
    """The JSON value to record for ``field`` (raises ReviewError(invalid)).
    ``place_of(gazetteer_id, mention)``: the gazetteer's place;
    ``part_of_key(figure_id)``: the key of a figure of the same document."""
    if field == "outcome":
        return _enum(Outcome, field, value)
    if field == "qualifier":
        return _enum(Qualifier, field, value)
    if field == "victims":
        return _enum(Victims, field, value)
    if field == "side":
        return _enum(Side, field, value, optional=True)
    if field == "n":
        if isinstance(value, bool) or not isinstance(value, (int, str)) or not str(value).strip().isdigit():
            raise ReviewError("invalid", f"n: {str(value)[:20]!r} is not a whole number")
        n = int(str(value).strip())
        if n > MAX_N:
            raise ReviewError("invalid", f"n: {n} is more than {MAX_N}")
        return n
    if field in ("source", "weapon"):
        return _text(field, value)
    if field == "actor":
        parts = value if isinstance(value, list) else str(value or "").split(";")
        return [a for a in (_text(field, p) for p in parts) if a]
    if field == "period":
        if not isinstance(value, dict):
            raise ReviewError("invalid", "period: give {start, end}")
        start, end = _date("period.start", value.get("start")), _date("period.end", value.get("end"))
        if start and end and start > end:
            raise ReviewError("invalid", f"period: start {start} is after end {end}")
        return {"start": start, "end": end}
    if field == "place":
        if value in (None, "", {}):
            return None
        gid = value.get("gazetteer_id") if isinstance(value, dict) else None
        if not isinstance(gid, str) or not gid:
            raise ReviewError("invalid", "place: pick a place from the gazetteer (gazetteer_id)")
        mention = value.get("mention") if isinstance(value.get("mention"), str) else ""
        place = place_of(gid, mention[:MAX_TEXT])
        if place is None:
            raise ReviewError("invalid", f"place: {gid[:40]!r} is not in the gazetteer")
        return codec.encode(place)
    if field == "part_of":
        if value in (None, ""):
            return None
        key = part_of_key(str(value))
        if key is None:
            raise ReviewError("invalid", f"part_of: {str(value)[:40]!r} is not a figure of the same article")
        return key
    raise ReviewError("invalid", f"{str(field)[:40]!r} is not a field a correction can change "
                                 f"({', '.join(FIELDS)})")


def current(fig: Figure, field: str, key_of: Callable[[str], dict | None]) -> Any:
    """A figure's value of ``field`` in the form ``check`` returns."""
    if field in ("outcome", "qualifier", "victims", "side"):
        v = getattr(fig, field)
        return str(v) if v is not None else None
    if field == "actor":
        return list(fig.actor)
    if field == "period":
        p = fig.period
        return {"start": p.start.isoformat() if p.start else None, "end": p.end.isoformat() if p.end else None}
    if field == "place":
        return codec.encode(fig.place) if fig.place else None
    if field == "part_of":
        return key_of(fig.part_of) if fig.part_of else None
    return getattr(fig, field)


def set_fields(fig: Figure, edits: dict[str, Any], parent_id: Callable[[dict], str | None]) -> Figure:
    """``fig`` with the checked values of ``edits`` set."""
    kw: dict[str, Any] = {}
    for field, value in edits.items():
        if field in ("outcome", "qualifier", "victims", "side"):
            cls = {"outcome": Outcome, "qualifier": Qualifier, "victims": Victims, "side": Side}[field]
            kw[field] = cls(value) if value is not None else None
        elif field in ("n", "source", "weapon"):
            kw[field] = value
        elif field == "actor":
            kw["actor"] = tuple(value or ())
        elif field == "period":
            start = dt.date.fromisoformat(value["start"]) if value.get("start") else None
            end = dt.date.fromisoformat(value["end"]) if value.get("end") else None
            kw["period"] = Period(start, end, _precision(start, end), 1,
                                  Span(fig.doc_id, fig.number_span.start, fig.number_span.end, "", "review"))
        elif field == "place":
            place = codec.decode(Place, value) if value else None
            kw["place"] = place
            if place is not None and place.country:
                kw["area"] = None  # the picked place says where, at whatever level it is
        elif field == "part_of":
            kw["part_of"] = parent_id(value) if value else None
    return replace(fig, **kw)


def _precision(start: dt.date | None, end: dt.date | None) -> DatePrecision:
    if start is None or end is None:
        return DatePrecision.UNKNOWN
    days = (end - start).days + 1
    if days == 1:
        return DatePrecision.DAY
    if days < 8:
        return DatePrecision.DAYS
    if days <= 31:
        return DatePrecision.MONTH if start.day == 1 else DatePrecision.WEEK
    return DatePrecision.MONTHS if days <= 366 else DatePrecision.YEARS
