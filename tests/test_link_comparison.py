"""The comparison settings and the SQL made from them stay in step, and the
reconciled counts keep low <= best <= high whatever the reports say."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given, settings as hsettings, strategies as st

from wartally.link import link_figures, scored_pairs_sql, settings
from wartally.link.comparison import LEVEL_COLUMNS
from wartally.link.gold import figure_from_gold
from wartally.records import Document


def test_comparison_every_level_in_sql_and_settings():
    sql = scored_pairs_sql("units")
    levels = settings()["levels"]
    assert set(levels) == set(LEVEL_COLUMNS)
    for name, table in levels.items():
        for level, weight in table:
            assert isinstance(weight, float)
            assert f"'{level}'" in sql, (name, level)
        assert table[-1][0] == "else"


def test_comparison_sql_runs_on_duckdb_and_blocks_by_date():
    import duckdb

    from wartally.link.linker import score_units
    from wartally.link.unit import make_units

    docs, figs = {}, []
    for i, (day, place) in enumerate([("2016-09-24", "Aleppo city"), ("2016-09-24", "Aleppo city"),
                                      ("2016-09-29", "Aleppo city")]):
        doc = Document.make(f"d{i}", f"Strikes killed 10 people in {place}.", published=day)
        docs[doc.id] = doc
        figs.append(figure_from_gold(doc, {"outcome": "killed", "n": 10, "victims": "people", "place": "Bustan al-Qasr",
                                           "admin1": "Aleppo", "start": day, "quote": "killed 10 people"}))
    units = make_units(figs, docs)
    with duckdb.connect() as con:
        pairs = score_units(units, con, all_pairs=True)
    by = {u.id: u.doc_id for u in units}
    assert {(by[p[0]], by[p[1]]) for p in pairs} in ({("d0", "d1")}, {("d1", "d0")})  # d2 is 5 days later
    levels = dict(zip(LEVEL_COLUMNS, pairs[0][3:3 + len(LEVEL_COLUMNS)]))
    assert levels["date"] == "same_day" and levels["place"] == "same_place" and levels["killed"] == "close"


report = st.fixed_dictionaries({
    "n": st.integers(1, 500),
    "qualifier": st.sampled_from(["exact", "at_least", "about", "at_most"]),
    "victims": st.sampled_from(["people", "civilians", "children"]),
    "update": st.booleans(),
    "day": st.integers(0, 3),
})


@hsettings(max_examples=40, deadline=None)
@given(st.lists(report, min_size=1, max_size=6))
def test_comparison_counts_low_best_high_property(reports):
    docs, figs = {}, []
    for i, r in enumerate(reports):
        quote = (f"the death toll rose to {r['n']}" if r["update"] else f"strikes killed {r['n']}") + " in Ariha"
        doc = Document.make(f"r{i}", quote + ".", published=dt.date(2019, 6, 1) + dt.timedelta(days=r["day"]))
        docs[doc.id] = doc
        figs.append(figure_from_gold(doc, {"outcome": "killed", "n": r["n"], "victims": r["victims"],
                                           "qualifier": r["qualifier"], "quote": quote, "place": "Ariha",
                                           "admin1": "Idlib", "start": "2019-06-01", "weapon": "airstrike"}))
    result = link_figures(figs, docs)
    assert sorted(f for e in result.events for f in e.figure_ids) == sorted(f.id for f in figs)
    for e in result.events:
        for c in e.counts:
            assert c.low <= c.best <= c.high and c.rule
            given_ns = {f.n for f in figs if f.id in e.figure_ids and f.victims == c.victims}
            assert {c.low, c.best, c.high} <= given_ns  # never a sum, always a reported number


LEVEL_CASES = [
    # (a's place, b's place), the place level the pair takes (both reports on one day)
    (("Mosul", "Mosul"), "same_city"),        # a city of millions: many incidents a day
    (("Aleppo", "Aleppo"), "same_city"),      # bears its governorate's name
    (("Tell Abyad", "Tell Abyad"), "same_place"),
]


def _geocoded_figure(doc, place):
    from wartally.geo import resolve

    p = resolve(place)
    assert p.resolved, place
    fig = figure_from_gold(doc, {"outcome": "killed", "n": 10, "victims": "people", "place": place,
                                 "start": doc.published.isoformat(), "quote": "killed 10 people"})
    return dataclasses.replace(fig, place=dataclasses.replace(p, mention=place, span=None), area=None)



@pytest.mark.parametrize("places,level", LEVEL_CASES, ids=[c[0][0] for c in LEVEL_CASES])
def test_comparison_big_cities_count_less_than_towns(places, level):
    from wartally.link.linker import score_units
    from wartally.link.unit import make_units

    docs, figs = {}, []
    for i, place in enumerate(places):
        doc = Document.make(f"c{i}", f"Strikes killed 10 people in {place}.", published="2019-03-01")
        docs[doc.id] = doc
        figs.append(_geocoded_figure(doc, place))
    units = make_units(figs, docs)
    pairs = score_units(units, all_pairs=True)
    assert len(pairs) == 1
    levels = dict(zip(LEVEL_COLUMNS, pairs[0][3:3 + len(LEVEL_COLUMNS)]))
    assert levels["place"] == level
    assert levels["date"] == "same_day"


def test_comparison_opposed_sides_count_against_a_link():
    from wartally.link.linker import score_units
    from wartally.link.unit import make_units

    docs, figs = {}, []
    for i, actor in enumerate(["Russia", "opposition"]):
        doc = Document.make(f"o{i}", "Ten people were killed in Aleppo.", published="2016-06-04")
        docs[doc.id] = doc
        figs.append(figure_from_gold(doc, {"outcome": "killed", "n": 10, "victims": "people", "place": "Aleppo",
                                           "admin1": "Aleppo", "start": "2016-06-04", "actor": actor,
                                           "quote": "Ten people were killed"}))
    pairs = score_units(make_units(figs, docs), all_pairs=True)
    levels = dict(zip(LEVEL_COLUMNS, pairs[0][3:3 + len(LEVEL_COLUMNS)]))
    assert levels["actor"] == "opposed_actor"


def test_comparison_scoring_a_range_of_days_at_a_time_gives_the_same_pairs(monkeypatch):
    """Large batches are scored in ranges of start days (linker.day_chunks);
    the pairs, levels and scores are those of one query over all, each once,
    including reports whose vague dates reach across a cut."""
    import random

    from wartally.link import linker
    from wartally.link.unit import make_units

    rng = random.Random(5)
    docs, figs = {}, []
    for i in range(160):
        day = dt.date(2016, 9, 1) + dt.timedelta(days=rng.randrange(30))
        last = day + dt.timedelta(days=rng.choice((0, 0, 0, 1, 4)))  # some vague ranges
        place = rng.choice(("Bustan al-Qasr", "Kafr Hamra", "Anadan", None))
        doc = Document.make(f"d{i}", f"Strikes killed people in {place or 'Aleppo'}.", published=str(last))
        docs[doc.id] = doc
        figs.append(figure_from_gold(doc, {"outcome": "killed", "n": rng.choice((5, 10, 12, 30)),
                                           "victims": "people", "place": place, "admin1": "Aleppo",
                                           "start": str(day), "end": str(last), "weapon": "airstrike",
                                           "quote": doc.text}))
    units = make_units(figs, docs)
    whole = linker.score_units(units, all_pairs=True)
    monkeypatch.setattr(linker, "CHUNK_UNITS", 25)
    assert len(linker.day_chunks([u.day_start for u in units])) > 3
    chunked = linker.score_units(units, all_pairs=True)
    assert len(whole) > 100 and len(chunked) == len({(p[0], p[1]) for p in chunked})
    assert sorted(chunked, key=repr) == sorted(whole, key=repr)


def test_comparison_day_chunks_never_split_a_day():
    from wartally.link.linker import day_chunks

    assert day_chunks([1, 2, None], size=5) == [None]
    chunks = day_chunks([1, 1, 1, 2, 2, 3, 7, 7, 9], size=2)
    assert chunks[0][0] == 1 and chunks[-1][1] == 10
    assert all(lo < hi for lo, hi in chunks) and all(a[1] == b[0] for a, b in zip(chunks, chunks[1:]))
