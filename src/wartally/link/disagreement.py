"""Disagreements: two claims that cannot both be right, each shown once with
every article behind either side.

A tally is first made a claim (link/claims.py: one source's number for one
outcome, victim group, area and period, however many outlets carried it).
Two claims of the same outcome, victims and area (same level: a national
total is never compared with one town's) disagree when

* ``rival``: their sources differ and they count over the same period:
  starts, and the dates the articles give them "as of", within the
  tolerance the periods allow (data/link/disagreement.json).  A later total
  that is higher is growth, not disagreement;
* ``decrease``: one source's later total of the same thing is lower than its
  earlier one;
* ``nested``: a count over a period inside the other's (starting later,
  ending with it, at most ``nested_max_share`` of its length) is larger
  ("more than 300 killed since April" against "more than 450 in the last
  month").

Numbers more than ``max_ratio`` apart count different things (deaths in
detention against the war's toll), a round "more than 500" says "544" in
round figures, tallies that blame opposed sides only are not rivals, and
neither are the soldiers two belligerents' own sources count (the Armenian
side's six soldiers and Baku's 12 Azerbaijani soldiers: each side counts
its own losses).  Every disagreement says why, in words ("same thing: ...;
starts 0 days apart, as-of dates overlap; 470,000 is 1.9x 250,000").
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Iterator, Mapping, Sequence

from wartally.extract.world import country_mentions
from wartally.link.claims import Claim, area_of, asserted, canonical_source, coarser, make_claims, tolerance_days
from wartally.link.lexicon import load
from wartally.records import Disagreement, Document, Figure, Period, stable_id

__all__ = ["area_of", "canonical_source", "find_disagreements", "disagreements_between"]

OUTLET = "outlet"  # the extractor's source for a count the article gives in its own voice


def _settings() -> dict:
    return load("disagreement")


def days_between(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Days between two date ranges (0 when they overlap)."""
    return max(0, (max(a[0], b[0]) - min(a[1], b[1])).days)


def _blame_opposed(a: Claim, b: Claim) -> bool:
    """Both name who killed, and nobody in common ("22 killed by militant
    rockets" is no rival count to "544 killed by Russian and Syrian attacks")."""
    return bool(a.actors and b.actors and not set(a.actors) & set(b.actors))


@functools.lru_cache(maxsize=4096)
def source_countries(source: str) -> frozenset[str]:
    """The countries a source's name names ("Armenian side" -> AM,
    "Azerbaijan government" -> AZ; "SOHR", "UN" -> none)."""
    return frozenset(m.iso2 for m in country_mentions(source))


def own_losses(a: Claim, b: Claim) -> bool:
    """Both count combatants and their sources belong to different
    countries: each side's own dead, not one group counted twice (tallies
    and one incident's toll claims alike)."""
    if str(a.victims) != "combatants" or str(b.victims) != "combatants":
        return False
    ca, cb = source_countries(a.source), source_countries(b.source)
    return bool(ca and cb and not ca & cb)


def _end(c: Claim) -> dt.date:
    return c.as_of[0]


def _sides(c: Claim) -> str:
    n = len(c.docs)
    return f"{n} article" + ("" if n == 1 else "s")


def _as_of(c: Claim) -> str:
    lo, hi = c.as_of
    return f"as of {lo}" if lo == hi else f"as of {lo} to {hi}"


def _what(c: Claim) -> str:
    return f"{c.outcome} {c.victims}, {c.area.name} ({c.area.level})"


def _fmt(n: int) -> str:
    return f"{n:,}"


def _ratio(a: int, b: int) -> str:
    hi, lo = max(a, b), min(a, b)
    return f"{_fmt(hi)} is {hi / lo:.1f}x {_fmt(lo)}" if lo else f"{_fmt(hi)} vs {_fmt(lo)}"


