"""The record types every stage shares.

Records are frozen dataclasses with slots.  Ids are content hashes so that
processing the same input twice yields the same ids.  Every extracted value
keeps its provenance (document id, character offsets, raw text and the id of
the rule or lexicon entry that produced it).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field, fields, replace
from enum import IntEnum, StrEnum
from typing import Any

# Below this, two equal counts in one article ("a woman was killed" here and
# there) are no sign of one restated figure: small numbers recur for different
# incidents.  The extractor merges restatements by it, the linker by it too.
SMALL_RESTATED = 5
# the reason a place an analyst picked carries (review), which later stages read as the analyst's word
ANALYST_PICKED = "picked by an analyst"


def content_hash(text: str) -> str:
    """A short, stable hash of a text (sha256, 16 hex digits)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def stable_id(*parts: object) -> str:
    """A stable id made from the given parts (sha1, 16 hex digits)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class Outcome(StrEnum):
    KILLED = "killed"
    INJURED = "injured"
    DISPLACED = "displaced"


class Qualifier(StrEnum):
    EXACT = "exact"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    ABOUT = "about"


class Victims(StrEnum):
    PEOPLE = "people"
    CIVILIANS = "civilians"
    CHILDREN = "children"
    WOMEN = "women"
    MEN = "men"
    COMBATANTS = "combatants"


class Side(StrEnum):
    GOVERNMENT = "government"
    OPPOSITION = "opposition"
    OTHER = "other"


class WherePrecision(IntEnum):
    """Spatial precision in the style of UCDP GED's ``where_prec``."""

    EXACT = 1
    WITHIN_25KM = 2
    ADMIN2 = 3
    ADMIN1 = 4
    COUNTRY = 6
    UNKNOWN = 7


class DatePrecision(StrEnum):
    DAY = "day"
    DAYS = "days"  # a span of a few days (< 8)
    WEEK = "week"
    MONTH = "month"
    MONTHS = "months"
    YEAR = "year"
    YEARS = "years"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Span:
    """Where a value came from: document, character offsets, raw text, rule."""

    doc_id: str
    start: int
    end: int
    text: str
    rule: str


@dataclass(frozen=True, slots=True)
class Document:
    """One input article.  ``id`` is the id its input gives (JSONL id, file
    name, URL); ``content_hash`` identifies the version of its text."""

    id: str
    text: str
    content_hash: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    origin: str | None = None  # file (and line) the document was read from
    language: str | None = None

    @classmethod
    def make(
        cls,
        id: str,
        text: str,
        *,
        title: str | None = None,
        published: dt.date | str | None = None,
        outlet: str | None = None,
        url: str | None = None,
        origin: str | None = None,
        language: str | None = None,
    ) -> "Document":
        if isinstance(published, str):
            published = dt.date.fromisoformat(published[:10]) if published else None
        return cls(
            id=str(id),
            text=text,
            content_hash=content_hash(text),
            title=title,
            published=published,
            outlet=outlet,
            url=url,
            origin=origin,
            language=language,
        )

    def with_text(self, text: str) -> "Document":
        """The same document with a new text (and so a new content hash)."""
        return replace(self, text=text, content_hash=content_hash(text))

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Document":
        names = {f.name for f in fields(cls)}
        kw = {k: v for k, v in d.items() if k in names}
        if kw.get("published"):
            kw["published"] = dt.date.fromisoformat(str(kw["published"])[:10])
        if not kw.get("content_hash"):
            kw["content_hash"] = content_hash(kw["text"])
        return cls(**kw)


