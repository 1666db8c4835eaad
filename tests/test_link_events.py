"""Linking figures into events, on figures built from real report sentences
(FA-KES articles of April 2017 and February 2015)."""
from __future__ import annotations

import pytest

from wartally.extract.document import process_document
from wartally.link import link_figures
from wartally.link.gold import figure_from_gold
from wartally.records import Document


def make(doc_id: str, text: str, published: str, *figures: dict, outlet: str = "test"):
    doc = Document.make(doc_id, text, published=published, outlet=outlet)
    return doc, [figure_from_gold(doc, f, i) for i, f in enumerate(figures)]


KS = dict(place="Khan Sheikhoun", admin1="Idlib", weapon="chemical", start="2017-04-04")
UJ = dict(place="Urum al-Joz", admin1="Idlib", weapon="airstrike", start="2017-04-08")

REPORTS = [
    make("trt", "An alleged chemical attack that killed at least 58 and injured dozens in the rebel-held town of "
         "Khan Shaykhun in Idlib province has triggered global criticism.", "2017-04-04",
         {"outcome": "killed", "n": 58, "victims": "people", "qualifier": "at_least",
          "quote": "killed at least 58", **KS, "place": "Khan Shaykhun"}),
    make("arabiya", "At least 86 people were killed early on Tuesday in rebel-held Khan Sheikhoun and dozens more "
         "have received treatment.", "2017-04-06",
         {"outcome": "killed", "n": 86, "victims": "people", "qualifier": "at_least",
          "quote": "At least 86 people were killed early on Tuesday in rebel-held Khan Sheikhoun", **KS}),
    make("ahram", "One woman was killed in an air strike Saturday on the Syrian town of Khan Sheikhun site of a "
         "suspected chemical weapons attack earlier this week. The death was the first in the town since a "
         "suspected chemical weapons attack on Tuesday that killed 87 civilians including 31 children.",
         "2017-04-08",
         {"outcome": "killed", "n": 1, "victims": "women", "quote": "One woman was killed in an air strike Saturday",
          "place": "Khan Sheikhun", "admin1": "Idlib", "weapon": "airstrike", "start": "2017-04-08"},
         {"outcome": "killed", "n": 87, "victims": "civilians",
          "quote": "a suspected chemical weapons attack on Tuesday that killed 87 civilians including 31 children",
          **KS, "place": "Khan Sheikhun"},
         {"outcome": "killed", "n": 31, "victims": "children",
          "quote": "a suspected chemical weapons attack on Tuesday that killed 87 civilians including 31 children",
          **KS, "place": "Khan Sheikhun"}),
    make("dailysabah", "An air strike killed 18 civilians including five children in Syrias northwestern province "
         "of Idlib on Saturday. The monitoring group updated its earlier death toll of 15 for the strike on Urum "
         "al-Joz saying three more people had died.", "2017-04-08",
         {"outcome": "killed", "n": 18, "victims": "civilians", "quote": "An air strike killed 18 civilians", **UJ}),
    make("ahram2", "An air strike killed 15 civilians including four children in Syrias northwestern province of "
         "Idlib on Saturday the Syrian Observatory for Human Rights monitor said.", "2017-04-08",
         {"outcome": "killed", "n": 15, "victims": "civilians", "quote": "An air strike killed 15 civilians",
          "admin1": "Idlib", "weapon": "airstrike", "start": "2017-04-08"}),
]


@pytest.fixture(scope="module")
def linked():
    docs = {d.id: d for d, _ in REPORTS}
    figures = [f for _, figs in REPORTS for f in figs]
    return figures, link_figures(figures, docs)


def _event(figures, result, doc_id, n):
    fig = next(f for f in figures if f.doc_id == doc_id and f.n == n)
    return next(e for e in result.events if fig.id in e.figure_ids)


@pytest.mark.parametrize("a,b,same", [
    (("trt", 58), ("arabiya", 86), True),        # Khan Shaykhun, 4 April, two tolls
    (("trt", 58), ("ahram", 87), True),          # recalled four days later, dated Tuesday
    (("ahram", 31), ("ahram", 87), True),        # a subset in the same sentence
    (("dailysabah", 18), ("ahram2", 15), True),  # Urum al-Joz, 8 April, place only in one report
    (("ahram", 1), ("dailysabah", 18), False),   # same day and province, other towns
    (("ahram", 1), ("trt", 58), False),          # same town, four days apart
    (("ahram2", 15), ("arabiya", 86), False),    # same province, four days apart
])
def test_link_events_join_reports_of_one_incident(linked, a, b, same):
    figures, result = linked
    assert (_event(figures, result, *a).id == _event(figures, result, *b).id) is same


def test_link_events_keep_every_figure_once(linked):
    figures, result = linked
    ids = [fid for e in result.events for fid in e.figure_ids]
    assert sorted(ids) == sorted(f.id for f in figures)
    assert all(e.figure_ids for e in result.events)
    single = _event(figures, result, "ahram", 1)
    assert single.doc_ids == ("ahram",) and len(single.figure_ids) == 1


