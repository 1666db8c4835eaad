"""What the web API reads: the store's shared queries (so the CLI and the
API filter identically), plus what only the page needs: the event of each
figure, the other reports of a document's events, deaths per event for the
map, and people per day for the timeline.

Every function takes a DuckDB connection (a cursor per thread) and returns
JSON-ready dicts.
"""
from __future__ import annotations

from typing import Any

from wartally.export.tallies import store_series
from wartally.link.series import series_json
from wartally.store import queries as sq
from wartally.store.queries import FigureFilter

__all__ = [
    "FigureFilter",
    "get_document",
    "get_event",
    "select_disagreements",
    "select_events",
    "select_figures",
    "stats",
    "tallies",
    "timeline",
]


def _rows(con: Any, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    return sq.as_dicts(con.execute(sql, params))


def _event_of(con: Any, figure_ids: list[str]) -> dict[str, str]:
    if not figure_ids:
        return {}
    got = con.execute(
        "SELECT figure_id, min(event_id) FROM event_figures WHERE figure_id IN (SELECT unnest(?)) GROUP BY 1",
        [figure_ids],
    ).fetchall()
    return dict(got)


def _with_events(con: Any, figures: list[dict]) -> list[dict]:
    events = _event_of(con, [f["id"] for f in figures])
    for f in figures:
        f["event_id"] = events.get(f["id"])
    return figures


def _with_deaths(event: dict) -> dict:
    """The largest best count of each outcome (victim groups overlap, so
    they are not summed): what the map sizes a marker by."""
    for outcome in ("killed", "injured", "displaced"):
        event[outcome] = max((c["best"] for c in event.get("counts", ()) if c["outcome"] == outcome), default=0)
    return event


def select_figures(con: Any, flt: FigureFilter, *, limit: int = 100, offset: int = 0) -> tuple[list[dict], int]:
    rows, total = sq.select_figures(con, flt, limit=limit, offset=offset)
    return _with_events(con, rows), total


def select_events(con: Any, flt: FigureFilter, *, limit: int = 100, offset: int = 0) -> tuple[list[dict], int]:
    rows, total = sq.select_events(con, flt, limit=limit, offset=offset)
    return [_with_deaths(e) for e in rows], total


def get_event(con: Any, event_id: str) -> dict | None:
    event = sq.get_event(con, event_id)
    return _with_deaths(event) if event else None


def get_document(con: Any, doc_id: str) -> dict | None:
    """The document, its figures (with their events), and the figures of
    other documents in those events, with the links' evidence."""
    doc = sq.get_document(con, doc_id)
    if doc is None:
        return None
    doc.pop("ingested_at", None)
    _with_events(con, doc["figures"])
    event_ids = sorted({f["event_id"] for f in doc["figures"] if f["event_id"]})
    doc["related"] = _rows(
        con,
        "SELECT ef.event_id, f.id, f.doc_id, f.outcome, f.n, f.qualifier, f.victims, f.source, f.quote, "
        "f.start_date, f.end_date, f.place, d.title, d.outlet, d.published "
        "FROM event_figures ef JOIN figures f ON f.id = ef.figure_id LEFT JOIN documents d ON d.id = f.doc_id "
        "WHERE ef.event_id IN (SELECT unnest(?)) AND f.doc_id <> ? "
        "ORDER BY ef.event_id, d.published NULLS LAST, f.doc_id, f.number_start",
        [event_ids, doc_id],
    )
    doc["links"] = _rows(
        con,
        "SELECT event_id, figure_a, figure_b, score, evidence FROM links WHERE event_id IN (SELECT unnest(?)) "
        "ORDER BY event_id, score DESC",
        [event_ids],
    )
    return doc


def select_disagreements(con: Any, flt: FigureFilter, *, limit: int = 100, offset: int = 0,
                         scope: str = "tally") -> tuple[list[dict], int]:
    return sq.select_disagreements(con, flt, limit=limit, offset=offset, scope=scope)


def tallies(con: Any, flt: FigureFilter) -> list[dict]:
    """Each source's running totals (link/series.py) among the tallies that
    pass the filters."""
    return [series_json(s) for s in store_series(con, flt)]


def timeline(con: Any, flt: FigureFilter, *, max_days: int = 7) -> list[dict]:
    """People per day by outcome and victim group, from incident figures
    (not tallies, and periods of at most ``max_days``), each counted on its
    first day.
    Subsets (``part_of``) are left out so that stacked groups do not count
    a person twice; reports of one incident are not yet deduplicated."""
    where, params = sq.filter_sql(flt)
    return _rows(
        con,
        "SELECT f.start_date AS day, f.outcome, f.victims, sum(f.n)::BIGINT AS n, count(*) AS figures "
        "FROM figures f LEFT JOIN documents d ON d.id = f.doc_id "
        f"WHERE {where} AND f.start_date IS NOT NULL AND f.part_of IS NULL AND f.kind IS DISTINCT FROM 'tally' "
        "AND date_diff('day', f.start_date, coalesce(f.end_date, f.start_date)) < ? "
        "GROUP BY ALL ORDER BY day, f.outcome, f.victims",
        params + [max_days],
    )


def stats(con: Any, flt: FigureFilter | None = None) -> dict:
    """The store's counts, and the values the page offers as filter choices."""
    out = sq.stats(con, flt or FigureFilter())
    out["disagreements"] = con.execute("SELECT count(*) FROM disagreements").fetchone()[0]
    out["admin1"] = sorted(k for k in out["by_admin1"] if k)
    out["source_names"] = [k for k in out["by_source"] if k]
    out["actors"] = [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT trim(a) FROM (SELECT unnest(string_split(actor, ';')) AS a FROM figures "
            "WHERE actor IS NOT NULL) WHERE trim(a) <> '' ORDER BY 1"
        ).fetchall()
    ]
    return out
