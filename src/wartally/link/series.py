"""Tallies over time: one source's running total of one thing as a series.

SOHR's war toll, the Gaza Health Ministry's toll: each article that cites
the source gives one point (the date it is "as of", the number).  A series
is the tallies of one source, outcome, victim group and area whose starts
are within the tolerance their periods allow (link/claims.py), ordered by
date.  Growth along a series is what a running total does; a later point
lower than an earlier one is a ``decrease`` disagreement
(link/disagreement.py).  ``wartally export --format tallies`` writes one row
per point; the web page draws each series as a line.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from wartally.link.claims import Area, area_of, canonical_source, runs_by_start
from wartally.records import Figure, Outcome, Qualifier, Victims, stable_id


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    as_of: dt.date
    n: int
    qualifier: Qualifier
    figures: tuple[str, ...]
    docs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Series:
    id: str
    source: str
    outcome: Outcome
    victims: Victims
    area: Area
    start: dt.date
    points: tuple[SeriesPoint, ...]  # by date, then number

    @property
    def falls(self) -> bool:
        """Whether a later point is lower than an earlier one."""
        highest = 0
        for p in self.points:
            if p.n < highest:
                return True
            highest = max(highest, p.n)
        return False


SERIES_COLUMNS = ("series", "source", "outcome", "victims", "area", "area_level", "start", "as_of", "n",
                  "qualifier", "articles", "docs", "figures")


def tally_series(tallies: Iterable[Figure], *, min_points: int = 2) -> list[Series]:
    """The series among ``tallies`` (figures classified as tallies) with at
    least ``min_points`` points (dates); tallies without a source, area or
    period are left out."""
    out = [_series(run) for run in runs_by_start(tallies, same_number=False)]
    return sorted((s for s in out if len({p.as_of for p in s.points}) >= min_points),
                  key=lambda s: (s.source, str(s.outcome), str(s.victims), s.area.name, s.start, s.id))


def _series(figs: list[Figure]) -> Series:
    points: dict[tuple[dt.date, int], list[Figure]] = {}
    for f in figs:
        points.setdefault((f.period.end, f.n), []).append(f)
    first = figs[0]
    return Series(
        id=stable_id("series", *sorted(f.id for f in figs)), source=canonical_source(first.source),
        outcome=first.outcome, victims=first.victims, area=area_of(first), start=first.period.start,
        points=tuple(SeriesPoint(as_of=day, n=n, qualifier=group[0].qualifier,
                                 figures=tuple(sorted(f.id for f in group)),
                                 docs=tuple(sorted({f.doc_id for f in group})))
                     for (day, n), group in sorted(points.items())))


def series_rows(series: Iterable[Series]) -> list[dict]:
    """One flat row per point (``SERIES_COLUMNS``), for exports."""
    return [{"series": s.id, "source": s.source, "outcome": str(s.outcome), "victims": str(s.victims),
             "area": s.area.name, "area_level": s.area.level, "start": s.start.isoformat(),
             "as_of": p.as_of.isoformat(), "n": p.n, "qualifier": str(p.qualifier), "articles": len(p.docs),
             "docs": "; ".join(p.docs), "figures": "; ".join(p.figures)}
            for s in series for p in s.points]


def series_json(s: Series) -> dict:
    """A series for the web API: its fields and its points."""
    return {"id": s.id, "source": s.source, "outcome": str(s.outcome), "victims": str(s.victims),
            "area": s.area.name, "area_level": s.area.level, "start": s.start.isoformat(), "falls": s.falls,
            "points": [{"as_of": p.as_of.isoformat(), "n": p.n, "qualifier": str(p.qualifier),
                        "docs": list(p.docs)} for p in s.points]}
