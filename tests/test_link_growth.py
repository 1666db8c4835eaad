"""A toll that grows within days: a later report that names the earlier
report's count as its incident's earlier toll ("rose to 74, up from 25
reported the previous day") links the two whatever else differs (the
weapon one report names, counts three times apart).  Real-looking
sentences through the real link stage (sixth round, issue 15)."""
from __future__ import annotations

import pytest

from wartally.link import link_figures
from wartally.link.gold import figure_from_gold
from wartally.link.unit import earlier_counts
from wartally.records import Document


@pytest.mark.parametrize("text,tolls,expected", [
    ("The Sudanese army confirmed on Saturday that the death toll from the attack on the Zamzam camp rose to 74, "
     "up from 25 reported the previous day.", {74}, {25}),
    ("The Syrian Observatory for Human Rights reported the airstrikes on Saturday with an initial death toll of 47. "
     "By Sunday it said 52 had died.", {47}, set()),  # the unit's own toll is no earlier count of itself
    ("The monitoring group updated its earlier death toll of 15 for the strike on Urum al-Joz, saying 18 had died.",
     {18}, {15}),
    ("The number of dead climbed from twelve to 30 overnight, the civil defence said.", {30}, {12}),
    ("The toll rose to 74, officials said. Up from 25 the day before, the count may rise.", {74}, set()),  # another sentence
    ("At least 40 people were killed and 25 wounded when a car bomb went off near the market.", {40}, set()),
    ("Rescuers pulled 18 bodies from the rubble, up from 25 sacks of flour delivered.", set(), set()),  # no toll of its own
])
def test_unit_earlier_counts(text, tolls, expected):
    assert earlier_counts(text, tolls) == frozenset(expected)


EARLY = ("Sudan's paramilitary Rapid Support Forces on Friday killed 25 civilians in an attack on the Zamzam "
         "displacement camp, activists said.")
LATER = ("The Sudanese army said on Saturday that the death toll from the RSF attack on the Zamzam camp rose to 74, "
         "up from 25 reported the previous day.")
LATER_ALONE = "The Sudanese army said on Saturday that the death toll from the RSF attack on the Zamzam camp rose to 74."


def report(doc_id, text, published, n, day, weapon):
    doc = Document.make(doc_id, text, published=published)
    fig = figure_from_gold(doc, {"outcome": "killed", "n": n, "victims": "civilians", "quote": text, "start": day,
                                 "end": day, "place": "Zamzam", "admin1": "North Darfur", "weapon": weapon})
    return doc, fig


@pytest.mark.parametrize("later,expected,says", [
    (LATER, True, "(b gives 25 as an earlier toll of its incident)"),
    # without the earlier count named: shelling against clashes, 25 against 74 a day later is no link
    (LATER_ALONE, False, None),
])
def test_link_later_report_names_the_earlier_toll(later, expected, says):
    a = report("a", EARLY, "2025-04-11", 25, "2025-04-11", "shelling")
    b = report("b", later, "2025-04-12", 74, "2025-04-12", "clashes")
    docs = {d.id: d for d, _ in (a, b)}
    result = link_figures([a[1], b[1]], docs)
    together = any(len(e.doc_ids) == 2 for e in result.events)
    assert together is expected
    if says:
        (link,) = [l for l in result.links if not l.candidate]
        assert says in " | ".join(link.evidence), link.evidence


FIRST = "30 people were killed and more than 100 were injured in the strike on the Kramatorsk railway station."
RAIL = "The state rail company says more than 52 people have been killed in a rocket strike on Kramatorsk station."
RISEN = ("The death toll from the missile strike on the Kramatorsk railway station has risen to 50, the governor "
         "said. It was initially reported that more than 30 people were killed.")
RISEN_ALONE = "The death toll from the missile strike on the Kramatorsk railway station has risen to 50, the governor said."


def station(doc_id, text, n, source, qualifier="exact"):
    d = Document.make(doc_id, text, published="2022-04-08")
    quote = text.split(". ")[0]
    return d, figure_from_gold(d, {"outcome": "killed", "n": n, "victims": "people", "quote": quote, "qualifier": qualifier,
                                   "start": "2022-04-08", "end": "2022-04-08", "place": "Kramatorsk",
                                   "admin1": "Donetsk", "weapon": "missile", "source": source})


@pytest.mark.parametrize("third,rows", [
    # an article of the event names 30 as the toll first reported: 30 against 52 the same day is growth
    (RISEN, []),
    # nothing says 30 was an earlier count: two counts of one day that cannot both be right
    (RISEN_ALONE, [(30, 52)]),
])
def test_incident_toll_named_as_earlier_is_growth(third, rows):
    reports = [station("babel", FIRST, 30, "Babel"), station("rail", RAIL, 52, "state rail company", "at_least"),
               station("gov", third, 50, "Donetsk governor")]
    docs = {d.id: d for d, _ in reports}
    result = link_figures([f for _, f in reports], docs)
    assert len(result.events) == 1
    shown = sorted(tuple(sorted((r.n_a, r.n_b))) for r in result.disagreements if r.scope == "incident")
    assert shown == rows
