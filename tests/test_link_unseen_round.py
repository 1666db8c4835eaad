"""Linking mechanisms of round 12 (issue 15, unseen news of other wars):
real-style sentences, written for these tests, through the real link
stage.  Each table row is one pair of reports of one incident (or of two)."""
from __future__ import annotations

import dataclasses

import pytest

from wartally.link import link_figures
from wartally.link.gold import figure_from_gold
from wartally.link.unit import place_key
from wartally.records import Document


def report(doc_id, text, published, n, day, place, admin1, weapon, **more):
    doc = Document.make(doc_id, text, published=published)
    fig = figure_from_gold(doc, {"outcome": more.pop("outcome", "killed"), "n": n,
                                 "victims": more.pop("victims", "people"), "quote": more.pop("quote", text),
                                 "start": day, "end": day, "place": place, "admin1": admin1, "weapon": weapon,
                                 **more})
    return doc, fig


def linked(*reports):
    docs = {d.id: d for d, _ in reports}
    result = link_figures([f for _, f in reports], docs)
    return any(len(e.doc_ids) == len(reports) for e in result.events), result


@pytest.mark.parametrize("one,other", [
    ("Fombita", "Fonbita"),  # a village of Tillaberi, as two agencies spell it
    ("Anbar", "Ambar"),
    ("Sinpaung", "Simpaung"),
])
def test_link_place_key_reads_n_before_b_or_p_as_m(one, other):
    assert place_key(one) == place_key(other)


@pytest.mark.parametrize("one,other", [
    ("Kanbalu", "Kabalu"),  # the n is a letter of the name, not a way of writing m
    ("Minab", "Mirab"),
])
def test_link_place_key_keeps_other_letters_apart(one, other):
    assert place_key(one) != place_key(other)


def test_link_one_village_under_two_spellings_of_its_nasal():
    """'Fombita' and 'Fonbita' are one village: the same attack on one day,
    one report undated, is one incident."""
    a = report("a", "Gunmen killed 44 worshippers at a mosque in Fombita during Friday prayers, the government said.",
               "2025-03-23", 44, None, "Fombita", None, None)
    b = report("b", "The attack on the mosque in Fonbita on Friday killed 44 civilians, officials said.",
               "2025-03-23", 44, "2025-03-21", "Fonbita", "Tillaberi", None)
    together, _ = linked(a, b)
    assert together


def in_city(doc_id, text, n, mention, weapon="airstrike"):
    """A report of Aleppo (a city bearing its governorate's name, where many
    incidents happen a day) whose place the text names as ``mention``: the
    geocoder, lacking a district, placed it at the city."""
    from wartally.records import Place, WherePrecision

    doc, fig = report(doc_id, text, "2016-09-26", n, "2016-09-26", None, None, weapon)
    city = Place(mention=mention, name="Aleppo", admin1="Aleppo", lat=36.2, lon=37.16, feature="city",
                 precision=WherePrecision.EXACT)
    return doc, dataclasses.replace(fig, place=city)


@pytest.mark.parametrize("a,b,together", [
    # a district the other report does not name: two of the city's incidents that day
    (("d", "An air strike on a bakery in Bustan al-Qasr killed six people on Monday, rescuers said.", 6,
      "Bustan al-Qasr"),
     ("c", "Air strikes on Aleppo killed 90 people on Monday, a monitor said.", 90, "Aleppo"), False),
    # the other report names the district too: one incident
    (("d", "An air strike on a bakery in Bustan al-Qasr killed six people on Monday, rescuers said.", 6,
      "Bustan al-Qasr"),
     ("e", "Seven people died when jets hit a bakery in Aleppo's Bustan al-Qasr on Monday, activists said.", 7,
      "Aleppo"), True),
    # both name only the city: the same city's incident, as before
    (("f", "Air strikes on Aleppo killed 88 people on Monday, a monitor said.", 88, "Aleppo"),
     ("c", "Air strikes on Aleppo killed 90 people on Monday, a monitor said.", 90, "Aleppo"), True),
])
def test_link_a_district_named_in_a_city_of_many_incidents(a, b, together):
    """One report names a district of the city the other names only as the
    city: the shared city says less (level city_other_spot, +1 against the
    same city's +3), so six dead at a bakery of Bustan al-Qasr and 90 over
    Aleppo that day stay two incidents."""
    got, result = linked(in_city(*a), in_city(*b))
    assert got is together


