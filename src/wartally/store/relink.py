"""Linking part of a store again after some documents' figures changed (an
analyst's correction), with the same events, links, kinds and
disagreements as linking the whole store again.

Why a part is enough: linking pairs report units only through the scored
candidate pairs of ``score_units``, and a pair's two units start at most
``reach_days()`` apart (the blocking window plus the widest vague range).
The clustering, the events, their links and candidate links of one
connected set of documents (documents joined by any scored pair of their
units) do not depend on anything outside it.  So the documents to link
again are the connected set around the changed documents, taken over the
pairs of their units as they are now and as they were before the change (a
unit that paired with the old version may cluster differently without it),
grown by the documents of any stored event, merge or split that shares a
document with it, until nothing more joins.  Only documents within reach
of the set are read and scored.  Disagreements are between tallies of the
whole store: they are found again only when a changed document has (or
had) a tally.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from wartally.link.comparison import MAX_RANGE_DAYS, settings
from wartally.link.disagreement import find_disagreements
from wartally.link.kind import classify
from wartally.link.linker import link_figures, score_units
from wartally.link.storage import write_reports
from wartally.link.unit import EPOCH, Unit, make_units
from wartally.records import Document, Figure
from wartally.store import codec
from wartally.store.review.corrections import EVENT_KINDS, read_log

DOCUMENT_COLUMNS = "id, text, content_hash, title, published, outlet, url, origin, language"
NOT_REJECTED = "review_status IS DISTINCT FROM 'rejected'"


def reach_days() -> int:
    """How many days apart two units' starts may be and still be scored."""
    return int(settings()["blocking"]["max_days_apart"]) + MAX_RANGE_DAYS + 1


class _Part:
    """The documents read so far, their figures, kinds and units."""

    def __init__(self, con: Any, decode):
        self.con = con
        self.decode = decode  # record JSON -> Figure
        self.documents: dict[str, Document] = {}
        self.figures: dict[str, list[Figure]] = {}
        self.units: dict[str, list[Unit]] = {}

    def load_documents(self, doc_ids: Iterable[str]) -> None:
        """The documents only (their texts), not their figures."""
        new = sorted(set(doc_ids) - set(self.documents))
        if new:
            cur = self.con.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id IN (SELECT unnest(?))", [new])
            names = [d[0] for d in cur.description]
            for row in cur.fetchall():
                self.documents[row[0]] = Document(**dict(zip(names, row)))

    def load(self, doc_ids: Iterable[str]) -> None:
        new = sorted(set(doc_ids) - set(self.figures))
        if not new:
            return
        cur = self.con.execute(f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id IN (SELECT unnest(?))", [new])
        names = [d[0] for d in cur.description]
        for row in cur.fetchall():
            self.documents[row[0]] = Document(**dict(zip(names, row)))
        by_doc: dict[str, list[Figure]] = defaultdict(list)
        for (record,) in self.con.execute(
                f"SELECT record FROM figures WHERE doc_id IN (SELECT unnest(?)) AND {NOT_REJECTED} "
                "ORDER BY doc_id, number_start, id", [new]).fetchall():
            if record:
                f = self.decode(record)
                by_doc[f.doc_id].append(f)
        for doc_id in new:
            self.documents.setdefault(doc_id, None)  # type: ignore[arg-type] - gone: no figures
            figs = by_doc.get(doc_id, [])
            self.figures[doc_id] = figs
            self.units[doc_id] = make_units(incidents(figs, self.documents), self.documents)


def incidents(figs: Sequence[Figure], documents: dict[str, Document | None]) -> list[Figure]:
    def sentence(f: Figure) -> str | None:
        doc = documents.get(f.doc_id)
        return doc.text[f.sentence_start:f.sentence_end] if doc is not None and doc.text else None

    return [f for f in figs if classify(f, sentence(f)) == "incident"]


def _day(n: int) -> dt.date:
    return EPOCH + dt.timedelta(days=n)


def _near(con: Any, days: Sequence[int], reach: int, back: int) -> set[str]:
    """Documents with a figure, or a publication day, that could put one of
    their units within ``reach`` days of ``days``."""
    spans: list[list[int]] = []
    for d in sorted(set(days)):
        if spans and d - reach <= spans[-1][1]:
            spans[-1][1] = d + reach
        else:
            spans.append([d - reach, d + reach])
    found: set[str] = set()
    for lo, hi in spans:
        a, b = _day(lo), _day(hi + back)
        found.update(r[0] for r in con.execute(
            f"SELECT DISTINCT doc_id FROM figures WHERE {NOT_REJECTED} AND ((start_date BETWEEN ? AND ?) "
            "OR (end_date BETWEEN ? AND ?))", [a, b, a, b]).fetchall())
        found.update(r[0] for r in con.execute(
            "SELECT id FROM documents WHERE published BETWEEN ? AND ?", [a, b]).fetchall())
    return found


def _stored_event_docs(con: Any, doc_ids: set[str]) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT DISTINCT b.doc_id FROM event_figures a JOIN event_figures b ON a.event_id = b.event_id "
        "WHERE a.doc_id IN (SELECT unnest(?))", [sorted(doc_ids)]).fetchall()}


def _correction_docs(doc_ids: set[str], event_groups: list[set[str]]) -> set[str]:
    return {d for group in event_groups if group & doc_ids for d in group}