def test_link_events_counts_low_best_high(linked):
    figures, result = linked
    ks = _event(figures, result, "trt", 58)
    counts = {(str(c.outcome), str(c.victims)): c for c in ks.counts}
    # people 58 and 86 from two reports; civilians 87 and children 31 are their own groups
    people = counts[("killed", "people")]
    assert (people.low, people.high) == (58, 86) and people.low <= people.best <= people.high
    assert counts[("killed", "children")].best == 31  # never added to the civilians
    assert counts[("killed", "civilians")].best == 87
    assert all(c.low <= c.best <= c.high and c.rule for e in result.events for c in e.counts)
    assert ks.event_type == "Explosions/Remote violence" and ks.sub_event_type == "Chemical weapon"
    assert ks.place is not None and ks.start.isoformat() == "2017-04-04"


def test_link_events_links_carry_evidence(linked):
    figures, result = linked
    uj = _event(figures, result, "dailysabah", 18)
    links = [l for l in result.links if l.event_id == uj.id]
    assert len(links) == 1
    ev = " | ".join(links[0].evidence)
    assert "dates 0 days apart" in ev and "both airstrike" in ev and "killed 18 vs 15" in ev


def test_link_events_wire_copies_count_once():
    text = ("Rocket attacks killed 5 people in Damascus on Thursday and wounded at least 50 a monitoring group said "
            "in the second heavy bombardment by Jaysh al-Islam in less than two weeks.")
    fig = {"outcome": "killed", "n": 5, "victims": "people", "quote": "Rocket attacks killed 5 people in Damascus",
           "place": "Damascus", "admin1": "Damascus", "weapon": "rocket", "start": "2015-02-05"}
    copies = [make(f"copy{i}", text, "2015-02-05", fig, outlet=o) for i, o in enumerate(("ahram", "nna", "alalam"))]
    other = make("reuters", "Rocket attacks by Islam Army insurgents on Thursday killed 10 people in Damascus.",
                 "2015-02-06", {**fig, "n": 10, "quote": "killed 10 people in Damascus"})
    docs = {d.id: d for d, _ in copies + [other]}
    figures = [f for _, fs in copies + [other] for f in fs]
    result = link_figures(figures, docs)
    assert len(result.events) == 1
    (event,) = result.events
    assert result.n_reports[event.id] == 2  # three wire copies + one Reuters report
    (count,) = event.counts
    # 5 is given by one independent report (the wire), 10 by another: a tie, to the most recent
    assert (count.low, count.best, count.high) == (5, 10, 10)
    assert "2 independent reports" in count.rule


def test_link_events_prefer_toll_updates():
    first = make("early", "The blast killed at least 24 people the Observatory said.", "2017-04-15",
                 {"outcome": "killed", "n": 24, "victims": "people", "quote": "killed at least 24 people",
                  "place": "Rashidin", "admin1": "Aleppo", "weapon": "car bomb", "start": "2017-04-15",
                  "qualifier": "at_least"})
    second = make("again", "The blast killed at least 24 people the Observatory said.", "2017-04-15",
                  {"outcome": "killed", "n": 24, "victims": "people", "quote": "at least 24 people died",
                   "place": "Rashidin", "admin1": "Aleppo", "weapon": "car bomb", "start": "2017-04-15",
                   "qualifier": "at_least"})
    later = make("late", "The death toll from the bomb attack on the bus convoy at Rashidin rose to 126.",
                 "2017-04-16", {"outcome": "killed", "n": 126, "victims": "people",
                                "quote": "The death toll from the bomb attack on the bus convoy at Rashidin rose to 126",
                                "place": "Rashidin", "admin1": "Aleppo", "weapon": "car bomb",
                                "start": "2017-04-15"})
    items = [first, second, later]
    result = link_figures([f for _, fs in items for f in fs], {d.id: d for d, _ in items})
    (event,) = result.events
    (count,) = event.counts
    assert (count.low, count.best, count.high) == (24, 126, 126)  # 24 twice, but 126 is an update
    assert "update" in count.rule


def test_link_events_two_units_of_one_document_stay_apart():
    text = ("A shell landed at the gate of a school in Jisreen killing five people. Shelling on Mesraba killed "
            "three civilians.")
    f1 = {"outcome": "killed", "n": 5, "victims": "people", "quote": "killing five people", "place": "Jisreen",
          "admin1": "Rif Dimashq", "weapon": "shelling", "start": "2017-10-31"}
    f2 = {"outcome": "killed", "n": 3, "victims": "civilians", "quote": "Shelling on Mesraba killed three civilians",
          "place": "Mesraba", "admin1": "Rif Dimashq", "weapon": "shelling", "start": "2017-10-31"}
    a = make("jt", text, "2017-11-01", f1, f2)
    b = make("trt", text.replace("Mesraba", "Musraba"), "2017-10-31", f1, {**f2, "place": "Musraba",
                                                                          "quote": "Shelling on Musraba killed three civilians"})
    result = link_figures(a[1] + b[1], {a[0].id: a[0], b[0].id: b[0]})
    assert len(result.events) == 2
    assert all(len(e.doc_ids) == 2 for e in result.events)


