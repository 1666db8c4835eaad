"""One report that tells one incident in two units (its first count, and a
second source's count "in the attack" placed at the province's city) links
to two groups of other reports; when its two units may be one incident
(one day, places that agree, no other weapon or side) and a pair of the two
groups' reports matches, the groups are one event (sixth round, issue 15).
Real-looking sentences through the real link stage."""
from __future__ import annotations

import dataclasses

import pytest

from wartally.link import link_figures
from wartally.link.gold import figure_from_gold
from wartally.link.linker import one_incident
from wartally.link.unit import make_units
from wartally.records import Document

LEAD = ("Eighty-five people were killed when a military drone struck a religious gathering in Tudun Biri village "
        "of Igabi, Kaduna State, on Sunday, the emergency agency said.")
RETOLD = "Amnesty International said at least 120 people died in the attack near Kaduna."
AGENCY = ("A drone strike killed 85 villagers celebrating a religious festival in Tudun Biri, Kaduna State, on "
          "Sunday, the National Emergency Management Agency said.")
AMNESTY = "At least 120 people were killed in the drone attack near Kaduna on Sunday, Amnesty International said."
ROUNDUP = ("An airstrike killed 12 civilians in Kafr Nabl on Monday. Artillery shelling killed 7 civilians on the "
           "edge of Kafr Nabl on Monday evening, activists said.")
AIRSTRIKE = "Warplanes killed 12 civilians in Kafr Nabl on Monday, the civil defence said."
SHELLING = "Shelling killed seven civilians in Kafr Nabl on Monday, a monitor said."


def doc(doc_id, text, published):
    return Document.make(doc_id, text, published=published)


def fig(d, quote, n, day, place, admin1, weapon, source=None):
    return figure_from_gold(d, {"outcome": "killed", "n": n, "victims": "people", "quote": quote, "start": day,
                                "end": day, "place": place, "admin1": admin1, "weapon": weapon, "source": source})


def tudun_biri():
    t = doc("t", f"{LEAD} {RETOLD}", "2023-12-05")
    x, y = doc("x", AGENCY, "2023-12-04"), doc("y", AMNESTY, "2023-12-05")
    figs = [fig(t, LEAD, 85, "2023-12-03", "Tudun Biri", None, "drone"),
            fig(t, RETOLD, 120, "2023-12-03", "Kaduna", None, "drone", "Amnesty International"),
            fig(x, AGENCY, 85, "2023-12-03", "Tudun Biri", None, "drone"),
            fig(y, AMNESTY, 120, "2023-12-03", "Kaduna", None, "drone", "Amnesty International")]
    return figs, {d.id: d for d in (t, x, y)}


def roundup():
    r = doc("r", ROUNDUP, "2017-05-09")
    k, s = doc("k", AIRSTRIKE, "2017-05-09"), doc("s", SHELLING, "2017-05-09")
    first, second = ROUNDUP.split(". ")
    figs = [fig(r, first, 12, "2017-05-08", "Kafr Nabl", "Idlib", "airstrike"),
            fig(r, second, 7, "2017-05-08", "Kafr Nabl", "Idlib", "shelling"),
            fig(k, AIRSTRIKE, 12, "2017-05-08", "Kafr Nabl", "Idlib", "airstrike"),
            fig(s, SHELLING, 7, "2017-05-08", "Kafr Nabl", "Idlib", "shelling")]
    return figs, {d.id: d for d in (r, k, s)}


@pytest.mark.parametrize("make,events,says", [
    (tudun_biri, 1, ("t tells one incident twice: ", "85 at Tudun Biri", "120 at Kaduna", "on one day")),
    # one town and day, an airstrike and shelling: the two groups' reports match (same town and day), but the
    # report's two units name weapons of two families, so they are two incidents
    (roundup, 2, None),
])
def test_link_report_that_tells_one_incident_twice(make, events, says):
    figs, docs = make()
    result = link_figures(figs, docs)
    assert len(result.events) == events
    text = " | ".join(e for ev in result.events for e in ev.evidence)
    if says:
        assert all(s in text for s in says), text
    else:
        assert "tells one incident twice" not in text


