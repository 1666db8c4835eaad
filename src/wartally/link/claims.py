"""Claims: one source's number for one thing (outcome, victim group, area,
period), with every figure and article that carried it.

Several outlets repeat a monitor's toll ("more than 470,000, according to the
Syrian Center for Policy Research") for months; each repetition is a figure,
all of them one claim.  The dates the articles give it "as of" (the figures'
period ends) form the claim's ``as_of`` range.  Disagreements are between
claims (link/disagreement.py) and a source's claims over time form its
series (link/series.py).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wartally.link.lexicon import load, search
from wartally.link.unit import _admin1_name, _place_key, is_capital, read_place
from wartally.records import DatePrecision, Figure, Outcome, Qualifier, Victims, stable_id


@dataclass(frozen=True, slots=True)
class Area:
    """What a tally covers: a ``place`` (town, village), an ``admin1``
    (governorate, or a city bearing its name: "Aleppo" may be either) or a
    ``country``.  Only areas of one level and key are compared."""

    level: str
    key: str
    name: str

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    source: str
    outcome: Outcome
    victims: Victims
    area: Area
    n: int
    qualifier: Qualifier
    start: dt.date
    as_of: tuple[dt.date, dt.date]  # earliest and latest period end the articles give
    precision: DatePrecision
    figure: str  # the figure with the earliest end: the one the claim is shown by
    figures: tuple[str, ...]
    docs: tuple[str, ...]
    actors: tuple[str, ...] = ()  # every actor its figures blame

    @property
    def days(self) -> int:
        """Length of the period, start to the earliest as-of date, inclusive."""
        return (self.as_of[0] - self.start).days + 1


def canonical_source(source: str | None) -> str | None:
    """The source id compared across figures (spacing folded)."""
    if not source:
        return None
    return re.sub(r"\s+", " ", source.strip()) or None


def area_of(figure: Figure) -> Area | None:
    """The area a tally covers (see ``Area``): a town when its place is a
    settlement that does not bear its governorate's name, else its
    governorate (geocoded, or named in its place or area mention), else its
    country."""
    place = figure.place
    if place is not None:
        key = _place_key(place)
        if key and not is_capital(key, _admin1_name(figure.admin1)):
            return Area("place", key, place.name or place.mention)
    admin1 = _admin1_name(figure.admin1) if figure.admin1 else None
    for p in (place, figure.area):
        if admin1 is None and p is not None:
            admin1 = read_place(p.name or p.mention)[0]
    if admin1:
        name = figure.admin1 or admin1.title()
        return Area("admin1", admin1, name)
    if figure.country:
        return Area("country", figure.country.strip().lower(), figure.country.strip())
    return None


def asserted(figure: Figure, text: str | None) -> bool:
    """Whether someone claims the number: False when the sentence before it
    only asks about or alleges it ("an investigation to determine whether
    its air strikes claimed more than 100 civilian lives";
    patterns.json "unasserted").  ``text``: the figure's document text."""
    if not text:
        return True
    before = text[figure.sentence_start:figure.number_span.start]
    return search("unasserted", before) is None


def _settings() -> dict:
    return load("disagreement")


_COARSE = [DatePrecision.DAY, DatePrecision.DAYS, DatePrecision.WEEK, DatePrecision.MONTH,
           DatePrecision.MONTHS, DatePrecision.YEAR, DatePrecision.YEARS]


def coarser(a: DatePrecision, b: DatePrecision) -> DatePrecision:
    rank = {p: i for i, p in enumerate(_COARSE)}
    return max((a, b), key=lambda p: rank.get(p, -1))


def tolerance_days(days_a: int, days_b: int, precision: DatePrecision) -> int:
    """How far the starts, and the as-of dates, of two counts over periods
    of ``days_a`` and ``days_b`` days may lie apart and still be one period
    (data/link/disagreement.json "tolerance")."""
    tol = _settings()["tolerance"]
    floor = tol["floor_days"].get(str(precision), 1)
    return int(max(floor, min(tol["cap_days"], tol["share"] * min(days_a, days_b))))


def runs_by_start(tallies: Iterable[Figure], *, same_number: bool) -> list[list[Figure]]:
    """Tallies of the same source (case folded), outcome, victims and area
    (and, with ``same_number``, the same number), cut into runs whose starts
    lie within the tolerance their periods allow of the run's first.  Tallies
    without a source, area or period are left out."""
    keyed: dict[tuple, list[Figure]] = {}
    for f in tallies:
        src, area = canonical_source(f.source), area_of(f)
        if not src or area is None or f.period.start is None or f.period.end is None:
            continue
        key = (src.lower(), f.outcome, f.victims, area.level, area.key)
        keyed.setdefault((*key, f.n) if same_number else key, []).append(f)
    runs: list[list[Figure]] = []
    for figs in keyed.values():
        figs.sort(key=lambda f: (f.period.start, f.period.end, f.id))
        run: list[Figure] = [figs[0]]
        for f in figs[1:]:
            first = run[0]
            tol = tolerance_days(first.period.days or 1, f.period.days or 1,
                                 coarser(first.period.precision, f.period.precision))
            if (f.period.start - first.period.start).days <= tol:
                run.append(f)
            else:
                runs.append(run)
                run = [f]
        runs.append(run)
    return runs


def make_claims(tallies: Iterable[Figure]) -> list[Claim]:
    """Tallies grouped into claims: the same source, outcome, victims, area
    and number, with starts within the tolerance their periods allow
    (``runs_by_start``)."""
    claims = [_claim(run) for run in runs_by_start(tallies, same_number=True)]
    return sorted(claims, key=lambda c: (c.as_of[0], c.source, c.n, c.id))


def _claim(figs: Sequence[Figure]) -> Claim:
    shown = min(figs, key=lambda f: (f.period.end, f.id))
    ends = [f.period.end for f in figs]
    precision = shown.period.precision
    for f in figs:
        precision = coarser(precision, f.period.precision)
    figure_ids = tuple(sorted(f.id for f in figs))
    return Claim(
        id=stable_id("claim", *figure_ids), source=canonical_source(shown.source), outcome=shown.outcome,
        victims=shown.victims, area=area_of(shown), n=shown.n, qualifier=shown.qualifier,
        start=min(f.period.start for f in figs), as_of=(min(ends), max(ends)), precision=precision,
        figure=shown.id, figures=figure_ids, docs=tuple(sorted({f.doc_id for f in figs})),
        actors=tuple(sorted({a for f in figs for a in (f.actor or ())})))
