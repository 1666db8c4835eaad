"""One correction links again only the part of the store it can reach
(``store.relink``), and the store is then exactly as linking the whole of
it again would leave it: events, their counts and figures, links,
disagreements (with verdicts) and every figure's kind."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from wartally.ingestion import ingest, read_inputs
from wartally.link import link_store
from wartally.review import actions
from wartally.store import Store
from wartally.store.relink import before_change, link_part, related_documents
from wartally.store import codec
from wartally.records import Figure

TABLES = {
    "events": "SELECT * FROM events ORDER BY id",
    "event_counts": "SELECT * FROM event_counts ORDER BY ALL",
    "event_figures": "SELECT * FROM event_figures ORDER BY ALL",
    "links": "SELECT * FROM links ORDER BY figure_a, figure_b",
    "disagreements": "SELECT * FROM disagreements ORDER BY id",
    "kinds": "SELECT id, kind FROM figures ORDER BY id",
}


def snapshot(store: Store) -> dict[str, list[tuple]]:
    return {name: store.con.execute(sql).fetchall() for name, sql in TABLES.items()}


def same_as_full_link(store: Store) -> None:
    """The store as it is equals the store linked again in full."""
    part = snapshot(store)
    link_store(store)
    full = snapshot(store)
    for name in TABLES:
        assert part[name] == full[name], name


@pytest.fixture(scope="module")
def linked(tmp_path_factory, fakes_cut) -> Path:
    db = tmp_path_factory.mktemp("relink") / "fakes.duckdb"
    with Store(db) as store:
        assert not ingest(store, read_inputs([fakes_cut])).problems
    return db


@pytest.fixture
def store(linked, tmp_path):
    copy = tmp_path / "relink.duckdb"
    shutil.copy(linked, copy)
    with Store(copy) as s:
        yield s


def shared_event_figures(store: Store, kind: str = "incident", limit: int = 3) -> list[str]:
    """Figures of ``kind`` in events that join several documents."""
    return [r[0] for r in store.con.execute(
        "SELECT ef.figure_id FROM event_figures ef JOIN events e ON e.id = ef.event_id JOIN figures f "
        "ON f.id = ef.figure_id WHERE e.n_documents > 1 AND f.kind = ? ORDER BY e.n_documents DESC, ef.figure_id "
        "LIMIT ?", [kind, limit]).fetchall()]


def test_review_relink_of_one_correction_equals_a_full_link(store):
    incidents = shared_event_figures(store)
    tallies = [r[0] for r in store.con.execute(
        "SELECT id FROM figures WHERE kind = 'tally' ORDER BY n DESC, id LIMIT 2").fetchall()]
    assert len(incidents) == 3 and len(tallies) == 2
    first = codec.loads(Figure, store.con.execute("SELECT record FROM figures WHERE id = ?",
                                                  [incidents[0]]).fetchone()[0])
    moved = (first.period.start or dt.date(2016, 1, 1)) + dt.timedelta(days=6)
    steps = [
        lambda: actions.edit(store, incidents[0], "period", {"start": moved.isoformat(), "end": moved.isoformat()},
                             editor="amal"),
        lambda: actions.decide(store, incidents[1], "reject", editor="amal"),
        lambda: actions.edit(store, incidents[2], "n", 999, editor="amal"),
        lambda: actions.edit(store, tallies[0], "n", 12345, editor="amal"),
        lambda: actions.decide(store, tallies[1], "reject", editor="amal"),
        lambda: actions.edit(store, incidents[2], "victims", "combatants", editor="amal"),
    ]
    for step in steps:
        step()
        same_as_full_link(store)
    two = [r[0] for r in store.con.execute(
        "SELECT id FROM events WHERE n_documents = 1 ORDER BY start_date, id LIMIT 2").fetchall()]
    actions.merge(store, two, editor="amal")
    same_as_full_link(store)
    (merged,) = [r[0] for r in store.con.execute("SELECT id FROM events WHERE reviewed").fetchall()]
    off = [r[0] for r in store.con.execute("SELECT figure_id FROM event_figures WHERE event_id = ? ORDER BY 1 "
                                           "LIMIT 1", [merged]).fetchall()]
    actions.split(store, merged, off, editor="amal")
    same_as_full_link(store)


def test_review_relink_reads_only_a_part_of_the_store(store):
    (fid,) = shared_event_figures(store, limit=1)
    doc = store.con.execute("SELECT doc_id FROM figures WHERE id = ?", [fid]).fetchone()[0]
    before, tallies = before_change(store.con, [doc])
    closure, part = related_documents(store.con, {doc}, before, lambda r: codec.loads(Figure, r))
    total = store.con.execute("SELECT count(*) FROM documents").fetchone()[0]
    event_docs = {r[0] for r in store.con.execute(
        "SELECT DISTINCT b.doc_id FROM event_figures a JOIN event_figures b ON a.event_id = b.event_id "
        "WHERE a.figure_id = ?", [fid]).fetchall()}
    assert event_docs <= closure and len(event_docs) > 1
    assert len(part.documents) < total / 2 and len(closure) <= len(part.documents)
    assert link_part(store, {doc}, before, tallies_before=tallies) == closure
