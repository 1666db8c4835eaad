"""Every record type written to the store and read back equal."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wartally.records import (
    Count,
    DatePrecision,
    Disagreement,
    Document,
    Event,
    Figure,
    Link,
    Outcome,
    Period,
    Place,
    Qualifier,
    Side,
    Span,
    Victims,
    WherePrecision,
)
from wartally.store import SCHEMA_VERSION, Store
from wartally.store.samples import gold_figures

from conftest import gazetteer_locator

TEXT = ("Airstrikes killed 12 civilians, including three children, in Ariha on Monday, "
        "the Syrian Observatory for Human Rights said. Fifteen fighters were wounded.")


def make_doc(text: str = TEXT, doc_id: str = "sohr-ariha") -> Document:
    return Document.make(doc_id, text, published="2019-06-03", outlet="AFP", url="https://example.org/a",
                         title="Ariha strikes", origin="feed.jsonl:3", language="en")


def make_figure(doc: Document, n: int = 12, start: int = 18, **kw) -> Figure:
    sp = Span(doc.id, start, start + len(str(n)), str(n), "number:digits")
    place = Place("Ariha", "Ariha", 35.81, 36.61, "Syria", "Idlib", "Idleb", "SY07", "Ariha", "SY0705",
                  "Ariha", "SY070500", "city", WherePrecision.EXACT, "geonames:170017", "only candidate",
                  Span(doc.id, 61, 66, "Ariha", "place:gazetteer"))
    base = dict(
        id=Figure.make_id(doc.id, doc.content_hash, start, "killed", "civilians"), doc_id=doc.id,
        outcome=Outcome.KILLED, n=n, qualifier=Qualifier.EXACT, victims=Victims.CIVILIANS,
        quote=doc.text[:119], number_span=sp, sentence_start=0, sentence_end=119, place=place,
        area=Place("Idlib province", admin1="Idlib", precision=WherePrecision.ADMIN1),
        period=Period(dt.date(2019, 6, 3), dt.date(2019, 6, 3), DatePrecision.DAY, 1,
                      Span(doc.id, 70, 76, "Monday", "when:weekday")),
        source="SOHR", actor=("Syrian government", "Russia"), weapon="airstrike",
        provenance=(sp, Span(doc.id, 0, 10, "Airstrikes", "weapon:lexicon")),
    )
    base.update(kw)
    return Figure(**base)


def test_store_round_trip_document_and_figures(tmp_path):
    doc = make_doc()
    parent = make_figure(doc)
    child = make_figure(doc, n=3, start=42, id="child", victims=Victims.CHILDREN, part_of=parent.id)
    fighters = make_figure(doc, n=15, start=121, id="fighters", outcome=Outcome.INJURED, victims=Victims.COMBATANTS,
                           side=Side.OPPOSITION, place=None, area=None, period=Period(), actor=(), weapon=None,
                           source=None, provenance=())
    with Store(tmp_path / "w.duckdb") as store:
        assert store.write_document(doc, [parent, child, fighters])
        assert store.read_document(doc.id) == doc
        assert sorted(store.read_figures(doc.id), key=lambda f: f.id) == sorted([parent, child, fighters],
                                                                                 key=lambda f: f.id)
        row = store.con.execute("SELECT place, admin1, lat, start_date, actor, rules FROM figures WHERE id = ?",
                                [parent.id]).fetchone()
    assert row[:5] == ("Ariha", "Idlib", 35.81, dt.date(2019, 6, 3), "Syrian government; Russia")
    assert json.loads(row[5]) == {"number": "digits", "weapon": "lexicon"}


def test_store_round_trip_events_links_disagreements(tmp_path):
    doc_a, doc_b = make_doc(), make_doc(TEXT.replace("12", "13"), "reuters-ariha")
    fa, fb = make_figure(doc_a), make_figure(doc_b, n=13)
    event = Event(
        id=Event.make_id([fa.id, fb.id]), figure_ids=(fa.id, fb.id), doc_ids=(doc_a.id, doc_b.id),
        start=dt.date(2019, 6, 3), end=dt.date(2019, 6, 3), date_precision=DatePrecision.DAY, place=fa.place,
        event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        actors=("Syrian government", "Russia"),
        counts=(Count(Outcome.KILLED, Victims.CIVILIANS, 12, 13, 13, "highest exact"),),
        evidence=("same admin3 SY070500", "dates 0 days apart"),
    )
    link = Link(event.id, fa.id, fb.id, 0.97, ("same admin3 SY070500", "counts 12 vs 13"))
    dis = Disagreement(
        id="d1", outcome=Outcome.KILLED, victims=Victims.CIVILIANS, area="Idlib",
        figure_a=fa.id, source_a="SOHR", n_a=12, qualifier_a=Qualifier.EXACT, period_a=fa.period,
        figure_b=fb.id, source_b="SNHR", n_b=13, qualifier_b=Qualifier.AT_LEAST,
        period_b=Period(dt.date(2019, 6, 1), dt.date(2019, 6, 3), DatePrecision.DAYS, 2),
        difference=1, overlap_days=1)
    with Store(tmp_path / "w.duckdb") as store:
        store.write_document(doc_a, [fa])
        store.write_document(doc_b, [fb])
        store.write_events([event], [link], [dis], {fa.id: "incident", fb.id: "incident"})
        assert store.read_events() == [event]
        assert store.read_links() == [link]
        assert store.read_disagreements() == [dis]
        assert store.figure_kinds() == {fa.id: "incident", fb.id: "incident"}
        ef = store.con.execute("SELECT figure_id, doc_id FROM event_figures ORDER BY doc_id").fetchall()
        assert ef == sorted([(fa.id, doc_a.id), (fb.id, doc_b.id)], key=lambda r: r[1])
        n_docs = store.con.execute("SELECT n_documents FROM events").fetchone()[0]
        assert n_docs == 2
        # the link stage recomputes: a second write replaces, never adds
        store.write_events([event], [link], [], {fa.id: "tally"})
        assert store.counts()["events"] == 1 and store.counts()["disagreements"] == 0
        assert store.figure_kinds() == {fa.id: "tally"}


def test_store_round_trip_gold_figures(tmp_path, sample_articles, sample):
    """The sample's 69 gold figures, placed by the shipped gazetteer, come
    back from the store as they went in."""
    locate = gazetteer_locator()
    docs = {d["id"]: Document.make(d["id"], d["text"], published=d["published"], outlet=d["outlet"])
            for d in map(json.loads, open(sample_articles, encoding="utf-8"))}
    written = {}
    with Store(tmp_path / "gold.duckdb") as store:
        for line in open(sample / "gold" / "fakes-dev.gold.jsonl", encoding="utf-8"):
            g = json.loads(line)
            figs = gold_figures(docs[g["id"]], g["figures"], locate)
            store.write_document(docs[g["id"]], figs)
            written.update({f.id: f for f in figs})
        back = {f.id: f for f in store.read_figures()}
        assert back == written
        assert len(back) == 69 and sum(f.place is not None and f.place.lat is not None for f in back.values()) >= 50
        assert store.schema_version == SCHEMA_VERSION
        versions = [v for (v,) in store.con.execute("SELECT version FROM schema_migrations ORDER BY 1").fetchall()]
        from wartally.store.migrations import MIGRATIONS

        # every migration recorded, in order (versions are reserved per feature, so they may skip)
        assert versions == [m.version for m in MIGRATIONS] == sorted(set(versions)) and versions[-1] == SCHEMA_VERSION
        sources = dict(store.con.execute("SELECT id, kind FROM sources").fetchall())
        assert sources["SOHR"] == "monitor" and sources["UN"] == "un" and sources["SCD"] == "rescuers"


@pytest.fixture(scope="module")
def prop_store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("prop") / "p.duckdb") as store:
        yield store


_ids = iter(range(10**9))

words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=st.text(min_size=1, max_size=200),
    n=st.integers(min_value=0, max_value=2**62),
    outcome=st.sampled_from(list(Outcome)),
    victims=st.sampled_from(list(Victims)),
    qualifier=st.sampled_from(list(Qualifier)),
    source=st.none() | words,
    actors=st.lists(words, max_size=3).map(tuple),
    start=st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)),
    lat=st.none() | st.floats(-90, 90, allow_nan=False),
)
def test_store_round_trip_property(prop_store, text, n, outcome, victims, qualifier, source, actors,
                                   start, lat):
    doc = Document.make(f"p{next(_ids)}", text, published=start)
    sp = Span(doc.id, 0, 1, text[:1], "number:x")
    fig = Figure(id=doc.id + "f", doc_id=doc.id, outcome=outcome, n=n, qualifier=qualifier, victims=victims,
                 quote=text, number_span=sp, sentence_start=0, sentence_end=len(text),
                 place=Place(text[:20], lat=lat, precision=WherePrecision.EXACT if lat is not None
                             else WherePrecision.UNKNOWN),
                 period=Period(start, start, DatePrecision.DAY if start else DatePrecision.UNKNOWN),
                 source=source, actor=actors, provenance=(sp,))
    assert prop_store.write_document(doc, [fig])
    assert prop_store.read_document(doc.id) == doc
    assert prop_store.read_figures(doc.id) == [fig]


def test_store_read_only_refuses_missing_file(tmp_path):
    from wartally.errors import StoreError

    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "absent.duckdb", read_only=True)
