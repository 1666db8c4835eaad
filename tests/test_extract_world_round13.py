"""World news, round 13 (issue 13, session 33): where an article is (a
dateline and a village against another name of a far town), who speaks (a
monitor by its own name and kind, a hospital named in lower case, a comma
that is no list of speakers, a counted group), when (part of a year, "since
early 2014" in a war that began later that year, an insurgency's year, the
end of a year), with what (a missile, not the air raid sirens) and who bombs from
the air where one side alone has warplanes.  Each row names its country and
the field the figure must have; the sentences are written here."""
from __future__ import annotations

import datetime as dt

import pytest

from wartally.eval import names
from wartally.extract import context, figures, world
from wartally.extract import places as places_mod
from wartally.extract.when import find_periods
from wartally.geo import resolver
from wartally.records import Document
from conftest import figure_in, figures_of
from test_extract_world_mechanisms import _geocoded

K, I, D = "killed", "injured", "displaced"


def _ids(rows: list[tuple]) -> list[str]:
    return [f"{r[0]}-{i}" for i, r in enumerate(rows)]


# --- where the article is ----------------------------------------------------

COUNTRIES = [
    # a dateline's city and a village known only there agree; "Kallay" is only another name of Myanmar's Kalemyo
    ("PK", None, "PESHAWAR - Fighting between two tribes in the hills around Parachinar went into a fifth day on Tuesday.\n\n"
                 "The clashes spread to Khar Kallay and nearby hamlets, where four people were killed, elders said."),
    # Ngarbuh is Cameroon's, though no word names the country
    ("CM", "Ngarbuh: rights groups publish a report on the February killings",
     "Soldiers and armed herders killed 23 villagers in Ngarbuh, a report by a coalition of groups says. "
     "Survivors fled to Ndu and Kumbo."),
]


@pytest.mark.parametrize(("country", "title", "body"), COUNTRIES, ids=_ids(COUNTRIES))
def test_world_the_country_an_article_is_about(country, title, body):
    doc = Document.make("t", body, title=title, published="2023-07-11")
    hits = places_mod.hits_that_may_be_where(body, places_mod.gazetteer_hits(body))
    assert figures.article_country(doc, hits) == country


def test_world_a_dateline_alone_says_nothing_of_the_country():
    """Where the reporter files from counts only with another toponym of its country."""
    weights, toponyms = figures._place_countries("PESHAWAR - Four people were killed, elders said.",
                                                 places_mod.gazetteer_hits("PESHAWAR - Four people were killed, elders said."))
    assert not toponyms


def test_world_a_name_and_its_hyphenated_spelling_are_one_place():
    """"Al Hamma" and "Al-Hamma" of one Yemeni camp are not two votes for Syria's Hama."""
    context_names = ("Yemen", "Marib", "Al Hamma", "Yemen", "Al-Hamma", "Marib", "Yemen")
    place = resolver.resolve("Al Hamma", context=context_names, country="YE")
    assert place.country != "Syria", place.reason


def test_world_an_adjective_ending_in_al_is_no_arabic_article():
    """"a central Ukrainian city": no place "al Ukrainian"."""
    found = [p.text for p in places_mod.place_mentions("Rescuers searched the debris in a central Ukrainian city on Friday.")]
    assert not any(t.lower().startswith("al ") for t in found), found


# --- who speaks --------------------------------------------------------------

SOURCES = [
    ("LY", "More than 1,500 people have been killed in the fighting since 2014, according to the Libya Body Count watchdog.",
     (K, 1500, "people"), "Libya Body Count", "2015-06-01"),
    ("CM", "International monitors, however, say at least 30 people have been killed in western Cameroon since September.",
     (K, 30, "people"), "international monitors", "2017-11-29"),
    ("LY", "The Al-Jalaa hospital, meanwhile, reported that a shell had killed two people and wounded six.",
     (K, 2, "people"), "Al-Jalaa hospital", "2015-07-09"),
    # a comma between the government the fighters are loyal to and the speakers is no list of speakers
    ("LY", "At least nine people were killed in Benghazi in fighting between militias and forces loyal to the "
           "government, hospital officials said on Friday.",
     (K, 9, "people"), "hospital officials", "2015-07-09"),
    ("CD", "Twelve civilians were killed in the Beni area overnight, the Kivu Security Tracker said.",
     (K, 12, "civilians"), "Kivu Security Tracker", "2020-02-10"),
]


