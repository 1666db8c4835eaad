"""Ingesting is idempotent; a changed text replaces its figures; the CLI
commands ingest and figures work over real corpora."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest

from wartally.cli import main
from wartally.errors import Problem
from wartally.records import Document, Event, Link, Count, DatePrecision, Outcome, Victims
from wartally.store import Store
from wartally.ingestion import ingest, read_inputs
from wartally.store.queries import FigureFilter, get_document, get_event, select_events, select_figures, stats
from wartally.store.samples import gold_figures

from conftest import gazetteer_locator


@pytest.fixture(scope="module")
def seeds(sample_articles, sample):
    """The sample's 16 hand-annotated FA-KES articles, their gold figures
    and a locator over the shipped gazetteer."""
    docs = {d["id"]: Document.make(d["id"], d["text"], published=d["published"], outlet=d["outlet"])
            for d in map(json.loads, open(sample_articles, encoding="utf-8"))}
    gold = {g["id"]: g["figures"] for g in map(json.loads, open(sample / "gold" / "fakes-dev.gold.jsonl"))}
    return docs, gold, gazetteer_locator()


def gold_process(seeds):
    docs, gold, locate = seeds

    def process(items):
        for item in items:
            if isinstance(item, Problem):
                yield item
            else:
                yield item, gold_figures(item, gold.get(item.id, []), locate)
    return process


def test_store_ingest_twice_adds_nothing(tmp_path, sample_articles, seeds):
    path = tmp_path / "w.duckdb"
    with Store(path) as store:
        first = ingest(store, read_inputs([sample_articles]), process=gold_process(seeds),
                       batch_size=2, link=False)
        after_first = store.counts()
        second = ingest(store, read_inputs([sample_articles]), process=gold_process(seeds),
                        link=False)
        assert store.counts() == after_first
    assert (first.written, first.unchanged) == (16, 0)
    assert (second.written, second.unchanged, second.figures) == (0, 16, 0)
    assert after_first["documents"] == 16 and after_first["figures"] == 69  # the gold's 69, each its own


def test_store_changed_text_replaces_figures(tmp_path, seeds):
    docs, gold, locate = seeds
    doc = docs["fakes-1926478916"]  # "10 civilians killed 15 injured in terrorist rocket attacks" (SANA)
    old = gold_figures(doc, gold[doc.id], locate)
    new_doc = doc.with_text(doc.text.replace("15", "16"))
    new = gold_figures(new_doc, [{**g, "n": 16} if g["n"] == 15 else g for g in gold[doc.id]], locate)
    with Store(tmp_path / "w.duckdb") as store:
        store.write_document(doc, old)
        other = docs["fakes-1924058060"]
        store.write_document(other, gold_figures(other, gold[other.id], locate))
        ev = Event(Event.make_id([old[0].id, old[1].id]), (old[0].id, old[1].id), (doc.id,), None, None,
                   DatePrecision.UNKNOWN, None, None, None, (),
                   (Count(Outcome.KILLED, Victims.CIVILIANS, 500, 544, 544, "max"),))
        store.write_events([ev], [Link(ev.id, old[0].id, old[1].id, 0.9, ("same doc",))], [], {})
        before = store.counts()
        assert store.write_document(new_doc, new)
        assert not store.write_document(new_doc, new)  # same text again: nothing
        got = store.read_figures(doc.id)
        assert sorted(f.id for f in got) == sorted(f.id for f in new)
        assert {f.n for f in got} >= {16} and 15 not in {f.n for f in got}
        assert store.read_document(doc.id).content_hash == new_doc.content_hash
        after = store.counts()
        assert after["documents"] == before["documents"] and after["figures"] == before["figures"]
        # the event built on the old figures went with them
        assert after["events"] == after["links"] == after["event_figures"] == 0
        assert len(store.read_figures(other.id)) == len(gold[other.id])


def test_store_queries_over_gold_figures(tmp_path, sample_articles, seeds):
    with Store(tmp_path / "w.duckdb") as store:
        ingest(store, read_inputs([sample_articles]), process=gold_process(seeds), link=False)
        con = store.con
        table = [
            (FigureFilter(admin1="Idleb"), lambda r: r["admin1"] == "Idlib"),
            (FigureFilter(admin1="aleppo", outcome="displaced"), lambda r: r["outcome"] == "displaced" and r["admin1"] == "Aleppo"),
            (FigureFilter(place="Homs"), lambda r: r["admin1"] == "Homs" or r["place"] == "Homs"),
            (FigureFilter(place="al-quriyah"), lambda r: r["place_mention"] == "Al-Quriyah"),
            (FigureFilter(source="sana"), lambda r: r["source"] == "SANA"),
            (FigureFilter(actor="russia"), lambda r: "Russia" in (r["actor"] or "")),
            (FigureFilter(victims="children"), lambda r: r["victims"] == "children"),
            (FigureFilter(start=dt.date(2016, 9, 1)), lambda r: (r["end_date"] or "") >= "2016-09-01"),
            (FigureFilter(end=dt.date(2014, 12, 31)), lambda r: (r["start_date"] or "9") <= "2014-12-31"),
        ]
        every, n_all = select_figures(con, FigureFilter())
        for flt, ok in table:
            rows, total = select_figures(con, flt)
            assert total == len(rows) > 0, flt
            assert all(ok(r) for r in rows), flt
            assert total == sum(1 for r in every if ok(r)), flt
        page, total = select_figures(con, FigureFilter(), limit=5, offset=5)
        assert [r["id"] for r in page] == [r["id"] for r in every[5:10]] and total == n_all
        assert select_events(con, FigureFilter()) == ([], 0)
        assert get_event(con, "nope") is None
        doc = get_document(con, "fakes-1924058060")
        assert doc["outlet"] == "jordantimes" and doc["text"].startswith("Last updated at Jun 132016")
        assert [f["id"] for f in doc["figures"]] == [f.id for f in store.read_figures(doc["id"])]
        assert len(doc["figures"]) == 12  # its gold figures
        # the gold's Aleppo figures: 32, in 7 articles, one of them a displacement (Manbij's 600)
        st = stats(con, FigureFilter(admin1="Aleppo"))
        assert st["figures"] == 32 and st["documents"] == 7 and st["by_outcome"]["displaced"] == 1


def test_store_cli_ingest_and_figures(tmp_path, sample_articles, capsys):
    db = str(tmp_path / "cli.duckdb")
    code = main(["ingest", str(sample_articles), "--db", db, "-q"])
    assert code in (0, 1)
    first = Store(db, read_only=True)
    before = first.counts()
    first.close()
    code = main(["ingest", str(sample_articles), "--db", db, "-q"])
    err = capsys.readouterr().err
    assert "unchanged" in err
    with Store(db, read_only=True) as store:
        assert store.counts() == before
    for fmt in ("jsonl", "csv", "table"):
        assert main(["figures", "--db", db, "--format", fmt]) == 0
        out = capsys.readouterr().out
        if fmt == "jsonl":
            rows = [json.loads(line) for line in out.splitlines()]
            assert len(rows) == before["figures"]
        elif fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(out)))
            assert len(rows) == before["figures"]
        else:
            assert out.splitlines()[-1] == f"({before['figures']} figures)"


def test_store_cli_usage_and_store_errors(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["figures", "--start", "May 2019"])
    assert exc.value.code == 2
    assert "is not a YYYY-MM-DD date" in capsys.readouterr().err
    bad = tmp_path / "bad.duckdb"
    bad.write_text("not a database")
    assert main(["figures", "--db", str(bad)]) == 1
    assert "not a readable" in capsys.readouterr().err
    assert main(["ingest", str(tmp_path / "missing.jsonl"), "--db", str(tmp_path / "x.duckdb"), "-q"]) == 1
    assert "missing.jsonl" in capsys.readouterr().err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("tty", [True, False])
def test_store_progress_shows_rate_figures_errors(tmp_path, sample_articles, seeds, tty):
    from wartally.store.progress import Progress

    stream = Terminal() if tty else io.StringIO()
    progress = Progress(stream=stream, every=0.0, log_every=0.0)
    items = list(read_inputs([sample_articles]))
    items.insert(2, Problem("feed.jsonl:3", "json", "not JSON: Expecting value"))
    with Store(tmp_path / "p.duckdb") as store:
        summary = ingest(store, items, process=gold_process(seeds), batch_size=2, link=False, progress=progress)
    out = stream.getvalue()
    assert "feed.jsonl:3: json: not JSON" in out
    assert summary.failed and summary.written == 16
    assert re.search(r"17 documents \(\d+\.\d/s\), \d+ figures, 1 errors", out.replace("\x1b[2K", ""))
    if tty:
        assert "\r" in out and out.endswith("\r\x1b[2K")  # the bar is cleared at the end
    else:
        assert "\r" not in out and out.count("ingest:") >= 2


def test_store_cli_spark_engine_needs_out(capsys):
    assert main(["ingest", "x.jsonl", "--engine", "spark"]) == 2
    assert "--out" in capsys.readouterr().err
