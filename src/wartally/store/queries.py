"""Queries over the store shared by the CLI and the web API.

Every function takes a DuckDB connection (``Store.con``) and a
``FigureFilter``; values from the user only ever travel as SQL parameters.
Rows come back as JSON-ready dicts (dates as ISO strings).
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass
from typing import Any

from wartally.data.tables import governorates
from wartally.link.storage import scope_condition

FIGURE_FIELDS = (
    "id", "doc_id", "outcome", "n", "qualifier", "victims", "side", "part_of", "kind",
    "place_mention", "place", "lat", "lon", "country", "admin1", "admin1_pcode", "admin2",
    "admin2_pcode", "admin3", "admin3_pcode", "where_prec", "geo_reason", "start_date",
    "end_date", "date_precision", "date_tolerance_days", "source", "actor", "weapon", "quote",
    "number_start", "number_end", "sentence_start", "sentence_end", "rules", "reviewed", "review_status",
)
EVENT_FIELDS = (
    "id", "start_date", "end_date", "date_precision", "place", "lat", "lon", "country",
    "admin1", "admin2", "admin3", "where_prec", "event_type", "sub_event_type", "actors",
    "n_documents", "n_reports", "evidence", "reviewed",
)
DOC_FIELDS = ("outlet", "published", "title", "url")


@dataclass(frozen=True, slots=True)
class FigureFilter:
    """Which figures (and events, disagreements) to select; all optional.

    ``place`` matches a place, its mention or any admin unit (case-insensitive,
    governorate spellings folded: Idleb = Idlib); ``admin1`` only the
    governorate; ``start``/``end`` keep what overlaps the period.
    """

    place: str | None = None
    admin1: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    outcome: str | None = None
    victims: str | None = None
    source: str | None = None
    actor: str | None = None


def _key(name: str) -> str:
    name = re.sub(r"\bgovernorate\b", "", name.lower())
    return re.sub(r"[^0-9a-z\u0600-\u06ff]", "", name)


@functools.cache
def _admin1_table() -> dict[str, tuple[str, frozenset[str]]]:
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for g in governorates():
        keys = frozenset({_key(g.name), g.pcode.lower()} | {_key(o) for o in g.spellings})
        for k in keys:
            out[k] = (g.name, keys)
    return out


def admin1_name(name: str | None) -> str | None:
    """The gold guide's spelling of a governorate name (Idleb -> Idlib)."""
    if not name:
        return name
    hit = _admin1_table().get(_key(name))
    return hit[0] if hit else name


def admin1_keys(name: str) -> list[str]:
    """Normalised spellings of a governorate, to compare with ``_KEY_SQL``."""
    hit = _admin1_table().get(_key(name))
    return sorted(hit[1]) if hit else [_key(name)]


def _key_sql_simple(col: str) -> str:
    return f"regexp_replace(lower(coalesce({col}, '')), '[^0-9a-z]', '', 'g')"


def _admin1_sql(col: str, value: str) -> tuple[str, list[Any]]:
    """``col`` is the governorate ``value`` names.  Spellings are compared
    by their letters and digits (Idleb = Idlib); a value with none of them
    ("???", "%") has no spelling to fold and matches only an ``admin1``
    that is exactly that text, never the rows without a governorate."""
    if not _key(value):
        return f"lower({col}) = lower(?)", [value]
    return f"{_key_sql_simple(col)} IN (SELECT unnest(?))", [admin1_keys(value)]


