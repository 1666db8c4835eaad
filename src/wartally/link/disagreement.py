"""Disagreements: tallies from different sources over overlapping periods
and the same area, put side by side ("SOHR: 288 civilians since 30 April;
SNHR: at least 544 civilians since 26 April")."""
from __future__ import annotations

import re
from collections.abc import Sequence

from wartally.link.unit import _admin1_name, read_place
from wartally.records import Disagreement, Figure, stable_id


def canonical_source(source: str | None) -> str | None:
    """The source id compared across figures (case and spacing folded)."""
    if not source:
        return None
    return re.sub(r"\s+", " ", source.strip())


def _admin1(figure: Figure) -> str | None:
    if figure.admin1:
        return _admin1_name(figure.admin1)
    for p in (figure.place, figure.area):
        if p is not None:
            admin1, _ = read_place(p.name or p.mention)
            if admin1:
                return admin1
    return None


def area_of(figure: Figure) -> str | None:
    """The area a tally covers: its governorate (geocoded, or named in its
    place or area mention), else its place, else its country."""
    admin1 = _admin1(figure)
    if admin1:
        return admin1
    if figure.place is not None:
        key = read_place(figure.place.name or figure.place.mention)[1]
        if key:
            return key
    if figure.country:
        return figure.country.strip().lower()
    return None


def _display_area(figure: Figure) -> str | None:
    if figure.admin1:
        return figure.admin1
    admin1 = _admin1(figure)
    if admin1:
        return admin1.title() if admin1.islower() else admin1
    if figure.place is not None:
        return figure.place.name or figure.place.mention
    return figure.country


MAX_SPAN_RATIO = 4  # a month's tally and a year's are not two counts of one thing


def _days(f: Figure) -> int:
    return (f.period.end - f.period.start).days + 1


def comparable(a: Figure, b: Figure, overlap: int) -> bool:
    """Whether two overlapping tallies count the same thing: their periods
    are of like length and mostly shared, and they blame the same side, or
    at least one names nobody ("22 civilians killed by militant rocket fire"
    is no rival count to "544 killed by Russian and Syrian attacks")."""
    short, long_ = sorted((_days(a), _days(b)))
    if long_ > MAX_SPAN_RATIO * short or overlap * 2 < short:
        return False
    return not (a.actor and b.actor and not set(a.actor) & set(b.actor))


def find_disagreements(tallies: Sequence[Figure]) -> list[Disagreement]:
    """Every pair of tallies with different sources, the same outcome and
    victims, the same area and overlapping, comparable periods (see
    ``comparable``), whose numbers differ.
    ``a`` is the tally whose period ends first."""
    keyed: dict[tuple, list[Figure]] = {}
    for f in tallies:
        src, area = canonical_source(f.source), area_of(f)
        if not src or not area or f.period.start is None or f.period.end is None:
            continue
        keyed.setdefault((f.outcome, f.victims, area), []).append(f)
    out: dict[str, Disagreement] = {}
    for (_, _, _), figs in keyed.items():
        figs = sorted(figs, key=lambda f: (f.period.end, f.period.start, f.source, f.n, f.id))
        for i, a in enumerate(figs):
            for b in figs[i + 1:]:
                if canonical_source(a.source).lower() == canonical_source(b.source).lower():
                    continue
                if a.n == b.n:
                    continue
                start = max(a.period.start, b.period.start)
                end = min(a.period.end, b.period.end)
                overlap = (end - start).days + 1
                if overlap <= 0 or not comparable(a, b, overlap):
                    continue
                did = stable_id("disagreement", a.id, b.id)
                out[did] = Disagreement(
                    id=did, outcome=a.outcome, victims=a.victims, area=_display_area(a),
                    figure_a=a.id, source_a=canonical_source(a.source), n_a=a.n,
                    qualifier_a=a.qualifier, period_a=a.period,
                    figure_b=b.id, source_b=canonical_source(b.source), n_b=b.n,
                    qualifier_b=b.qualifier, period_b=b.period,
                    difference=b.n - a.n, overlap_days=overlap,
                )
    return sorted(out.values(), key=lambda d: (d.period_a.end, d.source_a, d.source_b, d.id))
