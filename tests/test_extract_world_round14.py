"""World news, round 14 (issues 13 and 15, session 34): counts worded as a
whole and its parts ("Of the total death toll, 900 were children"), the dead
named after "Among the dead were", one more person ("and one other
wounded"), a title written in capitals, a possessive ("its worker"); who
speaks ("wrote", a curly apostrophe, a UN mission named in title case, a
town's military administration); where (a unit that owns the village named
after it, a distance in words from a capital, a dateline on a line of its
own, a namesake the gazetteer has only in another oblast); when ("from Feb.
24, 2022, to May 7"); with what (a mine stepped on, a bomb buried in the
road).  Each row names its country; the sentences are written here, after
the shapes of real reports."""
from __future__ import annotations

import datetime as dt

import pytest

import wartally
from wartally.eval import names
from wartally.extract.when import find_periods
from wartally.geo import measured_from
from wartally.records import Document
from conftest import figure_in, figures_of
from test_extract_world_mechanisms import _geocoded

K, I, D = "killed", "injured", "displaced"


def _ids(rows: list[tuple]) -> list[str]:
    return [f"{r[0]}-{i}" for i, r in enumerate(rows)]


# --- figures worded otherwise --------------------------------------------------

FIGURES = [
    ("PS", "The bombardment has killed 2,215 people. Of the total death toll, 724 were children and 458 were women, "
           "the ministry spokesman told reporters.", (K, 724, "children")),
    ("PS", "The bombardment has killed 2,215 people. Of the total death toll, 724 were children and 458 were women, "
           "the ministry spokesman told reporters.", (K, 458, "women")),
    ("BF", "At least 19 civilians were killed in the attack. Of the civilian victims, 11 were women.", (K, 11, "women")),
    ("LB", "An Israeli strike killed seven people in the south. Among the dead were a man and his four daughters, "
           "the health ministry said.", (K, 4, "children")),
    ("SD", "Among the dead in the camp were six employees of a medical charity that ran a clinic there.", (K, 6, "people")),
    ("KE", "Gunmen killed a National Police Reservist in a night raid on a village near the border.", (K, 1, "people")),
    ("TH", "Four rangers were killed and one other wounded in a roadside bombing, police said.", (I, 1, "combatants")),
    ("PS", "Eleven health care personnel have lost their lives in the strikes, the ministry added.", (K, 11, "people")),
    ("UA", "A Russian drone hit a farm and killed its 41-year-old tractor driver, the governor said.", (K, 1, "people")),
    ("UA", "A 64-year-old civilian man was wounded by shelling of a village in the Kupiansk district.", (I, 1, "civilians")),
]


@pytest.mark.parametrize(("country", "text", "fig"), FIGURES, ids=_ids(FIGURES))
def test_world_a_figure_worded_otherwise(country, text, fig):
    figure_in(text, fig, "2023-10-17")


def test_world_a_fronted_whole_gives_its_parts_their_outcome():
    """"Among the wounded in the blast, 12 were children": hurt, not dead."""
    f = figure_in("Among the wounded in the blast, 12 were children.", (I, 12, "children"), "2023-10-17")
    assert str(f.outcome) == I


def test_world_one_more_named_after_another_count_is_one_person():
    """"One other person was killed" stays one person, not a part of anyone."""
    figure_in("One other person was killed in the shelling.", (K, 1, "people"), "2023-10-17")


# --- weapons -------------------------------------------------------------------

@pytest.mark.parametrize(("country", "text", "fig", "weapon"), [
    ("UA", "A 37-year-old man was killed in the district after stepping on a mine, the governor said.", (K, 1, "men"), "landmine"),
    ("TH", "Five rangers were killed in an ambush when insurgents detonated a bomb buried in the road, police said.",
     (K, 5, "combatants"), "IED"),
    ("CO", "Two soldiers were wounded when their patrol drove over a mine in the rural area.", (I, 2, "combatants"), "landmine"),
])
def test_world_weapon_of_a_figure(country, text, fig, weapon):
    f = figure_in(text, fig, "2023-03-04")
    assert f.weapon == weapon


# --- who speaks ------------------------------------------------------------------

SOURCES = [
    ("UA", "Russian shelling hit a house in the Beryslav district, where two women were killed, the regional "
           "prosecutor’s office wrote on Telegram.", (K, 2, "women"), "regional prosecutor's office"),
    ("CF", "\"Armed men attacked the village, killing 14 people\" on Monday, said Lieutenant Colonel Jean Kossi, "
           "spokesman for the Minusca force.", (K, 14, "people"), "UN"),
    ("UA", "The town came under fire for an hour, the head of the city military administration told a broadcaster. "
           "According to him, the attack wounded three people.", (I, 3, "people"), "city military administration"),
]