def filter_sql(flt: FigureFilter, a: str = "f") -> tuple[str, list[Any]]:
    """WHERE clause over figures aliased ``a`` (and documents ``d``).  User
    text is compared as literal text (equality or ``position``, never LIKE)."""
    conds: list[str] = [f"{a}.review_status IS DISTINCT FROM 'rejected'"]  # analysts' rejects are no figures
    params: list[Any] = []
    if flt.admin1:
        cond, pp = _admin1_sql(a + ".admin1", flt.admin1)
        conds.append(cond)
        params += pp
    if flt.place:
        cols = [f"{a}.{c}" for c in ("place", "place_mention", "admin2", "admin3")]
        ors = [f"lower({c}) = lower(?)" for c in cols]
        params += [flt.place] * len(cols)
        cond, pp = _admin1_sql(a + ".admin1", flt.place)
        ors.append(cond)
        params += pp
        conds.append("(" + " OR ".join(ors) + ")")
    if flt.start:
        conds.append(f"coalesce({a}.end_date, {a}.start_date) >= ?")
        params.append(flt.start)
    if flt.end:
        conds.append(f"coalesce({a}.start_date, {a}.end_date) <= ?")
        params.append(flt.end)
    if flt.outcome:
        conds.append(f"{a}.outcome = lower(?)")
        params.append(str(flt.outcome))
    if flt.victims:
        conds.append(f"{a}.victims = lower(?)")
        params.append(str(flt.victims))
    if flt.source:
        conds.append(f"lower({a}.source) = lower(?)")
        params.append(flt.source)
    if flt.actor:
        conds.append(f"position(lower(?) IN lower(coalesce({a}.actor, ''))) > 0")
        params.append(flt.actor)
    return (" AND ".join(conds) or "TRUE"), params


def _jsonable(v: Any) -> Any:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    return v


def as_dicts(cur: Any) -> list[dict[str, Any]]:
    """The rows of a DuckDB cursor as dicts by column name."""
    names = [d[0] for d in cur.description]
    out = []
    for r in cur.fetchall():
        d = {k: _jsonable(v) for k, v in zip(names, r)}
        for k in ("rules", "evidence"):
            if isinstance(d.get(k), str):
                d[k] = json.loads(d[k])
        out.append(d)
    return out


#: The largest offset or limit a query takes (DuckDB's are 64-bit; callers
#: validate user input against this and answer a usage error above it).
MAX_PAGE = 2**62


def _page(limit: int | None, offset: int) -> tuple[str, list[Any]]:
    offset = min(max(0, int(offset)), MAX_PAGE)
    if limit is None:
        return " OFFSET ?", [offset]
    return " LIMIT ? OFFSET ?", [min(max(0, int(limit)), MAX_PAGE), offset]


FIGURE_SELECT = (", ".join(f"f.{c}" for c in FIGURE_FIELDS) + ", " + ", ".join(f"d.{c}" for c in DOC_FIELDS))
FIGURE_FROM = " FROM figures f LEFT JOIN documents d ON d.id = f.doc_id "


