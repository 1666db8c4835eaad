"""The link stage over a real DuckDB store: link_store and ``wartally link``."""
from __future__ import annotations

import json

import pytest

from wartally.link import link_store
from wartally.link.gold import figure_from_gold
from wartally.records import Document

pytest.importorskip("duckdb")


def corpus():
    items = []
    texts = {
        "ahram": ("Bombing of Syrian bus convoy outside Aleppo. The death toll was at least 24 the Syrian "
                  "Observatory for Human Rights said.", "2017-04-15",
                  {"n": 24, "quote": "The death toll was at least 24", "qualifier": "at_least"}),
        "nna": ("The death toll from a bomb blast on a crowded Syrian bus convoy outside Aleppo reached at least "
                "112 people the Syrian Observatory for Human Rights said on Sunday.", "2017-04-16",
                {"n": 112, "quote": "reached at least 112 people", "qualifier": "at_least"}),
        "ahram2": ("The death toll from a bomb attack on a crowded bus convoy outside Aleppo has reached at least "
                   "126 in the deadliest such incident in almost a year.", "2017-04-16",
                   {"n": 126, "quote": "The death toll from a bomb attack on a crowded bus convoy outside Aleppo "
                                       "has reached at least 126", "qualifier": "at_least"}),
    }
    for doc_id, (text, published, fig) in texts.items():
        doc = Document.make(doc_id, text, published=published, outlet=doc_id)
        items.append((doc, [figure_from_gold(doc, {"outcome": "killed", "victims": "people", "place": "Aleppo",
                                                   "admin1": "Aleppo", "weapon": "car bomb",
                                                   "start": "2017-04-15", **fig})]))
    sohr = "Government and Russian fire has killed 288 civilians since 30 April the Observatory said."
    snhr = "At least 544 civilians have been killed since 26 April the Syrian Network for Human Rights said."
    for doc_id, text, published, fig in (
        ("mee", sohr, "2019-05-31", {"n": 288, "source": "SOHR", "start": "2019-04-30", "end": "2019-05-31"}),
        # as of two days later: the same period, so a rival count (a month later it would be growth)
        ("national", snhr, "2019-06-02", {"n": 544, "source": "SNHR", "start": "2019-04-26", "end": "2019-06-02",
                                           "qualifier": "at_least"}),
    ):
        doc = Document.make(doc_id, text, published=published)
        items.append((doc, [figure_from_gold(doc, {"outcome": "killed", "victims": "civilians", "quote": text,
                                                   "admin1": "Idlib", **fig})]))
    return items


@pytest.fixture()
def store(tmp_path):
    from wartally.store import Store

    with Store(tmp_path / "link.duckdb") as s:
        s.write_batch(corpus())
        yield s


def test_store_link_writes_events_counts_links_and_kinds(store):
    result = link_store(store)
    con = store.con
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == len(result.events) == 1
    n_docs, n_reports, sub = con.execute("SELECT n_documents, n_reports, sub_event_type FROM events").fetchone()
    assert (n_docs, n_reports) == (3, 3) and sub == "Remote explosive/landmine/IED"
    low, best, high, rule = con.execute("SELECT low, best, high, rule FROM event_counts").fetchone()
    assert (low, best, high) == (24, 126, 126) and "update" in rule
    kinds = dict(con.execute("SELECT kind, count(*) FROM figures GROUP BY kind").fetchall())
    assert kinds == {"incident": 3, "tally": 2}
    evidence = [json.loads(e) for (e,) in con.execute("SELECT evidence FROM links").fetchall()]
    assert len(evidence) >= 2 and all("dates 0 days apart" in e for e in evidence)
    row = con.execute("SELECT source_a, n_a, source_b, n_b, difference, kind, docs_a, docs_b FROM disagreements").fetchone()
    assert row[:6] == ("SOHR", 288, "SNHR", 544, 256, "rival")
    assert json.loads(row[6]) == ["mee"] and json.loads(row[7]) == ["national"]
    (evidence,) = con.execute("SELECT evidence FROM disagreements").fetchone()
    assert evidence.startswith("same thing: killed civilians, Idlib (admin1)") and "as-of dates 2 days apart" in evidence
    (dis,) = store.read_disagreements()
    assert dis.docs_b == ("national",) and dis.evidence == evidence


def test_store_link_twice_gives_the_same_rows(store):
    link_store(store)
    first = store.con.execute("SELECT id FROM events ORDER BY id").fetchall()
    link_store(store)
    assert store.con.execute("SELECT id FROM events ORDER BY id").fetchall() == first
    assert store.con.execute("SELECT count(*) FROM disagreements").fetchone()[0] == 1


def test_store_link_command_and_missing_store(tmp_path, capsys):
    from wartally.cli import main
    from wartally.store import Store

    db = tmp_path / "cli.duckdb"
    with Store(db) as s:
        s.write_batch(corpus())
    assert main(["link", "--db", str(db)]) == 0
    assert "1 events" in capsys.readouterr().err
    assert main(["disagreements", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "SOHR" in out and "SNHR" in out and "(1 disagreements)" in out
    assert main(["disagreements", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "no such store" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["link", "--engine", "bogus"])
    assert exit_.value.code == 2