@pytest.mark.parametrize(("country", "text", "fig", "want"), SOURCES, ids=_ids(SOURCES))
def test_world_source_of_a_figure(country, text, fig, want):
    f = figure_in(text, fig, "2023-05-12")
    assert names.same_source(want, f.source), f"source {f.source!r}, want {want!r}"


def test_world_a_named_group_inside_the_quote_is_not_the_speaker():
    """The group the quotation accuses is who did it; who speaks is named after the quotation."""
    f = figure_in("\"Fighters of the Union for Peace in Central Africa (UPC) attacked the village, killing 10 people\" on "
                  "Monday, said Lieutenant Colonel Jean Kossi, spokesman for the Minusca force.", (K, 10, "people"), "2022-05-15")
    assert f.source == "UN"


# --- where -------------------------------------------------------------------------

def test_world_a_unit_that_owns_the_village_is_its_area():
    """"Kharkiv Oblast's front-line village of Cherneshchyna": the gazetteer has the name only in other oblasts; the
    village stays the text's, in Kharkiv, not the namesake in Sumy."""
    f = _geocoded("Russian troops struck Kharkiv Oblast’s front-line village of Cherneshchyna near Izium on May 12, "
                  "killing a 30-year-old farm worker, the governor said.", (K, 1, "people"), "2023-05-12")
    assert (f.place.mention, f.area.admin1 if f.area else None) == ("Cherneshchyna", "Kharkiv")
    assert f.place.admin1 != "Sumy"


@pytest.mark.parametrize(("text", "km"), [
    ("killed 10 civilians hundreds of kilometres northeast of the Central African Republic capital Bangui", 300),
    ("The village is about 550 kilometers (340 miles) from the capital Bangui", 550),
    ("fifty miles from Goma", 80),
])
def test_world_a_distance_in_words_from_a_capital(text, km):
    got = measured_from(text, text.rindex(text.split()[-1]))
    assert got is not None and abs(got - km) <= km * 0.02


def test_world_a_dateline_on_a_line_of_its_own_is_not_where():
    text = ("Bangui (Central African Republic) (AFP)\n\nRebels killed six civilians on Saturday in an attack on the "
            "village of Mann, the UN peacekeeping mission said.\n\nThe village is about 550 kilometers from the capital Bangui.")
    f = _geocoded(text, (K, 6, "civilians"), "2021-07-31")
    assert f.area is None or f.area.admin1 != "Bangui"


def test_world_a_unit_named_as_where_takes_no_village_from_another_unit():
    """"killed in the Chuhuiv district of the oblast" (Kharkiv): not "the Marhanets community" of the next
    paragraph, which lies in Dnipropetrovsk."""
    text = ("A man was hurt in Kupiansk in Kharkiv Oblast. The governor reported that a 37-year-old civilian was killed "
            "in the Chuhuiv district of the oblast after stepping on a mine.\n\nRussian forces attacked the Nikopol "
            "district of Dnipropetrovsk Oblast. The Marhanets community of the oblast also came under fire.")
    f = _geocoded(text, (K, 1, "civilians"), "2023-03-04")
    assert f.place is not None and f.place.mention != "Marhanets"


def test_world_two_small_counts_in_two_towns_are_two_figures():
    text = ("Russian troops struck a front-line village near Izium on Friday, the governor said. Houses and a farm were "
            "damaged.\n\nThe community of Kostiantynivka in Donetsk Oblast was under fire for an hour. The attack wounded a woman, "
            "the city administration said.\n\nRussian forces also struck Kherson Oblast’s Darivka district, wounding a "
            "woman, the prosecutors said.")
    women = [f for f in figures_of(text, "2023-05-12") if (str(f.outcome), f.n, str(f.victims)) == (I, 1, "women")]
    assert len(women) == 2


# --- when ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "first", "last"), [
    ("has killed at least 8,791 civilians from Feb. 24, 2022, to May 7.", "2022-02-24", "2023-05-07"),
    ("killed 5 between Feb. 24, 2022, and May 7, 2023.", "2022-02-24", "2023-05-07"),
])
def test_world_a_range_of_days_with_a_comma_after_the_year(text, first, last):
    got = [(p.first, p.last) for p in find_periods(text, dt.date(2023, 5, 12))]
    assert (dt.date.fromisoformat(first), dt.date.fromisoformat(last)) in got