def select_figures(con: Any, flt: FigureFilter = FigureFilter(), *, limit: int | None = None,
                   offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Figures matching ``flt`` (with their document's outlet, date, title,
    url), oldest first, and how many match in all."""
    where, params = filter_sql(flt)
    total = con.execute("SELECT count(*)" + FIGURE_FROM + "WHERE " + where, params).fetchone()[0]
    page, pp = _page(limit, offset)
    cur = con.execute(
        "SELECT " + FIGURE_SELECT + FIGURE_FROM + "WHERE " + where
        + " ORDER BY f.start_date NULLS LAST, f.doc_id, f.number_start, f.id" + page, params + pp)
    return as_dicts(cur), total


def iter_figures(con: Any, flt: FigureFilter = FigureFilter(), *, chunk: int = 2000):
    """Every matching figure, streamed (for exports of any size)."""
    where, params = filter_sql(flt)
    cur = con.cursor()
    cur.execute("SELECT " + FIGURE_SELECT + FIGURE_FROM + "WHERE " + where
                + " ORDER BY f.start_date NULLS LAST, f.doc_id, f.number_start, f.id", params)
    names = [d[0] for d in cur.description]
    while batch := cur.fetchmany(chunk):
        for r in batch:
            d = {k: _jsonable(v) for k, v in zip(names, r)}
            if isinstance(d.get("rules"), str):
                d["rules"] = json.loads(d["rules"])
            yield d
    cur.close()


def _event_where(flt: FigureFilter) -> tuple[str, list[Any]]:
    """Events whose figures match the filter (place, source, actor...)."""
    where, params = filter_sql(flt)
    return ("e.id IN (SELECT ef.event_id FROM event_figures ef JOIN figures f ON f.id = ef.figure_id "
            "LEFT JOIN documents d ON d.id = f.doc_id WHERE " + where + ")"), params


def _counts_for(con: Any, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    if not ids:
        return out
    cur = con.execute("SELECT event_id, outcome, victims, low, best, high, rule FROM event_counts "
                      "WHERE event_id IN (SELECT unnest(?)) ORDER BY event_id, outcome, victims", [ids])
    for r in as_dicts(cur):
        out[r.pop("event_id")].append(r)
    return out


def select_events(con: Any, flt: FigureFilter = FigureFilter(), limit: int | None = None,
                  offset: int = 0) -> tuple[list[dict[str, Any]], int]:
    """Events with any figure matching ``flt``, each with its ``counts`` and
    ``figure_ids``/``doc_ids``; and how many match in all."""
    where, params = _event_where(flt)
    total = con.execute("SELECT count(*) FROM events e WHERE " + where, params).fetchone()[0]
    page, pp = _page(limit, offset)
    cur = con.execute("SELECT " + ", ".join(f"e.{c}" for c in EVENT_FIELDS) + " FROM events e WHERE " + where
                      + " ORDER BY e.start_date NULLS LAST, e.id" + page, params + pp)
    events = as_dicts(cur)
    ids = [e["id"] for e in events]
    counts = _counts_for(con, ids)
    members: dict[str, list[tuple[str, str]]] = {i: [] for i in ids}
    if ids:
        for eid, fid, did in con.execute(
                "SELECT event_id, figure_id, doc_id FROM event_figures WHERE event_id IN (SELECT unnest(?)) "
                "ORDER BY event_id, doc_id, figure_id", [ids]).fetchall():
            members[eid].append((fid, did))
    for e in events:
        e["counts"] = counts[e["id"]]
        e["figure_ids"] = [f for f, _ in members[e["id"]]]
        e["doc_ids"] = sorted({d for _, d in members[e["id"]]})
    return events, total


def get_event(con: Any, event_id: str) -> dict[str, Any] | None:
    """One event with its counts, figures (with their documents) and links."""
    cur = con.execute("SELECT " + ", ".join(f"e.{c}" for c in EVENT_FIELDS) + " FROM events e WHERE e.id = ?",
                      [event_id])
    got = as_dicts(cur)
    if not got:
        return None
    ev = got[0]
    ev["counts"] = _counts_for(con, [event_id])[event_id]
    ev["figures"] = as_dicts(con.execute(
        "SELECT " + FIGURE_SELECT + FIGURE_FROM + "WHERE f.id IN (SELECT figure_id FROM event_figures WHERE event_id = ?) "
        "ORDER BY f.doc_id, f.number_start", [event_id]))
    ev["links"] = as_dicts(con.execute(
        "SELECT figure_a, figure_b, score, evidence FROM links WHERE event_id = ? ORDER BY figure_a, figure_b",
        [event_id]))
    return ev


def get_document(con: Any, doc_id: str) -> dict[str, Any] | None:
    """One document (with its text) and its figures."""
    got = as_dicts(con.execute(
        "SELECT id, content_hash, title, published, outlet, url, origin, language, text, ingested_at "
        "FROM documents WHERE id = ?", [doc_id]))
    if not got:
        return None
    doc = got[0]
    doc["figures"] = as_dicts(con.execute(
        "SELECT " + FIGURE_SELECT + FIGURE_FROM + "WHERE f.doc_id = ? AND f.review_status IS DISTINCT FROM "
        "'rejected' ORDER BY f.number_start, f.id", [doc_id]))
    return doc


def select_disagreements(con: Any, flt: FigureFilter = FigureFilter(), limit: int | None = None,
                         offset: int = 0, scope: str = "tally") -> tuple[list[dict[str, Any]], int]:
    """Disagreements of ``scope`` (tally: running totals, the default;
    incident: rival tolls of one incident, candidates to review; all) where
    either figure matches ``flt``, largest difference first."""
    in_scope, scope_params = scope_condition(scope, "x.scope")
    where, params = filter_sql(flt)
    cond = ("(x.figure_a IN (SELECT f.id FROM figures f LEFT JOIN documents d ON d.id = f.doc_id WHERE " + where
            + ") OR x.figure_b IN (SELECT f.id FROM figures f LEFT JOIN documents d ON d.id = f.doc_id WHERE "
            + where + "))")
    cond += " AND " + in_scope
    params = params + params + scope_params
    total = con.execute("SELECT count(*) FROM disagreements x WHERE " + cond, params).fetchone()[0]
    page, pp = _page(limit, offset)
    cur = con.execute(
        "SELECT x.id, x.outcome, x.victims, x.area, x.figure_a, x.source_a, x.n_a, x.qualifier_a, x.start_a, "
        "x.end_a, x.figure_b, x.source_b, x.n_b, x.qualifier_b, x.start_b, x.end_b, x.difference, x.overlap_days, "
        "x.verdict, x.scope, x.kind, x.event_id, x.evidence AS why, json_array_length(x.docs_a) AS articles_a, json_array_length(x.docs_b) AS articles_b, "
        "fa.quote AS quote_a, fa.doc_id AS doc_a, fb.quote AS quote_b, fb.doc_id AS doc_b "
        "FROM disagreements x LEFT JOIN figures fa ON fa.id = x.figure_a LEFT JOIN figures fb ON fb.id = x.figure_b "
        "WHERE " + cond + " ORDER BY abs(x.difference) DESC, x.id" + page, params + pp)
    return as_dicts(cur), total


def stats(con: Any, flt: FigureFilter = FigureFilter()) -> dict[str, Any]:
    """Counts for a dashboard: documents, figures, events, sources; figures
    by outcome, victims, admin1 and source; and reconciled event totals
    (sum of best, low, high) by outcome and victims."""
    where, params = filter_sql(flt)
    base = FIGURE_FROM + "WHERE " + where
    one = con.execute("SELECT count(*), count(DISTINCT f.doc_id), count(DISTINCT f.source)" + base,
                      params).fetchone()

    def by(col: str) -> dict[str, int]:
        got = con.execute(f"SELECT coalesce({col}, ''), count(*)" + base + " GROUP BY 1 ORDER BY 2 DESC, 1",
                          params).fetchall()
        return {k: v for k, v in got}

    ew, ep = _event_where(flt)
    n_events = con.execute("SELECT count(*) FROM events e WHERE " + ew, ep).fetchone()[0]
    totals = [
        {"outcome": o, "victims": v, "low": lo, "best": b, "high": h, "events": n}
        for o, v, lo, b, h, n in con.execute(
            "SELECT c.outcome, c.victims, sum(c.low), sum(c.best), sum(c.high), count(DISTINCT c.event_id) "
            "FROM event_counts c JOIN events e ON e.id = c.event_id WHERE " + ew
            + " GROUP BY 1, 2 ORDER BY 1, 2", ep).fetchall()
    ]
    span = con.execute("SELECT min(coalesce(f.start_date, f.end_date)), max(coalesce(f.end_date, f.start_date))"
                       + base, params).fetchone()
    return {
        "figures": one[0],
        "documents": one[1],
        "sources": one[2],
        "events": n_events,
        "first_date": _jsonable(span[0]),
        "last_date": _jsonable(span[1]),
        "by_outcome": by("f.outcome"),
        "by_victims": by("f.victims"),
        "by_admin1": by("f.admin1"),
        "by_source": by("f.source"),
        "event_totals": totals,
    }
