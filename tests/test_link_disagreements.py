"""Disagreements between tallies, from the seed corpus's sentences."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from wartally.link import find_disagreements, link_figures
from wartally.link.gold import figure_from_gold
from wartally.records import Document

SOHR = ("Government and Russian fire has killed 288 civilians since 30 April, including 67 children, "
        "the Syrian Observatory for Human Rights said.")
SNHR = ("At least 544 civilians have been killed and more than 2,000 people injured since a Russian-led assault "
        "on the last rebel bastion in northwestern Syria began two months ago, rights groups and rescuers said.")


def tallies():
    a = Document.make("000_mee", SOHR, published="2019-05-31", outlet="Middle East Eye")
    b = Document.make("002_national", SNHR, published="2019-06-29", outlet="The National")
    figs = [
        figure_from_gold(a, {"outcome": "killed", "n": 288, "victims": "civilians", "quote": SOHR, "admin1": "Idlib",
                             "source": "SOHR", "start": "2019-04-30", "end": "2019-05-31"}),
        figure_from_gold(a, {"outcome": "killed", "n": 67, "victims": "children", "quote": SOHR, "admin1": "Idlib",
                             "source": "SOHR", "start": "2019-04-30", "end": "2019-05-31"}, 1),
        figure_from_gold(b, {"outcome": "killed", "n": 544, "victims": "civilians", "quote": SNHR,
                             "qualifier": "at_least", "admin1": "Idlib", "source": "SNHR",
                             "start": "2019-04-26", "end": "2019-06-29"}),
    ]
    return {a.id: a, b.id: b}, figs


def test_disagreements_sohr_and_snhr_2019_offensive():
    docs, figs = tallies()
    result = link_figures(figs, docs)
    assert set(result.kinds.values()) == {"tally"}
    assert result.events == []  # tallies are never events
    (d,) = result.disagreements
    assert (d.source_a, d.n_a, d.source_b, d.n_b) == ("SOHR", 288, "SNHR", 544)
    assert d.difference == 256 and str(d.victims) == "civilians" and d.area == "Idlib"
    assert d.period_a.start == dt.date(2019, 4, 30) and d.period_b.start == dt.date(2019, 4, 26)
    assert d.overlap_days == 32  # 30 April to 31 May


@pytest.mark.parametrize("change,expected", [
    ({"source": "SOHR"}, 0),                                   # one source does not disagree with itself
    ({"start": "2019-06-01", "end": "2019-06-29"}, 0),         # periods do not overlap
    ({"admin1": "Hama"}, 0),                                    # other governorate
    ({"victims": "people"}, 0),                                 # other victim group
    ({"n": 288}, 0),                                            # the same number agrees
    ({"admin1": "Idleb"}, 1),                                   # OCHA spelling of the same governorate
    ({"start": "2018-06-01", "end": "2019-06-29"}, 0),         # a year's tally against a month's
    ({"start": "2019-05-25", "end": "2019-06-29"}, 0),         # shares only a week of the month
    ({"actor": "opposition"}, 0),                               # blames another side than SOHR's count
    ({"actor": "Russia; Syrian government"}, 1),                # the same side
])
def test_disagreements_need_other_source_same_area_overlap(change, expected):
    docs, figs = tallies()
    figs[0] = figure_from_gold(docs["000_mee"], {"outcome": "killed", "n": 288, "victims": "civilians", "quote": SOHR,
                                                 "admin1": "Idlib", "source": "SOHR", "start": "2019-04-30",
                                                 "end": "2019-05-31", "actor": "Syrian government; Russia"})
    b = docs["002_national"]
    snhr = {"outcome": "killed", "n": 544, "victims": "civilians", "quote": SNHR, "admin1": "Idlib",
            "source": "SNHR", "start": "2019-04-26", "end": "2019-06-29", **change}
    figs[2] = figure_from_gold(b, snhr)
    assert len(find_disagreements(figs)) == expected


def test_disagreements_from_seed_corpus_end_to_end(shared, tmp_path, capsys):
    """The seed corpus through ingest, link and ``wartally disagreements``:
    SOHR's 288 civilians since 30 April against SNHR's 544 since 26 April
    (the figures and their attribution are the extractor's; pairing the two
    tallies is the link stage's)."""
    from wartally.cli import main

    db = tmp_path / "seeds.duckdb"
    assert main(["ingest", str(shared / "corpus" / "seeds.jsonl"), "--db", str(db), "--quiet"]) == 0
    assert main(["link", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["disagreements", "--db", str(db), "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    pairs = {(r["source_a"], r["n_a"], r["source_b"], r["n_b"]) for r in rows}
    assert ("SOHR", 288, "SNHR", 544) in pairs, pairs
    assert all(r["source_a"] != r["source_b"] for r in rows)
    assert main(["disagreements", "--db", str(db), "--format", "csv"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("outcome,victims,area,source_a,n_a")