def test_world_a_war_toll_as_of_a_recent_day_is_the_country_s():
    """The UN's count from the day of the full-scale invasion to a day before publication: Ukraine's war toll."""
    text = ("Russian forces shelled a village in Kherson Oblast on Friday, wounding two people.\n\n"
            "According to the UN human rights agency, the war has killed at least 8,791 civilians in Ukraine "
            "from Feb. 24, 2022, to May 7.")
    f = _geocoded(text, (K, 8791, "civilians"), "2023-05-12")
    assert f.country == "Ukraine" and f.place is None


# --- second batch: counts worded as bodies, parts of a toll, the displaced who fled, a rank and a name ---------

FIGURES_2 = [
    ("CD", "The local chief said he had counted 17 bodies of men and women at the site of the massacre.", (K, 17, "people")),
    ("CD", "A civil society leader said 19 bodies had arrived at the hospital in the town.", (K, 19, "people")),
    ("SY", "Among the 914 dead are 602 Druze, 401 fighters and 201 civilians, according to the monitor.", (K, 602, "people")),
    ("SY", "The toll also includes 288 government forces members and 24 Bedouins, the monitor added.", (K, 288, "combatants")),
    ("BF", "Jihadist attacks have displaced more than a half million people, according to the United Nations.",
     (D, 500000, "people")),
    ("HT", "The southern region is already home to another 94,000 people who fled gang violence last year.",
     (D, 94000, "people")),
    ("PK", "In a separate attack, Constable Imran Khan was shot and killed on his way to work, police said.", (K, 1, "people")),
    ("NG", "Sergeant Musa Bello was wounded in the ambush, the army said.", (I, 1, "combatants")),
    ("UA", "Two people were killed in the shelling. One person was killed in Kurakhove and another in Toretsk.",
     (K, 1, "people")),
]


@pytest.mark.parametrize(("country", "text", "fig"), FIGURES_2, ids=_ids(FIGURES_2))
def test_world_a_figure_worded_otherwise_2(country, text, fig):
    figure_in(text, fig, "2024-03-22")


def test_world_the_town_the_omitted_verb_applies_to():
    """"One person was killed in Kurakhove and another in Toretsk": two deaths, one in each town."""
    towns = {f.place.mention for f in wartally.extract("One person was killed in Kurakhove and another in Toretsk.",
                                                       published="2023-03-04", geocode=False) if f.place}
    assert towns == {"Kurakhove", "Toretsk"}


def test_world_who_live_somewhere_are_still_no_figure():
    assert not figures_of("The town is home to 50,000 people.", "2024-03-22")


@pytest.mark.parametrize(("text", "fig", "first", "last"), [
    # a count in the clause after a colon takes that clause's date, not the one before the colon
    ("Attacks over the past year have killed hundreds: at least 37 civilians were killed in the east last month "
     "when gunmen ambushed a convoy.", (K, 37, "civilians"), "2019-11-01", "2019-11-30"),
])
def test_world_the_date_of_a_figure_s_own_clause(text, fig, first, last):
    f = figure_in(text, fig, "2019-12-24")
    assert (str(f.period.start), str(f.period.end)) == (first, last)


def test_world_the_dead_named_two_sentences_on_keep_the_strike_s_day():
    """The sentence between dates only when a war began ("since ... started trading strikes on Oct. 8"); the dead
    named after it are the strike's, of its day, by its attacker."""
    text = ("An Israeli strike in southern Lebanon early Saturday killed at least 10 Syrian nationals, the health ministry "
            "said. The strike on Wadi al-Kfour in Nabatieh province is among the deadliest since Hezbollah and Israel "
            "started trading strikes on Oct. 8. Hezbollah says it will stop once a ceasefire is reached in Gaza. "
            "Among the dead were a woman and her two children, the ministry said. Five others were wounded.")
    figs = wartally.extract(text, published="2024-08-17", geocode=False)
    hurt = next(f for f in figs if str(f.outcome) == I and f.n == 5)
    children = next(f for f in figs if str(f.outcome) == K and f.n == 2)
    assert str(children.period.start) == "2024-08-17" and str(hurt.period.start) == "2024-08-17"
    assert hurt.actor == ("Israel",)