def test_link_events_ambiguous_report_without_place_stays_alone():
    """Two strikes in Idlib on one day, each reported twice by place; a fifth
    report says only "in Idlib province" with a toll that fits both."""
    items = []
    for town, n in (("Ariha", 12), ("Saraqeb", 11)):
        for outlet in ("afp", "reuters"):
            items.append(make(f"{outlet}-{town}", f"An air strike killed {n} civilians in {town} on Monday.",
                              "2019-06-03", {"outcome": "killed", "n": n, "victims": "civilians",
                                             "quote": f"killed {n} civilians in {town}", "place": town,
                                             "admin1": "Idlib", "weapon": "airstrike", "start": "2019-06-03"}))
    vague = make("tass", "An air strike killed 12 civilians in Idlib province on Monday.", "2019-06-03",
                 {"outcome": "killed", "n": 12, "victims": "civilians", "quote": "killed 12 civilians in Idlib",
                  "admin1": "Idlib", "weapon": "airstrike", "start": "2019-06-03"})
    result = link_figures([f for _, fs in items + [vague] for f in fs], {d.id: d for d, _ in items + [vague]})
    sizes = sorted(len(e.doc_ids) for e in result.events)
    assert sizes == [1, 2, 2]  # Ariha, Saraqeb, and the report that could be either


@pytest.mark.parametrize("spans, actors, stated", [
    # "according to the Hamas-run health ministry": Hamas is named only inside the source (Gaza)
    ([("source:health-ministry", 40, 65), ("actor:hamas:named-nearby", 40, 45)], ("Hamas",), ()),
    # an Israeli strike the sentence names outside the source stays; the source's Hamas goes
    ([("source:health-ministry", 40, 65), ("actor:hamas:named-nearby", 40, 45), ("actor:israel", 10, 17)],
     ("Israel", "Hamas"), ("Israel",)),
    # Hamas named as the attacker outside the source as well: kept
    ([("source:health-ministry", 40, 65), ("actor:hamas:named-nearby", 40, 45), ("actor:hamas", 5, 10)],
     ("Hamas",), ("Hamas",)),
    # no source span: the actors as the extractor gave them
    ([("actor:hamas", 5, 10)], ("Hamas",), ("Hamas",)),
    # "the attack on a Moscow concert hall": Russia read from the figure's own place (Russia)
    ([("actor:russia", 53, 59)], ("Russia",), ()),
], ids=["only-in-source", "attacker-outside-kept", "named-twice", "no-source", "the-place-is-no-actor"])
def test_an_actor_named_only_inside_the_source_is_not_stated(spans, actors, stated):
    from types import SimpleNamespace

    from wartally.link.unit import stated_actors
    from wartally.records import Span

    place = SimpleNamespace(mention="Moscow", name="Moscow", span=Span("d", 53, 59, "Moscow", "place:gazetteer"))
    fig = SimpleNamespace(actor=actors, place=place, area=None,
                          provenance=[Span("d", a, b, "Moscow" if rule == "actor:russia" else "x", rule)
                                      for rule, a, b in spans])
    assert stated_actors(fig) == stated


TOLD_FIRST = ("Gunmen attacked a concert hall in Krasnogorsk, Russia, on Friday evening, killing at least 60 people and "
              "wounding 145, officials said.")


@pytest.mark.parametrize("second, published, one_event", [
    # a toll update dated by the day it was told, five days on: the same attack (Russia)
    ("The death toll from the attack on the concert hall in Krasnogorsk rose on Wednesday to 140, the emergencies "
     "ministry said.", "2024-03-27", True),
    # the same words without an update: an attack on Wednesday is another attack
    ("Gunmen attacked a concert hall in Krasnogorsk, Russia, on Wednesday, killing 140 people, the emergencies ministry "
     "said.", "2024-03-27", False),
    # an update told more than dates.told_days_before days on is not reached
    ("The death toll from the attack on the concert hall in Krasnogorsk rose on Wednesday to 140, the emergencies "
     "ministry said.", "2024-04-10", False),
], ids=["update-told-days-later", "no-update-another-day", "too-late"])
def test_a_toll_update_told_days_later_joins_its_attack(second, published, one_event):
    a = Document.make("a", TOLD_FIRST, published="2024-03-22", outlet="x")
    b = Document.make("b", second, published=published, outlet="y")
    result = link_figures(process_document(a) + process_document(b), {a.id: a, b.id: b})
    assert any(set(e.doc_ids) == {"a", "b"} for e in result.events) is one_event