@pytest.mark.parametrize(("country", "text", "fig", "want", "published"), SOURCES, ids=_ids(SOURCES))
def test_world_source_of_a_figure(country, text, fig, want, published):
    f = _geocoded(text, fig, published)
    assert names.same_source(want, f.source), f"source {f.source!r}, want {want!r}"


@pytest.mark.parametrize(("country", "text"), [
    ("IN", "The police chief, confirming the killing of three militants in the gunfight, said the operation was over."),
    ("NG", "Soldiers recovered the bodies of five Boko Haram fighters near the camp and said the area was calm."),
])
def test_world_a_counted_group_does_not_speak(country, text):
    hits = context.sources_in(text, country)
    assert not any(h.rule.startswith(context.GROUP_RULE) for h in hits), hits


def test_world_a_group_with_its_officials_still_speaks():
    hits = context.sources_in("Two Taliban officials said five attackers were killed.", "AF")
    assert hits and "Taliban" in hits[0].value


# --- when --------------------------------------------------------------------

PERIODS = [
    ("CD", "Rebels are believed to have killed more than 200 people in the final three months of last year.",
     "2015-01-20", dt.date(2014, 10, 1), dt.date(2014, 12, 31)),
    ("ML", "Attacks killed 300 civilians in the second half of 2019.", "2020-02-01", dt.date(2019, 7, 1), dt.date(2019, 12, 31)),
    ("SD", "Some 40 villagers died in the first quarter of this year.", "2024-05-02", dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
    ("CD", "The UN estimated at the end of 2023 that 6.9 million people were displaced.", "2024-03-06",
     dt.date(2023, 12, 31), dt.date(2023, 12, 31)),
]


@pytest.mark.parametrize(("country", "text", "published", "first", "last"), PERIODS, ids=_ids(PERIODS))
def test_world_part_of_a_year(country, text, published, first, last):
    found = find_periods(text, dt.date.fromisoformat(published))
    assert found and (found[0].first, found[0].last) == (first, last), found


def test_world_since_early_in_the_year_a_war_began_is_january():
    """Libya's second civil war began 2014-05-16: "since 2014" is the war, "since early 2014" is January."""
    pub = dt.date(2015, 7, 9)
    war = world.war_start("LY", pub)
    early = find_periods("At least 1,500 have died since early 2014.", pub, war_start=war)
    bare = find_periods("At least 1,500 have died since 2014.", pub, war_start=war)
    assert early[0].first == dt.date(2014, 1, 1) and bare[0].first == war


@pytest.mark.parametrize(("country", "text", "published", "first"), [
    # the insurgency known to the table (Boko Haram, 2009-07-26) when its year agrees; the year itself otherwise
    ("NG", "Since the current insurgency started in 2009, the group has killed 20,000 people.", "2017-07-29", dt.date(2009, 7, 26)),
    ("MZ", "Since the jihadist insurgency began in 2015, it has killed hundreds of people.", "2019-07-04", dt.date(2015, 1, 1)),
])
def test_world_since_the_insurgency_began_in_a_year(country, text, published, first):
    pub = dt.date.fromisoformat(published)
    found = find_periods(text, pub, war_start=world.war_start(country, pub))
    assert found and found[0].first == first and found[0].last == pub, found


# --- with what, and who bombs ------------------------------------------------

def test_world_air_raid_sirens_are_no_air_strike():
    f = figure_in("Late on Friday cruise missiles struck the city of Dnipro, killing four people as air raid sirens "
                  "sounded across the country, officials said.", (K, 4, "people"), "2022-07-15")
    assert f.weapon == "missile"


AIR = [
    ("ET", "The number of civilians killed in an air strike on a market in Ethiopia's Tigray region has risen to 51, "
           "a health official said.", (K, 51, "civilians"), "2021-06-24", "Ethiopia government"),
    ("MM", "An air strike on a village in Myanmar's Sagaing region killed 17 people, residents said.",
     (K, 17, "people"), "2023-04-12", "Myanmar government"),
    ("SD", "Air strikes on a market in Sudan's Nyala killed 12 people, local activists said.",
     (K, 12, "people"), "2024-02-20", "Sudan government"),
    # a drone strike where one party alone flies armed drones (War in Amhara, from 2023-04-09)
    ("ET", "Seven civilians were killed when a drone strike hit a minibus in Ethiopia's Amhara region, witnesses said.",
     (K, 7, "civilians"), "2023-12-06", "Ethiopia government"),
]


@pytest.mark.parametrize(("country", "text", "fig", "published", "want"), AIR, ids=_ids(AIR))
def test_world_who_alone_bombs_from_the_air(country, text, fig, published, want):
    f = _geocoded(text, fig, published)
    assert names.names_every_actor(want, f.actor), f"actor {f.actor!r}, want {want!r}"


@pytest.mark.parametrize(("country", "text", "fig", "published"), [
    # drones: armed groups fly them too
    ("MM", "A drone strike on a village in Myanmar's Sagaing region killed 3 people, residents said.", (K, 3, "people"), "2023-04-12"),
    # several air forces fly over Somalia: nobody is assumed
    ("SO", "An air strike near Jilib in Somalia killed 8 people, elders said.", (K, 8, "people"), "2022-03-01"),
])
def test_world_no_air_force_assumed_where_the_war_does_not_say(country, text, fig, published):
    f = _geocoded(text, fig, published)
    assert not f.actor, f.actor


# --- figures worded otherwise -------------------------------------------------

FIGURES = [
    ("LY", "A senior military intelligence officer was killed in Misrata on Wednesday when a bomb in his car exploded.",
     (K, 1, "combatants")),
    ("NG", "A police officer was killed in Kano on Tuesday, officials said.", (K, 1, "people")),
    ("AF", "A roadside bomb in Afghanistan's Kunar province killed a Taliban police chief and wounded nine others.", (K, 1, "people")),
    ("IN", "Four soldiers were killed while 12 others, among them five women and children, were injured in the attack.",
     (I, 5, "civilians")),
    ("SY", "Nine women and children were killed in the air strike on the town.", (K, 9, "civilians")),
    ("AZ", "A woman and her three grandchildren were killed when a shell hit their house.", (K, 3, "children")),
    ("NE", "The raid follows the killing on Tuesday of 19 villagers, including six children, in the same district.",
     (K, 19, "civilians")),
    ("ML", "More than 4,000 Malians have found refuge in Mauritania since January, the UN said.", (D, 4000, "people")),
    ("SD", "About 2,500 people crossed into Chad over the weekend, aid workers said.", (D, 2500, "people")),
]


@pytest.mark.parametrize(("country", "text", "fig"), FIGURES, ids=_ids(FIGURES))
def test_world_a_figure_worded_otherwise(country, text, fig):
    figure_in(text, fig, "2021-08-20")


@pytest.mark.parametrize(("country", "text", "outcome"), [
    # the dead and the hurt counted together are neither
    ("HT", "More than 1,200 people were killed or injured in gang violence in the capital in the first quarter.", K),
    # who lived in a town before the fighting are no displaced
    ("CD", "Some 60,000 people lived in the town, as well as tens of thousands displaced by earlier clashes.", D),
])
def test_world_no_such_figure(country, text, outcome):
    big = [f for f in figures_of(text, "2024-04-19") if str(f.outcome) == outcome and f.n >= 1000]
    assert not big, big


def test_world_another_one_and_a_count_are_two_groups():
    """"another Syrian and six Lebanese": one person, then six (no singular noun swallowing the list)."""
    figs = figures_of("The ministry said the wounded included another Syrian and six Lebanese, among them two women.", "2025-10-11")
    assert {(str(f.outcome), f.n) for f in figs} >= {(I, 1), (I, 6)}, figs


def test_world_one_who_describes_their_work_speaks():
    """"a health official involved in the response said": who speaks, not one killed."""
    figs = figures_of("The number of civilians killed in an air strike in Ethiopia's Tigray region has risen to 51, "
                      "a health official involved in the response said.", "2021-06-24")
    assert [f.n for f in figs if str(f.outcome) == K] == [51], figs


# --- round 13c: who speaks after the verb, a department that is a place, a side that changed, spent shells, a locality ---

@pytest.mark.parametrize(("country", "text", "fig", "want"), [
    # the one named after "said" speaks, not the role the clause before it is about
    ("AF", "A bomb killed three people in Asadabad, targeting the police chief of the district, said an official from the group.",
     (K, 3, "people"), "official"),
])
def test_world_the_one_after_the_verb_speaks(country, text, fig, want):
    f = _geocoded(text, fig, "2021-10-14")
    assert names.same_source(want, f.source), f"source {f.source!r}, want {want!r}"


def test_world_a_department_named_as_where_is_no_source():
    hits = context.sources_in("In the Choco Department, 21 mass displacements of over 9,200 people were recorded.", "CO")
    assert not any("Department" in h.value for h in hits), hits


@pytest.mark.parametrize(("published", "side"), [("2021-10-14", "government"), ("2019-10-14", "opposition")])
def test_world_the_side_of_a_group_that_became_the_government(published, side):
    """The Taliban are Afghanistan's government from 2021-08-15 (actors.tsv, fights: AF@2021-08-15=government)."""
    f = _geocoded("A blast in Afghanistan's Kunar province wounded four Taliban fighters, a doctor said.",
                  (I, 4, "combatants"), published)
    assert str(f.side) == side


def test_world_spent_shells_are_gunfire():
    f = figure_in("Gunmen stormed a bar in the Mexican state of Guanajuato and killed nine people. Police found spent "
                  "shells of various calibers at the scene.", (K, 9, "people"), "2020-09-28")
    assert f.weapon == "gunfire", f.weapon


@pytest.mark.parametrize(("country", "text", "fig", "place"), [
    ("CD", "Rebels killed four civilians with machetes in the Mavivi area of North Kivu's Beni territory, an official said.",
     (K, 4, "civilians"), "Mavivi"),
    ("PK", "In Pakistan's Kurram district, three people were injured in the Pewar area on Sunday, police said.",
     (I, 3, "people"), "Pewar"),
])
def test_world_an_area_abroad_is_a_locality(country, text, fig, place):
    f = _geocoded(text, fig, "2023-07-11")
    assert f.place is not None and names.same_place(place, f.place.mention), f.place


@pytest.mark.parametrize(("country", "text", "fig", "want"), [
    ("NG", "Authorities in northeastern Nigeria say at least 11 people were killed in a suicide bombing in Konduga.",
     (K, 11, "people"), "authorities"),
    ("UA", "At least 30 people are dead, including two children, authorities said, after the strike on the city.",
     (K, 30, "people"), "authorities"),
])
def test_world_the_authorities_are_authorities(country, text, fig, want):
    f = _geocoded(text, fig, "2023-05-02")
    assert names.same_source(want, f.source) and "government" not in (f.source or ""), f.source


# --- round 13d: a raid on the ground, where a relative clause says, a numbered village, a people's village ---

def test_world_a_raid_abroad_with_no_aircraft_is_no_air_strike():
    f = _geocoded("Gunmen on motorbikes raided two villages in central Mali on Monday, killing 19 people, the mayor said. "
                  "The raids were the deadliest this year.", (K, 19, "people"), "2019-06-19")
    assert f.weapon != "airstrike", f.weapon


def test_world_a_raid_where_aircraft_are_named_stays_an_air_strike():
    f = _geocoded("Warplanes carried out raids on villages in Myanmar's Sagaing region, killing 12 people, residents said.",
                  (K, 12, "people"), "2023-04-12")
    assert f.weapon == "airstrike", f.weapon


@pytest.mark.parametrize(("text", "fig", "place"), [
    # a name the gazetteer knows only abroad, which a "where" clause makes the place
    ("Unidentified gunmen attacked villages in central Mali, said the mayor of Yoro, where 21 people were killed.",
     (K, 21, "people"), "Yoro"),
    # a village with a number in its name
    ("Gunmen attacked villages in central Mali on Monday. Another 13 died in Gangafani 2.", (K, 13, "people"), "Gangafani 2"),
])
def test_world_where_a_figure_was_in_mali(text, fig, place):
    f = _geocoded(text, fig, "2019-06-19")
    assert f.place is not None and names.same_place(place, f.place.mention), f.place


def test_world_a_peoples_village_is_no_village_name():
    found = [p for p in places_mod.place_mentions("Attackers believed to be Fulani raided a Dogon village last week.", country="ML")
             if p.text == "Dogon"]
    assert all(p.kind == "mention" for p in found), found


@pytest.mark.parametrize(("text", "fig", "published", "not_where"), [
    ("Bangui (Central African Republic) (AFP) – More than 20 people were killed on Tuesday when an armed group attacked "
     "two villages in the northwest of the country, the UN mission said.", (K, 20, "people"), "2019-05-22", "Bangui"),
    ("NIAMEY, Jan 10: At least 25 soldiers have been killed in an attack on a camp near the border with Mali, the army says.",
     (K, 25, "combatants"), "2020-01-11", "Niamey"),
])
def test_world_a_dateline_is_not_where(text, fig, published, not_where):
    f = _geocoded(text, fig, published)
    assert not (f.place and names.same_place(not_where, f.place.name or f.place.mention)), f.place
    assert not (f.place and f.place.admin1 and names.same_admin1(not_where, f.place.admin1)), f.place


# --- round 13e: a count at a year's end, the baseline a count is compared with, "from January through March" ---

def test_world_a_national_count_at_the_end_of_a_year():
    f = figure_in("The UN estimated at the end of 2023 that 6.9 million people were displaced in the DRC, including "
                  "2.5 million in North Kivu alone.", (D, 6900000, "people"), "2024-03-06")
    j = f.to_json()
    assert (j["start"], j["end"]) == ("2023-12-31", "2023-12-31"), (j["start"], j["end"])
    assert j["country"], "scoped to the country it names"


@pytest.mark.parametrize(("text", "published", "first", "last"), [
    ("More than 1,600 people were killed in gang violence in Haiti from January through March, up 53% from the last "
     "three months of 2023, the UN said.", "2024-04-20", dt.date(2024, 1, 1), dt.date(2024, 3, 31)),
])
def test_world_the_baseline_compared_with_is_no_period(text, published, first, last):
    found = find_periods(text, dt.date.fromisoformat(published))
    assert [(w.first, w.last) for w in found] == [(first, last)], found


# --- round 13f (k read at the end of the session): a hospital where the dead were taken, "in Gaza", a part's country ---

def test_world_a_hospital_where_the_dead_were_received_does_not_speak():
    hits = context.sources_in("\"There are six dead bodies and 35 injured in the medical complex while three more bodies "
                              "have been received in Jamrud hospital,\" he said.", "PK")
    assert not any("hospital" in h.value for h in hits), hits


def test_world_in_a_territory_is_no_national_scope():
    f = figure_in("At least 3,700 Palestinians have been killed and 12,400 wounded in Israeli strikes on Gaza since "
                  "October 7, the health ministry in Gaza said on Thursday.", (I, 12400, "people"), "2023-10-19")
    assert f.place is not None or f.to_json()["admin1"] or not f.to_json()["country"], f.to_json()


def test_world_a_part_of_a_national_count_keeps_its_province():
    f = _geocoded("The UN estimated at the end of 2023 that 6.9 million people were displaced in the DRC, including "
                  "2.5 million in the province of North Kivu alone.", (D, 2500000, "people"), "2024-03-06")
    assert names.same_admin1("North Kivu", f.to_json()["admin1"]), f.to_json()["admin1"]


@pytest.mark.parametrize(("text", "fig"), [
    ("Nine people were declared dead at the scene in Mexico. One other woman, found alive with gunshot wounds, later died "
     "in hospital.", (K, 1, "women")),
    ("Two soldiers were wounded in the ambush in Burkina Faso and later died of their injuries.", (K, 2, "combatants")),
])
def test_world_the_hurt_who_later_died(text, fig):
    figure_in(text, fig, "2020-09-28")