def related_documents(con: Any, changed: set[str], before: Sequence[Figure], decode,
                      event_groups: list[set[str]] | None = None, scorer: Any = None) -> tuple[set[str], _Part]:
    """The documents to link again when ``changed`` documents' figures
    changed (``before``: their figures, as the link stage saw them, before
    the change); and what was read of them.  ``event_groups``: the
    documents of each merge or split an analyst made; ``scorer``: an
    in-memory DuckDB connection to score pairs on (a new one each call if
    None)."""
    reach = reach_days()
    back = int(settings()["dates"]["undated_days_before_publication"])
    part = _Part(con, decode)
    part.load(changed)
    old_docs = {d: part.documents[d] for d in changed if part.documents.get(d) is not None}
    old_units = make_units(incidents(before, old_docs), old_docs)
    groups = event_groups or []
    closure = set(changed)
    covered: set[int] = set()
    while True:
        start = set(closure)
        closure |= _stored_event_docs(con, closure) | _correction_docs(closure, groups)
        part.load(closure)
        days = {u.day_start for d in closure for u in part.units[d] if u.day_start is not None}
        days |= {u.day_start for u in old_units if u.day_start is not None}
        if days - covered:  # every unit that could pair with one of the closure's is read
            part.load(_near(con, sorted(days - covered), reach, back))
            covered |= days
        units = [u for d in part.units for u in part.units[d]]
        doc_of = {u.id: u.doc_id for u in units}
        graph: dict[str, set[str]] = defaultdict(set)
        for p in score_units(units, scorer):
            graph[doc_of[p[0]]].add(doc_of[p[1]])
            graph[doc_of[p[1]]].add(doc_of[p[0]])
        grown = set(closure)
        if old_units:  # what the changed documents paired with before the change
            others = [u for u in units if u.doc_id not in changed]
            old_ids = {u.id for u in old_units}
            for p in score_units(others + old_units, scorer):
                a, b = (p[0], p[1]) if p[0] in old_ids else (p[1], p[0])
                if a in old_ids and b not in old_ids:
                    grown.add(doc_of[b])
        todo = list(grown)
        while todo:
            for other in graph.get(todo.pop(), ()):
                if other not in grown:
                    grown.add(other)
                    todo.append(other)
        if grown == start:  # nothing joined this round: no event, merge, split or pair reaches further
            return closure, part
        closure = grown  # read around the new documents, and take their events, merges and splits


def before_change(con: Any, doc_ids: Iterable[str]) -> tuple[list[Figure], frozenset[str]]:
    """What ``link_part`` needs to know of documents about to change: their
    figures as the link stage sees them, and their tallies (as records)."""
    docs = sorted(set(doc_ids))
    got = con.execute(f"SELECT record, kind FROM figures WHERE doc_id IN (SELECT unnest(?)) AND {NOT_REJECTED} "
                      "ORDER BY doc_id, number_start, id", [docs]).fetchall()
    figures = [(codec.loads(Figure, r), k) for r, k in got if r]
    return [f for f, _ in figures], frozenset(codec.dumps(f) for f, k in figures if k == "tally")


def link_part(store: Any, changed: Iterable[str], before: Sequence[Figure], *,
              tallies_before: frozenset[str] = frozenset()) -> set[str]:
    """Link again the part of ``store`` that changing the figures of the
    ``changed`` documents can reach (``before``, ``tallies_before``: see
    ``before_change``, taken before the change); the documents linked
    again.  Disagreements are found again when the changed documents'
    tallies changed (one edited, rejected, added, or classified otherwise)."""
    con = store.con
    changed = set(changed)
    groups = [{k["doc_id"] for k in c.target.get("figures", [])} for c in read_log(con, kinds=EVENT_KINDS)]
    import duckdb

    scorer = duckdb.connect()
    try:
        closure, part = related_documents(con, changed, before, lambda r: codec.loads(Figure, r), groups, scorer)
        documents = {d: doc for d in sorted(closure) if (doc := part.documents.get(d)) is not None}
        figures = [f for d in sorted(closure) for f in part.figures.get(d, [])]
        result = link_figures(figures, documents, con=scorer)
    finally:
        scorer.close()
    disagreements = None
    tallies_after = frozenset(codec.dumps(f) for f in figures if f.doc_id in changed
                              and result.kinds.get(f.id) == "tally")
    if tallies_after != tallies_before:
        others = con.execute(f"SELECT record FROM figures WHERE kind = 'tally' AND {NOT_REJECTED} "
                             "AND doc_id NOT IN (SELECT unnest(?))", [sorted(closure)]).fetchall()
        tallies = [codec.loads(Figure, r[0]) for r in others if r[0]]
        tallies += [f for f in figures if result.kinds.get(f.id) == "tally"]
        tallies.sort(key=lambda f: (f.doc_id, f.number_span.start, f.id))
        part.load_documents({f.doc_id for f in tallies})
        disagreements = find_disagreements(tallies, {d: doc for d, doc in part.documents.items() if doc is not None})
    incidents = [d for d in result.disagreements if d.scope == "incident"]  # about the closure's events only
    store.write_events_of(closure, result.events, result.links, disagreements, result.kinds, incidents=incidents)
    write_reports(con, result.n_reports)
    return closure
