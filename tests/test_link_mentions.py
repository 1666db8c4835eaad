"""Reports of one incident found though spelled, placed or dated
differently (issue 15, seventh round): the places both reports mention, not
only the one the geocoder resolved; the site one article is about against
another's place; a toll update no sentence dates; a part dated by its
whole; an attack that "took place on" a day; one report's two units of one
two-day range.  Sentences in the shape of the third unseen set's articles
(Pazigyi, Pont-Sonde, Homs, Tudun Biri), through the real link stage."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from wartally.extract.attack_day import attack_days
from wartally.link import link_figures
from wartally.link.comparison import LEVEL_COLUMNS
from wartally.link.gold import figure_from_gold
from wartally.link.lexicon import search
from wartally.link.linker import one_incident, score_units
from wartally.link.unit import date_rules, make_units, place_key, told_sentences
from wartally.records import Document, Span

D = dt.date


def doc(doc_id, text, published):
    return Document.make(doc_id, text, published=published)


def fig(d, quote, n, day=None, place=None, admin1=None, weapon=None, outcome="killed", **kw):
    return figure_from_gold(d, {"outcome": outcome, "n": n, "victims": "people", "quote": quote, "start": day,
                                "end": day, "place": place, "admin1": admin1, "weapon": weapon, **kw})


def dated_by(f, rule):
    """The figure as the extractor leaves it when ``rule`` dated it."""
    return dataclasses.replace(f, provenance=(Span(f.doc_id, f.sentence_start, f.sentence_end, f.quote, rule),))


def placed_at(f, text, mention):
    """The figure with its place read from where ``mention`` stands in ``text``."""
    at = text.index(mention)
    return dataclasses.replace(f, place=dataclasses.replace(
        f.place, span=Span(f.doc_id, at, at + len(mention), mention, "place:gazetteer-cued")))


LEAD = ("An air strike against an administrative office opening ceremony in Pazigyi Village, Kanbalu Township, "
        "Sagaing Region, has killed dozens of people, according to video clips that went viral online.")
COUNT = "Around 100 people including young children were killed in the strike, according to social media."


@pytest.mark.parametrize("text,mention,named,not_named", [
    # the count's place (the township) was read from the lead, which names the village too
    (f"{LEAD}\n\nThe council said the raid targeted an office.\n\n{COUNT}", "Kanbalu", "Pazigyi", None),
    # its place read in its own sentence: only that sentence
    (f"{LEAD}\n\nAround 100 people were killed in Kanbalu, according to social media.",
     "Kanbalu, according", "Kanbalu", "Pazigyi"),
])
def test_unit_named_places_include_the_sentence_its_place_came_from(text, mention, named, not_named):
    d = doc("a", text, "2023-04-12")
    quote = COUNT if COUNT in text else "Around 100 people were killed in Kanbalu"
    f = placed_at(fig(d, quote, 100, "2023-04-11", "Kanbalu", "Sagaing", "airstrike"), text, mention)
    (unit,) = make_units([f], {d.id: d})
    assert f"|{place_key(named)}|" in unit.named_keys
    if not_named:
        assert f"|{place_key(not_named)}|" not in unit.named_keys
    assert COUNT in told_sentences([f], text) or quote in told_sentences([f], text)


def test_link_village_against_the_township_named_with_it():
    """Eleven Media's 100 placed at the township (Kanbalu), the NUG's 168 at the village (Pazigyi) the same day:
    the township report's lead names the village, so the places agree (named_nearby), not other_name."""
    text = f"{LEAD}\n\nThe council said the raid targeted an office.\n\n{COUNT}"
    a = doc("a", text, "2023-04-12")
    b_text = ("At least 168 people were killed when junta jets bombed Pazigyi village in Sagaing Region on April 11, "
              "the NUG said.")
    b = doc("b", b_text, "2023-04-12")
    fa = placed_at(fig(a, COUNT, 100, "2023-04-11", "Kanbalu", "Sagaing", "airstrike"), text, "Kanbalu")
    fb = fig(b, b_text, 168, "2023-04-11", "Pazigyi", "Sagaing", "airstrike")
    result = link_figures([fa, fb], {a.id: a, b.id: b})
    assert len(result.events) == 1
    # (since round 14 "Pazigyi Village" names the lead's site as "Pazigyi village" does: the site both are about)
    assert any("one report names both places: Pazigyi / Kanbalu" in e or "both articles are about one site (pzg)" in e
               for e in result.events[0].evidence)