def _rival(a: Claim, b: Claim, tol: int) -> str | None:
    start_gap = abs((a.start - b.start).days)
    end_gap = days_between(a.as_of, b.as_of)
    if start_gap > tol or end_gap > tol or _blame_opposed(a, b) or rounds_down(a, b) or own_losses(a, b):
        return None
    ends = "as-of dates overlap" if end_gap == 0 else f"as-of dates {end_gap} days apart"
    return (f"same thing: {_what(a)} since {min(a.start, b.start)}; {a.source} {_fmt(a.n)} {_as_of(a)} "
            f"({_sides(a)}) vs {b.source} {_fmt(b.n)} {_as_of(b)} ({_sides(b)}); starts {start_gap} days apart, "
            f"{ends} (tolerance {tol} days); {_ratio(a.n, b.n)}")


def _decrease(a: Claim, b: Claim, tol: int) -> str | None:
    """``a`` and ``b`` of one source; a disagreement when the later is lower."""
    if abs((a.start - b.start).days) > tol or _blame_opposed(a, b):
        return None  # (one source's totals of different attackers' victims are two tallies)
    early, late = (a, b) if a.as_of[1] < b.as_of[0] else (b, a) if b.as_of[1] < a.as_of[0] else (None, None)
    if early is None or late.n >= early.n or late.n < _settings()["decrease_min_share"] * early.n:
        return None
    days = (late.as_of[0] - early.as_of[1]).days
    return (f"{early.source}'s own total went down: {_fmt(early.n)} {_as_of(early)} ({_sides(early)}) -> "
            f"{_fmt(late.n)} {_as_of(late)} ({_sides(late)}), {days} days later; same start {early.start}; "
            f"{_what(early)}")


def _nested(a: Claim, b: Claim, tol: int) -> str | None:
    outer, inner = (a, b) if a.days >= b.days else (b, a)
    if inner.n <= outer.n or inner.days > _settings()["nested_max_share"] * outer.days:
        return None
    # a period truly inside: it starts later (the same start with a later,
    # lower total from another source is not counted) and ends with it
    if (inner.start - outer.start).days <= tol or abs((_end(inner) - _end(outer)).days) > tol:
        return None
    if _blame_opposed(a, b) or own_losses(a, b):
        return None
    return (f"{inner.source}'s {_fmt(inner.n)} over {inner.start} to {_end(inner)} ({inner.days} days) exceed "
            f"{outer.source}'s {_fmt(outer.n)} over {outer.start} to {_end(outer)} ({outer.days} days), a period "
            f"containing it; {_what(outer)}")


def _round(n: int) -> bool:
    return n % 100 == 0 if n >= 100 else n % 10 == 0


def rounds_down(a: Claim, b: Claim) -> bool:
    """One says the other in round figures: "more than 500 civilians killed"
    (a headline) for "at least 544 civilians" (data/link/disagreement.json
    "rounding_share")."""
    low, high = sorted((a, b), key=lambda c: c.n)
    return (str(low.qualifier) == "at_least" and _round(low.n)
            and high.n <= low.n * (1 + _settings()["rounding_share"]))


def _quotes_its_source(a: Claim, b: Claim) -> bool:
    """Whether one claim is an article's count in its own voice and the other
    a source that article quotes: the article does not disagree with whom
    it quotes (LSHTM's 26,000 violent deaths beside the article's 61,000 of
    all causes; "more than 500" in a headline beside SNHR's 544 in the
    text)."""
    return (a.source.lower() == OUTLET) != (b.source.lower() == OUTLET) and bool(set(a.docs) & set(b.docs))


def _judge(a: Claim, b: Claim) -> tuple[str, str] | None:
    """(kind, evidence) when two claims of one thing disagree."""
    lo, hi = sorted((a.n, b.n))
    if lo == hi or lo <= 0 or hi > _settings()["max_ratio"] * lo or _quotes_its_source(a, b):
        return None
    tol = tolerance_days(a.days, b.days, coarser(a.precision, b.precision))
    if a.source.lower() == b.source.lower():
        why = _decrease(a, b, tol)
        if why:
            return "decrease", why
    else:
        why = _rival(a, b, tol)
        if why:
            return "rival", why
    why = _nested(a, b, tol)
    return ("nested", why) if why else None


def _period(c: Claim) -> Period:
    return Period(start=c.start, end=c.as_of[1], precision=c.precision)


