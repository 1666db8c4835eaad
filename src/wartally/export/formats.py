"""Writers for ``wartally export``: csv, parquet, geojson (figures or
events), and the event tables of ACLED and UCDP GED.  The mapping rules are
documented in docs/exports.md."""
from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from wartally.export.events import deaths, export_events, fatalities
from wartally.store.queries import (
    DOC_FIELDS,
    FIGURE_FIELDS,
    FigureFilter,
    FIGURE_FROM,
    FIGURE_SELECT,
    filter_sql,
    iter_figures,
)

FORMATS = ("csv", "parquet", "geojson", "acled", "ucdp", "tallies")

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "time_precision", "source",
    "notes", "fatalities",
)
UCDP_COLUMNS = (
    "id", "date_start", "date_end", "date_prec", "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown",
    "best", "low", "high", "where_prec", "country", "adm_1", "adm_2", "latitude", "longitude", "source_article",
    "number_of_sources",
)
EVENT_COLUMNS = (
    "id", "start_date", "end_date", "date_precision", "place", "lat", "lon", "admin1", "admin2", "admin3",
    "where_prec", "event_type", "sub_event_type", "actors", "killed_low", "killed_best", "killed_high",
    "injured_best", "displaced_best", "n_documents", "figure_ids",
)
FIGURE_COLUMNS = FIGURE_FIELDS + DOC_FIELDS

# ACLED geo_precision: 1 the place itself, 2 near it / part of a region, 3 a larger region
GEO_PRECISION = {1: 1, 2: 1, 3: 2, 4: 3, 5: 3, 6: 3, 7: 3}
# ACLED time_precision: 1 the day, 2 the week, 3 the month (or wider)
TIME_PRECISION = {"day": 1, "days": 2, "week": 2}
# UCDP date_prec: 1 day, 2 2-6 days, 3 a week, 4 a month, 5 more than a month
DATE_PREC = {"day": 1, "days": 2, "week": 3, "month": 4}
# UCDP sides in a state-based conflict: side a is the government
SIDE_A, SIDE_B = "government", "opposition"


def _fold(text: str | None) -> str:
    return " ".join((text or "").split())


def _civilians(victims: set[str]) -> bool:
    return bool(victims & {"civilians", "children", "women", "men", "people"}) and not victims <= {"combatants"}


def acled_row(ev: dict[str, Any]) -> dict[str, Any]:
    figs = ev["figures"]
    victims = {v for (o, v) in ev["counts"]}
    actors = list(ev["actors"])
    actor2 = actors[1] if len(actors) > 1 else ("Civilians (Syria)" if _civilians(victims) else "")
    outlets = sorted({f["outlet"] for f in figs if f.get("outlet")})
    sources = sorted({f["source"] for f in figs if f.get("source")} - {"outlet"})
    notes = " | ".join(dict.fromkeys(_fold(f["quote"]) for f in figs))
    return {
        "event_id_cnty": ev["id"],
        "event_date": ev.get("start_date") or "",
        "event_type": ev["event_type"],
        "sub_event_type": ev["sub_event_type"],
        "actor1": actors[0] if actors else "",
        "actor2": actor2,
        "country": "Syria" if ev.get("admin1") else "",
        "admin1": ev.get("admin1") or "",
        "admin2": ev.get("admin2") or "",
        "admin3": ev.get("admin3") or "",
        "location": ev.get("place") or ev.get("admin3") or ev.get("admin2") or ev.get("admin1") or "",
        "latitude": ev.get("lat"),
        "longitude": ev.get("lon"),
        "geo_precision": GEO_PRECISION.get(ev.get("where_prec") or 7, 3),
        "time_precision": TIME_PRECISION.get(_span_precision(ev), 3),
        "source": "; ".join(outlets + sources),
        "notes": notes,
        "fatalities": fatalities(ev)[1],
    }


def _span_precision(ev: dict[str, Any]) -> str:
    """The event's date precision, or one read off its date span."""
    s, e = ev.get("start_date"), ev.get("end_date")
    if s and e:
        import datetime as dt

        days = (dt.date.fromisoformat(e) - dt.date.fromisoformat(s)).days + 1
        return "day" if days == 1 else "days" if days < 7 else "week" if days == 7 else \
            "month" if days <= 31 else "months"
    return ev.get("date_precision") or "unknown"


def ucdp_row(ev: dict[str, Any]) -> dict[str, Any]:
    lo, best, hi = fatalities(ev)
    d = deaths(ev["counts"], 1)
    sides = ev["sides"]
    a = min(sides.get(SIDE_A, 0), d["combatants"])
    b = min(sides.get(SIDE_B, 0), d["combatants"] - a)
    unknown = best - a - b - d["civilians"]
    docs: dict[str, dict[str, Any]] = {}
    for f in ev["figures"]:
        docs.setdefault(f["doc_id"], f)
    articles = "; ".join(
        ", ".join(x for x in (f.get("outlet"), f.get("published"), f.get("title") or doc_id, f.get("url")) if x)
        for doc_id, f in sorted(docs.items()))
    return {
        "id": ev["id"],
        "date_start": ev.get("start_date") or "",
        "date_end": ev.get("end_date") or ev.get("start_date") or "",
        "date_prec": DATE_PREC.get(_span_precision(ev), 5),
        "deaths_a": a,
        "deaths_b": b,
        "deaths_civilians": d["civilians"],
        "deaths_unknown": max(0, unknown),
        "best": best,
        "low": lo,
        "high": hi,
        "where_prec": ev.get("where_prec") or 7,
        "country": "Syria" if ev.get("admin1") else "",
        "adm_1": f"{ev['admin1']} governorate" if ev.get("admin1") else "",
        "adm_2": f"{ev['admin2']} district" if ev.get("admin2") else "",
        "latitude": ev.get("lat"),
        "longitude": ev.get("lon"),
        "source_article": articles,
        "number_of_sources": len(docs),
    }