@pytest.mark.parametrize("site_a,place_b,level", [
    # one article is about the town (its site), the other's count is placed there
    ("pntsnd", "Pont-Sonde", "site_place"),
    # a site of two letters says too little (a mis-read "K")
    ("k", "K", "same_admin1"),
])
def test_comparison_one_articles_site_is_the_others_place(site_a, place_b, level):
    a = doc("a", "Armed gunmen kill at least 70 in Haiti gang massacre, the UN said.", "2024-10-04")
    b = doc("b", "The death toll from a devastating gang attack in Pont-Sonde rose to 115.", "2024-10-10")
    fa = fig(a, "kill at least 70", 70, "2024-10-03", None, "Artibonite", "gunfire")
    fb = fig(b, "rose to 115", 115, "2024-10-03", place_b, "Artibonite", "gunfire")
    units = {u.doc_id: u for u in make_units([fa, fb], {a.id: a, b.id: b})}
    pairs = score_units([dataclasses.replace(units["a"], site_key=site_a), units["b"]], all_pairs=True)
    assert pairs and dict(zip(LEVEL_COLUMNS, pairs[0][3:3 + len(LEVEL_COLUMNS)]))["place"] == level


@pytest.mark.parametrize("rule_whole,rule_part,expected", [
    # "at least 88 people, including 10 gang members, dead, the U.N. said": only publication dates the whole
    ("when:published", "when:parent", "when:published"),
    ("when:weekday", "when:parent", "when:weekday"),
    ("when:published", "when:weekday", "when:weekday"),
])
def test_unit_a_part_is_dated_by_its_whole(rule_whole, rule_part, expected):
    text = "The violence left at least 88 people, including 10 gang members, dead, the U.N. said."
    d = doc("a", text, "2024-10-09")
    whole = dated_by(fig(d, "at least 88 people", 88, "2024-10-09"), rule_whole)
    part = dated_by(dataclasses.replace(fig(d, "10 gang members", 10, "2024-10-09"), part_of=whole.id), rule_part)
    assert date_rules([whole, part])[part.id] == expected


@pytest.mark.parametrize("sentence,recalled", [
    ("The violence, perpetrated by a gang called the Gran Grif, left at least 88 people, including 10 gang "
     "members, dead, the U.N. said.", True),
    ("The attack killed 12 people and wounded 40, officials said.", True),
    ("The bombings at the Mugunga and Lac Vert camps killed at least 18.", True),
    # a new attack told with its own subject: not a recall
    ("Gunmen killed 12 people in the town on Monday.", False),
    ("Violence in the region has displaced 6,000 people.", False),
])
def test_unit_sentence_that_recalls_the_attack(sentence, recalled):
    assert (search("recalled", sentence) is not None) == recalled


@pytest.mark.parametrize("text,published,expected", [
    # TASS: the day the attack took place, in a follow-up dated by its dateline
    ("The attack, in which drones were used, took place on October 5 on the college's training grounds.",
     D(2023, 10, 6), (D(2023, 10, 5),)),
    ("The massacre happened on Thursday, residents said.", D(2024, 10, 8), (D(2024, 10, 3),)),
    # something else that took place: nothing
    ("The funeral took place on Friday in the village.", D(2023, 10, 8), ()),
])
def test_stated_day_reads_an_attack_that_took_place(text, published, expected):
    assert attack_days(text, published) == expected


def test_link_undated_toll_update_is_a_toll_told_later():
    """DMG's title toll "rises to 171", dated only by its publication three days on, against the day-one count at
    the same village: the update was told later (told_later, +1), not a date three days off."""
    first = doc("a", "At least 50 civilians were killed when a jet bombed Pazigyi village on Tuesday.", "2023-04-11")
    later = doc("b", "Death toll in junta airstrikes on Pazigyi village rises to 171.", "2023-04-14")
    fa = dated_by(fig(first, first.text, 50, "2023-04-11", "Pazigyi", "Sagaing", "airstrike"), "when:weekday")
    fb = dated_by(fig(later, later.text, 171, "2023-04-14", "Pazigyi", "Sagaing", "airstrike"), "when:published")
    units = {u.doc_id: u for u in make_units([fa, fb], {first.id: first, later.id: later})}
    assert units["b"].told_later and not units["a"].told_later
    result = link_figures([fa, fb], {first.id: first, later.id: later})
    assert len(result.events) == 1