def test_world_a_running_toll_counts_from_when_the_conflict_began():
    text = ("The number of Palestinians killed in Israeli strikes on the Gaza Strip has risen to 1,900, the Health Ministry "
            "said Friday.\n\nThe conflict began last Saturday when Hamas launched a surprise attack on Israel.")
    f = figure_in(text, (K, 1900, "people"), "2023-10-14")
    assert str(f.period.start) == "2023-10-07"


def test_world_a_hospital_named_after_a_place_its_owner_names_is_not_where():
    from wartally.extract.places import place_mentions
    found = place_mentions("The statement said Gaza’s Al-Durra Children's Hospital was struck.", None, "PS")
    assert not [p for p in found if p.text == "Al-Durra" and p.kind == "settlement"]


def test_world_a_ministry_spokesman_speaks_for_the_ministry_named_before():
    text = ("At least 3,785 Palestinians have been killed, the Gaza Health Ministry said on Thursday. Of the total death "
            "toll, 1,524 were children, ministry spokesman Ashraf al-Qudra told a press conference.")
    f = figure_in(text, (K, 1524, "children"), "2023-10-19")
    assert names.same_source("Gaza Health Ministry", f.source), f.source


# --- third batch: who tells (a workplace, an activist, a described person, a group's own figures), who did it ------

SOURCES_3 = [
    ("CD", "Jean Paluku, who works in the Beni hospital morgue, said it had received 14 bodies.", (K, 14, "people"),
     "Beni hospital morgue"),
    ("CD", "Local activist Esther Kahindo said 16 bodies had been brought to the health centre.", (K, 16, "people"),
     "local activist"),
    ("CD", "\"Rebels attacked farmers at dawn,\" civil society leader Paul Kasereka told AFP. He said 12 people were killed.",
     (K, 12, "people"), "civil society leader"),
    ("YE", "The campaign of U.S. airstrikes has killed at least 53 people, according to casualty figures released by the "
           "Houthis.", (K, 53, "people"), "Houthis"),
    ("MM", "A military jet dropped two bombs on the village, according to Ko Min Aung, an anti-junta fighter from the "
           "village. Six people were killed and four wounded, he said.", (I, 4, "people"), "anti-junta fighter"),
    ("MM", "Six people were killed in the village, Daw Hla, a local teacher, told AFP.", (K, 6, "people"), "local teacher"),
]


@pytest.mark.parametrize(("country", "text", "fig", "want"), SOURCES_3, ids=_ids(SOURCES_3))
def test_world_source_of_a_figure_3(country, text, fig, want):
    f = figure_in(text, fig, "2025-04-06")
    assert names.same_source(want, f.source), f"source {f.source!r}, want {want!r}"


@pytest.mark.parametrize(("country", "text", "fig", "actor"), [
    ("YE", "The campaign of U.S. airstrikes targeting the militants has killed at least 53 people, according to "
           "casualty figures released by the Houthis.", (K, 53, "people"), ("United States",)),
    ("MM", "A military jet dropped two bombs on a village in Sagaing region, killing six people, residents said.", (K, 6, "people"),
     ("Myanmar government",)),
])
def test_world_actor_of_a_figure(country, text, fig, actor):
    f = figure_in(text, fig, "2025-04-06")
    assert tuple(f.actor) == actor, f.actor


def test_world_the_target_alone_may_be_who_fought_back():
    """With no other actor named, who an offensive was against stays the actor of the attackers' own dead."""
    f = figure_in("The army launched an offensive against ISIS in which 20 soldiers were killed.", (K, 20, "combatants"),
                  "2025-04-06")
    assert "ISIS" in tuple(f.actor)


# --- fourth batch: a unit abroad, whose a body is, a campaign's target -----------------------------------------

@pytest.mark.parametrize(("country", "text", "fig", "not_actor"), [
    ("IQ", "Turkey has kept bases in northern Iraq as part of its campaign against militants of the Kurdistan Workers' "
           "Party (PKK). A drone strike killed three people on the Dokan road, the district governor said.",
     (K, 3, "people"), "Kurdistan Workers' Party (PKK)"),
    ("IQ", "On August 23 a drone strike that officials blamed on Turkey killed two journalists working for PKK-funded "
           "outlets.", (K, 2, "people"), "Kurdistan Workers' Party (PKK)"),
])
def test_world_who_is_aimed_at_or_owns_a_body_did_not_do_it(country, text, fig, not_actor):
    f = figure_in(text, fig, "2024-09-04")
    assert not_actor not in tuple(f.actor), f.actor


