"""Incident or tally: real sentences from the seed and FA-KES corpora."""
from __future__ import annotations

import pytest

from wartally.link import classify
from wartally.link.gold import figure_from_gold
from wartally.records import Document

CASES = [
    # (sentence, figure fields, expected kind)
    ("Government and Russian fire has killed 288 civilians since 30 April, including 67 children, "
     "the Syrian Observatory for Human Rights said.",
     {"outcome": "killed", "n": 288, "victims": "civilians", "start": "2019-04-30", "end": "2019-05-31"}, "tally"),
    ("More than 370,000 people have been killed since the war began in 2011.",
     {"outcome": "killed", "n": 370000, "victims": "people", "start": None}, "tally"),
    ("Air raids kill 18 civilians in Syrias Aleppo Monitor",
     {"outcome": "killed", "n": 18, "victims": "civilians", "start": "2016-07-16"}, "incident"),
    ("An air strike killed 15 civilians including four children in Syrias northwestern province of Idlib on Saturday",
     {"outcome": "killed", "n": 15, "victims": "civilians", "start": "2017-04-08"}, "incident"),
    ("The death was the first in the town since a suspected chemical weapons attack on Tuesday that killed 87 "
     "civilians including 31 children",
     {"outcome": "killed", "n": 87, "victims": "civilians", "start": "2017-04-04"}, "incident"),
    ("At least 50 ISIL terrorists have been killed in the past 24 hours in clashes",
     {"outcome": "killed", "n": 50, "victims": "combatants", "start": "2014-11-30"}, "incident"),
    ("The Syrian Observatory for Human Rights reported that more than 3000 people have been killed during the past month.",
     {"outcome": "killed", "n": 3000, "victims": "people", "start": None}, "tally"),
    ("Over 500 Civilians Killed in One Week in Ongoing Bombardment",
     {"outcome": "killed", "n": 500, "victims": "civilians", "start": "2016-11-14", "end": "2016-11-21"}, "tally"),
    ("At least 544 civilians have been killed and more than 2,000 people injured since a Russian-led assault on "
     "the last rebel bastion in northwestern Syria began two months ago",
     {"outcome": "killed", "n": 544, "victims": "civilians", "start": None}, "tally"),
    ("The UN says some 300,000 people fled their homes in May alone.",
     {"outcome": "displaced", "n": 300000, "victims": "people", "start": "2019-05-01", "end": "2019-05-31"}, "tally"),
]


@pytest.mark.parametrize("sentence,fields,kind", CASES, ids=[c[0][:40] for c in CASES])
def test_kind_classifies_real_sentences(sentence, fields, kind):
    doc = Document.make("d1", sentence, published="2019-05-31")
    fig = figure_from_gold(doc, {**fields, "quote": sentence})
    assert classify(fig) == kind


BORROWED = [
    # (sentence, figure fields, the dating rule, expected kind): FA-KES dev sentences whose period the
    # extractor took from another sentence ("2016" two sentences up)
    ("Meanwhile three people were killed in a Russian airstrike on a residential area in the city of Maaret "
     "al-Numan in Idlib.",
     {"outcome": "killed", "n": 3, "victims": "people", "start": "2016-05-30", "end": "2016-06-05"},
     "when:previous-sentence", "incident"),
    ("Russia said on Wednesday it had critically injured a leader of the Tahrir al-Sham militant group with an air "
     "strike in Syria that also killed 12 of his field commanders.",
     {"outcome": "killed", "n": 12, "victims": "combatants", "start": "2016-01-01", "end": "2016-12-31"},
     "when:previous-figure", "incident"),
    # a total over the period the previous sentence gives: still a tally
    ("Abdel Rahman said a total of 37 government fighters and 101 Daesh militants have been killed since the "
     "regime launched its offensive for Tabaqa.",
     {"outcome": "killed", "n": 37, "victims": "combatants", "start": "2016-06-06", "end": "2016-06-12"},
     "when:previous-figure", "tally"),
    ("Meanwhile rebel fire on regime-held areas killed 1102 people said the Observatory.",
     {"outcome": "killed", "n": 1102, "victims": "people", "start": "2014-02-22", "end": "2015-02-22"},
     "when:previous-sentence", "tally"),
    # dated by a month its own sentence names: the rule leaves it to the period
    ("Meanwhile three people were killed in a Russian airstrike on a residential area in the city of Maaret "
     "al-Numan in Idlib.",
     {"outcome": "killed", "n": 3, "victims": "people", "start": "2016-05-01", "end": "2016-05-31"},
     "when:in-month", "tally"),
]


@pytest.mark.parametrize("sentence,fields,rule,kind", BORROWED, ids=[f"{c[2]}-{c[0][:30]}" for c in BORROWED])
def test_kind_one_attack_dated_by_another_sentence_is_an_incident(sentence, fields, rule, kind):
    import dataclasses

    from wartally.records import Span

    doc = Document.make("d1", sentence, published="2016-06-06")
    fig = figure_from_gold(doc, {**fields, "quote": sentence})
    others = tuple(s for s in fig.provenance if not s.rule.startswith("when:"))
    fig = dataclasses.replace(fig, provenance=others + (Span(doc_id="d1", start=0, end=0, text="", rule=rule),))
    assert classify(fig, sentence) == kind