def test_link_kin_units_need_one_day_and_places_that_agree():
    figs, docs = tudun_biri()
    lead, retold = make_units([f for f in figs if f.doc_id == "t"], docs)
    assert one_incident(lead, retold)
    assert not one_incident(lead, dataclasses.replace(retold, day_start=retold.day_start + 1,
                                                      day_end=retold.day_end + 1))
    # one's days within the other's: "Sunday night" and a count "as of Monday evening"
    assert one_incident(lead, dataclasses.replace(retold, day_end=retold.day_end + 1))
    # ... each of one day or two: a week around the day is no telling of that day's incident
    assert not one_incident(lead, dataclasses.replace(retold, day_start=retold.day_start - 3, day_end=retold.day_end + 3))
    assert not one_incident(lead, dataclasses.replace(retold, named_keys=None, place_key="sbr"))
    assert not one_incident(lead, dataclasses.replace(retold, weapon_family="fight"))
    assert not one_incident(lead, dataclasses.replace(retold, place_key=None))  # the unit stage's to place


def _dated_by(fig, rule):
    """The figure as the extractor leaves it when ``rule`` dated it."""
    from wartally.records import Span
    return dataclasses.replace(fig, provenance=(Span(fig.doc_id, fig.sentence_start, fig.sentence_end, fig.quote, rule),))


BODY = ("A military drone strike on Sunday killed 85 civilians who had gathered for a religious festival in Tudun "
        "Biri village in Kaduna State, the emergency agency said.")


@pytest.mark.parametrize("second,place,weapon,rule,units", [
    # a second source's count of "the attack", dated by that attack's day and placed at the state's city that the
    # lead's sentence names: one unit
    ("Amnesty International said at least 120 people died in the attack in Kaduna.", "Kaduna", "drone",
     "when:that-incident", 1),
    ("The strike killed at least 120 people, Amnesty International said.", None, "drone", "when:attack-day", 1),
    # no "the attack": a count of its own (another incident the report tells)
    ("Amnesty International said at least 120 people died in Kaduna.", "Kaduna", "drone", "when:that-incident", 2),
    # a place the lead does not name
    ("Amnesty International said at least 120 people died in the attack in Kafanchan.", "Kafanchan", "drone",
     "when:that-incident", 2),
    # another weapon family
    ("Gunmen killed 120 people in the attack in Kaduna, Amnesty International said.", "Kaduna", "gunfire",
     "when:that-incident", 2),
    # a date its own sentence gives
    ("Amnesty International said at least 120 people died in the attack in Kaduna on Monday.", "Kaduna", "drone",
     "when:weekday", 2),
])
def test_unit_count_that_retells_the_attack_joins_the_lead(second, place, weapon, rule, units):
    d = doc("t", f"{BODY} {second}", "2023-12-05")
    day = "2023-12-04" if rule == "when:weekday" else "2023-12-03"
    lead = _dated_by(fig(d, BODY, 85, "2023-12-03", "Tudun Biri", None, "drone"), "when:weekday")
    retold = _dated_by(fig(d, second, 120, day, place, None, weapon, "Amnesty International"), rule)
    assert len(make_units([lead, retold], {d.id: d})) == units


@pytest.mark.parametrize("second,units", [
    # FA-KES (SY, May 2016): a sentence that opens another incident of the day is a unit of its own
    ("Earlier in the day the Nusra Front launched 60 missiles on the city, killing nine people, Sputnik reported.", 2),
    ("In a separate attack, a car bomb killed nine people in the city, Sputnik reported.", 2),
    # ... but a sentence that goes on about the same attack joins it
    ("The rocket killed nine people, Sputnik reported.", 1),
])
def test_link_a_sentence_that_opens_another_incident_is_a_unit_of_its_own(second, units):
    from wartally.extract import extract_document
    from wartally.link.unit import _group
    from wartally.records import Document

    text = ("At least ten people have been killed after terrorists launched a rocket on Dabbit hospital in Aleppo, "
            "state media said. " + second)
    doc = Document.make("aleppo", text, published="2016-05-03", outlet="wire")
    figs = [f for f in extract_document(doc) if str(f.outcome) == "killed"]
    assert len(_group(figs, text)) == units
