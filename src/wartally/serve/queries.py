"""Read queries the web API answers, written against store/schema.sql.

Filters are the CLI's (place, admin1, start, end, outcome, victims, source,
actor).  A figure passes a date filter when its period overlaps [start, end];
an event passes when one of its figures passes, so that a filter selects the
same figures on every endpoint.  Every function takes a DuckDB connection (a
cursor per thread) and returns plain dicts ready for JSON.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

# Spellings of governorates that name the same one (gold guide: OCHA's
# spellings are accepted as the common English ones).
ADMIN1_ALIASES = {
    "idleb": "idlib",
    "lattakia": "latakia",
    "al-hasakeh": "al-hasakah",
    "hasakah": "al-hasakah",
    "rural damascus": "rif dimashq",
    "deir-ez-zor": "deir ez-zor",
    "dar'a": "daraa",
    "ar-raqqa": "raqqa",
    "as-sweida": "as-suwayda",
}


def fold_admin1(name: str) -> str:
    key = name.strip().lower()
    return ADMIN1_ALIASES.get(key, key)


@dataclass(frozen=True, slots=True)
class FigureFilter:
    """The filters every listing accepts; None means 'any'."""

    place: str | None = None
    admin1: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    outcome: str | None = None
    victims: str | None = None
    source: str | None = None
    actor: str | None = None


def figure_where(flt: FigureFilter, alias: str = "f") -> tuple[str, list[Any]]:
    """A SQL condition over the figures table (aliased) and its parameters."""
    a = alias
    conds: list[str] = []
    params: list[Any] = []
    if flt.place:
        conds.append(f"(lower({a}.place) = lower(?) OR lower({a}.place_mention) = lower(?))")
        params += [flt.place, flt.place]
    if flt.admin1:
        conds.append(f"{_admin1_sql(a + '.admin1')} = ?")
        params.append(fold_admin1(flt.admin1))
    if flt.start:
        conds.append(f"coalesce({a}.end_date, {a}.start_date) >= ?")
        params.append(flt.start)
    if flt.end:
        conds.append(f"coalesce({a}.start_date, {a}.end_date) <= ?")
        params.append(flt.end)
    if flt.outcome:
        conds.append(f"{a}.outcome = ?")
        params.append(str(flt.outcome))
    if flt.victims:
        conds.append(f"{a}.victims = ?")
        params.append(str(flt.victims))
    if flt.source:
        conds.append(f"lower({a}.source) = lower(?)")
        params.append(flt.source)
    if flt.actor:
        conds.append(f"list_contains(list_transform(string_split(lower({a}.actor), ';'), lambda x: trim(x)), lower(?))")
        params.append(flt.actor.strip())
    return (" AND ".join(conds) or "TRUE"), params


def _admin1_sql(col: str) -> str:
    q = lambda s: "'" + s.replace("'", "''") + "'"  # noqa: E731
    cases = " ".join(f"WHEN {q(k)} THEN {q(v)}" for k, v in ADMIN1_ALIASES.items())
    return f"(CASE lower(trim({col})) {cases} ELSE lower(trim({col})) END)"


def _rows(cur, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, (_plain(v) for v in row))) for row in cur.fetchall()]


def _plain(v: Any) -> Any:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    return v


FIGURE_COLUMNS = """f.id, f.doc_id, f.outcome, f.n, f.qualifier, f.victims, f.side, f.part_of,
    f.kind, f.place, f.place_mention, f.lat, f.lon, f.country, f.admin1, f.admin2, f.admin3,
    f.where_prec, f.start_date AS start, f.end_date AS "end", f.date_precision, f.source,
    f.actor, f.weapon, f.quote, f.number_start, f.number_end, f.sentence_start, f.sentence_end"""


def select_figures(con, flt: FigureFilter, *, limit: int = 100, offset: int = 0) -> tuple[list[dict], int]:
    """Figures passing ``flt``, newest first, with their document's title and outlet."""
    where, params = figure_where(flt)
    total = con.execute(f"SELECT count(*) FROM figures f WHERE {where}", params).fetchone()[0]
    rows = _rows(
        con,
        f"""SELECT {FIGURE_COLUMNS}, d.title AS doc_title, d.outlet, d.published,
                   (SELECT min(ef.event_id) FROM event_figures ef WHERE ef.figure_id = f.id) AS event_id
            FROM figures f LEFT JOIN documents d ON d.id = f.doc_id
            WHERE {where}
            ORDER BY f.start_date DESC NULLS LAST, f.doc_id, f.number_start
            LIMIT ? OFFSET ?""",
        params + [limit, offset],
    )
    return rows, total


