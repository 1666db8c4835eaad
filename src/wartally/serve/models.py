"""Response shapes of the JSON API (pydantic at the HTTP edge only); they are
what the OpenAPI schema at /openapi.json documents."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class FigureOut(_Open):
    id: str
    doc_id: str
    outcome: str
    n: int
    qualifier: str
    victims: str
    side: str | None = None
    part_of: str | None = None
    place: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    start_date: str | None = None
    end_date: str | None = None
    source: str | None = None
    actor: str | None = None
    weapon: str | None = None
    quote: str
    number_start: int
    number_end: int
    sentence_start: int
    sentence_end: int
    event_id: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


class CountOut(BaseModel):
    outcome: str
    victims: str
    low: int
    best: int
    high: int
    rule: str


class EventOut(_Open):
    id: str
    start_date: str | None = None
    end_date: str | None = None
    place: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    event_type: str | None = None
    actors: str | None = None
    n_documents: int | None = None
    n_reports: int | None = None
    counts: list[CountOut] = []
    figure_ids: list[str] = []
    doc_ids: list[str] = []
    killed: int = 0
    injured: int = 0
    displaced: int = 0


class LinkOut(_Open):
    figure_a: str
    figure_b: str
    score: float | None = None
    evidence: list[str] = []


class EventDetail(EventOut):
    figures: list[FigureOut] = []
    links: list[LinkOut] = []


class DocumentOut(_Open):
    id: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    text: str
    figures: list[FigureOut] = []
    related: list[dict[str, Any]] = []
    links: list[dict[str, Any]] = []


class DisagreementOut(_Open):
    id: str
    outcome: str
    victims: str
    area: str | None = None
    source_a: str
    n_a: int
    source_b: str
    n_b: int
    difference: int | None = None
    overlap_days: int | None = None
    scope: str | None = None  # tally (running totals) | incident (one incident's toll)


class FigurePage(BaseModel):
    items: list[FigureOut]
    total: int


class EventPage(BaseModel):
    items: list[EventOut]
    total: int


class DisagreementPage(BaseModel):
    items: list[DisagreementOut]
    total: int


class TallyPoint(BaseModel):
    as_of: str
    n: int
    qualifier: str
    docs: list[str]


class TallySeries(BaseModel):
    id: str
    source: str
    outcome: str
    victims: str
    area: str
    area_level: str
    start: str
    falls: bool
    points: list[TallyPoint]


class TallyPage(BaseModel):
    items: list[TallySeries]
    total: int


class TimelineRow(BaseModel):
    day: str
    outcome: str
    victims: str
    n: int
    figures: int


class Timeline(BaseModel):
    items: list[TimelineRow]
    total: int


class ErrorBody(BaseModel):
    status: int
    code: str
    message: str
    details: list[dict[str, Any]] | None = None


class ErrorOut(BaseModel):
    """Every error the API answers has this shape."""

    error: ErrorBody