@pytest.mark.parametrize("mention,name", [("Kabul’s", "Kabul"), ("El Fasher's", "El Fasher"),
                                          ("Aleppo's Bustan al-Qasr", "Bustan al-Qasr")])
def test_link_mention_key_leaves_out_a_possessive(mention, name):
    """The key of a place as the text names it ('at Kabul’s international
    airport') is the place's, not the place's with an s."""
    from wartally.link.unit import read_place

    assert read_place(mention)[1] == place_key(name)


@pytest.mark.parametrize("sentence,day,told", [
    ("Around 70 people were killed in an assault on the city's only hospital, as reported by the WHO "
     "Director-General on Sunday.", "2025-01-26", True),
    ("The number of people killed has reached 79, a hospital official told Reuters on Friday.", "2021-08-27", True),
    ("At least 170 people died, a source close to the government told Efe Friday on condition of anonymity.",
     "2021-08-27", True),
    # the day is the attack's: the words between the verb and the day tell the attack
    ("Officials said the strike on Friday killed 12 people.", "2021-08-27", False),
    ("Witnesses said 30 people were killed on Friday.", "2021-08-27", False),
    # the day the count was told is not the figure's day
    ("Gunmen killed 12 villagers on Thursday, officials said on Friday.", "2021-08-26", False),
])
def test_link_told_on_its_day_reads_the_day_a_count_was_told(sentence, day, told):
    from wartally.link.unit import told_on_its_day

    n = next(int(w) for w in sentence.replace(",", " ").split() if w.isdigit())
    doc, fig = report("t", sentence, day, n, day, None, None, None)
    assert told_on_its_day(fig, doc.text) is told


def test_link_a_toll_told_two_days_after_the_attack():
    """The hospital strike of Friday and the WHO chief's toll 'on Sunday':
    the second report's day is the day the toll was told, so the days two
    apart are a toll told later (+1), not two stated days apart (-8)."""
    friday = report("a", "A drone struck the Saudi hospital in El Fasher on Friday, killing 70 people, officials said.",
                    "2025-01-25", 70, "2025-01-24", "El Fasher", "North Darfur", "drone")
    sunday = report("b", "About 70 people were killed in an attack on the hospital in El Fasher, as reported by "
                         "the WHO chief on Sunday.", "2025-01-26", 70, "2025-01-26", "El Fasher", "North Darfur",
                    None)
    together, result = linked(friday, sunday)
    assert together
    assert any("score" in e for l in result.links for e in l.evidence)


def undated(doc, fig):
    """The figure as the extractor leaves a count no sentence dates: dated
    by its article's publication (rule when:published)."""
    from wartally.records import Span

    return dataclasses.replace(fig, provenance=(*fig.provenance, Span(doc.id, 0, 0, "", "when:published")))


FOLLOW_UP = ("The death toll from the bombing of the rally has risen to 63, officials said. "
             "Doctors at the district hospital in Khar said 65 persons had died. "
             "One injured man died in Peshawar, where he had been taken for treatment.")


@pytest.mark.parametrize("update,together", [
    ("has risen to 63", True),  # a later account: its undated counts were told days after the attack
    ("stands at 63", False),  # no update told: its counts are of the two days before publication, as before
])
def test_link_undated_counts_of_an_article_that_tells_an_update(update, together):
    """An article published four days after a rally bombing, dated by no
    sentence, tells the toll 'has risen to 63' (no place) and 65 dead at
    Khar's hospital: the Khar count is told later too, so it links to the
    day's report of 44 killed at the rally in Khar."""
    text = FOLLOW_UP.replace("has risen to 63", update)
    doc = Document.make("late", text, published="2023-08-03")
    figs = [undated(doc, figure_from_gold(doc, {"outcome": "killed", "n": n, "victims": "people", "quote": quote,
                                                 "place": place,
                                                 "admin1": "Khyber Pakhtunkhwa", "weapon": "IED"}, k))
            for k, (n, quote, place) in enumerate([(63, f"the rally {update}", None),
                                                   (65, "65 persons had died", "Khar"),
                                                   (1, "One injured man died in Peshawar", "Peshawar")])]
    day = report("day", "A suicide bomber killed 44 people at a political rally in Khar on Sunday, police said.",
                 "2023-07-30", 44, "2023-07-30", "Khar", "Khyber Pakhtunkhwa", "IED")
    result = link_figures([*figs, day[1]], {"late": doc, "day": day[0]})
    got = any({"late", "day"} <= set(e.doc_ids) for e in result.events)
    assert got is together