def test_world_one_name_of_a_group_is_one_actor_abroad():
    f = figure_in("Turkish drones killed five PKK fighters in northern Iraq, the ministry said.", (K, 5, "combatants"),
                  "2024-09-04")
    assert "Kurdish forces" not in tuple(f.actor)


@pytest.mark.parametrize(("text", "fig", "actor"), [
    # whom residents blamed for the strikes, two sentences before "killed in the strikes"
    ("Residents blamed the U.S.-led coalition for the strikes that hit two villages. The villages are near a town that "
     "the SDF has been trying to capture. The monitor said at least 40 civilians were killed in the strikes.",
     (K, 40, "civilians"), ("US-led coalition",)),
])
def test_world_who_the_text_blamed_for_the_strikes(text, fig, actor):
    f = figure_in(text, fig, "2016-07-19")
    assert tuple(f.actor) == actor, f.actor


def test_world_a_group_named_after_the_country_is_not_its_state():
    from wartally.extract import context
    hits = context.actors_in("Fighters of the Syria Democratic Forces attacked the village.", [], "SY")
    assert "Syrian government" not in [h.value for h in hits]


def test_world_the_sides_of_fighting_around_a_strike_did_not_strike():
    f = figure_in("Airstrikes on two villages killed at least 61 civilians on Tuesday as intense fighting was underway "
                  "between the militants and the Kurdish-led fighters, activists said.", (K, 61, "civilians"), "2016-07-19")
    assert "opposition" not in tuple(f.actor), f.actor


def test_world_the_sides_of_clashes_that_displaced_people_are_the_actors():
    f = figure_in("Over 5,000 people are displaced in the county after clashes between NAS and SPLA-IO in a village on "
                  "16 November.", (D, 5000, "people"), "2018-11-20")
    assert f.actor, "the clashing sides"


def test_world_a_claim_for_another_day_s_attack_is_not_this_figure_s_actor():
    text = ("A bomb blast claimed by the Daesh group killed at least 44 people on Wednesday in the city of Qamishli. "
            "The monitor reported that 56 civilians were killed in coalition strikes near Manbij on July 19. "
            "The city has regularly been targeted in bomb attacks, many of which have been claimed by Daesh.")
    f = figure_in(text, (K, 56, "civilians"), "2016-07-28")
    assert "ISIS" not in tuple(f.actor), f.actor


@pytest.mark.parametrize(("country", "text", "fig"), [
    ("PK", "The deceased included three police officers, the police said.", (K, 3, "people")),
])
def test_world_a_figure_worded_otherwise_3(country, text, fig):
    figure_in(text, fig, "2023-01-31")


def test_world_killed_and_injured_at_a_clause_s_end_are_neither():
    big = [f for f in figures_of("The explosion left more than 100 people killed and injured, officials said.", "2021-10-09")
           if str(f.outcome) == K]
    assert not big, big


def test_world_the_day_a_jet_dropped_its_bombs_is_the_attack_day():
    from wartally.extract.attack_day import days_in
    import datetime as _dt
    text = "Just before 8 am on Tuesday, a junta fighter jet dropped two bombs on the crowd."
    days = days_in([(text, find_periods(text, _dt.date(2023, 4, 13)))], _dt.date(2023, 4, 13))
    assert _dt.date(2023, 4, 11) in list(days)


# --- what the held-back set showed once scored (session 34): rules of this round that went too far ----------

def test_world_victims_a_hospital_treated_are_not_the_dead():
    text = ("The hospital said a total of 40 victims were brought for treatment, mostly for shock. Among the victims "
            "were 11 children, the hospital added.")
    assert not [f for f in figures_of(text, "2024-11-19") if str(f.outcome) == K and f.n == 11]


def test_world_a_participle_inside_a_group_after_bodies_taken_away():
    text = ("Four bodies were taken to the city hospital, while another was taken to the university hospital along with "
            "9 wounded people, a surgeon said.")
    figure_in(text, (I, 9, "people"), "2022-09-14")


def test_world_a_direction_of_the_country_is_not_passed_on_over_a_named_unit():
    text = ("Gunmen ambushed a convoy in northwest Mexico, killing five police officers. The governor of Durango state "
            "said the attack happened Thursday in the municipality of El Mezquital. Six police officers were also injured.")
    f = _geocoded(text, (I, 6, "people"), "2020-10-03")
    assert f.area is not None and f.area.admin1 == "Durango", f.area