@pytest.mark.parametrize("days,same", [((0, 1), True), ((0, 0), True), ((0, 2), False)])
def test_link_kin_units_of_one_two_day_range(days, same):
    """"An incident occurred on Sunday night": the report's 85 at Tudun Biri and Amnesty's 120 at Kaduna share a
    two-day range; one incident told twice when the ranges are the same and at most two days long."""
    lead = ("At least 85 citizens attending a religious festival in Tudun Biri village, in Kaduna state, died by a "
            "military strike.")
    retold = "Amnesty International said that 120 people had died in the attack."
    d = doc("t", f"{lead} {retold}", "2023-12-05")
    start = D(2023, 12, 3)
    s, e = (str(start + dt.timedelta(days=k)) for k in days)
    fa = figure_from_gold(d, {"outcome": "killed", "n": 85, "victims": "people", "quote": lead, "start": s,
                              "end": e, "place": "Tudun Biri", "admin1": "Kaduna", "weapon": "drone"})
    fb = figure_from_gold(d, {"outcome": "killed", "n": 120, "victims": "people", "quote": retold, "start": s,
                              "end": e, "place": "Kaduna", "admin1": "Kaduna", "weapon": "drone"})
    ua, ub = (make_units([f], {d.id: d})[0] for f in (fa, fb))
    assert one_incident(ua, ub) == same


TITLE = "At Least 50 Civilians Including Children Massacred in Myanmar Regime Air Strike in Sagaing"


@pytest.mark.parametrize("lead,units", [
    # the lead names the title's place as the region of the village: one incident told at two levels
    ("At least 50 civilians were killed and 30 injured when a regime jet fighter bombed Pa Zi Gyi Village in "
     "Kanbalu Township of Sagaing Region on Tuesday.", 1),
    # the lead names the town, not the region: two places
    ("At least 50 civilians were killed and 30 injured when a regime jet fighter bombed Pa Zi Gyi Village near "
     "Sagaing town on Tuesday.", 2),
])
def test_unit_region_namesake_joins_the_village_its_lead_places_in_that_region(lead, units):
    d = doc("a", f"{TITLE}\n\n{lead}", "2023-04-11")
    title = dated_by(fig(d, TITLE, 50, "2023-04-11", "Sagaing", "Sagaing", "airstrike"), "when:same-incident-after")
    hurt = dated_by(fig(d, lead, 30, "2023-04-11", "Pa Zi Gyi", "Sagaing", "airstrike", outcome="injured"),
                    "when:weekday")
    made = make_units([title, hurt], {d.id: d})
    assert len(made) == units
    if units == 1:
        assert made[0].place == "Pa Zi Gyi"  # the village, not the region's namesake


@pytest.mark.parametrize("later,rows", [
    # the higher count's article says it is still being made: the toll growing through the day
    ("U.S. strikes on the Ras Isa fuel port killed at least 74 people, according to preliminary figures, with "
     "rescue teams continuing efforts to search for victims, the health ministry said.", 0),
    # nothing says so: two sources' counts of one day that cannot both be right
    ("U.S. strikes on the Ras Isa fuel port killed at least 74 people, the health ministry said.", 1),
])
def test_tolls_a_same_day_count_still_being_made_is_growth(later, rows):
    first = doc("a", "Around 20 people were killed in U.S. strikes on the Ras Isa fuel port, Al Masirah said.",
                "2025-04-18")
    second = doc("b", later, "2025-04-18")
    fa = fig(first, first.text, 20, "2025-04-17", "Ras Isa", "Al Hudaydah", "airstrike", source="Al Masirah")
    fb = fig(second, later, 74, "2025-04-17", "Ras Isa", "Al Hudaydah", "airstrike", source="health ministry",
             qualifier="at_least")
    result = link_figures([fa, fb], {first.id: first, second.id: second})
    assert len(result.events) == 1
    assert len([r for r in result.disagreements if r.scope == "incident"]) == rows
