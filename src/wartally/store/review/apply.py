"""Applying corrections to the store, inside the store's own write
transactions: ``apply_figures`` after figures are written (ingest, load,
a new correction), ``adjust_events`` and ``after_events`` when the link
stage writes events.  Every correction is applied from the machine's
values up, so applying twice gives the same record.

A correction whose target cannot be found again (the sentence of its number
was edited away, the document is gone, the extractor no longer finds a
figure there) is an ``Orphan``: listed for a second look, never dropped.
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from wartally.records import Document, Event, Figure, Link, Outcome, Qualifier, Span, Victims, stable_id
from wartally.store.review.corrections import EVENT_KINDS, FIGURE_KINDS, Correction, Kind, read_log
from wartally.store.review.fields import set_fields
from wartally.store.review.keys import FigureKey
from wartally.store import codec, rows
from wartally.link.unit import make_units
from wartally.link.reconcile import independent_reports, make_event
from wartally.extract.sentences import split_sentences

ROW_COLUMNS = ("id", "doc_id", "outcome", "number_start", "number_end", "sentence_start", "sentence_end",
               "record", "machine_record", "review_status")
UPDATED = tuple(c for c in rows.FIGURE_COLUMNS if c not in ("id", "doc_id", "kind"))


@dataclass(frozen=True, slots=True)
class Orphan:
    """Corrections whose target is not in the store as it is now."""

    target_id: str
    doc_id: str | None
    reason: str
    corrections: tuple[Correction, ...]

    def to_json(self) -> dict[str, Any]:
        return {"target_id": self.target_id, "doc_id": self.doc_id, "reason": self.reason,
                "corrections": [c.to_json() for c in self.corrections]}


@dataclass(slots=True)
class _State:
    """What the corrections of one figure add up to."""

    key: FigureKey
    status: str | None = None  # accepted | rejected | added
    added: dict[str, Any] | None = None
    edits: dict[str, Any] = field(default_factory=dict)
    log: list[Correction] = field(default_factory=list)


class Resolver:
    """Finds figure keys in the store as it is now (per document)."""

    def __init__(self, con: Any, doc_ids: set[str]):
        self.con = con
        self.texts: dict[str, str] = dict(con.execute(
            "SELECT id, text FROM documents WHERE id IN (SELECT unnest(?))", [sorted(doc_ids)]).fetchall())
        cur = con.execute(f"SELECT {', '.join(ROW_COLUMNS)} FROM figures WHERE doc_id IN (SELECT unnest(?)) "
                          "ORDER BY number_start, id", [sorted(doc_ids)])
        self.rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for r in cur.fetchall():
            d = dict(zip(ROW_COLUMNS, r))
            self.rows[d["doc_id"]].append(d)

    def span(self, key: FigureKey) -> tuple[int, int] | None:
        text = self.texts.get(key.doc_id)
        return key.locate(text) if text is not None else None

    def row(self, key: FigureKey) -> tuple[dict[str, Any] | None, str | None]:
        """The figure row a key points at, or None and why not."""
        if key.doc_id not in self.texts:
            return None, "the document is no longer in the store"
        span = self.span(key)
        if span is None:
            return None, f"the sentence of {key.text!r} is no longer in the text"
        s, e = span
        figs = self.rows.get(key.doc_id, [])
        same = [r for r in figs if r["number_start"] == s and r["number_end"] == e]
        if not same:
            same = [r for r in figs if r["number_start"] < e and s < r["number_end"] and r["outcome"] == key.outcome]
        if not same:
            return None, f"no figure at {key.text!r} any more"
        return next((r for r in same if r["outcome"] == key.outcome), same[0]), None

    def figure_id(self, key_json: dict | None) -> str | None:
        if not key_json:
            return None
        row, _ = self.row(FigureKey.from_json(key_json))
        return row["id"] if row else None


def _states(log: list[Correction]) -> dict[str, _State]:
    states: dict[str, _State] = {}
    for c in log:
        st = states.get(c.target_id)
        if st is None:
            st = states[c.target_id] = _State(FigureKey.from_json(c.target))
        st.log.append(c)
        if c.kind == Kind.ACCEPT:
            st.status = "added" if st.added is not None else "accepted"
        elif c.kind == Kind.REJECT:
            st.status = "rejected"
        elif c.kind == Kind.ADD:
            st.added, st.status = dict(c.after), "added"
        elif c.kind == Kind.EDIT and c.field:
            st.edits[c.field] = c.after
            if st.status in (None, "accepted"):
                st.status = "corrected"
    return states


def apply_figures(con: Any, doc_ids: list[str] | None = None, *, write: bool = True) -> list[Orphan]:
    """Apply the figure corrections of ``doc_ids`` (all when None) to the
    figure rows in the store; the corrections that found no target."""
    log = read_log(con, doc_ids=doc_ids, kinds=FIGURE_KINDS)
    if not log:
        return []
    states = _states(log)
    found = Resolver(con, {s.key.doc_id for s in states.values()})
    orphans: list[Orphan] = []
    for target_id, st in states.items():
        row, why = found.row(st.key)
        if row is None and st.added is not None and found.span(st.key) is not None:
            if write:
                _insert_added(con, found, st)
            continue
        if row is None:
            orphans.append(Orphan(target_id, st.key.doc_id, why or "not found", tuple(st.log)))
            continue
        if write:
            _update(con, found, row, st)
    return orphans


def _base(row: dict[str, Any]) -> Figure:
    return codec.loads(Figure, row["machine_record"] or row["record"])


def _update(con: Any, found: Resolver, row: dict[str, Any], st: _State) -> None:
    base = _base(row)
    edits = dict(st.added or {}) | st.edits if st.added is not None else st.edits
    fig = set_fields(base, {k: v for k, v in edits.items() if k != "n" or v is not None}, found.figure_id)
    values = rows.figure_row(fig)
    sets = ", ".join(f"{c} = ?" for c in UPDATED)
    machine = row["machine_record"] or (None if row["review_status"] == "added" else row["record"])
    con.execute(f"UPDATE figures SET {sets}, reviewed = TRUE, review_status = ?, machine_record = ? WHERE id = ?",
                [values[c] for c in UPDATED] + [st.status or "accepted", machine, row["id"]])


def _insert_added(con: Any, found: Resolver, st: _State) -> None:
    key, fields = st.key, dict(st.added or {})
    s, e = found.span(key)
    text = found.texts[key.doc_id]
    sent = next((x for x in split_sentences(text) if x.start <= s < x.end), None)
    ss, se = (sent.start, sent.end) if sent else (s, e)
    outcome, victims = Outcome(fields.pop("outcome")), Victims(fields.pop("victims"))
    base = Figure(
        id=stable_id("review-added", key.doc_id, s, e, str(outcome)), doc_id=key.doc_id, outcome=outcome,
        n=int(fields.pop("n")), qualifier=Qualifier(fields.pop("qualifier", None) or "exact"), victims=victims,
        quote=text[ss:se], number_span=Span(key.doc_id, s, e, text[s:e], "number:review-added"),
        sentence_start=ss, sentence_end=se, provenance=(Span(key.doc_id, s, e, text[s:e], "figure:review-added"),))
    fig = set_fields(base, st.edits | {k: v for k, v in fields.items() if k not in st.edits}, found.figure_id)
    values = rows.figure_row(fig)
    values.update(reviewed=True, review_status="rejected" if st.status == "rejected" else "added",
                  machine_record=None)
    con.execute(f"INSERT INTO figures ({', '.join(values)}) VALUES ({', '.join('?' for _ in values)})",
                list(values.values()))
    found.rows[key.doc_id].append({"id": fig.id, "doc_id": key.doc_id, "outcome": str(fig.outcome),
                                   "number_start": s, "number_end": e, "sentence_start": ss, "sentence_end": se,
                                   "record": values["record"], "machine_record": None, "review_status": "added"})


# ------------------------------------------------------------------ events

def _event_keys(c: Correction) -> list[FigureKey]:
    return [FigureKey.from_json(k) for k in c.target.get("figures", [])]


def adjust_events(con: Any, events: list[Event], links: list[Link], doc_ids: set[str] | None = None
                  ) -> tuple[list[Event], list[Link], set[str]]:
    """The link stage's events with the analysts' merges and splits applied
    (in the order they were made), their links moved to the new events, and
    the ids of the events a correction made.  ``doc_ids``: the events are
    those of these documents only (a part of the store linked again), so
    only the merges and splits of their figures apply."""
    log = read_log(con, kinds=EVENT_KINDS)
    if doc_ids is not None:
        log = [c for c in log if {k.doc_id for k in _event_keys(c)} <= doc_ids]
    if not log:
        return events, links, set()
    found = Resolver(con, {k.doc_id for c in log for k in _event_keys(c)})
    groups: list[set[str]] = [set(e.figure_ids) for e in events]
    notes: list[list[str]] = [[] for _ in events]
    touched: set[int] = set()
    for c in log:
        ids = {i for i in (found.figure_id(k.to_json()) for k in _event_keys(c)) if i}
        if c.kind == Kind.MERGE:
            hit = [g for g, members in enumerate(groups) if members & ids]
            if len(hit) < 2:
                continue
            keep = hit[0]
            for g in hit[1:]:
                groups[keep] |= groups[g]
                groups[g] = set()
                notes[keep] += notes[g]
            notes[keep].append(f"merged by {c.editor}" + (f": {c.reason}" if c.reason else ""))
            touched.add(keep)
        elif c.kind == Kind.SPLIT and ids:
            for g, members in enumerate(groups):
                if members & ids and members - ids:
                    groups[g] = members - ids
                    touched.add(g)
            groups.append(set(ids))
            notes.append([f"split off by {c.editor}" + (f": {c.reason}" if c.reason else "")])
            touched.add(len(groups) - 1)
    if not touched:
        return events, links, set()
    rebuilt = _rebuild(con, [(groups[g], notes[g]) for g in sorted(touched) if groups[g]])
    gone = {events[g].id for g in touched if g < len(events)}
    out = [e for g, e in enumerate(events) if g not in touched and groups[g]]
    new_of_figure = {f: ev.id for ev in rebuilt for f in ev.figure_ids}
    moved = []
    for link in links:
        if link.event_id in gone:
            new = new_of_figure.get(link.figure_a) or new_of_figure.get(link.figure_b)
            if not new or (not link.candidate and new != new_of_figure.get(link.figure_b)):
                continue  # its two figures are in different events now
            link = replace(link, event_id=new)
        moved.append(link)
    return out + rebuilt, moved, {e.id for e in rebuilt}


def _rebuild(con: Any, groups: list[tuple[set[str], list[str]]]) -> list[Event]:
    ids = sorted({i for g, _ in groups for i in g})
    figs = {f.id: f for f in (codec.loads(Figure, r[0]) for r in con.execute(
        "SELECT record FROM figures WHERE id IN (SELECT unnest(?))", [ids]).fetchall())}
    doc_ids = sorted({f.doc_id for f in figs.values()})
    cur = con.execute("SELECT id, text, content_hash, title, published, outlet, url, origin, language "
                      "FROM documents WHERE id IN (SELECT unnest(?))", [doc_ids])
    names = [d[0] for d in cur.description]
    documents = {r[0]: Document(**dict(zip(names, r))) for r in cur.fetchall()}
    out = []
    for members, note in groups:
        group = [figs[i] for i in sorted(members) if i in figs]
        if not group:
            continue
        units = make_units(group, documents)
        docs = sorted({f.doc_id for f in group})
        reports = independent_reports(docs, group, documents) if len(docs) > 1 else [docs]
        out.append(make_event(units, group, documents, tuple(note), reports))
    return out


def after_events(con: Any, reviewed: set[str]) -> None:
    """Flag the events corrections made; set the disagreements' verdicts."""
    if reviewed:
        con.execute("UPDATE events SET reviewed = TRUE WHERE id IN (SELECT unnest(?))", [sorted(reviewed)])
    log = read_log(con, kinds=frozenset({Kind.VERDICT}))
    if not log:
        return
    found = Resolver(con, {k["doc_id"] for c in log for k in (c.target["a"], c.target["b"])})
    for c in log:
        a, b = found.figure_id(c.target["a"]), found.figure_id(c.target["b"])
        if a and b:
            con.execute("UPDATE disagreements SET verdict = ? WHERE (figure_a = ? AND figure_b = ?) "
                        "OR (figure_a = ? AND figure_b = ?)", [c.after, a, b, b, a])


def orphans(con: Any) -> list[Orphan]:
    """Every correction whose target is not in the store as it is now."""
    out = apply_figures(con, write=False)
    events = read_log(con, kinds=EVENT_KINDS | {Kind.VERDICT})
    if events:
        keys = [k for c in events for k in (_event_keys(c) or [FigureKey.from_json(c.target["a"]),
                                                              FigureKey.from_json(c.target["b"])])]
        found = Resolver(con, {k.doc_id for k in keys})
        for c in events:
            ks = _event_keys(c) or [FigureKey.from_json(c.target["a"]), FigureKey.from_json(c.target["b"])]
            missing = [k for k in ks if found.figure_id(k.to_json()) is None]
            if missing:
                out.append(Orphan(c.target_id, missing[0].doc_id,
                                  f"{len(missing)} of its {len(ks)} figures are no longer found "
                                  f"(first: {missing[0].text!r} in {missing[0].doc_id})", (c,)))
    return out


def _loads(v: Any) -> Any:
    return json.loads(v) if isinstance(v, str) else v
