"""Running totals of one source over time (link/series.py) from the store:
``wartally export --format tallies`` (one CSV row per point) and the web
page's tally lines (``/api/tallies``)."""
from __future__ import annotations

from typing import Any

from wartally.link.series import Series, tally_series
from wartally.records import Figure
from wartally.store import codec
from wartally.store.queries import FIGURE_FROM, FigureFilter, filter_sql


def tally_figures(con: Any, flt: FigureFilter = FigureFilter()) -> list[Figure]:
    """The figures the link stage classified as tallies, that pass ``flt``."""
    where, params = filter_sql(flt)
    got = con.execute("SELECT f.record" + FIGURE_FROM + "WHERE f.kind = 'tally' AND " + where
                      + " ORDER BY f.doc_id, f.number_start, f.id", params).fetchall()
    return [codec.loads(Figure, r[0]) for r in got if r[0]]


def store_series(con: Any, flt: FigureFilter = FigureFilter()) -> list[Series]:
    """Each source's running totals among the store's tallies (two dates or more)."""
    return tally_series(tally_figures(con, flt))