@dataclass(frozen=True, slots=True)
class Period:
    """The period a figure covers: start and end dates (inclusive)."""

    start: dt.date | None = None
    end: dt.date | None = None
    precision: DatePrecision = DatePrecision.UNKNOWN
    tolerance_days: int = 1
    span: Span | None = None

    @property
    def days(self) -> int | None:
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym and, once geocoded, where it is.

    ``mention`` is the raw text; ``name`` the gazetteer's spelling.  Admin
    names in ``admin1`` are the common English governorate names of the gold
    guide; OCHA's own names and P-codes are kept in the ``*_ocha``/``*_pcode``
    fields.
    """

    mention: str
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    admin1: str | None = None
    admin1_ocha: str | None = None
    admin1_pcode: str | None = None
    admin2: str | None = None
    admin2_pcode: str | None = None
    admin3: str | None = None
    admin3_pcode: str | None = None
    feature: str | None = None  # city, village, admin1, admin2, country, ...
    precision: WherePrecision = WherePrecision.UNKNOWN
    gazetteer_id: str | None = None
    reason: str | None = None  # why this candidate was chosen
    span: Span | None = None

    @property
    def resolved(self) -> bool:
        return self.precision != WherePrecision.UNKNOWN


@dataclass(frozen=True, slots=True)
class Figure:
    """A number of people the text says were killed, injured or displaced,
    with everything the text says about it (see ../shared/gold/GUIDE.md)."""

    id: str
    doc_id: str
    outcome: Outcome
    n: int
    qualifier: Qualifier
    victims: Victims
    quote: str
    number_span: Span
    sentence_start: int
    sentence_end: int
    side: Side | None = None
    part_of: str | None = None  # id of the parent figure
    place: Place | None = None  # the settlement the figure is tied to
    area: Place | None = None  # the admin unit / region it is scoped to
    country: str | None = None  # only when scoped to a whole country
    period: Period = field(default_factory=Period)
    source: str | None = None
    actor: tuple[str, ...] = ()
    weapon: str | None = None
    provenance: tuple[Span, ...] = ()  # one span per field, rule = "field:rule-id"

    @property
    def admin1(self) -> str | None:
        for p in (self.place, self.area):
            if p is not None and p.admin1:
                return p.admin1
        return None

    @staticmethod
    def make_id(doc_id: str, doc_hash: str, number_start: int, outcome: str, victims: str) -> str:
        return stable_id("figure", doc_id, doc_hash, number_start, outcome, victims)

    def to_json(self) -> dict[str, Any]:
        """The output shape of the gold guide, plus provenance fields."""
        p = self.period
        d: dict[str, Any] = {
            "doc": self.doc_id,
            "id": self.id,
            "outcome": str(self.outcome),
            "n": self.n,
            "qualifier": str(self.qualifier),
            "victims": str(self.victims),
            "side": str(self.side) if self.side else None,
            "part_of": self.part_of,
            "place": (self.place.name or self.place.mention) if self.place else None,
            "place_mention": self.place.mention if self.place else None,
            "admin1": self.admin1,
            "country": self.country or next((p.country for p in (self.place, self.area) if p and p.country), None),
            "start": p.start.isoformat() if p.start else None,
            "end": p.end.isoformat() if p.end else None,
            "date_tolerance_days": p.tolerance_days,
            "source": self.source,
            "actor": "; ".join(self.actor) if self.actor else None,
            "weapon": self.weapon,
            "quote": self.quote,
            "number_start": self.number_span.start,
            "number_end": self.number_span.end,
            "sentence_start": self.sentence_start,
            "sentence_end": self.sentence_end,
        }
        loc = self.place if self.place and self.place.resolved else self.area
        if loc is not None:
            d.update(
                lat=loc.lat,
                lon=loc.lon,
                admin2=loc.admin2,
                admin3=loc.admin3,
                admin1_pcode=loc.admin1_pcode,
                admin2_pcode=loc.admin2_pcode,
                admin3_pcode=loc.admin3_pcode,
                where_prec=int(loc.precision),
                geo_reason=loc.reason,
            )
        d["rules"] = {s.rule.split(":", 1)[0]: s.rule.split(":", 1)[-1] for s in self.provenance}
        return d


@dataclass(frozen=True, slots=True)
class Count:
    """Reconciled low/best/high count of one outcome for one victim group."""

    outcome: Outcome
    victims: Victims
    low: int
    best: int
    high: int
    rule: str  # how best was chosen


@dataclass(frozen=True, slots=True)
class Event:
    """Figures from one or more documents that describe the same incident."""

    id: str
    figure_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]
    start: dt.date | None
    end: dt.date | None
    date_precision: DatePrecision
    place: Place | None
    event_type: str | None
    sub_event_type: str | None
    actors: tuple[str, ...]
    counts: tuple[Count, ...]
    evidence: tuple[str, ...] = ()  # human-readable linking evidence

    @staticmethod
    def make_id(figure_ids: list[str] | tuple[str, ...]) -> str:
        return stable_id("event", *sorted(figure_ids))


@dataclass(frozen=True, slots=True)
class Link:
    """Why one figure was linked to another in the same event."""

    event_id: str
    figure_a: str
    figure_b: str
    score: float  # match probability or weight, higher = more alike
    evidence: tuple[str, ...]  # e.g. ("same admin3 SY070400", "dates 0 days apart", "both barrel bomb", "counts 15 vs 16")
    # a candidate is not linked: the places conflict though everything else agrees (lower confidence)
    candidate: bool = False


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Two claims (one source's number for one thing, carried by one or more
    articles) that cannot both be right: two sources counting the same thing
    over the same period (kind ``rival``), one source whose later total is
    lower than its earlier one (``decrease``), or a count over a shorter
    period inside the other's that is larger (``nested``).  ``figure_a`` and
    ``figure_b`` are one figure of each claim; ``figures_*`` and ``docs_*``
    list every figure and article behind it.

    ``scope`` says what the claims count: ``tally`` (running totals over a
    period, above) or ``incident`` (one incident's toll, ``event_id`` the
    event the linker made of it: two sources reporting it the same day
    with counts that cannot both be right, kind ``rival``, or a later
    report lower than an earlier one, kind ``later_lower``; link/tolls.py)."""

    id: str
    outcome: Outcome
    victims: Victims
    area: str | None  # admin1 (or place) both tallies cover
    figure_a: str
    source_a: str
    n_a: int
    qualifier_a: Qualifier
    period_a: Period
    figure_b: str
    source_b: str
    n_b: int
    qualifier_b: Qualifier
    period_b: Period
    difference: int  # n_b - n_a
    overlap_days: int
    kind: str = "rival"  # rival | decrease | nested
    figures_a: tuple[str, ...] = ()
    docs_a: tuple[str, ...] = ()
    figures_b: tuple[str, ...] = ()
    docs_b: tuple[str, ...] = ()
    evidence: str = ""  # why, in words a reviewer can check
    scope: str = "tally"  # tally | incident
    event_id: str | None = None  # the incident's event (scope incident)