def _event_ids_sql(flt: FigureFilter) -> tuple[str, list[Any]]:
    where, params = figure_where(flt)
    return (
        f"SELECT DISTINCT ef.event_id FROM event_figures ef JOIN figures f ON f.id = ef.figure_id WHERE {where}",
        params,
    )


EVENT_COLUMNS = """e.id, e.start_date AS start, e.end_date AS "end", e.date_precision, e.place,
    e.lat, e.lon, e.country, e.admin1, e.admin2, e.admin3, e.where_prec, e.event_type,
    e.sub_event_type, e.actors, e.n_documents, e.n_reports"""


def _attach_counts(con, events: list[dict]) -> list[dict]:
    if not events:
        return events
    ids = [e["id"] for e in events]
    counts = _rows(
        con,
        "SELECT event_id, outcome, victims, low, best, high, rule FROM event_counts "
        "WHERE list_contains(?, event_id) ORDER BY outcome, victims",
        [ids],
    )
    by_event: dict[str, list[dict]] = {}
    for c in counts:
        by_event.setdefault(c.pop("event_id"), []).append(c)
    for e in events:
        e["counts"] = by_event.get(e["id"], [])
        e["killed"] = max((c["best"] for c in e["counts"] if c["outcome"] == "killed"), default=0)
        e["injured"] = max((c["best"] for c in e["counts"] if c["outcome"] == "injured"), default=0)
        e["displaced"] = max((c["best"] for c in e["counts"] if c["outcome"] == "displaced"), default=0)
    return events


def select_events(con, flt: FigureFilter, *, limit: int = 100, offset: int = 0) -> tuple[list[dict], int]:
    """Events with at least one figure passing ``flt``, newest first."""
    sub, params = _event_ids_sql(flt)
    total = con.execute(f"SELECT count(*) FROM ({sub})", params).fetchone()[0]
    rows = _rows(
        con,
        f"""SELECT {EVENT_COLUMNS} FROM events e WHERE e.id IN ({sub})
            ORDER BY e.start_date DESC NULLS LAST, e.id LIMIT ? OFFSET ?""",
        params + [limit, offset],
    )
    return _attach_counts(con, rows), total


def get_event(con, event_id: str) -> dict | None:
    """One event with its counts, figures (and their documents) and links."""
    rows = _rows(con, f"SELECT {EVENT_COLUMNS} FROM events e WHERE e.id = ?", [event_id])
    if not rows:
        return None
    event = _attach_counts(con, rows)[0]
    event["figures"] = _rows(
        con,
        f"""SELECT {FIGURE_COLUMNS}, d.title AS doc_title, d.outlet, d.published, d.url
            FROM event_figures ef JOIN figures f ON f.id = ef.figure_id
            LEFT JOIN documents d ON d.id = f.doc_id
            WHERE ef.event_id = ? ORDER BY d.published NULLS LAST, f.doc_id, f.number_start""",
        [event_id],
    )
    event["links"] = _links(con, event_id)
    return event


def _links(con, event_id: str) -> list[dict]:
    links = _rows(
        con, "SELECT figure_a, figure_b, score, evidence FROM links WHERE event_id = ? ORDER BY score DESC", [event_id]
    )
    for link in links:
        ev = link["evidence"]
        link["evidence"] = json.loads(ev) if isinstance(ev, str) else (ev or [])
    return links


def get_document(con, doc_id: str) -> dict | None:
    """One document with its text, figures, and for each figure the other
    reports of the same event."""
    rows = _rows(
        con,
        "SELECT id, title, published, outlet, url, language, content_hash, text FROM documents WHERE id = ?",
        [doc_id],
    )
    if not rows:
        return None
    doc = rows[0]
    doc["figures"] = _rows(
        con,
        f"""SELECT {FIGURE_COLUMNS},
                   (SELECT min(ef.event_id) FROM event_figures ef WHERE ef.figure_id = f.id) AS event_id
            FROM figures f WHERE f.doc_id = ? ORDER BY f.number_start""",
        [doc_id],
    )
    event_ids = sorted({f["event_id"] for f in doc["figures"] if f["event_id"]})
    doc["related"] = _rows(
        con,
        f"""SELECT ef.event_id, {FIGURE_COLUMNS}, d.title AS doc_title, d.outlet, d.published
            FROM event_figures ef JOIN figures f ON f.id = ef.figure_id
            LEFT JOIN documents d ON d.id = f.doc_id
            WHERE list_contains(?, ef.event_id) AND f.doc_id <> ?
            ORDER BY ef.event_id, d.published NULLS LAST""",
        [event_ids, doc_id],
    )
    doc["links"] = [link | {"event_id": e} for e in event_ids for link in _links(con, e)]
    return doc