def _record(a: Claim, b: Claim, kind: str, why: str) -> Disagreement:
    pa, pb = _period(a), _period(b)
    overlap = (min(pa.end, pb.end) - max(pa.start, pb.start)).days + 1
    qualifier = {c.id: c.qualifier for c in (a, b)}
    return Disagreement(
        id=stable_id("disagreement", *sorted((a.id, b.id))), outcome=a.outcome, victims=a.victims,
        area=a.area.name, figure_a=a.figure, source_a=a.source, n_a=a.n, qualifier_a=qualifier[a.id],
        period_a=pa, figure_b=b.figure, source_b=b.source, n_b=b.n, qualifier_b=qualifier[b.id], period_b=pb,
        difference=b.n - a.n, overlap_days=max(0, overlap), kind=kind, figures_a=a.figures, docs_a=a.docs,
        figures_b=b.figures, docs_b=b.docs, evidence=why)


def disagreements_between(claims: Sequence[Claim]) -> list[Disagreement]:
    """Every pair of ``claims`` of one outcome, victims and area that
    disagree (see module doc), once per pair; ``a`` is the claim whose
    as-of dates come first."""
    by_thing: dict[tuple, list[Claim]] = {}
    for c in claims:
        by_thing.setdefault((c.outcome, c.victims, c.area.level, c.area.key), []).append(c)
    out: dict[str, Disagreement] = {}
    for group in by_thing.values():
        group.sort(key=lambda c: (c.as_of[0], c.as_of[1], c.source, c.n, c.id))
        for a, b in candidate_pairs(group):
            judged = _judge(a, b)
            if judged:
                d = _record(a, b, *judged)
                out[d.id] = d
    return sorted(out.values(), key=lambda d: (d.period_a.end, d.source_a, d.source_b, d.id))


def _reach_days() -> int:
    """The largest tolerance ``tolerance_days`` can give (cap or floor)."""
    tol = _settings()["tolerance"]
    return int(max(tol["cap_days"], *tol["floor_days"].values()))


def candidate_pairs(group: Sequence[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """The pairs ``(a, b)`` of ``group`` (sorted by as-of dates) that
    ``_judge`` may find disagreeing, ``a`` before ``b``, in a sweep instead
    of every pair: a rival or nested count ends within the tolerance
    (at most ``_reach_days``) of the other, so ``b`` meets only the claims
    whose as-of range reaches to within that many days of its own; a
    decrease is one source's later, lower total, at least
    ``decrease_min_share`` of the earlier and starting within the
    tolerance, found through that source's earlier claims sorted by number.
    A running total reported every week for ten years is thousands of
    claims; each meets the few dozen of its season, not all of them."""
    reach = dt.timedelta(days=_reach_days())
    share = _settings()["decrease_min_share"]
    active: list[int] = []  # earlier claims whose as-of range ends within reach of the current one
    by_source: dict[str, list[tuple[int, int]]] = {}  # source -> (n, index) of earlier claims, sorted
    for j, b in enumerate(group):
        horizon = b.as_of[0] - reach
        active = [i for i in active if group[i].as_of[1] >= horizon]
        found = set(active)
        if share > 0:
            earlier = by_source.setdefault(b.source.lower(), [])
            # earlier totals of b's source in (b.n, b.n / share]: b may be their decrease
            lo = bisect.bisect_right(earlier, (b.n, len(group)))
            hi = bisect.bisect_right(earlier, (b.n / share + 1, len(group)))  # a superset: _judge decides
            found.update(i for _, i in earlier[lo:hi] if abs((group[i].start - b.start).days) <= reach.days)
        else:  # every later lower total is a decrease: no bound on the numbers
            found.update(range(j))
        for i in sorted(found):
            yield group[i], b
        active.append(j)
        if share > 0:
            bisect.insort(earlier, (b.n, j))


def find_disagreements(tallies: Sequence[Figure], documents: Mapping[str, Document] | None = None
                       ) -> list[Disagreement]:
    """The disagreements among ``tallies`` (figures classified as tallies):
    made claims first, so a number that many outlets carried is one side.
    With ``documents``, numbers their sentence only asks about or alleges
    are no claim (claims.asserted)."""
    if documents is not None:
        tallies = [f for f in tallies
                   if asserted(f, getattr(documents.get(f.doc_id), "text", None))]
    return disagreements_between(make_claims(tallies))