def event_row(ev: dict[str, Any]) -> dict[str, Any]:
    lo, best, hi = fatalities(ev)

    def best_of(outcome: str) -> int:
        vals = {v: c[1] for (o, v), c in ev["counts"].items() if o == outcome}
        return max(vals.get("people", 0), vals.get("civilians", 0) + vals.get("combatants", 0),
                   *(vals.values() or [0]))

    return {
        **{k: ev.get(k) for k in ("id", "start_date", "end_date", "date_precision", "place", "lat", "lon",
                                  "admin1", "admin2", "admin3", "where_prec", "event_type", "sub_event_type")},
        "actors": "; ".join(ev["actors"]),
        "killed_low": lo, "killed_best": best, "killed_high": hi,
        "injured_best": best_of("injured"), "displaced_best": best_of("displaced"),
        "n_documents": len({f["doc_id"] for f in ev["figures"]}),
        "figure_ids": "; ".join(f["id"] for f in ev["figures"]),
    }


def write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: Any) -> int:
    w = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
    w.writeheader()
    n = 0
    for r in rows:
        w.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, (dict, list)) else v
                    for k, v in r.items()})
        n += 1
    return n


def write_parquet_figures(con: Any, flt: FigureFilter, path: Path) -> int:
    """Figures straight from DuckDB (COPY ... TO, path and filters as parameters)."""
    where, params = filter_sql(flt)
    query = ("SELECT " + FIGURE_SELECT + FIGURE_FROM + "WHERE " + where
             + " ORDER BY f.start_date NULLS LAST, f.doc_id, f.number_start, f.id")
    con.execute("COPY (" + query + ") TO ? (FORMAT parquet)", params + [str(path)])
    return con.execute("SELECT count(*) FROM read_parquet(?)", [str(path)]).fetchone()[0]


def write_parquet_rows(rows: list[dict[str, Any]], columns: tuple[str, ...], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows])
    if not rows:
        table = pa.table({c: pa.array([], pa.string()) for c in columns})
    pq.write_table(table, str(path))
    return len(rows)


def geojson_features(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """RFC 7946 Point features (longitude, latitude) of the rows that have coordinates."""
    for r in rows:
        lat, lon = r.get("lat"), r.get("lon")
        if lat is None or lon is None:
            continue
        props = {k: v for k, v in r.items() if k not in ("lat", "lon")}
        yield {"type": "Feature", "id": r["id"],
               "geometry": {"type": "Point", "coordinates": [round(float(lon), 6), round(float(lat), 6)]},
               "properties": props}


def write_geojson(rows: Iterable[dict[str, Any]], out: Any) -> int:
    n = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for feat in geojson_features(rows):
        out.write(("\n" if n == 0 else ",\n") + json.dumps(feat, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def export(con: Any, fmt: str, path: str | os.PathLike[str], flt: FigureFilter = FigureFilter(),
           *, records: str = "figures") -> int:
    """Write the store (filtered) to ``path`` in ``fmt``; the rows written.

    ``records`` picks figures or events for csv, parquet and geojson; acled
    and ucdp are always event tables.  The file is written beside the target
    and renamed into place, so a failed export leaves no half file."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    path = Path(path)
    tmp = path.with_name(f".{path.name}.partial")
    try:
        n = _write(con, fmt, tmp, flt, records)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    return n


def _write(con: Any, fmt: str, path: Path, flt: FigureFilter, records: str) -> int:
    if fmt == "parquet" and records == "figures":
        return write_parquet_figures(con, flt, path)
    if fmt == "tallies":  # one source's running totals, one row per point (link/series.py)
        from wartally.export.tallies import store_series
        from wartally.link.series import SERIES_COLUMNS, series_rows

        with open(path, "w", encoding="utf-8", newline="") as out:
            return write_csv(series_rows(store_series(con, flt)), SERIES_COLUMNS, out)
    if fmt in ("acled", "ucdp"):
        mapper, columns = (acled_row, ACLED_COLUMNS) if fmt == "acled" else (ucdp_row, UCDP_COLUMNS)
        rows: Iterable[dict[str, Any]] = (mapper(ev) for ev in export_events(con, flt))
    elif records == "events":
        rows, columns = (event_row(ev) for ev in export_events(con, flt)), EVENT_COLUMNS
    else:
        rows, columns = iter_figures(con, flt), FIGURE_COLUMNS
    if fmt == "parquet":
        return write_parquet_rows(list(rows), columns, path)
    with open(path, "w", encoding="utf-8", newline="") as out:
        if fmt == "geojson":
            return write_geojson(rows, out)
        return write_csv(rows, columns, out)


__all__ = ["ACLED_COLUMNS", "EVENT_COLUMNS", "FORMATS", "UCDP_COLUMNS", "export"]