def select_disagreements(con, flt: FigureFilter, *, limit: int = 100, offset: int = 0) -> tuple[list[dict], int]:
    """Pairs of tallies from different sources, with the filters applied to
    their common fields (outcome, victims, area, either source, period)."""
    conds, params = [], []
    if flt.outcome:
        conds.append("dg.outcome = ?")
        params.append(str(flt.outcome))
    if flt.victims:
        conds.append("dg.victims = ?")
        params.append(str(flt.victims))
    if flt.admin1 or flt.place:
        conds.append(f"{_admin1_sql('dg.area')} = ?")
        params.append(fold_admin1(flt.admin1 or flt.place or ""))
    if flt.source:
        conds.append("(lower(dg.source_a) = lower(?) OR lower(dg.source_b) = lower(?))")
        params += [flt.source, flt.source]
    if flt.start:
        conds.append("greatest(dg.end_a, dg.end_b) >= ?")
        params.append(flt.start)
    if flt.end:
        conds.append("least(dg.start_a, dg.start_b) <= ?")
        params.append(flt.end)
    where = " AND ".join(conds) or "TRUE"
    total = con.execute(f"SELECT count(*) FROM disagreements dg WHERE {where}", params).fetchone()[0]
    rows = _rows(
        con,
        f"""SELECT dg.*, fa.quote AS quote_a, fa.doc_id AS doc_a, fb.quote AS quote_b, fb.doc_id AS doc_b
            FROM disagreements dg
            LEFT JOIN figures fa ON fa.id = dg.figure_a LEFT JOIN figures fb ON fb.id = dg.figure_b
            WHERE {where} ORDER BY abs(dg.difference) DESC, dg.id LIMIT ? OFFSET ?""",
        params + [limit, offset],
    )
    return rows, total


def timeline(con, flt: FigureFilter, *, max_days: int = 7) -> list[dict]:
    """People per day by outcome and victim group, from incident figures
    (periods of at most ``max_days``), each counted on its first day.
    Subsets (``part_of``) are left out so that stacked groups do not count
    a person twice."""
    where, params = figure_where(flt)
    return _rows(
        con,
        f"""SELECT f.start_date AS day, f.outcome, f.victims, sum(f.n)::BIGINT AS n, count(*) AS figures
            FROM figures f
            WHERE {where} AND f.start_date IS NOT NULL AND f.part_of IS NULL
              AND date_diff('day', f.start_date, coalesce(f.end_date, f.start_date)) < ?
            GROUP BY ALL ORDER BY day, f.outcome, f.victims""",
        params + [max_days],
    )


def stats(con) -> dict:
    """Totals and the values the page offers as filter choices."""
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    first, last = con.execute("SELECT min(start_date), max(end_date) FROM figures").fetchone()
    return {
        "documents": one("SELECT count(*) FROM documents"),
        "figures": one("SELECT count(*) FROM figures"),
        "events": one("SELECT count(*) FROM events"),
        "links": one("SELECT count(*) FROM links"),
        "disagreements": one("SELECT count(*) FROM disagreements"),
        "first": _plain(first),
        "last": _plain(last),
        "by_outcome": _rows(
            con, "SELECT outcome, count(*) AS figures, sum(n)::BIGINT AS n FROM figures GROUP BY ALL ORDER BY 1", []
        ),
        "admin1": [r[0] for r in con.execute("SELECT DISTINCT admin1 FROM figures WHERE admin1 IS NOT NULL ORDER BY 1").fetchall()],
        "sources": [r[0] for r in con.execute("SELECT source FROM figures WHERE source IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1").fetchall()],
        "actors": [
            r[0]
            for r in con.execute(
                "SELECT DISTINCT trim(a) FROM (SELECT unnest(string_split(actor, ';')) AS a FROM figures WHERE actor IS NOT NULL) ORDER BY 1"
            ).fetchall()
        ],
    }
