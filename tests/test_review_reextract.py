"""A newer extractor over the unchanged texts of a store (``wartally
reextract``): every document's machine figures are made again, and every
kind of correction is still applied; a correction whose number the new
extractor no longer reads as a figure is listed for a second look, never
dropped; only documents an older extractor made are re-extracted unless
``--all`` is given."""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

from test_review_corrections import _kafr_nabl_id, built, db, events_of, figure  # noqa: F401 - fixtures
from wartally.cli import main
from wartally.extract import lexicon
from wartally.extract.version import fingerprint, fingerprint_of
from wartally.ingestion import reextract
from wartally.review import actions
from wartally.store import Store
from wartally.store.review.apply import orphans
from wartally.store.review.corrections import read_log

Rows = list[tuple[str, ...]]


def _clear_extractor_caches() -> None:
    """Forget every lexicon and rule the extractor compiled from its data."""
    for module in list(sys.modules.values()):
        if module is not None and getattr(module, "__name__", "").startswith("wartally.extract"):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


@contextmanager
def extractor_changed(monkeypatch, change: dict[str, Callable[[Rows], Rows]]) -> Iterator[None]:
    """The extractor as if its lexicons (``victims.tsv``...) had been edited:
    each named file's rows go through ``change[name]``."""
    read = lexicon._read

    def edited(name: str) -> Rows:
        rows = read(name)
        return change[name](rows) if name in change else rows

    monkeypatch.setattr(lexicon, "_read", edited)
    _clear_extractor_caches()
    try:
        yield
    finally:
        monkeypatch.setattr(lexicon, "_read", read)
        _clear_extractor_caches()


def civilians_read_as_people(rows: Rows) -> Rows:
    """A victims lexicon in which 'civilians' is no group of its own: the
    extractor reads '12 civilians' as 12 people."""
    out = []
    for r in rows:
        if r[0] == "civilians":
            r = r[:-1] + (r[-1].replace("civilians?|", ""),)
        elif r[0] == "people":
            r = r[:-1] + ("civilians?|" + r[-1],)
        out.append(r)
    return out


def people_not_a_group(rows: Rows) -> Rows:
    """A victims lexicon without 'people': '20 people were wounded' is no figure."""
    return [r for r in rows if r[0] != "people"]


CIVILIANS_AS_PEOPLE = {"victims.tsv": civilians_read_as_people}


def machine(store: Store) -> dict[tuple[str, int], tuple[str, str]]:
    """(document, n) -> (figure id, victims) of the machine's own values."""
    import json

    got = store.con.execute("SELECT doc_id, n, id, victims, machine_record FROM figures "
                            "WHERE review_status IS DISTINCT FROM 'added'").fetchall()
    out = {}
    for doc, n, fid, victims, rec in got:
        if rec:
            m = json.loads(rec)
            out[(doc, m["n"])] = (m["id"], m["victims"])
        else:
            out[(doc, n)] = (fid, victims)
    return out


def test_review_every_correction_survives_a_changed_extractor(db, monkeypatch):
    gid = _kafr_nabl_id()
    with Store(db) as store:
        before = machine(store)
        actions.decide(store, figure(store, "ariha-1", 20)["id"], "reject", editor="amal")
        actions.edit(store, figure(store, "ariha-2", 13)["id"], "place", {"gazetteer_id": gid, "mention": "Kafranbel"},
                     editor="amal")
        actions.edit(store, figure(store, "kafranbel-1", 7)["id"], "n", 8, editor="amal")
        text = store.read_document("ariha-1").text
        at = text.index("4 men")
        actions.add(store, "ariha-1", at, at + len("4 men"), {"outcome": "killed", "victims": "men"}, editor="amal")
        actions.merge(store, list(events_of(store)), editor="amal")
        (dis,) = [r[0] for r in store.con.execute("SELECT id FROM disagreements").fetchall()]
        actions.verdict(store, dis, False, editor="amal")
        place = figure(store, "ariha-2", 13)["place"]
        corrected = {r[0] for r in store.con.execute("SELECT id FROM figures WHERE reviewed").fetchall()}
    with extractor_changed(monkeypatch, CIVILIANS_AS_PEOPLE), Store(db) as store:
        summary = reextract(store, everything=True)
        assert summary.documents == 5 and not summary.problems and not summary.orphans
        after = machine(store)
        # the new extractor really gives other figures: new ids, civilians read as people
        assert before[("ariha-2", 13)][1] == "civilians" and after[("ariha-2", 13)][1] == "people"
        changed = {k for k in before if before[k][0] != after[k][0]}
        assert {("ariha-1", 12), ("ariha-2", 13), ("kafranbel-1", 7), ("tally-snhr", 606)} <= changed
        assert ("ariha-1", 20) not in changed  # '20 people' read as before
        assert summary.new_figures == summary.gone_figures == len(changed)
        # ... and every decision holds
        assert 20 not in [f.n for f in store.read_figures("ariha-1")]
        assert figure(store, "ariha-1", 20)["review_status"] == "rejected"
        row = figure(store, "ariha-2", 13)
        assert row["place"] == place and row["admin1"] == "Idlib" and row["reviewed"]
        assert figure(store, "kafranbel-1", 8)["review_status"] == "corrected"
        added = figure(store, "ariha-1", 4)
        assert (added["outcome"], added["victims"], added["review_status"]) == ("killed", "men", "added")
        (merged,) = events_of(store).values()
        assert merged == {"ariha-1", "ariha-2", "kafranbel-1"}
        assert store.con.execute("SELECT reviewed FROM events").fetchone()[0]
        assert store.con.execute("SELECT verdict FROM disagreements").fetchall() == [("not_real",)]
        assert {r[0] for r in store.con.execute("SELECT id FROM figures WHERE reviewed").fetchall()} != corrected
        assert store.con.execute("SELECT count(*) FROM figures WHERE reviewed").fetchone()[0] == len(corrected)
        assert len(read_log(store.con)) == 6


def test_review_correction_of_a_figure_the_new_extractor_drops_is_listed(db, monkeypatch):
    with Store(db) as store:
        actions.edit(store, figure(store, "ariha-1", 20)["id"], "n", 21, editor="amal", relink=False)
    with extractor_changed(monkeypatch, {"victims.tsv": people_not_a_group}), Store(db) as store:
        summary = reextract(store, everything=True)
        assert summary.gone_figures >= 1
        (o,) = summary.orphans
        assert o.doc_id == "ariha-1" and "no figure" in o.reason and [c.after for c in o.corrections] == [21]
        assert [o.target_id for o in orphans(store.con)] == [o.target_id]
        assert len(read_log(store.con)) == 1  # kept, to be looked at again


def test_review_reextract_takes_only_what_an_older_extractor_made(db, capsys):
    with Store(db) as store:
        assert {r[0] for r in store.con.execute("SELECT DISTINCT extractor FROM documents").fetchall()} == {
            fingerprint()}
        store.con.execute("UPDATE documents SET extractor = 'x1-older' WHERE id = 'ariha-2'")
        store.con.execute("UPDATE documents SET extractor = NULL WHERE id = 'kafranbel-1'")  # loaded from Parquet
    assert main(["reextract", "--db", str(db), "-q"]) == 0
    err = capsys.readouterr().err
    assert "re-extracted 2 documents" in err and "(3 already made by it)" in err
    with Store(db) as store:
        assert {r[0] for r in store.con.execute("SELECT DISTINCT extractor FROM documents").fetchall()} == {
            fingerprint()}
    assert main(["reextract", "--db", str(db), "-q"]) == 0
    assert "re-extracted 0 documents" in capsys.readouterr().err
    assert main(["reextract", "--db", str(db), "-q", "--all"]) == 0
    assert "re-extracted 5 documents" in capsys.readouterr().err


def test_review_reextract_of_no_store_is_an_error(tmp_path, capsys):
    assert main(["reextract", "--db", str(tmp_path / "none.duckdb"), "-q"]) == 1
    assert "no store here" in capsys.readouterr().err
    assert not (tmp_path / "none.duckdb").exists()


def test_extract_fingerprint_follows_the_extractors_data(tmp_path):
    (tmp_path / "extract").mkdir()
    (tmp_path / "extract" / "rules.py").write_text("RULE = 1\n")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "victims.tsv").write_text("civilians\tcivilians\t\tcivilians\n")
    parts = ("extract", "data")
    first = fingerprint_of(tmp_path, parts)
    assert fingerprint_of(tmp_path, parts) == first
    (tmp_path / "data" / "victims.tsv").write_text("civilians\tpeople\t\tcivilians\n")
    assert fingerprint_of(tmp_path, parts) != first
    assert fingerprint().startswith("x1-")
